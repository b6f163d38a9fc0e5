import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test/corpus.js';
import { PdfFile } from './pdf-file.js';
import { openPdf } from './pdf-load.js';
import { onePage } from './pdf-testfile.js';
import type { TextItem } from './pdf-text-items.js';
import { contentText } from './pdf-text-scan.js';
import { isDeclined } from './pdf-text-source.js';

const dir = path.join(repoRoot, 'test-fixtures', 'pdf');
const pdfs = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf') && f !== 'encrypted.pdf');
/** Fixtures whose fonts this reader must handle itself (the rest may go to pdfjs). */
const mustRead = /chromium|stsong|bigfont|libreoffice|borderless/;

const visible = (items: TextItem[]) => items.filter((i) => i.str.trim() !== '');

/**
 * Reads every page both ways and expects the same visible items: same text after NFKC, same
 * transform, width and height to a hundredth of a point (pdfjs keeps the CTM in float32).
 * Returns how many pages we read ourselves and how many we declined.
 */
async function compareWithPdfjs(bytes: Uint8Array): Promise<{ read: number; declined: number; items: number }> {
  const file = new PdfFile(bytes);
  const pages = file.pages();
  const doc = await openPdf(bytes);
  let read = 0;
  let items = 0;
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
        for (let j = 0; j < 6; j++) expect(Math.abs(item.transform[j]! - q.transform[j]!)).toBeLessThan(0.01);
        expect(Math.abs(item.width - q.width)).toBeLessThan(0.01);
        expect(Math.abs(item.height - q.height)).toBeLessThan(0.01);
      });
      items += a.length;
    }
    return { read, declined: doc.numPages - read, items };
  } finally {
    await doc.destroy();
  }
}

describe('text items read from the content stream', () => {
  for (const name of pdfs) {
    it(`${name}: the items pdfjs gives, page by page (or the page is left to pdfjs)`, async () => {
      const r = await compareWithPdfjs(new Uint8Array(fs.readFileSync(path.join(dir, name))));
      if (mustRead.test(name)) {
        expect(r.declined).toBe(0);
        expect(r.items).toBeGreaterThan(0);
      }
    });
  }
});

const ascii = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))
  .join('')
  .replace(/[()\\]/g, (c) => '\\' + c);
const helvetica = '/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
const stsong = (encoding: string) =>
  `/F2 << /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${encoding} /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ` +
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [1 95 500 814 939 500] ' +
  '/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>';

