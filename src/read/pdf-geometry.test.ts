import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test/corpus.js';
import { PdfFile } from './pdf-file.js';
import { pageViewport } from './pdf-geometry.js';
import { openPdf } from './pdf-load.js';
import { buildPdf } from './pdf-testfile.js';

const dir = path.join(repoRoot, 'test-fixtures', 'pdf');
const pdfs = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf') && f !== 'encrypted.pdf');

/** Our view and viewport against pdfjs's, page by page, at a few points of the page. */
async function sameAsPdfjs(bytes: Uint8Array): Promise<number> {
  const file = new PdfFile(bytes);
  const pages = file.pages();
  const doc = await openPdf(bytes);
  try {
    expect(pages.length).toBe(doc.numPages);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const theirs = page.getViewport({ scale: 1 });
      const ours = pageViewport(file, pages[n - 1]!);
      expect(ours.view).toEqual(page.view);
      expect(ours.viewport.width).toBeCloseTo(theirs.width, 6);
      expect(ours.viewport.height).toBeCloseTo(theirs.height, 6);
      for (const [x, y] of [[0, 0], [100, 200], [612, 792], [-5, 1000]] as const) {
        const a = ours.viewport.convertToViewportPoint(x, y);
        const b = theirs.convertToViewportPoint(x, y);
        expect(a[0]).toBeCloseTo(b[0]!, 6);
        expect(a[1]).toBeCloseTo(b[1]!, 6);
      }
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

describe('page geometry read from the page tree', () => {
  for (const name of pdfs) {
    it(`${name}: pdfjs's view and viewport`, async () => {
      expect(await sameAsPdfjs(new Uint8Array(fs.readFileSync(path.join(dir, name))))).toBeGreaterThan(0);
    });
  }

  it('inherited MediaBox and Rotate, a CropBox, each rotation, reversed corners, a bad box', async () => {
    const pages = [
      '<< /Type /Page /Parent 2 0 R >>',
      '<< /Type /Page /Parent 2 0 R /Rotate 180 /CropBox [50 60 400 500] >>',
      '<< /Type /Page /Parent 2 0 R /Rotate -90 /MediaBox [595 842 0 0] >>',
      '<< /Type /Page /Parent 2 0 R /Rotate 450 /CropBox [700 900 800 1000] >>',
      '<< /Type /Page /Parent 2 0 R /Rotate 45 /MediaBox [0 0 0 0] >>',
    ];
    const bytes = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${pages.map((_, i) => `${i + 3} 0 R`).join(' ')}] /Count ${pages.length} /MediaBox [0 0 612 792] /Rotate 90 >>`,
      ...pages,
    ]);
    expect(await sameAsPdfjs(bytes)).toBe(pages.length);
  });
});

describe('inherited resources', () => {
  it('merges a page’s resources with its ancestors’, the nearest entry winning', () => {
    const bytes = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << /X 5 0 R >> >> >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Y 5 0 R >> >> >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      '<< /Type /Whatever >>',
    ]);
    const [page] = new PdfFile(bytes).pages();
    expect([...(page!.resources!.get('Font') as Map<string, unknown>).keys()]).toEqual(['F1']);
    expect([...(page!.resources!.get('XObject') as Map<string, unknown>).keys()]).toEqual(['Y']);
  });
});
