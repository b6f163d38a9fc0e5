/**
 * PDF → neutral document, from the text layer: text runs with positions, ruling lines rebuilt
 * into table grids, the remaining text as paragraphs in reading order, page numbers and running
 * headers dropped. A PDF without a text layer (a scan) goes to the scanned-PDF handler, which
 * the OCR module registers; without one, the reader says what to install.
 */
import { GongkaiError, isGongkaiError } from '../errors.js';
import type { Block, NeutralDocument, SourceInfo, TableBlock } from './document.js';
import type { ReadLimits } from './limits.js';
import { dropPageFurniture } from './pdf-chrome.js';
import { buildGrids } from './pdf-grid.js';
import { PdfDocument } from './pdf-document.js';
import { layoutPage, type PageLayout, type PageTable } from './pdf-page.js';
import { paragraphs } from './pdf-paragraphs.js';
import { readRulings } from './pdf-ruling-source.js';
import { readText } from './pdf-text-source.js';
import { alignRows } from './pdf-unruled.js';
import type { Reader } from './read.js';

/** Reads a PDF that has no text layer (OCR). Registered by the OCR module. */
export type ScannedPdfHandler = (bytes: Uint8Array, source: SourceInfo, limits: ReadLimits) => Promise<NeutralDocument>;

let scannedHandler: ScannedPdfHandler | null = null;

/** The OCR module calls this to take over scanned PDFs; `null` removes the handler. */
export function setScannedPdfHandler(fn: ScannedPdfHandler | null): void {
  scannedHandler = fn;
}

/** The handler now registered, if any (so a caller can swap one in and restore it). */
export function scannedPdfHandler(): ScannedPdfHandler | null {
  return scannedHandler;
}

/** A page with fewer printable characters than this has no usable text layer. */
const MIN_PAGE_CHARS = 10;

