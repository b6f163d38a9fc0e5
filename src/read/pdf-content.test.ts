import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test/corpus.js';
import { contentRulings } from './pdf-content.js';
import { PdfFile } from './pdf-file.js';
import { openPdf } from './pdf-load.js';
import { PdfSyntaxError } from './pdf-objects.js';
import { operatorListRulings, type Ruling } from './pdf-rulings.js';

const dir = path.join(repoRoot, 'test-fixtures', 'pdf');
const pdfs = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf') && f !== 'encrypted.pdf');

const key = (r: Ruling) => [r.horizontal ? 'h' : 'v', r.x0, r.y0, r.x1, r.y1].map((v) => (typeof v === 'number' ? v.toFixed(1) : v)).join(' ');

describe('ruling lines read from the content stream', () => {
  for (const name of pdfs) {
    it(`${name}: the same lines as pdfjs's operator list, page by page`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, name)));
      const file = new PdfFile(bytes);
      const pages = file.pages();
      const doc = await openPdf(bytes);
      try {
        expect(pages.length).toBe(doc.numPages);
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const vp = page.getViewport({ scale: 1 });
          const ours = contentRulings(file, pages[n - 1]!.contents, pages[n - 1]!.resources, (x, y) => {
            const q = vp.convertToViewportPoint(x, y);
            return [q[0]!, q[1]!];
          });
          const theirs = await operatorListRulings(page, vp);
          // pdfjs hands over float32 coordinates: equal to a hundredth of a point.
          expect(ours.length).toBe(theirs.length);
          const sorted = (rs: Ruling[]) => [...rs].sort((a, b) => Number(a.horizontal) - Number(b.horizontal) || a.y0 - b.y0 || a.x0 - b.x0 || a.x1 - b.x1 || a.y1 - b.y1);
          const a = sorted(ours);
          const b = sorted(theirs);
          a.forEach((r, i) => {
            const q = b[i]!;
            expect(r.horizontal).toBe(q.horizontal);
            for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(r[k] - q[k])).toBeLessThan(0.01);
          });
        }
      } finally {
        await doc.destroy();
      }
    });
  }

  it('an encrypted file is left to pdfjs', () => {
    expect(() => new PdfFile(new Uint8Array(fs.readFileSync(path.join(dir, 'encrypted.pdf'))))).toThrow(PdfSyntaxError);
  });

  it('reads a hand-made file: xref table, rectangles, lines, a form XObject, text skipped', () => {
    const page = [
      'BT /F1 12 Tf (a ( nested ) \\) ] string) Tj [(x) -20 (y)] TJ <414243> Tj ET',
      '/P <</MCID 0 /Alt <3e3e>>> BDC EMC',
      'q 1 0 0 1 10 20 cm 0 0 100 0.5 re f Q',
      '50 700 m 50 600 l S',
      '0 0 m 10 10 20 20 30 30 c S',
      'BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI',
      'q 2 0 0 2 0 0 cm /Fm1 Do Q',
    ].join('\n');
    const form = '0 0 m 40 0 l S';
    const content = deflateSync(Buffer.from(page, 'latin1'));
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /Fm1 5 0 R >> >> >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
      { dict: `<< /Length ${content.length} /Filter /FlateDecode >>`, data: content },
      { dict: `<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 5 5] /Length ${form.length} >>`, data: Buffer.from(form, 'latin1') },
    ];
    const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
    const offsets: number[] = [];
    let at = parts[0]!.length;
    objects.forEach((o, i) => {
      offsets.push(at);
      const body = typeof o === 'string' ? Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`) : Buffer.concat([Buffer.from(`${i + 1} 0 obj\n${o.dict}\nstream\n`), o.data, Buffer.from('\nendstream\nendobj\n')]);
      parts.push(body);
      at += body.length;
    });
    const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
    parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
    const file = new PdfFile(new Uint8Array(Buffer.concat(parts)));
    const [p] = file.pages();
    const lines = contentRulings(file, p!.contents, p!.resources, (x, y) => [x, 792 - y]);
    expect(lines.map(key).sort()).toEqual(
      [
        // the thin filled rectangle, moved by cm, read as its centre line
        { horizontal: true, x0: 10, y0: 792 - 20.25, x1: 110, y1: 792 - 20.25 },
        { horizontal: false, x0: 50, y0: 92, x1: 50, y1: 192 },
        // the form's line: its matrix, then the page's 2× scale
        { horizontal: true, x0: 10, y0: 782, x1: 90, y1: 782 },
      ]
        .map((r) => key(r as Ruling))
        .sort(),
    );
  });
});
