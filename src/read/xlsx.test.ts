import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { diffReport, hasCorpus, loadExpected } from '../test/corpus.js';
import { writeZip } from './archive-write.js';
import type { TableBlock } from './document.js';
import { DOCUMENTS, fixture } from './docx-testdata.js';
import { readDocument } from './read.js';


describe('XLSX reader: structure', () => {
  it('gives one table per sheet, merged ranges once with spans, sheet cell addresses', async () => {
    const doc = await readDocument(fixture('shanghai-2019.xlsx'), 'shanghai-2019.xlsx');
    expect(doc.blocks.every((b) => b.kind === 'table')).toBe(true);
    const t = doc.blocks[0] as TableBlock;
    const merged = t.rows.flat().filter((c) => (c.rowSpan ?? 1) > 1);
    expect(merged.length).toBeGreaterThan(0);
    const cell = t.rows[0]![0]!;
    expect(cell.loc).toMatchObject({ sheet: 'Sheet1', row: 0, cell: 0 });
  });
});

describe('XLSX reader: bad input', () => {
  it('refuses a truncated workbook as corrupt', async () => {
    const good = fixture('000_daa3a425bc8b9220.xlsx');
    await expect(readDocument(good.subarray(0, 3000), 'x.xlsx')).rejects.toMatchObject({ code: 'CORRUPT' });
  });
  it('refuses a workbook that inflates past the limits before SheetJS sees it', async () => {
    const bomb = writeZip([{ name: 'xl/workbook.xml', data: ' '.repeat(5_000_000) }]);
    await expect(readDocument(bomb, 'x.xlsx')).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});

describe.skipIf(!hasCorpus)('XLSX fixtures parse to the expected report', () => {
  for (const name of DOCUMENTS) {
    it(name, async () => {
      const report = await parseReport(fixture(`${name}.xlsx`), { name: `${name}.xlsx` });
      expect(report.meta.source.format).toBe('xlsx');
      expect(diffReport(report, loadExpected(name))).toEqual([]);
      const prov = report.provenance.requests?.['received.new']?.['natural'];
      expect(prov?.loc.sheet).toBe('Sheet1');
      expect(prov?.loc.row).toBeTypeOf('number');
    });
  }
});
