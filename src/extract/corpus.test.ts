/**
 * The acceptance test of extraction: every real report in the shared corpus gives exactly its
 * expected year, layout and cells, keeps provenance for every cell, and is checked as expected.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../check/check.js';
import { TEMPLATES, columnsOf } from '../model/templates.js';
import { parseReport } from '../parse.js';
import { corpusDocuments, diffReport, hasCorpus, loadExpected } from '../test/corpus.js';

const docs = corpusDocuments();

describe.skipIf(!hasCorpus)('corpus: exact extraction', () => {
  it('has the documents the corpus README lists', () => {
    expect(docs.map((d) => d.name)).toEqual(expect.arrayContaining(['000_daa3a425bc8b9220', '004_f3aa8371343c721c', 'pingtan-2021', 'shanghai-2019']));
  });

  for (const doc of docs) {
    describe(doc.name, async () => {
      const report = await parseReport(new Uint8Array(fs.readFileSync(doc.file)), { name: doc.file });
      const expected = loadExpected(doc.name);

      it('gives exactly the expected year, layout and every cell', () => {
        expect(diffReport(report, expected)).toEqual([]);
      });

      it('keeps, for every cell, where it came from and the text as printed', () => {
        for (const table of ['active', 'requests', 'appeals'] as const) {
          const spec = TEMPLATES[report.meta.layout[table]!].tables[table];
          for (const row of spec.rows) {
            for (const col of columnsOf(spec, row)) {
              const src = report.provenance[table][row.key]?.[col.key];
              expect(src, `${table}.${row.key}.${col.key}`).toBeDefined();
              expect(src!.loc.line ?? src!.loc.page ?? src!.loc.table, `${table}.${row.key}.${col.key} location`).toBeDefined();
              const v = report.tables[table][row.key]![col.key];
              if (typeof v === 'number' && src!.method !== 'split' && src!.method !== 'guess') {
                // the number printed in the cell's own text is the value (the sign aside)
                const printed = (src!.raw.normalize('NFKC').match(/\d[\d,]*(\.\d+)?/) ?? ['NaN'])[0].replace(/,/g, '');
                expect(Number(printed)).toBe(Math.abs(v));
              }
            }
          }
        }
      });

      it('finds the six sections', () => {
        expect(report.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
      });

      const findings = checkReport(report);
      if (expected.expected.anomalies.length === 0) {
        it('has no error-severity finding', () => {
          expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
        });
      }
    });
  }
});

describe.skipIf(!hasCorpus)('corpus: known anomalies are reported by the matching rules', () => {
  const parse = async (name: string) => {
    const doc = docs.find((d) => d.name === name)!;
    return parseReport(new Uint8Array(fs.readFileSync(doc.file)), { name: doc.file });
  };

  it('002: （七）总计 contradicts its rows, and the 勾稽关系 fails, in 自然人 and 总计', async () => {
    const findings = checkReport(await parse('002_d37008fbb3c2afee'));
    const of = (rule: string) => findings.filter((f) => f.rule === rule && f.severity === 'error');
    expect(of('requests.resultTotal').map((f) => f.cells[0]!.column).sort()).toEqual(['natural', 'total']);
    expect(of('requests.balance').map((f) => f.cells[0]!.column).sort()).toEqual(['natural', 'total']);
    expect(of('requests.resultTotal')[0]!.message).toContain('（七）总计为 0');
  });

  it('shanghai: blank 总计 in eleven result rows, the 总计 column sum, and the prose 258', async () => {
    const report = await parse('shanghai-2019');
    const findings = checkReport(report);
    const rowTotals = findings.filter((f) => f.rule === 'requests.rowTotal');
    expect(rowTotals).toHaveLength(11);
    expect(rowTotals.map((f) => f.cells[0]!.row)).toContain('result.granted');
    expect(rowTotals.find((f) => f.cells[0]!.row === 'result.granted')!.message).toContain('272');
    const totalColumn = findings.find((f) => f.rule === 'requests.resultTotal' && f.cells[0]!.column === 'total');
    expect(totalColumn?.message).toContain('805');
    const prose = findings.filter((f) => f.rule === 'narrative.requests');
    expect(prose).toHaveLength(1);
    expect(prose[0]!.message).toContain('258');
    expect(prose[0]!.message).toContain('275');
    // the money cell printed with a unit keeps its number and says so
    expect(report.tables.active.procurement!.amount).toBe(251000);
    expect(report.provenance.active.procurement!.amount!.unit).toBe('元');
  });

  it('shanghai: blank cells are null, not 0', async () => {
    const report = await parse('shanghai-2019');
    expect(report.tables.requests['result.granted']!.total).toBeNull();
    expect(report.tables.requests['received.new']!.research).toBeNull();
    expect(report.tables.appeals.litigationAfterReconsideration!.total).toBeNull();
  });

  it('pingtan: digits run together are split by the sum rules and marked as inferred', async () => {
    const report = await parse('pingtan-2021');
    const src = report.provenance.requests['received.new']!;
    expect(src.natural!.method).toBe('split');
    expect(src.natural!.raw).toBe('640020470');
    expect(src.natural!.part).toBe('64');
    expect(src.total!.part).toBe('70');
    // 表二 has no sum rule: several splits fit, the choice is reported with its candidates
    const note = report.extraction.splits.find((s) => s.cells[0]!.row === 'normativeDocuments')!;
    expect(note.candidates[0]).toEqual([69, 3, 665]);
    expect(note.candidates.length).toBeGreaterThan(1);
    expect(checkReport(report).some((f) => f.rule === 'extract.ambiguousSplit')).toBe(true);
  });

  it('004: a 2021 表二 with the single 2019 （六） row is reported as it is', async () => {
    const report = await parse('004_f3aa8371343c721c');
    expect(report.meta.layout).toEqual({ active: '2021', requests: '2019', appeals: '2019' });
    expect(report.tables.requests['result.other']).toBeDefined();
    expect(report.tables.requests['result.other.other']).toBeUndefined();
    const f = checkReport(report).find((x) => x.rule === 'structure.template');
    expect(f?.severity).toBe('warning');
  });

  it('metadata: agency from the title or the prose, never guessed', async () => {
    expect((await parse('001_43d6c315cbc0f57d')).meta.agency).toBe('山海关区发展和改革局');
    expect((await parse('002_d37008fbb3c2afee')).meta.agency).toBe('鹤岗市工农区人民政府');
    expect((await parse('004_f3aa8371343c721c')).meta.agency).toBe('鹤岗市营商环境建设监督局');
    expect((await parse('000_daa3a425bc8b9220')).meta.agency).toBeNull();
    expect((await parse('004_f3aa8371343c721c')).meta.year).toBe(2024);
  });
});
