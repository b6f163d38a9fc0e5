/**
 * word/document.xml → blocks in reading order, in one streaming pass. Tables keep their physical
 * cells (gridSpan → colSpan, a vMerge run → one cell with rowSpan in the row where it starts);
 * a table that holds other tables only lays out the page and is read as the flow of its cells,
 * as the HTML reader does; text boxes are read after the paragraph they are anchored in, once
 * (Word stores each box twice: a DrawingML choice and a VML fallback).
 */
import { attr, scanXml } from './docx-xml.js';
import type { Block, TableCell } from './document.js';

/** Turns a paragraph's numbering (numId, level) into the label Word draws, e.g. "（一）". */
export type NumberingLabeler = (numId: string, level: number) => string;
/** The numbering a paragraph style carries, for paragraphs numbered through their style. */
export type StyleNumbering = (styleId: string) => { numId: string; level: number } | undefined;

interface Para {
  kind: 'p';
  text: string;
  /** 1-based paragraph number in the document, counting every paragraph (cells and boxes too). */
  no: number;
}
interface Table {
  kind: 'table';
  rows: Omit<TableCell, 'loc'>[][];
  /** Physical row index (0-based) of each kept row, for provenance. */
  rowIndex: number[];
  /** Cell index within its physical row, parallel to rows. */
  cellIndex: number[][];
}
type Item = Para | Table;

interface ParaFrame {
  t: 'p';
  text: string;
  no: number;
  numId?: string;
  level?: number;
  styleId?: string;
  /** Text boxes anchored in this paragraph, read after it. */
  boxes: Item[];
}
interface FlowFrame {
  t: 'flow';
  items: Item[];
}
interface CellFrame {
  t: 'cell';
  items: Item[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
}
interface TableFrame {
  t: 'table';
  rows: { gridBefore: number; cells: CellFrame[] }[];
}
type Frame = ParaFrame | FlowFrame | CellFrame | TableFrame;

/** Subtrees with no reading text, or with a duplicate of text read elsewhere. */
const SKIP = new Set(['mc:Fallback', 'w:sectPr', 'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:del', 'w:moveFrom', 'w:instrText', 'w:delInstrText']);

export interface BodyOptions {
  label?: NumberingLabeler;
  styleNumbering?: StyleNumbering;
}

export function readBody(xml: string, opts: BodyOptions = {}): Block[] {
  const stack: Frame[] = [{ t: 'flow', items: [] }];
  const body = stack[0] as FlowFrame;
  const names: string[] = [];
  let skipDepth = 0;
  let inText = false;
  let paraCount = 0;

  const top = <T extends Frame['t']>(t: T): Extract<Frame, { t: T }> | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.t === t) return stack[i] as Extract<Frame, { t: T }>;
    return undefined;
  };
  /** Where finished paragraphs and tables go: the innermost cell, text box or the body. */
  const flow = (): Item[] => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i]!;
      if (f.t === 'flow' || f.t === 'cell') return f.items;
    }
    return body.items;
  };
  const appendText = (s: string) => {
    const p = top('p');
    if (p) p.text += s;
  };

  const open = (name: string, raw: string) => {
    const parent = names[names.length - 1];
    names.push(name);
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    if (SKIP.has(name)) {
      skipDepth = 1;
      return true;
    }
    switch (name) {
      case 'w:p':
        stack.push({ t: 'p', text: '', no: ++paraCount, boxes: [] });
        break;
      case 'w:t':
      case 'm:t':
        inText = true;
        break;
      case 'w:tab':
        if (parent === 'w:r') appendText('\t');
        break;
      case 'w:br':
      case 'w:cr':
        appendText('\n');
        break;
      case 'w:noBreakHyphen':
        appendText('-');
        break;
      case 'w:pStyle': {
        const p = top('p');
        if (p && parent === 'w:pPr') p.styleId = attr(raw, 'w:val');
        break;
      }
      case 'w:ilvl': {
        const p = top('p');
        if (p && parent === 'w:numPr') p.level = Number(attr(raw, 'w:val') ?? 0) || 0;
        break;
      }
      case 'w:numId': {
        const p = top('p');
        if (p && parent === 'w:numPr') p.numId = attr(raw, 'w:val');
        break;
      }
      case 'w:tbl':
        stack.push({ t: 'table', rows: [] });
        break;
      case 'w:tr':
        top('table')?.rows.push({ gridBefore: 0, cells: [] });
        break;
      case 'w:gridBefore': {
        const rows = top('table')?.rows;
        const row = rows?.[rows.length - 1];
        if (row) row.gridBefore = Math.max(0, Number(attr(raw, 'w:val') ?? 0) || 0);
        break;
      }
      case 'w:tc':
        stack.push({ t: 'cell', items: [], span: 1, vMerge: null });
        break;
      case 'w:gridSpan': {
        const c = stack[stack.length - 1];
        if (c?.t === 'cell') c.span = Math.min(1000, Math.max(1, Number(attr(raw, 'w:val') ?? 1) || 1));
        break;
      }
      case 'w:vMerge': {
        const c = stack[stack.length - 1];
        if (c?.t === 'cell') c.vMerge = attr(raw, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      }
      case 'w:txbxContent':
        stack.push({ t: 'flow', items: [] });
        break;
    }
  };

  const close = (name: string) => {
    names.pop();
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    switch (name) {
      case 'w:t':
      case 'm:t':
        inText = false;
        break;
      case 'w:pPr': {
        // Numbering is counted where the paragraph starts, so labels follow document order.
        const p = top('p');
        if (!p) break;
        if (p.numId === undefined && p.styleId !== undefined && opts.styleNumbering) {
          const s = opts.styleNumbering(p.styleId);
          if (s) {
            p.numId = s.numId;
            p.level ??= s.level;
          }
        }
        if (p.numId !== undefined && opts.label) p.text = opts.label(p.numId, p.level ?? 0) + p.text;
        break;
      }
      case 'w:p': {
        const p = stack.pop() as ParaFrame;
        const items = flow();
        items.push({ kind: 'p', text: p.text, no: p.no });
        for (const b of p.boxes) items.push(b);
        break;
      }
      case 'w:txbxContent': {
        const box = stack.pop() as FlowFrame;
        const p = top('p');
        if (p) p.boxes.push(...box.items);
        else flow().push(...box.items);
        break;
      }
      case 'w:tc': {
        const c = stack.pop() as CellFrame;
        const rows = top('table')?.rows;
        rows?.[rows.length - 1]?.cells.push(c);
        break;
      }
      case 'w:tbl': {
        const t = stack.pop() as TableFrame;
        finishTable(t, flow());
        break;
      }
    }
  };

  scanXml(xml, { open, close, text: (t) => inText && skipDepth === 0 && appendText(t) });
  return toBlocks(body.items);
}

