/**
 * Ruled tables on a scanned page: long runs of dark pixels are ruling lines; vertical rules are
 * kept only where they join two horizontal rules (text strokes never touch the rules, because
 * cells are padded); the rules' positions give a grid, and where a rule is missing between two
 * grid cells they are one merged cell.
 */
import type { GrayImage } from './raster.js';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface GridCell {
  /** Inside of the cell: between the inner edges of its rules. */
  rect: Rect;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

export interface GridTable {
  rect: Rect;
  /** Physical cells by starting row, left to right; a merged cell once. */
  rows: GridCell[][];
}

export interface PageLayout {
  tables: GridTable[];
  /** Page with the tables' rules painted white, for OCR of what is left. */
  ink: Uint8Array;
}

interface Segment {
  /** Position across the line (y for horizontal, x for vertical), centre of its thickness. */
  at: number;
  from: number;
  to: number;
  thickness: number;
}

/** Otsu's threshold: scans vary in paper tone and toner, a fixed cut-off does not. */
export function otsu(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]!] = hist[img.data[i]!]! + 1;
  const total = img.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

export function binarize(img: GrayImage): Uint8Array {
  const t = otsu(img);
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! <= t ? 1 : 0;
  return out;
}

/**
 * Pixels in dark runs at least `min` long along one axis, grouped into segments. Runs on
 * neighbouring lines that overlap join one segment (a rule two or three pixels thick); a gap of
 * up to `gap` pixels inside a run is bridged (broken toner, JPEG noise).
 */
function findSegments(bin: Uint8Array, width: number, height: number, horizontal: boolean, min: number, gap: number): Segment[] {
  const lines = horizontal ? height : width;
  const along = horizontal ? width : height;
  // Pixel `pos` of line `line` is bin[line * lineStep + pos * posStep].
  const lineStep = horizontal ? width : 1;
  const posStep = horizontal ? 1 : width;
  interface Open {
    first: number;
    last: number;
    from: number;
    to: number;
    sum: number;
    n: number;
  }
  const done: Segment[] = [];
  let open: Open[] = [];
  for (let line = 0; line < lines; line++) {
    const runs: [number, number][] = [];
    let start = -1;
    let lastDark = -1;
    const base = line * lineStep;
    for (let pos = 0; pos <= along; pos++) {
      const dark = pos < along && bin[base + pos * posStep] === 1;
      if (dark) {
        if (start < 0) start = pos;
        else if (pos - lastDark > gap + 1) {
          if (lastDark - start + 1 >= min) runs.push([start, lastDark]);
          start = pos;
        }
        lastDark = pos;
      } else if (start >= 0 && (pos === along || pos - lastDark > gap)) {
        if (lastDark - start + 1 >= min) runs.push([start, lastDark]);
        start = -1;
      }
    }
    const next: Open[] = [];
    for (const [a, b] of runs) {
      const joined = open.find((o) => o.last === line - 1 && a <= o.to + gap && b >= o.from - gap);
      if (joined) {
        joined.last = line;
        joined.from = Math.min(joined.from, a);
        joined.to = Math.max(joined.to, b);
        joined.sum += line;
        joined.n++;
        if (!next.includes(joined)) next.push(joined);
      } else next.push({ first: line, last: line, from: a, to: b, sum: line, n: 1 });
    }
    for (const o of open) if (!next.includes(o)) done.push({ at: o.sum / o.n, from: o.from, to: o.to, thickness: o.last - o.first + 1 });
    open = next;
  }
  for (const o of open) done.push({ at: o.sum / o.n, from: o.from, to: o.to, thickness: o.last - o.first + 1 });
  return done;
}

/** Values closer than `tol` become one (their mean). */
function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