describe('text items from hand-made pages, against pdfjs', () => {
  it('Helvetica without /Widths: every printable ASCII glyph, and the text state operators', async () => {
    const content = [
      `BT /F1 10 Tf 20 700 Td (${ascii}) Tj ET`,
      'BT /F1 12 Tf 14 TL 20 650 Td (Kerned) Tj [(A) -120 (V) 250 (a) 80 (y)] TJ T* (next line) Tj',
      "2 Tc (spaced out) Tj 0 Tc 5 Tw (word spacing here) Tj 0 Tw 150 Tz (wide) Tj 100 Tz 3 Ts (up) Tj 0 Ts",
      "(one) ' 1 0.5 (two three) \" ET",
      'q 0.5 0 0 0.5 100 100 cm BT /F1 20 Tf 0 1 -1 0 300 300 Tm (rotated text 42) Tj ET Q',
      'BT /F1 9 Tf 1 0 0 1 20 500 Tm (12) Tj 40 0 Td (345) Tj 8 0 Td (6) Tj ET',
      'q 1 0 0 1 50 50 cm /Fm1 Do Q BT /F1 9 Tf 20 450 Td (after form) Tj ET',
    ].join('\n');
    const form = { dict: '<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [2 0 0 2 0 0] >>', data: 'BT /F1 8 Tf 10 100 Td (in form 7) Tj ET' };
    const r = await compareWithPdfjs(onePage(content, helvetica, [form], '/Fm1 5 0 R'));
    expect(r).toMatchObject({ read: 1, declined: 0 });
    expect(r.items).toBeGreaterThan(8);
  });

  for (const [encoding, hex] of [
    // 政府信息公开 2021 (UCS-2), the same in GBK, and as Adobe-GB1 CIDs for Identity-H
    ['UniGB-UCS2-H', '653F5E9C4FE1606F516C5F0000320030003200310020FF08'],
    ['GBK-EUC-H', 'D5FEB8AED0C5CFA2B9ABBFAA32303231A3A8'],
    ['Identity-H', '119F06A90F900F0F0704093700130011001300120001010D'],
  ] as const) {
    it(`STSong-Light with ${encoding} and no ToUnicode`, async () => {
      const content = `BT /F2 12 Tf 20 700 Td <${hex}> Tj 0 -20 Td [<${hex.slice(0, 8)}> -500 <${hex.slice(8)}>] TJ ET`;
      const r = await compareWithPdfjs(onePage(content, stsong(encoding)));
      expect(r).toMatchObject({ read: 1, declined: 0 });
      expect(r.items).toBeGreaterThan(0);
    });
  }

  it('a ToUnicode with ranges (string and array destinations, a carry), several characters for one code', async () => {
    const cmap = [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '1 begincodespacerange <00> <FF> endcodespacerange',
      '2 beginbfchar <01> <00660069> <02> <D835DC00> endbfchar',
      '3 beginbfrange <10> <13> <4E00> <20> <22> [<0041> <0042> <00430044>] <30> <33> <00FE> endbfrange',
      'endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
    const font = '/F3 << /Type /Font /Subtype /TrueType /BaseFont /Test /FirstChar 0 /Widths [' + Array(64).fill(600).join(' ') + '] /ToUnicode 5 0 R >>';
    const content = 'BT /F3 11 Tf 30 600 Td <0102101112132021223031323 3> Tj ET';
    const r = await compareWithPdfjs(onePage(content, font, [{ dict: '<< >>', data: cmap }]));
    expect(r).toMatchObject({ read: 1, declined: 0 });
  });

  it('declines what it cannot map with certainty: pdfjs reads those pages', async () => {
    const unknownName = '/F4 << /Type /Font /Subtype /Type1 /BaseFont /Foo /FirstChar 65 /Widths [500] /Encoding << /Differences [65 /g123] >> >>';
    const vertical = stsong('UniGB-UCS2-V').replace('/F2', '/F5');
    for (const [font, content] of [
      [unknownName, 'BT /F4 10 Tf 10 10 Td (A) Tj ET'],
      [vertical, 'BT /F5 10 Tf 10 10 Td <653F> Tj ET'],
      [helvetica, 'BT /F1 10 Tf 10 10 Td <A0> Tj ET'],
    ] as const) {
      const bytes = onePage(content, font);
      const file = new PdfFile(bytes);
      const [p] = file.pages();
      expect(() => contentText(file, p!.contents, p!.resources, [0, 0, 612, 792])).toThrow();
      expect((await compareWithPdfjs(bytes)).declined).toBe(1);
    }
  });
});

describe('predefined CMaps read from pdfjs-dist bcmap files', () => {
  it('UniGB-UCS2-H and Adobe-GB1-UCS2 take Unicode to a CID and back', async () => {
    const { predefinedCMap } = await import('./pdf-bcmap.js');
    const toCid = predefinedCMap('UniGB-UCS2-H');
    const toText = predefinedCMap('Adobe-GB1-UCS2');
    const s = '政府信息公开工作年度报告2021（一）';
    const cids = [...s].map((ch) => toCid.cid.get(ch.charCodeAt(0))!);
    expect(cids.every((c) => c > 0)).toBe(true);
    expect(cids.map((c) => toText.unicode.get(c)).join('')).toBe(s);
    // two-byte codes, surrogates excluded; GBK mixes one- and two-byte codes
    expect(toCid.codeSpace).toEqual([
      { bytes: 2, low: 0, high: 0xd7ff },
      { bytes: 2, low: 0xe000, high: 0xffff },
    ]);
    expect(predefinedCMap('GBK-EUC-H').codeSpace).toEqual([
      { bytes: 1, low: 0, high: 0x80 },
      { bytes: 2, low: 0x8140, high: 0xfefe },
    ]);
  });

  it('refuses a name that is not a bare CMap name', async () => {
    const { predefinedCMap } = await import('./pdf-bcmap.js');
    expect(() => predefinedCMap('../package')).toThrow();
    expect(() => predefinedCMap('No-Such-CMap')).toThrow();
  });
});

describe('a declined page still reads, through pdfjs', () => {
  it('a standard font we have no metrics for: the page text comes from pdfjs', async () => {
    const { readDocument } = await import('./read.js');
    const font = '/F9 << /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>';
    const bytes = onePage('BT /F9 12 Tf 72 700 Td (Annual report of the information office) Tj ET', font);
    const file = new PdfFile(bytes);
    const [p] = file.pages();
    expect(() => contentText(file, p!.contents, p!.resources, [0, 0, 612, 792])).toThrow();
    const doc = await readDocument(bytes, 'declined.pdf');
    const text = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
    expect(text).toContain('Annual report of the information office');
  });
});
