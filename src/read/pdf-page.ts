/**
 * One page laid out: the text runs inside each ruled table go to the cell that contains them;
 * the rest stays as lines for paragraphs.
 */
import type { TableCell } from './document.js';
import type { Grid } from './pdf-grid.js';
import { groupLines, wrapJoiner, type Line } from './pdf-lines.js';
import { splitRunAt, type TextRun } from './pdf-text.js';
import { unruledTables, type Span } from './pdf-unruled.js';

export interface PageTable {
  /** The ruled grid; null for a table rebuilt from text positions alone. */
  grid: Grid | null;
  /** Value columns of an unruled table. */
  columns?: Span[];
  rows: TableCell[][];
  bbox: [number, number, number, number];
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  tables: PageTable[];
  /** Lines outside every table, top to bottom. */
  lines: Line[];
}

export function layoutPage(page: number, width: number, height: number, runs: TextRun[], grids: Grid[]): PageLayout {
  const perCell = grids.map((g) => g.cells.map((): TextRun[] => []));
  const outside: TextRun[] = [];
  for (const run of runs) {
    const cy = (run.y0 + run.y1) / 2;
    const gi = grids.findIndex((g) => within(cy, g.ys[0]!, g.ys[g.ys.length - 1]!) && overlaps(run.x0, run.x1, g.xs[0]!, g.xs[g.xs.length - 1]!));
    const grid = grids[gi];
    if (!grid) {
      outside.push(run);
      continue;
    }
    const r = bandOf(grid.ys, cy);
    // Cut only where this row really has a border: a merged cell's text stays whole.
    const cuts: number[] = [];
    for (let c = 1; c < grid.xs.length - 1; c++) if (grid.cellAt[r]![c - 1] !== grid.cellAt[r]![c]) cuts.push(grid.xs[c]!);
    for (const piece of splitRunAt(run, cuts)) {
      const cx = (piece.x0 + piece.x1) / 2;
      if (cx < grid.xs[0]! || cx > grid.xs[grid.xs.length - 1]!) {
        outside.push(piece);
        continue;
      }
      perCell[gi]![grid.cellAt[r]![bandOf(grid.xs, cx)]!]!.push(piece);
    }
  }

  const tables: PageTable[] = grids.map((grid, gi) => {
    const byRow = new Map<number, TableCell[]>();
    grid.cells.forEach((cell, k) => {
      const tc: TableCell = { text: cellText(perCell[gi]![k]!), loc: { page, bbox: box(cell.x0, cell.y0, cell.x1, cell.y1) }, gridColumn: cell.col };
      if (cell.rowSpan > 1) tc.rowSpan = cell.rowSpan;
      if (cell.colSpan > 1) tc.colSpan = cell.colSpan;
      const row = byRow.get(cell.row);
      if (row) row.push(tc);
      else byRow.set(cell.row, [tc]);
    });
    const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells);
    return { grid, rows, bbox: box(grid.xs[0]!, grid.ys[0]!, grid.xs[grid.xs.length - 1]!, grid.ys[grid.ys.length - 1]!) };
  });
  // Text outside every ruled grid may still be a table, one printed without lines.
  const unruled = unruledTables(page, height, outside);
  for (const t of unruled.tables) tables.push({ grid: null, rows: t.rows, bbox: t.bbox, columns: t.columns });
  tables.sort((a, b) => a.bbox[1] - b.bbox[1]);
  return { page, width, height, tables, lines: groupLines(unruled.rest) };
}

/** A cell's lines in reading order; a number wrapped onto the next line stays one number. */
function cellText(runs: TextRun[]): string {
  const lines = groupLines(runs);
  let text = '';
  for (const l of lines) {
    if (text === '') text = l.text;
    else if (/\d$/.test(text) && /^\d/.test(l.text)) text += wrapJoiner(text, l.text) + l.text;
    else text += '\n' + l.text;
  }
  return text;
}

function bandOf(edges: number[], v: number): number {
  for (let i = 1; i < edges.length - 1; i++) if (v < edges[i]!) return i - 1;
  return edges.length - 2;
}

function within(v: number, a: number, b: number): boolean {
  return v >= a && v <= b;
}

function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return a1 > b0 && a0 < b1;
}

export function box(x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
  const r = (n: number) => Math.round(n * 100) / 100;
  return [r(x0), r(y0), r(x1), r(y1)];
}