export const readPdf: Reader = async (bytes, source, limits) => {
  // Our own reader when the file allows, pdfjs for what it declines (see pdf-document).
  const doc = await PdfDocument.open(bytes);
  try {
    checkPages(doc, limits);
    const layouts: PageLayout[] = [];
    let textless = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const layout = await readPage(doc, n);
      if (printable(layout) < MIN_PAGE_CHARS) textless++;
      layouts.push(layout);
    }
    if (textless * 2 >= doc.numPages) return await readScanned(bytes, source, limits);
    const title = await documentTitle(doc);
    return { source, blocks: assemble(layouts), hints: title ? { title } : {} };
  } catch (e) {
    if (isGongkaiError(e)) throw e;
    throw new GongkaiError('CORRUPT', 'PDF 文件已损坏：页面内容无法解析', `corrupt PDF page: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await doc.destroy();
  }
};

/** Whether the PDF has a text layer on most pages (false for scans). For routing to OCR. */
export async function pdfHasTextLayer(bytes: Uint8Array, limits?: Pick<ReadLimits, 'maxPages'>): Promise<boolean> {
  const doc = await PdfDocument.open(bytes);
  try {
    if (limits) checkPages(doc, limits);
    let textless = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.page(n);
      const runs = await readText(page);
      page.cleanup();
      if (runs.reduce((s, r) => s + r.text.replace(/\s/g, '').length, 0) < MIN_PAGE_CHARS) textless++;
    }
    return textless * 2 < doc.numPages;
  } finally {
    await doc.destroy();
  }
}

function checkPages(doc: PdfDocument, limits: Pick<ReadLimits, 'maxPages'>): void {
  if (doc.numPages > limits.maxPages) {
    throw new GongkaiError('TOO_LARGE', `PDF 页数过多（${doc.numPages} 页），上限为 ${limits.maxPages} 页`, `too many pages: ${doc.numPages}`);
  }
  if (doc.numPages === 0) throw new GongkaiError('CORRUPT', 'PDF 文件已损坏：找不到任何页面', 'no pages');
}

async function readPage(doc: PdfDocument, n: number): Promise<PageLayout> {
  const page = await doc.page(n);
  const [runs, rulings] = await Promise.all([readText(page), readRulings(page)]);
  const layout = layoutPage(n, page.viewport.width, page.viewport.height, runs, buildGrids(rulings));
  page.cleanup();
  return layout;
}

function printable(layout: PageLayout): number {
  const count = (s: string) => s.replace(/\s/g, '').length;
  let n = layout.lines.reduce((s, l) => s + count(l.text), 0);
  for (const t of layout.tables) for (const row of t.rows) for (const c of row) n += count(c.text);
  return n;
}

async function readScanned(bytes: Uint8Array, source: SourceInfo, limits: ReadLimits): Promise<NeutralDocument> {
  if (scannedHandler) return scannedHandler(bytes, source, limits);
  throw new GongkaiError(
    'MISSING_TOOL',
    '这是扫描版 PDF（没有文字层），需要 OCR：请安装 tesseract-ocr 和 tesseract-ocr-chi-sim',
    'scanned PDF without a text layer; no OCR handler registered',
  );
}

/** Pages in order, each page's tables and paragraphs top to bottom; split tables rejoined. */
function assemble(layouts: PageLayout[]): Block[] {
  const kept = dropPageFurniture(layouts.map((l) => ({ height: l.height, lines: l.lines })));
  const blocks: Block[] = [];
  let tableIndex = 0;
  let lastTable: { block: TableBlock; table: PageTable } | null = null;
  layouts.forEach((layout, p) => {
    const placed: { y0: number; block: Block; table?: PageTable }[] = [
      ...paragraphs(layout.page, kept[p]!),
      ...layout.tables.map((t) => ({ y0: t.bbox[1], table: t, block: tableBlock(layout.page, t) as Block })),
    ].sort((a, b) => a.y0 - b.y0);
    placed.forEach((item, k) => {
      const continues = k === 0 && item.table && lastTable && blocks[blocks.length - 1] === lastTable.block && sameColumns(lastTable.table, item.table);
      if (item.table && continues && lastTable) {
        // The table goes on from the previous page: one table, as the author made it.
        const rows = (item.block as TableBlock).rows;
        const from = item.table.columns;
        const to = lastTable.table.columns;
        lastTable.block.rows.push(...(from && to ? alignRows(rows, from, to) : rows));
        // the first part's columns stay the reference: they came with the header
        if (to) {
          lastTable.table = { ...item.table, columns: to };
          return;
        }
        lastTable.table = item.table;
        return;
      }
      blocks.push(item.block);
      lastTable = item.table ? { block: item.block as TableBlock, table: item.table } : null;
    });
  });
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const index = tableIndex++;
    b.loc.table = index;
    b.rows.forEach((row, r) => row.forEach((cell, c) => Object.assign(cell.loc, { table: index, row: r, cell: c })));
  }
  return blocks;
}

function tableBlock(page: number, t: PageTable): TableBlock {
  return { kind: 'table', rows: t.rows, rowsKnown: true, loc: { page, bbox: t.bbox } };
}

function sameColumns(a: PageTable, b: PageTable): boolean {
  if (!a.grid || !b.grid) return sameValueColumns(a, b);
  const xa = a.grid.xs;
  const xb = b.grid.xs;
  if (Math.abs(xa[0]! - xb[0]!) > 3 || Math.abs(xa[xa.length - 1]! - xb[xb.length - 1]!) > 3) return false;
  // The continuation may lack a column split the header rows had, or add one: compare the
  // interior lines both share.
  const shared = xb.filter((x) => xa.some((y) => Math.abs(x - y) <= 3)).length;
  return shared >= Math.min(xa.length, xb.length) - 1;
}

/**
 * Unruled tables: each value column of the part with fewer stands over exactly one of the
 * other's (a part may lack columns that are blank on its page).
 */
function sameValueColumns(a: PageTable, b: PageTable): boolean {
  if (!a.columns || !b.columns) return false;
  const [few, many] = a.columns.length <= b.columns.length ? [a.columns, b.columns] : [b.columns, a.columns];
  return few.length >= 2 && few.every((x) => many.filter((y) => x.x0 < y.x1 && y.x0 < x.x1).length === 1);
}

/** The PDF's own title, when it names the report (producers often leave a file name there). */
async function documentTitle(doc: PdfDocument): Promise<string | undefined> {
  const t = ((await doc.title().catch(() => undefined)) ?? '').normalize('NFKC').trim();
  return /报告/.test(t) ? t : undefined;
}
