/**
 * Table grids from ruling lines. Lines that touch form one table; the distinct x of its
 * vertical lines and y of its horizontal lines cut it into grid cells, and where a border is
 * missing between two grid cells they belong to one merged cell (rowspan/colspan).
 */
import type { Ruling } from './pdf-rulings.js';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Grid {
  xs: number[];
  ys: number[];
  /** Merged cells, top to bottom, left to right. */
  cells: GridCell[];
  /** cellAt[r][c] = index into `cells`. */
  cellAt: number[][];
}

/** Lines this close are one line (double borders, border-collapse offsets). */
const SNAP = 2.5;
/** How far apart lines can be and still touch (line caps, rounding). */
const TOUCH = 2;

export function buildGrids(rulings: Ruling[]): Grid[] {
  const hs = mergeCollinear(rulings.filter((r) => r.horizontal), true);
  const vs = mergeCollinear(rulings.filter((r) => !r.horizontal), false);
  const lines = [...hs, ...vs];
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j]!;
      if (v.x0 >= h.x0 - TOUCH && v.x0 <= h.x1 + TOUCH && h.y0 >= v.y0 - TOUCH && h.y0 <= v.y1 + TOUCH) {
        parent[find(i)] = find(hs.length + j);
      }
    }
  }
  const groups = new Map<number, Ruling[]>();
  lines.forEach((l, i) => {
    const g = groups.get(find(i));
    if (g) g.push(l);
    else groups.set(find(i), [l]);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const g = gridOf(group);
    if (g) grids.push(g);
  }
  return grids.sort((a, b) => a.ys[0]! - b.ys[0]!);
}

function mergeCollinear(lines: Ruling[], horizontal: boolean): Ruling[] {
  const pos = (r: Ruling) => (horizontal ? r.y0 : r.x0);
  const from = (r: Ruling) => (horizontal ? r.x0 : r.y0);
  const to = (r: Ruling) => (horizontal ? r.x1 : r.y1);
  const sorted = [...lines].sort((a, b) => pos(a) - pos(b) || from(a) - from(b));
  const out: Ruling[] = [];
  // bucket by position, then join overlapping or touching spans
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && pos(sorted[j + 1]!) - pos(sorted[j]!) <= 1) j++;
    const bucket = sorted.slice(i, j + 1).sort((a, b) => from(a) - from(b));
    const at = bucket.reduce((s, r) => s + pos(r), 0) / bucket.length;
    let a = from(bucket[0]!);
    let b = to(bucket[0]!);
    const emit = () =>
      out.push(horizontal ? { x0: a, x1: b, y0: at, y1: at, horizontal } : { x0: at, x1: at, y0: a, y1: b, horizontal });
    for (const r of bucket.slice(1)) {
      if (from(r) <= b + TOUCH) b = Math.max(b, to(r));
      else {
        emit();
        a = from(r);
        b = to(r);
      }
    }
    emit();
    i = j + 1;
  }
  return out;
}

/** Positions closer than SNAP become one (their mean). */
function snap(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of s) {
    if (group.length > 0 && v - group[group.length - 1]! > SNAP) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

function gridOf(lines: Ruling[]): Grid | null {
  const hs = lines.filter((l) => l.horizontal);
  const vs = lines.filter((l) => !l.horizontal);
  if (hs.length < 2 || vs.length < 2) return null;
  const ys = snap(hs.map((h) => h.y0));
  const xs = snap(vs.map((v) => v.x0));
  if (ys.length < 2 || xs.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // Does a vertical line at xs[c] run through the middle of row r (and likewise across)?
  const hasV = (c: number, r: number) => {
    const mid = (ys[r]! + ys[r + 1]!) / 2;
    return vs.some((v) => Math.abs(v.x0 - xs[c]!) <= SNAP && v.y0 <= mid && v.y1 >= mid);
  };
  const hasH = (r: number, c: number) => {
    const mid = (xs[c]! + xs[c + 1]!) / 2;
    return hs.some((h) => Math.abs(h.y0 - ys[r]!) <= SNAP && h.x0 <= mid && h.x1 >= mid);
  };
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !hasV(c + 1, r)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < nr && !hasH(r + 1, c)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const extent = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const k = find(id(r, c));
      const e = extent.get(k);
      if (!e) extent.set(k, { r0: r, c0: c, r1: r, c1: c });
      else {
        e.r0 = Math.min(e.r0, r);
        e.c0 = Math.min(e.c0, c);
        e.r1 = Math.max(e.r1, r);
        e.c1 = Math.max(e.c1, c);
      }
    }
  }
  const roots = [...extent.entries()].sort((a, b) => a[1].r0 - b[1].r0 || a[1].c0 - b[1].c0);
  const index = new Map(roots.map(([k], i) => [k, i]));
  const cells: GridCell[] = roots.map(([, e]) => ({
    row: e.r0,
    col: e.c0,
    rowSpan: e.r1 - e.r0 + 1,
    colSpan: e.c1 - e.c0 + 1,
    x0: xs[e.c0]!,
    y0: ys[e.r0]!,
    x1: xs[e.c1 + 1]!,
    y1: ys[e.r1 + 1]!,
  }));
  const cellAt = Array.from({ length: nr }, (_, r) => Array.from({ length: nc }, (_, c) => index.get(find(id(r, c)))!));
  // A lone box (a framed note, a border round the page) is not a table.
  if (cells.length < 2) return null;
  return { xs, ys, cells, cellAt };
}
