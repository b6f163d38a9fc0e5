/**
 * Scanned pages → blocks, a few pages at a time so each tesseract model is loaded once per pass
 * for all of them rather than once per page. The tables' rules are found first; each page, with
 * its tables painted out, is read in Chinese for its prose. Every table cell with ink is read on
 * its own, cropped to its ink, because whole-page OCR drops and merges digits in ruled tables: a
 * cell whose ink looks like a number is read as digits, any other cell in Chinese. A reading
 * that does not fit its cell (a "label" read without Chinese, a "number" read unsurely) is read
 * the other way too, so a wrong guess costs time, not the value.
 */
import path from 'node:path';
import type { SourceLocation } from '../model/report.js';
import type { Block, ParagraphBlock, TableBlock, TableCell } from './document.js';
import { binarize, detectTables, type GridCell, type GridTable, type Rect } from './grid.js';
import { enlargement, hanCount, inkBox, readCells, readImages, type CellPass, type CellRead, type InkedCell } from './ocr-cells.js';
import { looksNumeric } from './ocr-classify.js';
import { wordsToText } from './ocr-text.js';
import type { OcrWord } from './ocr-tesseract.js';
import type { GrayImage } from './raster.js';

export interface PageContext {
  page: number;
  /** Multiplies pixel coordinates into the units of `loc.bbox` (72/dpi for PDF points, 1 for pixels). */
  scale: number;
  /** Scratch directory for the images handed to tesseract. */
  dir: string;
}

/** A page ready for OCR: its tables found, its prose image written, its cells with ink. */
export interface PreparedPage {
  ctx: PageContext;
  dpi: number;
  tables: GridTable[];
  /** The page with its tables painted out. */
  prose: GrayImage;
  cells: InkedCell[];
}

const DIGITS = '0123456789.-+';
/** Labels read less surely than this are read a second way, and the surer reading kept. */
const SURE_LABEL = 0.9;
/** A number read at least this surely is taken without a Chinese reading to compare. */
const SURE_NUMBER = 0.7;
/** Pages of prose one process reads: a page takes 0.3–1 s against 0.2 s to load chi_sim. */
const PROSE_PER_PROCESS = 4;

function paint(img: GrayImage, r: Rect, margin: number): void {
  for (let y = Math.max(0, Math.floor(r.y0) - margin); y < Math.min(img.height, Math.ceil(r.y1) + margin); y++) {
    img.data.fill(255, y * img.width + Math.max(0, Math.floor(r.x0) - margin), y * img.width + Math.min(img.width, Math.ceil(r.x1) + margin));
  }
}

export function preparePage(img: GrayImage, ctx: PageContext): PreparedPage {
  const bin = binarize(img);
  const layout = detectTables(img, bin);

  // Rules painted white: tesseract otherwise reads them as 一 and 丨 and splits lines at them.
  const clean = { ...img, data: new Uint8Array(img.data) };
  for (let i = 0; i < bin.length; i++) if (bin[i] === 1 && layout.ink[i] === 0) clean.data[i] = 255;
  const page = { clean, ink: layout.ink };

  const cells: InkedCell[] = [];
  layout.tables.forEach((t, ti) => {
    for (const row of t.rows) {
      for (const cell of row) {
        const ink = inkBox(layout.ink, img.width, cell.rect, img.dpi);
        if (ink) cells.push({ page, cell, table: ti, ink });
      }
    }
  });

  // The page pass reads only the prose: the tables are painted out, so its layout analysis is
  // not misled by them and it has less to read.
  const prose = { ...clean, data: new Uint8Array(clean.data) };
  for (const t of layout.tables) paint(prose, t.rect, Math.max(2, Math.round(img.dpi / 50)));
  return { ctx, dpi: img.dpi, tables: layout.tables, prose, cells };
}

