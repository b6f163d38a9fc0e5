/**
 * One scanned page → blocks. The tables' rules are found first; the page, with the rules
 * painted out, is read once in Chinese (prose and the label cells); every table cell with ink
 * is also read on its own as a number, cropped to its ink, because whole-page OCR drops and
 * merges digits in ruled tables. A cell whose page text is Chinese is a label; otherwise its
 * number reading is used.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SourceLocation } from '../model/report.js';
import type { Block, ParagraphBlock, TableBlock, TableCell } from './document.js';
import { binarize, detectTables, type GridCell, type Rect } from './grid.js';
import { joinTokens, wordsToText } from './ocr-text.js';
import { cores, tesseractWords, type OcrWord } from './ocr-tesseract.js';
import { crop, encodePgm, upscale, type GrayImage } from './raster.js';

export interface PageContext {
  page: number;
  /** Multiplies pixel coordinates into the units of `loc.bbox` (72/dpi for PDF points, 1 for pixels). */
  scale: number;
  /** Scratch directory for the images handed to tesseract. */
  dir: string;
}

const DIGITS = '0123456789.-+';
/** A label never ends in these; tesseract adds them reading a short word. */
const STRAY_END = /[,，.。;；:：]+$/;
/** Labels read less surely than this are read a second way, and the surer reading kept. */
const SURE_LABEL = 0.9;
/** Resolution tesseract is trained for; smaller cell crops are enlarged to it. */
const OCR_DPI = 300;
const HAN = /\p{Script=Han}/gu;

interface CellRead {
  text: string;
  confidence: number;
}

function hanCount(s: string): number {
  return s.match(HAN)?.length ?? 0;
}

function paint(img: GrayImage, r: Rect, margin: number): void {
  for (let y = Math.max(0, Math.floor(r.y0) - margin); y < Math.min(img.height, Math.ceil(r.y1) + margin); y++) {
    img.data.fill(255, y * img.width + Math.max(0, Math.floor(r.x0) - margin), y * img.width + Math.min(img.width, Math.ceil(r.x1) + margin));
  }
}

interface InkedCell {
  cell: GridCell;
  table: number;
  /** Bounding box of the ink inside the cell, in page pixels. */
  ink: Rect;
}

export async function ocrPage(img: GrayImage, ctx: PageContext): Promise<Block[]> {
  const bin = binarize(img);
  const layout = detectTables(img, bin);

  // Rules painted white: tesseract otherwise reads them as 一 and 丨 and splits lines at them.
  const clean = { ...img, data: new Uint8Array(img.data) };
  for (let i = 0; i < bin.length; i++) if (bin[i] === 1 && layout.ink[i] === 0) clean.data[i] = 255;

  const inked: InkedCell[] = [];
  layout.tables.forEach((t, ti) => {
    for (const row of t.rows) {
      for (const cell of row) {
        const ink = inkBox(layout.ink, img.width, cell.rect, img.dpi);
        if (ink) inked.push({ cell, table: ti, ink });
      }
    }
  });

  // The page pass reads only the prose: the tables are painted out, so its layout analysis is
  // not misled by them and it has less to read.
  const prose = { ...clean, data: new Uint8Array(clean.data) };
  for (const t of layout.tables) paint(prose, t.rect, Math.max(2, Math.round(img.dpi / 50)));
  const pagePath = path.join(ctx.dir, `page-${ctx.page}.pgm`);
  await fs.writeFile(pagePath, encodePgm(prose));
  const readLabels = readCells(clean, layout.ink, inked, ctx, 'text', { lang: 'chi_sim', psm: 7, dpi: img.dpi });
  const readNumbers = readLabels.then((labels) => {
    const numeric = inked.filter((_, k) => hanCount(labels[k]!.text) < 2);
    return readCells(clean, layout.ink, numeric, ctx, 'digits', { lang: 'eng', psm: 7, dpi: img.dpi, whitelist: DIGITS }).then((reads) => {
      const byCell = new Map<InkedCell, CellRead>();
      numeric.forEach((c, k) => byCell.set(c, reads[k]!));
      return byCell;
    });
  });
  const [pageWords, labels, numbers] = await Promise.all([tesseractWords(pagePath, { lang: 'chi_sim', psm: 3, dpi: img.dpi }), readLabels, readNumbers]);

  // Enlarging helps most labels and spoils a few characters (查 read as 碍): unsure labels are
  // read again at the scan's own resolution.
  const unsure = inked.filter((_, k) => labels[k]!.confidence < SURE_LABEL && hanCount(labels[k]!.text) >= 2);
  const second = await readCells(clean, layout.ink, unsure, ctx, 'text', { lang: 'chi_sim', psm: 7, dpi: img.dpi }, false);
  unsure.forEach((c, i) => {
    const k = inked.indexOf(c);
    if (second[i]!.confidence > labels[k]!.confidence && hanCount(second[i]!.text) >= 2) labels[k] = second[i]!;
  });

  const texts = new Map<GridCell, CellRead>();
  inked.forEach((c, k) => {
    const label = labels[k]!;
    const number = numbers.get(c);
    const han = hanCount(label.text);
    // One Chinese character may be a misread digit; a confident number reading overrides it.
    const useNumber = number && number.text !== '' && (han === 0 || number.confidence >= 0.7);
    texts.set(c.cell, useNumber ? number : label);
  });
  const outside = pageWords.filter((w) => !layout.tables.some((t) => contains(t.rect, centre(w))));

  const blocks: { top: number; block: Block }[] = [];
  for (const p of paragraphs(outside, ctx)) blocks.push(p);
  for (const t of layout.tables) {
    const rows: TableCell[][] = t.rows.map((row, ri) =>
      row.map((cell, ci): TableCell => {
        const read = texts.get(cell);
        const out: TableCell = { text: read?.text ?? '', loc: { ...loc(cell.rect, ctx), row: ri, cell: ci }, gridColumn: cell.column };
        if (cell.rowSpan > 1) out.rowSpan = cell.rowSpan;
        if (cell.colSpan > 1) out.colSpan = cell.colSpan;
        if (read) out.confidence = read.confidence;
        return out;
      }),
    );
    const table: TableBlock = { kind: 'table', rows, rowsKnown: true, loc: loc(t.rect, ctx) };
    blocks.push({ top: t.rect.y0, block: table });
  }
  blocks.sort((a, b) => a.top - b.top);
  return blocks.map((b) => b.block);
}

