/**
 * Reading table cells by OCR: each cell cropped to its ink (a label one image per line of text:
 * tesseract drops a lone character wrapped onto a cell's last line) and all the images of one
 * pass, over several pages, read by one tesseract process as the pages of one TIFF, so its
 * model is loaded once per pass (loading chi_sim costs about as much as reading twenty cells).
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GridCell, Rect } from './grid.js';
import { joinTokens, wordsToText } from './ocr-text.js';
import { cores, tesseractWords, type OcrWord, type TesseractOptions } from './ocr-tesseract.js';
import { encodeTiffPages } from './raster-tiff.js';
import { crop, upscale, type GrayImage } from './raster.js';

/** A page as the cell passes crop from it. */
export interface PagePixels {
  /** The page with its tables' rules painted white. */
  clean: GrayImage;
  /** Its binarised ink, rules removed (1 = ink). */
  ink: Uint8Array;
}

export interface InkedCell {
  page: PagePixels;
  cell: GridCell;
  table: number;
  /** Bounding box of the ink inside the cell, in page pixels. */
  ink: Rect;
}

export interface CellRead {
  text: string;
  confidence: number;
}

export interface CellPass {
  /** Scratch directory and a name unique to the pass, for the images. */
  dir: string;
  name: string;
  kind: 'text' | 'digits';
  options: Omit<TesseractOptions, 'dpi'>;
  /** Enlarge small crops towards the resolution tesseract is trained for. */
  enlarge: boolean;
}

/** Resolution tesseract is trained for; smaller cell crops are enlarged to it. */
const OCR_DPI = 300;
/** A label never ends in these; tesseract adds them reading a short word. */
const STRAY_END = /[,，.。;；:：]+$/;
const HAN = /\p{Script=Han}/gu;

export function hanCount(s: string): number {
  return s.match(HAN)?.length ?? 0;
}

/** The factor a pass enlarges crops by: a whole number, so digits keep their shapes. */
export function enlargement(dpi: number, enlarge: boolean): number {
  return enlarge ? Math.max(1, Math.floor(OCR_DPI / dpi)) : 1;
}

/**
 * The ink inside a cell, a few pixels in from its rules (what is left of a rule after painting
 * it out sits at the very edge); null when there is too little ink to be a character.
 */
export function inkBox(ink: Uint8Array, width: number, r: Rect, dpi: number): Rect | null {
  const inset = Math.max(2, Math.round(dpi / 75));
  const x0 = Math.ceil(r.x0) + inset;
  const y0 = Math.ceil(r.y0) + inset;
  const x1 = Math.floor(r.x1) - inset;
  const y1 = Math.floor(r.y1) - inset;
  let count = 0;
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -1;
  let by1 = -1;
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    for (let x = x0; x < x1; x++) {
      if (ink[row + x] !== 1) continue;
      count++;
      if (x < bx0) bx0 = x;
      if (x > bx1) bx1 = x;
      if (y < by0) by0 = y;
      by1 = y;
    }
  }
  const minInk = Math.max(4, Math.round((dpi / 50) ** 2));
  if (count < minInk) return null;
  return { x0: bx0, y0: by0, x1: bx1 + 1, y1: by1 + 1 };
}

/**
 * Images one pass hands to one process at least, so a model load is spread over many reads: a
 * Chinese line takes about 15 ms to read against 0.2 s to load chi_sim, a number about 3 ms
 * against 0.1 s for eng, so lists of numbers are split over the cores only when much longer.
 */
const PER_PROCESS = { text: 120, digits: 400 };

/**
 * Reads each cell: one tesseract process per pass and resolution, more (up to the number of
 * cores) only for a long list; then the lines a single-line read left empty, as single words.
 */
