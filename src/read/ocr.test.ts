/**
 * Scanned fixtures (test-fixtures/scan/, made by scripts/make-fixtures-scan.sh) parse to exactly
 * the corpus's expected cells, and every OCR'd cell says how sure it is and where it sits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { diffReport, hasCorpus, loadExpected, repoRoot } from '../test/corpus.js';
import { ocrAvailable } from './ocr-available.js';
import { readDocument } from './read.js';

const dir = path.join(repoRoot, 'test-fixtures', 'scan');
const hasOcr = ocrAvailable();
if (!hasOcr) console.warn('[gongkai tests] 未安装 tesseract-ocr / tesseract-ocr-chi-sim：跳过 OCR 测试');

const fixtures = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.scan\.(pdf|png|jpe?g|tiff?)$/.test(f)) : [];
/** OCR of a page takes seconds, more on a busy machine. */
const TIMEOUT = 180_000;

describe.skipIf(!hasOcr)('scanned documents through OCR', () => {
  it('has scan fixtures, one of them a 150 dpi image-only PDF', () => {
    expect(fixtures.some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of fixtures) {
    const name = file.replace(/\.scan\.[^.]+$/, '');
    it.skipIf(!hasCorpus)(`${file} parses to the expected values`, { timeout: TIMEOUT }, async () => {
      const report = await parseReport(new Uint8Array(fs.readFileSync(path.join(dir, file))), { name: file });
      expect(diffReport(report, loadExpected(name))).toEqual([]);
    });
  }

  it('gives OCR cells a confidence and a page location', { timeout: TIMEOUT }, async () => {
    const file = fixtures.find((f) => f.endsWith('.pdf'))!;
    const doc = await readDocument(new Uint8Array(fs.readFileSync(path.join(dir, file))), file);
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables.length).toBeGreaterThan(0);
    const cells = tables.flatMap((t) => t.rows.flat());
    const read = cells.filter((c) => c.text !== '');
    expect(read.length).toBeGreaterThan(100);
    for (const c of read) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.loc.page).toBeGreaterThanOrEqual(1);
      const [x0, y0, x1, y1] = c.loc.bbox!;
      // PDF points on an A4 page
      expect(x0).toBeLessThan(x1);
      expect(y0).toBeLessThan(y1);
      expect(x1).toBeLessThanOrEqual(596);
      expect(y1).toBeLessThanOrEqual(842);
    }
    // empty cells are not sent to OCR and carry no confidence
    for (const c of cells.filter((c) => c.text === '')) expect(c.confidence).toBeUndefined();
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('政府信息公开'))).toBe(true);
  });
});
