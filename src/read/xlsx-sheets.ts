/**
 * A SheetJS workbook → one table block per non-empty sheet. A merged range is one cell with its
 * spans, in the row where it starts; rows with nothing in them are dropped (they only space
 * tables apart), and provenance keeps the sheet's own row and column numbers (0-based), so
 * `{ sheet, row: 4, cell: 2 }` is cell C5.
 */
import type { CellObject, Range, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Block, TableCell } from './document.js';

export function workbookBlocks(wb: WorkBook): Block[] {
  const blocks: Block[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const rows = sheetRows(ws, name, blocks.length);
    if (rows.length > 0) blocks.push({ kind: 'table', rows, rowsKnown: true, loc: { sheet: name, table: blocks.length } });
  }
  return blocks;
}

function sheetRows(ws: WorkSheet, sheet: string, table: number): TableCell[][] {
  const data = (ws['!data'] ?? []) as (CellObject | undefined)[][];
  const merges: Range[] = ws['!merges'] ?? [];
  const startOf = new Map<string, Range>();
  const covered = new Set<string>();
  let width = 0;
  for (const m of merges) {
    startOf.set(`${m.s.r},${m.s.c}`, m);
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
    width = Math.max(width, m.e.c + 1);
  }
  data.forEach((row) => {
    if (!row) return;
    for (let c = row.length - 1; c >= 0; c--) if (cellText(row[c]) !== '') { width = Math.max(width, c + 1); break; }
  });
  const height = Math.max(data.length, ...merges.map((m) => m.e.r + 1));
  const rows: TableCell[][] = [];
  for (let r = 0; r < height; r++) {
    const row = data[r] ?? [];
    const cells: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell: TableCell = { text: cellText(row[c]), loc: { sheet, table, row: r, cell: c }, gridColumn: c };
      const m = startOf.get(key);
      if (m && m.e.r > m.s.r) cell.rowSpan = m.e.r - m.s.r + 1;
      if (m && m.e.c > m.s.c) cell.colSpan = m.e.c - m.s.c + 1;
      cells.push(cell);
    }
    rows.push(cells);
  }
  return trimToTables(rows, width).filter((cells) => cells.some((c) => c.text !== '' || c.rowSpan || c.colSpan));
}

/**
 * A sheet holding several tables of different widths (a report pasted into Excel, a web page
 * opened in Calc) is as wide as its widest table; the columns past a narrower table's edge are
 * not its blank cells, and the extractor would count them as such. Tables are told apart by the
 * rows that separate them: empty rows and rows merged across the whole sheet (titles, prose).
 */
function trimToTables(rows: TableCell[][], width: number): TableCell[][] {
  const end = (c: TableCell) => c.gridColumn! + (c.colSpan ?? 1);
  const separator = (cells: TableCell[]) => cells.every((c) => c.text === '' && !c.colSpan && !c.rowSpan) || (cells.length === 1 && end(cells[0]!) === width);
  const out: TableCell[][] = [];
  let i = 0;
  while (i < rows.length) {
    if (separator(rows[i]!)) {
      out.push(rows[i++]!);
      continue;
    }
    let j = i;
    let edge = 0;
    for (; j < rows.length && !separator(rows[j]!); j++) {
      for (const c of rows[j]!) if (c.text !== '' || c.colSpan || c.rowSpan) edge = Math.max(edge, end(c));
    }
    for (let k = i; k < j; k++) out.push(rows[k]!.filter((c) => c.gridColumn! < edge));
    i = j;
  }
  return out;
}

/**
 * The value as the sheet shows it, except that whole numbers are written plainly: a "#,##0"
 * format would otherwise print 1,234 for a count.
 */
function cellText(cell: CellObject | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'n':
      if (typeof cell.v === 'number' && Number.isInteger(cell.v)) return String(cell.v);
      return cell.w ?? String(cell.v);
    case 's':
      return String(cell.v ?? '');
    case 'e':
    case 'z':
      return '';
    default:
      return cell.w ?? String(cell.v ?? '');
  }
}