/** A data table becomes one table item; a layout table hands its cells' content to the flow. */
function finishTable(t: TableFrame, out: Item[]): void {
  const layout = t.rows.some((r) => r.cells.some((c) => c.items.some((i) => i.kind === 'table')));
  if (layout) {
    for (const r of t.rows) for (const c of r.cells) if (c.vMerge !== 'continue') out.push(...c.items);
    return;
  }
  const table: Table = { kind: 'table', rows: [], rowIndex: [], cellIndex: [] };
  // The cell a vertical merge started in, by the grid column it starts at.
  const open = new Map<number, { cell: Omit<TableCell, 'loc'>; span: number }>();
  t.rows.forEach((r, ri) => {
    const cells: Omit<TableCell, 'loc'>[] = [];
    const idx: number[] = [];
    let col = r.gridBefore;
    r.cells.forEach((c, ci) => {
      const start = col;
      col += c.span;
      const origin = open.get(start);
      if (c.vMerge === 'continue' && origin && origin.span === c.span) {
        origin.cell.rowSpan = (origin.cell.rowSpan ?? 1) + 1;
        return;
      }
      for (let k = start; k < col; k++) open.delete(k);
      const cell: Omit<TableCell, 'loc'> = { text: cellText(c.items), gridColumn: start };
      if (c.span > 1) cell.colSpan = c.span;
      if (c.vMerge === 'restart') open.set(start, { cell, span: c.span });
      cells.push(cell);
      idx.push(ci);
    });
    if (cells.length > 0) {
      table.rows.push(cells);
      table.rowIndex.push(ri);
      table.cellIndex.push(idx);
    }
  });
  if (table.rows.length > 0) out.push(table);
}

function cellText(items: Item[]): string {
  const parts: string[] = [];
  for (const i of items) if (i.kind === 'p' && i.text.trim() !== '') parts.push(i.text);
  return parts.join('\n');
}

function toBlocks(items: Item[]): Block[] {
  const blocks: Block[] = [];
  let tableNo = 0;
  for (const item of items) {
    if (item.kind === 'p') {
      const text = item.text.trim();
      if (text !== '') blocks.push({ kind: 'paragraph', text, loc: { line: item.no } });
      continue;
    }
    const table = tableNo++;
    const rows = item.rows.map((row, r) =>
      row.map((cell, c): TableCell => ({ ...cell, loc: { table, row: item.rowIndex[r]!, cell: item.cellIndex[r]![c]! } })),
    );
    blocks.push({ kind: 'table', rows, rowsKnown: true, loc: { table } });
  }
  return blocks;
}