function loc(r: Rect, ctx: PageContext): SourceLocation {
  const s = ctx.scale;
  const round = (v: number) => Math.round(v * s * 10) / 10;
  return { page: ctx.page, bbox: [round(r.x0), round(r.y0), round(r.x1), round(r.y1)] };
}

function centre(w: OcrWord): { x: number; y: number } {
  return { x: w.left + w.width / 2, y: w.top + w.height / 2 };
}

function contains(r: Rect, p: { x: number; y: number }): boolean {
  return p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1;
}

function minConf(words: OcrWord[]): number {
  if (words.length === 0) return 0;
  return Math.round(Math.min(...words.map((w) => w.conf)) * 10) / 1000;
}

function meanConf(words: OcrWord[]): number {
  if (words.length === 0) return 0;
  return Math.round((words.reduce((s, w) => s + w.conf, 0) / words.length / 100) * 1000) / 1000;
}

/**
 * The ink inside a cell, a few pixels in from its rules (what is left of a rule after painting
 * it out sits at the very edge); null when there is too little ink to be a character.
 */
function inkBox(ink: Uint8Array, width: number, r: Rect, dpi: number): Rect | null {
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
    for (let x = x0; x < x1; x++) {
      if (ink[y * width + x] !== 1) continue;
      count++;
      if (x < bx0) bx0 = x;
      if (x > bx1) bx1 = x;
      if (y < by0) by0 = y;
      if (y > by1) by1 = y;
    }
  }
  const minInk = Math.max(4, Math.round((dpi / 50) ** 2));
  if (count < minInk) return null;
  return { x0: bx0, y0: by0, x1: bx1 + 1, y1: by1 + 1 };
}

/**
 * Reads cells each as its own image (a label cell one image per line of text: tesseract drops a
 * lone character wrapped onto a cell's last line), in a few tesseract processes with one list
 * file each, so a model is loaded once per batch rather than once per cell.
 */