/** Reads prepared pages together, pass by pass; blocks per page, in the order given. */
export async function ocrPages(pages: PreparedPage[], dir: string): Promise<Block[][]> {
  const tag = `p${pages[0]?.ctx.page ?? 0}`;
  const pass = (name: string, kind: CellPass['kind'], enlarge = true): CellPass => ({
    dir,
    name: `${tag}-${name}`,
    kind,
    options: kind === 'digits' ? { lang: 'eng', psm: 7, whitelist: DIGITS, invert: false } : { lang: 'chi_sim', psm: 7, invert: false },
    enlarge,
  });
  // Enlarging helps most labels and spoils a few characters (查 read as 碍): unsure labels are
  // read again at the scan's own resolution, where that differs.
  const rereadUnsure = async (cells: InkedCell[], reads: CellRead[], name: string): Promise<void> => {
    const unsure = cells.filter(
      (c, k) => enlargement(c.page.clean.dpi, true) > 1 && reads[k]!.confidence < SURE_LABEL && hanCount(reads[k]!.text) >= 2,
    );
    const second = await readCells(unsure, pass(name, 'text', false));
    unsure.forEach((c, i) => {
      const k = cells.indexOf(c);
      if (second[i]!.confidence > reads[k]!.confidence && hanCount(second[i]!.text) >= 2) reads[k] = second[i]!;
    });
  };

  const inked = pages.flatMap((p) => p.cells);
  const numeric = inked.map((c) => looksNumeric(c.page.ink, c.page.clean.width, c.ink));
  const labelCells = inked.filter((_, k) => !numeric[k]);
  const numberCells = inked.filter((_, k) => numeric[k]);
  const [proseWords, labelReads, numberReads] = await Promise.all([
    readImages(
      pages.map((p) => ({ image: p.prose, dpi: p.dpi })),
      path.join(dir, `${tag}-prose`),
      { lang: 'chi_sim', psm: 3 },
      PROSE_PER_PROCESS,
    ),
    readCells(labelCells, pass('text', 'text')),
    readCells(numberCells, pass('digits', 'digits')),
  ]);

  const labels = new Map<InkedCell, CellRead>();
  const numbers = new Map<InkedCell, CellRead>();
  numberCells.forEach((c, k) => numbers.set(c, numberReads[k]!));
  // A label read with fewer than two Chinese characters may be a number (one character may be
  // a misread digit); a number read unsurely may be a label.
  const asDigits = labelCells.filter((_, k) => hanCount(labelReads[k]!.text) < 2);
  const asText = numberCells.filter((_, k) => numberReads[k]!.text === '' || numberReads[k]!.confidence < SURE_NUMBER);
  const [digitReads, textReads] = await Promise.all([
    readCells(asDigits, pass('digits-2', 'digits')),
    readCells(asText, pass('text-2', 'text')).then(async (reads) => {
      await rereadUnsure(asText, reads, 'text-2-native');
      return reads;
    }),
    rereadUnsure(labelCells, labelReads, 'text-native'),
  ]);
  labelCells.forEach((c, k) => labels.set(c, labelReads[k]!));
  asDigits.forEach((c, k) => numbers.set(c, digitReads[k]!));
  asText.forEach((c, k) => {
    const label = textReads[k]!;
    labels.set(c, label);
    // As if it had been read as a label first: with two Chinese characters it is one.
    if (hanCount(label.text) >= 2) numbers.delete(c);
  });

  const texts = new Map<GridCell, CellRead>();
  for (const c of inked) {
    const label = labels.get(c);
    const number = numbers.get(c);
    // One Chinese character may be a misread digit; a confident number reading overrides it.
    const useNumber = number && number.text !== '' && (!label || hanCount(label.text) === 0 || number.confidence >= SURE_NUMBER);
    const chosen = useNumber ? number : label;
    if (chosen) texts.set(c.cell, chosen);
  }
  return pages.map((p, i) => pageBlocks(p, proseWords[i]!, texts));
}

function pageBlocks(p: PreparedPage, pageWords: OcrWord[], texts: Map<GridCell, CellRead>): Block[] {
  const { ctx } = p;
  const outside = pageWords.filter((w) => !p.tables.some((t) => contains(t.rect, centre(w))));
  const blocks: { top: number; block: Block }[] = [];
  for (const b of paragraphs(outside, ctx)) blocks.push(b);
  for (const t of p.tables) {
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
