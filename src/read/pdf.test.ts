import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGongkaiError } from '../errors.js';
import { extractReport } from '../extract/extract.js';
import { diffReport, hasCorpus, loadExpected, repoRoot } from '../test/corpus.js';
import type { Block } from './document.js';
import { pdfHasTextLayer, scannedPdfHandler, setScannedPdfHandler } from './pdf.js';
import { readDocument } from './read.js';

const dir = path.join(repoRoot, 'test-fixtures', 'pdf');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));
/** Report fixtures are named <corpus document>.<how it was made>.pdf. */
const reports = fs.readdirSync(dir).filter((f) => /^[^.]+\.[a-z]+\.pdf$/.test(f) && !['encrypted.pdf', 'scanned.pdf'].includes(f));

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isGongkaiError(e)) return e;
    throw e;
  }
  throw new Error('expected a GongkaiError');
}

function allText(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flat().map((c) => c.text)));
}

describe('PDF reader: corpus documents rendered to PDF', () => {
  it('has the report fixtures', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
  });
  for (const file of reports) {
    const name = file.split('.')[0]!;
    it.skipIf(!hasCorpus)(`${file} gives every expected cell of ${name}`, async () => {
      const doc = await readDocument(fixture(file), file);
      const report = extractReport(doc);
      expect(diffReport(report, loadExpected(name))).toEqual([]);
      // Every value read from a cell can be boxed on its page.
      let cells = 0;
      for (const rows of Object.values(report.provenance)) {
        for (const cols of Object.values(rows)) {
          for (const src of Object.values(cols)) {
            expect(src.loc.page).toBeGreaterThanOrEqual(1);
            expect(src.loc.bbox).toHaveLength(4);
            const [x0, y0, x1, y1] = src.loc.bbox!;
            expect(x1).toBeGreaterThanOrEqual(x0);
            expect(y1).toBeGreaterThanOrEqual(y0);
            cells++;
          }
        }
      }
      expect(cells).toBeGreaterThan(0);
    });
  }
});

describe('PDF reader: layout', () => {
  it('rebuilds ruled tables, joins a table split by a page break, and drops page furniture', async () => {
    const doc = await readDocument(fixture('002_d37008fbb3c2afee.bigfont.pdf'), 'x.pdf');
    const pages = new Set(doc.blocks.map((b) => b.loc.page));
    expect(pages.size).toBeGreaterThan(3);
    const requests = doc.blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r.some((c) => /本年新收/.test(c.text.replace(/\s/g, '')))));
    expect(requests?.kind).toBe('table');
    if (requests?.kind !== 'table') return;
    const cellPages = new Set(requests.rows.flat().map((c) => c.loc.page));
    expect(cellPages.size).toBeGreaterThan(1);
    // "- 3 -" footers are gone, from tables and paragraphs alike
    expect(allText(doc.blocks).filter((t) => /^-\s*\d+\s*-$/.test(t.trim()))).toEqual([]);
  });

  it("drops Chromium's running header and footer", async () => {
    const doc = await readDocument(fixture('000_daa3a425bc8b9220.chromium.pdf'), 'x.pdf');
    expect(allText(doc.blocks).filter((t) => /file:\/\/|\.html|\d+\/\d+$/.test(t))).toEqual([]);
  });

  it('never runs the numbers of neighbouring cells together', async () => {
    const doc = await readDocument(fixture('shanghai-2019.chromium.pdf'), 'x.pdf');
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables.length).toBe(3);
    const row = tables[1]!.kind === 'table' ? tables[1]!.rows.find((r) => r.some((c) => c.text.includes('本年新收'))) : undefined;
    expect(row?.map((c) => c.text.trim())).toEqual([expect.stringContaining('本年新收'), '821', '35', '', '', '2', '1', '859']);
    for (const c of row ?? []) {
      expect(c.loc.bbox).toHaveLength(4);
      expect(c.gridColumn).toBeTypeOf('number');
    }
  });

  it('reads text set in a non-embedded Chinese font (STSong-Light)', async () => {
    const doc = await readDocument(fixture('001_43d6c315cbc0f57d.stsong.pdf'), 'x.pdf');
    expect(allText(doc.blocks).join('')).toContain('政府信息公开');
  });
});

describe('PDF reader: files it cannot read', () => {
  it('encrypted → ENCRYPTED', async () => {
    const e = await errorOf(readDocument(fixture('encrypted.pdf'), 'x.pdf'));
    expect(e.code).toBe('ENCRYPTED');
    expect(e.message).toBe('PDF 文件已加密（需要密码），无法读取');
  });

  it('truncated → CORRUPT', async () => {
    const bytes = fixture('001_43d6c315cbc0f57d.stsong.pdf');
    for (const frac of [0.2, 0.5, 0.8]) {
      const e = await errorOf(readDocument(bytes.subarray(0, Math.floor(bytes.length * frac)), 'x.pdf'));
      expect(e.code).toBe('CORRUPT');
      expect(e.message).toMatch(/^PDF 文件已损坏：/);
    }
  });

  it('too many pages → TOO_LARGE', async () => {
    const e = await errorOf(readDocument(fixture('002_d37008fbb3c2afee.bigfont.pdf'), 'x.pdf', { limits: { maxPages: 2 } }));
    expect(e.code).toBe('TOO_LARGE');
  });

  it('a scan without OCR → MISSING_TOOL; with a registered handler → the handler reads it', async () => {
    const bytes = fixture('scanned.pdf');
    expect(await pdfHasTextLayer(bytes)).toBe(false);
    expect(await pdfHasTextLayer(fixture('001_43d6c315cbc0f57d.stsong.pdf'))).toBe(true);
    // The OCR module registers itself when loaded; take it out to see the reader's own answer.
    const registered = scannedPdfHandler();
    setScannedPdfHandler(null);
    try {
      const e = await errorOf(readDocument(bytes, 'x.pdf'));
      expect(e.code).toBe('MISSING_TOOL');
      expect(e.message).toContain('tesseract-ocr-chi-sim');
    } finally {
      setScannedPdfHandler(registered);
    }
    setScannedPdfHandler(async (_bytes, source) => ({ source, blocks: [{ kind: 'paragraph', text: 'OCR', loc: { page: 1 } }], hints: {} }));
    try {
      const doc = await readDocument(bytes, 'x.pdf');
      expect(allText(doc.blocks)).toEqual(['OCR']);
    } finally {
      setScannedPdfHandler(registered);
    }
  });
});
