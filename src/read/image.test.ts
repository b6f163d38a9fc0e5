/** Image decoding and table grids, without OCR: these run everywhere. */
import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { binarize, detectTables } from './grid.js';
import { looksNumeric } from './ocr-classify.js';
import { decodeJpeg, decodePgm, decodePng, decodeTiff, encodePgm, type GrayImage } from './raster.js';
import { encodeTiffPages } from './raster-tiff.js';

/** A white page with a ruled 3×3 table whose middle row's first two cells are merged. */
function ruledPage(): GrayImage {
  const width = 600;
  const height = 400;
  const data = new Uint8Array(width * height).fill(255);
  const h = (y: number, x0: number, x1: number) => {
    for (let x = x0; x <= x1; x++) for (let t = 0; t < 2; t++) data[(y + t) * width + x] = 0;
  };
  const v = (x: number, y0: number, y1: number) => {
    for (let y = y0; y <= y1; y++) for (let t = 0; t < 2; t++) data[y * width + x + t] = 0;
  };
  for (const y of [50, 110, 170, 230]) h(y, 50, 551);
  for (const x of [50, 550]) v(x, 50, 231);
  v(250, 50, 111);
  v(250, 170, 231);
  v(400, 50, 231);
  // a digit-sized blob in the last cell of the first row
  for (let y = 70; y < 90; y++) for (let x = 470; x < 478; x++) data[y * width + x] = 0;
  return { width, height, data, dpi: 150 };
}

describe('table grid', () => {
  it('finds rules, rows and a merged cell', () => {
    const img = ruledPage();
    const { tables } = detectTables(img, binarize(img));
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows;
    expect(rows.map((r) => r.length)).toEqual([3, 2, 3]);
    expect(rows[1]![0]!.colSpan).toBe(2);
    expect(rows[1]![1]!.column).toBe(2);
    const cell = rows[0]![2]!.rect;
    expect(cell.x0).toBeGreaterThan(400);
    expect(cell.x1).toBeLessThan(551);
  });

  it('sees no table in text without rules', () => {
    const img = ruledPage();
    img.data.fill(255);
    for (let y = 100; y < 120; y++) for (let x = 100; x < 300; x += 3) img.data[y * img.width + x] = 0;
    expect(detectTables(img, binarize(img)).tables).toHaveLength(0);
  });
});

describe('image decoding', () => {
  it('reads PGM back as written', () => {
    const img = ruledPage();
    const back = decodePgm(encodePgm(img), 150);
    expect(back.width).toBe(img.width);
    expect(back.data).toEqual(img.data);
  });

  it('decodes PNG and JPEG to grey', () => {
    const png = new PNG({ width: 4, height: 2 });
    png.data.fill(255);
    png.data[0] = 0;
    png.data[1] = 0;
    png.data[2] = 0;
    const [p] = decodePng(new Uint8Array(PNG.sync.write(png)));
    expect(p!.data[0]).toBe(0);
    expect(p!.data[1]).toBe(255);

    const rgba = new Uint8Array(16 * 16 * 4).fill(255);
    const jpg = jpeg.encode({ data: rgba, width: 16, height: 16 }, 90).data;
    const [j] = decodeJpeg(new Uint8Array(jpg));
    expect(j!.width).toBe(16);
    expect(j!.data[0]).toBeGreaterThan(240);
  });

  it('writes many images as the pages of one TIFF and reads them back', () => {
    const a = ruledPage();
    const b = { width: 3, height: 1, data: new Uint8Array([0, 128, 255]), dpi: 300 };
    const pages = decodeTiff(encodeTiffPages([b, a, b]), 10);
    expect(pages.map((p) => [p.width, p.height])).toEqual([[3, 1], [600, 400], [3, 1]]);
    expect(pages[0]!.data).toEqual(b.data);
    expect(pages[1]!.data).toEqual(a.data);
  });

  it('rejects a corrupt PNG with a Chinese message', () => {
    expect(() => decodePng(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toThrow(/图片已损坏/);
  });
});

describe('number cells told from label cells by their ink', () => {
  const width = 200;
  const page = () => new Uint8Array(width * 60);
  const box = (ink: Uint8Array, x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink[y * width + x] = 1;
  };
  const inkRect = { x0: 10, y0: 10, x1: 60, y1: 30 };

  it('takes a row of equal upright glyphs, with a decimal point on the baseline, for a number', () => {
    const ink = page();
    box(ink, 10, 10, 20, 30);
    box(ink, 24, 10, 34, 30);
    box(ink, 37, 27, 40, 30);
    box(ink, 44, 10, 60, 30); // two digits touching
    expect(looksNumeric(ink, width, inkRect)).toBe(true);
  });

  it('takes a glyph with a dot above the baseline (讠), a short stroke (一) or a wide glyph for a label', () => {
    const dot = page();
    box(dot, 10, 10, 14, 14);
    box(dot, 12, 16, 20, 30);
    box(dot, 24, 10, 60, 30);
    expect(looksNumeric(dot, width, inkRect)).toBe(false);
    const stroke = page();
    box(stroke, 10, 10, 20, 30);
    box(stroke, 24, 18, 60, 21);
    expect(looksNumeric(stroke, width, inkRect)).toBe(false);
    const wide = page();
    box(wide, 10, 10, 60, 30);
    expect(looksNumeric(wide, width, { x0: 10, y0: 10, x1: 60, y1: 30 })).toBe(false);
  });
});