export function detectTables(img: GrayImage, bin: Uint8Array): PageLayout {
  const { width, height, dpi } = img;
  const tol = Math.max(3, Math.round(dpi / 30));
  const gap = Math.max(1, Math.round(dpi / 100));
  // A rule under the narrowest value cell (one digit plus padding) is still ≥ 0.2 in long.
  const hLines = findSegments(bin, width, height, true, Math.round(dpi * 0.2), gap).filter((s) => s.thickness <= dpi / 15);
  const vCandidates = findSegments(bin, width, height, false, Math.round(dpi / 15), gap).filter((s) => s.thickness <= dpi / 15);

  // A vertical rule starts and ends on horizontal rules.
  const touches = (v: Segment, y: number) => hLines.findIndex((h) => Math.abs(h.at - y) <= tol + h.thickness / 2 && v.at >= h.from - tol && v.at <= h.to + tol);
  const vLines: { seg: Segment; top: number; bottom: number }[] = [];
  for (const v of vCandidates) {
    const top = touches(v, v.from);
    const bottom = touches(v, v.to);
    if (top >= 0 && bottom >= 0 && top !== bottom) vLines.push({ seg: v, top, bottom });
  }

  // Rules that cross or meet belong to one table.
  const uf = new UnionFind(hLines.length + vLines.length);
  vLines.forEach((v, k) => {
    hLines.forEach((h, i) => {
      const meets = h.at >= v.seg.from - tol && h.at <= v.seg.to + tol && v.seg.at >= h.from - tol && v.seg.at <= h.to + tol;
      if (meets) uf.union(i, hLines.length + k);
    });
  });
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  const group = (root: number) => {
    if (!groups.has(root)) groups.set(root, { hs: [], vs: [] });
    return groups.get(root)!;
  };
  hLines.forEach((h, i) => group(uf.find(i)).hs.push(h));
  vLines.forEach((v, k) => group(uf.find(hLines.length + k)).vs.push(v.seg));

  const ink = bin.slice();
  const tables: GridTable[] = [];
  for (const { hs, vs } of groups.values()) {
    if (hs.length < 2 || vs.length < 2) continue;
    const table = buildTable(hs, vs, tol);
    if (!table) continue;
    tables.push(table);
    for (const s of hs) erase(ink, width, height, true, s);
    for (const s of vs) erase(ink, width, height, false, s);
  }
  tables.sort((a, b) => a.rect.y0 - b.rect.y0);
  return { tables, ink };
}

function erase(ink: Uint8Array, width: number, height: number, horizontal: boolean, s: Segment): void {
  const half = Math.ceil(s.thickness / 2) + 1;
  for (let a = Math.floor(s.at - half); a <= Math.ceil(s.at + half); a++) {
    for (let p = s.from; p <= s.to; p++) {
      const [x, y] = horizontal ? [p, a] : [a, p];
      if (x >= 0 && y >= 0 && x < width && y < height) ink[y * width + x] = 0;
    }
  }
}

function buildTable(hs: Segment[], vs: Segment[], tol: number): GridTable | null {
  const ys = cluster(hs.map((h) => h.at), tol);
  const xs = cluster(vs.map((v) => v.at), tol);
  if (ys.length < 2 || xs.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const hThick = Math.max(...hs.map((h) => h.thickness));
  const vThick = Math.max(...vs.map((v) => v.thickness));

  const hasV = (x: number, yMid: number) => vs.some((v) => Math.abs(v.at - x) <= tol && v.from - tol <= yMid && v.to + tol >= yMid);
  const hasH = (y: number, xMid: number) => hs.some((h) => Math.abs(h.at - y) <= tol && h.from - tol <= xMid && h.to + tol >= xMid);

  const uf = new UnionFind(rows * cols);
  // Grid cells the table's outline does not enclose (a ragged table) are left out.
  const inside = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const yMid = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      const xMid = (xs[c]! + xs[c + 1]!) / 2;
      const left = xs.findIndex((x, k) => k <= c && hasV(x, yMid));
      const right = xs.findIndex((x, k) => k > c && hasV(x, yMid));
      const above = ys.findIndex((y, k) => k <= r && hasH(y, xMid));
      const below = ys.findIndex((y, k) => k > r && hasH(y, xMid));
      inside[r * cols + c] = left >= 0 && right >= 0 && above >= 0 && below >= 0 ? 1 : 0;
      if (c + 1 < cols && !hasV(xs[c + 1]!, yMid)) uf.union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hasH(ys[r + 1]!, xMid)) uf.union(r * cols + c, (r + 1) * cols + c);
    }
  }

  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number; inside: boolean }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, r1: r, c0: c, c1: c, inside: inside[r * cols + c] === 1 });
      else {
        s.r0 = Math.min(s.r0, r);
        s.r1 = Math.max(s.r1, r);
        s.c0 = Math.min(s.c0, c);
        s.c1 = Math.max(s.c1, c);
        s.inside &&= inside[r * cols + c] === 1;
      }
    }
  }
  const byRow: GridCell[][] = Array.from({ length: rows }, () => []);
  for (const s of spans.values()) {
    if (!s.inside) continue;
    byRow[s.r0]!.push({
      rect: {
        x0: xs[s.c0]! + vThick / 2,
        y0: ys[s.r0]! + hThick / 2,
        x1: xs[s.c1 + 1]! - vThick / 2,
        y1: ys[s.r1 + 1]! - hThick / 2,
      },
      row: s.r0,
      column: s.c0,
      rowSpan: s.r1 - s.r0 + 1,
      colSpan: s.c1 - s.c0 + 1,
    });
  }
  for (const r of byRow) r.sort((a, b) => a.column - b.column);
  const rowsOut = byRow.filter((r) => r.length > 0);
  if (rowsOut.length === 0) return null;
  return { rect: { x0: xs[0]!, y0: ys[0]!, x1: xs[cols]!, y1: ys[rows]! }, rows: rowsOut };
}