export async function readCells(cells: InkedCell[], pass: CellPass): Promise<CellRead[]> {
  if (cells.length === 0) return [];
  const pieces: { cell: number; image: GrayImage; dpi: number }[] = [];
  cells.forEach((c, k) => {
    const { clean: img, ink } = c.page;
    const margin = Math.max(2, Math.round(img.dpi / 75));
    const pad = Math.round(img.dpi / 15);
    const factor = enlargement(img.dpi, pass.enlarge);
    const lines = pass.kind === 'text' ? textLines(ink, img.width, c.ink, img.dpi) : [c.ink];
    for (const r of lines) {
      const cut = crop(img, r.x0 - margin, r.y0 - margin, r.x1 + margin, r.y1 + margin, pad);
      pieces.push({ cell: k, image: upscale(cut, factor), dpi: img.dpi * factor });
    }
  });
  const perPiece = await readImages(pieces, path.join(pass.dir, pass.name), pass.options, PER_PROCESS[pass.kind]);
  // In single-line mode tesseract returns nothing for a line of one or two characters
  // ("息", "维持" wrapped onto a cell's last line); as a single word it reads them.
  const empty = perPiece.flatMap((words, k) => (words.length === 0 ? [k] : []));
  if (empty.length > 0 && pass.options.psm === 7) {
    const again = await readImages(
      empty.map((k) => pieces[k]!),
      path.join(pass.dir, `${pass.name}-word`),
      { ...pass.options, psm: 8 },
      PER_PROCESS[pass.kind],
    );
    empty.forEach((k, i) => (perPiece[k] = again[i]!));
  }
  const perCell: OcrWord[][][] = cells.map(() => []);
  pieces.forEach((p, k) => perCell[p.cell]!.push(perPiece[k]!));
  return perCell.map((lines) => {
    const all = lines.flat();
    return {
      text: pass.kind === 'digits' ? joinTokens(all.map((w) => w.text)) : joinTokens(lines.map(wordsToText)).replace(STRAY_END, ''),
      // A number is only as sure as its least sure digit; a label as its average word.
      confidence: pass.kind === 'digits' ? minConf(all) : meanConf(all),
    };
  });
}

/**
 * Words read from each image: images of one resolution go to one process as the pages of one
 * TIFF (split over the cores when there are many), as tesseract takes one --dpi per run.
 */
export async function readImages(
  images: { image: GrayImage; dpi: number }[],
  name: string,
  options: Omit<TesseractOptions, 'dpi'>,
  perProcess: number,
): Promise<OcrWord[][]> {
  const out: OcrWord[][] = images.map(() => []);
  const byDpi = new Map<number, number[]>();
  images.forEach((im, k) => {
    if (!byDpi.has(im.dpi)) byDpi.set(im.dpi, []);
    byDpi.get(im.dpi)!.push(k);
  });
  const runs: Promise<void>[] = [];
  for (const [dpi, ks] of byDpi) {
    const lists = Math.min(cores(), Math.ceil(ks.length / perProcess));
    const size = Math.ceil(ks.length / lists);
    for (let b = 0; b < lists; b++) {
      const slice = ks.slice(b * size, (b + 1) * size);
      const file = `${name}-${dpi}-${b}.tif`;
      writeFileSync(file, encodeTiffPages(slice.map((k) => images[k]!.image)));
      runs.push(
        tesseractWords(file, { ...options, dpi }).then((words) => {
          // Pages at 300 dpi and more make large files; the scratch directory goes only at the end.
          rmSync(file, { force: true });
          for (const w of words) {
            const k = slice[w.image - 1];
            if (k !== undefined) out[k]!.push(w);
          }
        }),
      );
    }
  }
  await Promise.all(runs);
  return out;
}

function minConf(words: OcrWord[]): number {
  if (words.length === 0) return 0;
  let min = Infinity;
  for (const w of words) min = Math.min(min, w.conf);
  return Math.round(min * 10) / 1000;
}

function meanConf(words: OcrWord[]): number {
  if (words.length === 0) return 0;
  return Math.round((words.reduce((s, w) => s + w.conf, 0) / words.length / 100) * 1000) / 1000;
}

/**
 * Lines of text in a cell, from the rows of its ink: a blank row separates two lines. Slivers
 * (a comma's tail, a quote mark) join the line they are nearest to.
 */
export function textLines(ink: Uint8Array, width: number, r: Rect, dpi: number): Rect[] {
  const bands: { y0: number; y1: number }[] = [];
  let start = -1;
  for (let y = r.y0; y <= r.y1; y++) {
    let any = false;
    if (y < r.y1) for (let x = r.x0; x < r.x1 && !any; x++) any = ink[y * width + x] === 1;
    if (any && start < 0) start = y;
    if (!any && start >= 0) {
      bands.push({ y0: start, y1: y });
      start = -1;
    }
  }
  const tallest = Math.max(...bands.map((b) => b.y1 - b.y0));
  const minLine = Math.max(tallest * 0.4, dpi / 30);
  const merged: { y0: number; y1: number }[] = [];
  for (const b of bands) {
    const last = merged[merged.length - 1];
    if (last && (b.y1 - b.y0 < minLine || last.y1 - last.y0 < minLine)) last.y1 = b.y1;
    else merged.push({ ...b });
  }
  return merged.map((b) => {
    let x0 = r.x1;
    let x1 = r.x0;
    for (let y = b.y0; y < b.y1; y++) {
      for (let x = r.x0; x < r.x1; x++) {
        if (ink[y * width + x] !== 1) continue;
        if (x < x0) x0 = x;
        if (x >= x1) x1 = x + 1;
      }
    }
    return { x0, y0: b.y0, x1, y1: b.y1 };
  });
}