async function readCells(
  img: GrayImage,
  ink: Uint8Array,
  cells: InkedCell[],
  ctx: PageContext,
  kind: 'text' | 'digits',
  options: Parameters<typeof tesseractWords>[1],
  enlarge = true,
): Promise<CellRead[]> {
  if (cells.length === 0) return [];
  const margin = Math.max(2, Math.round(img.dpi / 75));
  const pad = Math.round(img.dpi / 15);
  const factor = enlarge ? Math.max(1, Math.floor(OCR_DPI / img.dpi)) : 1;
  const pieces = cells.flatMap((c, k) => (kind === 'text' ? textLines(ink, img.width, c.ink, img.dpi) : [c.ink]).map((r) => ({ cell: k, r })));
  const files = await Promise.all(
    pieces.map(async ({ r }, k) => {
      const file = path.join(ctx.dir, `p${ctx.page}-${kind}${factor}-${k}.pgm`);
      const cut = crop(img, r.x0 - margin, r.y0 - margin, r.x1 + margin, r.y1 + margin, pad);
      await fs.writeFile(file, encodePgm(upscale(cut, factor)));
      return file;
    }),
  );
  const perPiece = await readBatches(files, `p${ctx.page}-${kind}${factor}`, ctx, { ...options, dpi: img.dpi * factor });
  // In single-line mode tesseract returns nothing for a line of one or two characters
  // ("息", "维持" wrapped onto a cell's last line); as a single word it reads them.
  const empty = perPiece.flatMap((words, k) => (words.length === 0 ? [k] : []));
  if (empty.length > 0 && options.psm === 7) {
    const again = await readBatches(empty.map((k) => files[k]!), `p${ctx.page}-${kind}${factor}-word`, ctx, { ...options, psm: 8, dpi: img.dpi * factor });
    empty.forEach((k, i) => (perPiece[k] = again[i]!));
  }
  const perCell: OcrWord[][][] = cells.map(() => []);
  pieces.forEach((p, k) => perCell[p.cell]!.push(perPiece[k]!));
  return perCell.map((lines) => {
    const all = lines.flat();
    return {
      text: kind === 'digits' ? joinTokens(all.map((w) => w.text)) : joinTokens(lines.map(wordsToText)).replace(STRAY_END, ''),
      // A number is only as sure as its least sure digit; a label as its average word.
      confidence: kind === 'digits' ? minConf(all) : meanConf(all),
    };
  });
}

/** Words read from each image, in a few processes of one list file each. */
async function readBatches(files: string[], name: string, ctx: PageContext, options: Parameters<typeof tesseractWords>[1]): Promise<OcrWord[][]> {
  const batches = Math.min(cores(), Math.ceil(files.length / 40));
  const size = Math.ceil(files.length / batches);
  const runs = [];
  for (let b = 0; b < batches; b++) {
    const slice = files.slice(b * size, (b + 1) * size);
    const list = path.join(ctx.dir, `${name}-${b}.txt`);
    const read = fs.writeFile(list, slice.join('\n') + '\n').then(() => tesseractWords(list, options));
    runs.push(read.then((words) => ({ first: b * size, words })));
  }
  const out: OcrWord[][] = files.map(() => []);
  for (const { first, words } of await Promise.all(runs)) for (const w of words) out[first + w.image - 1]?.push(w);
  return out;
}

/**
 * Lines of text in a cell, from the rows of its ink: a blank row separates two lines. Slivers
 * (a comma's tail, a quote mark) join the line they are nearest to.
 */
function textLines(ink: Uint8Array, width: number, r: Rect, dpi: number): Rect[] {
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

/**
 * Words outside the tables → paragraphs: tesseract's lines, joined while they belong to one of
 * its paragraphs and follow without a gap (it sometimes puts two headings with space between
 * them in one paragraph).
 */
function paragraphs(words: OcrWord[], ctx: PageContext): { top: number; block: ParagraphBlock }[] {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) {
    const key = `${w.block}.${w.par}.${w.line}`;
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push(w);
  }
  const boxes = [...lines.values()].map((ws) => ({ par: `${ws[0]!.block}.${ws[0]!.par}`, words: ws, box: boundsOf(ws) }));
  boxes.sort((a, b) => a.box.y0 - b.box.y0);
  const groups: { par: string; words: OcrWord[]; box: Rect }[] = [];
  for (const l of boxes) {
    const last = groups[groups.length - 1];
    const height = l.box.y1 - l.box.y0;
    if (last && last.par === l.par && l.box.y0 - last.box.y1 < height * 0.8) {
      last.words.push(...l.words);
      last.box = boundsOf(last.words);
    } else groups.push({ ...l, words: [...l.words] });
  }
  const out: { top: number; block: ParagraphBlock }[] = [];
  for (const g of groups) {
    const text = wordsToText(g.words);
    if (text !== '') out.push({ top: g.box.y0, block: { kind: 'paragraph', text, loc: loc(g.box, ctx) } });
  }
  return out;
}

function boundsOf(ws: OcrWord[]): Rect {
  return {
    x0: Math.min(...ws.map((w) => w.left)),
    y0: Math.min(...ws.map((w) => w.top)),
    x1: Math.max(...ws.map((w) => w.left + w.width)),
    y1: Math.max(...ws.map((w) => w.top + w.height)),
  };
}
