import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test/corpus.js';
import { PdfFile } from './pdf-file.js';
import { openPdf } from './pdf-load.js';
import { contentText } from './pdf-text-scan.js';
import type { TextItem } from './pdf-text-items.js';
import { isDeclined } from './pdf-text-source.js';

const dir = path.join(repoRoot, 'test-fixtures', 'pdf');
const pdfs = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf') && f !== 'encrypted.pdf');
/** Fixtures whose fonts this reader must handle itself (the rest may go to pdfjs). */
const mustRead = /chromium|stsong|bigfont|libreoffice|borderless/;

const visible = (items: TextItem[]) => items.filter((i) => i.str.trim() !== '');

describe('text items read from the content stream', () => {
  for (const name of pdfs) {
    it(`${name}: the items pdfjs gives, page by page (or the page is left to pdfjs)`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, name)));
      const file = new PdfFile(bytes);
      const pages = file.pages();
      const doc = await openPdf(bytes);
      let read = 0;
      try {
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          let ours: TextItem[];
          try {
            ours = contentText(file, pages[n - 1]!.contents, pages[n - 1]!.resources, page.view);
          } catch (e) {
            if (!isDeclined(e)) throw e;
            continue;
          }
          read++;
          const content = await page.getTextContent({ disableNormalization: true });
          const theirs = visible(content.items.filter((i): i is TextItem & typeof i => 'str' in i));
          const a = visible(ours);
          expect(a.map((i) => i.str.normalize('NFKC'))).toEqual(theirs.map((i) => i.str.normalize('NFKC')));
          a.forEach((item, k) => {
            const q = theirs[k]!;
            // pdfjs keeps the CTM in float32: equal to a hundredth of a point.
            for (let j = 0; j < 6; j++) expect(Math.abs(item.transform[j]! - q.transform[j]!)).toBeLessThan(0.01);
            expect(Math.abs(item.width - q.width)).toBeLessThan(0.01);
            expect(Math.abs(item.height - q.height)).toBeLessThan(0.01);
          });
        }
      } finally {
        await doc.destroy();
      }
      if (mustRead.test(name)) expect(read).toBe(doc.numPages);
    });
  }
});
