/**
 * Tables printed without ruling lines (WPS and Word exports often draw none): rebuilt from
 * where the text sits. Columns come from the numbers — numbers in one column overlap one
 * another horizontally whatever their alignment, numbers in neighbouring columns never do —
 * and from narrow header words over columns that hold no number at all (a column blank in
 * every row still has its header). Rows come from the numbers' baselines; a label wrapped over
 * several lines is one label, placed in the row whose numbers sit beside it; a label with no
 * number beside it is a row of blanks. Blank cells are kept as empty cells.
 */
import type { TableCell } from './document.js';
import { isPageNumber } from './pdf-chrome.js';
import { groupLines, wrapJoiner, type Line } from './pdf-lines.js';
import { box } from './pdf-page.js';
import type { TextRun } from './pdf-text.js';

export interface UnruledTable {
  rows: TableCell[][];
  bbox: [number, number, number, number];
  /** The value columns, to tell and align a continuation on the next page. */
  columns: Span[];
}

/** A value: a number, with the unit some tables print after it, or a dash for none. */
const VALUE = /^(\d[\d,]*(\.\d+)?(元|万元|件|个|项|%)?|[-—–－/／]+)$/;
/** Starts a row label of its own: 一、 （一） 1. and the like. */
const MARKER = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])/;
/** Gap between runs, in font sizes, that separates two cells rather than two words. */
const CELL_GAP = 1.0;

interface Token {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  cy: number;
  size: number;
  value: boolean;
}

export interface Span {
  x0: number;
  x1: number;
}

/** Splits off the tables; returns them and the runs that are not in any. */
export function unruledTables(page: number, height: number, runs: TextRun[]): { tables: UnruledTable[]; rest: TextRun[] } {
  const lines = groupLines(runs);
  if (lines.length === 0) return { tables: [], rest: runs };
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const tables: UnruledTable[] = [];
  const used = new Set<TextRun>();
  for (const region of regions(lines, left, right, height)) {
    for (const section of sections(region)) {
      const t = buildTable(page, section);
      if (!t) continue;
      tables.push(t);
      for (const l of section) for (const r of l.runs) used.add(r);
    }
  }
  return { tables, rest: runs.filter((r) => !used.has(r)) };
}

/** Runs of lines between prose lines that hold numbers on at least two lines. */
function regions(lines: Line[], left: number, right: number, height: number): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  const flush = () => {
    // Numbers on two lines, or one line of several numbers under a header (表四's one row).
    const counts = cur.map((l) => tokensOf(l).filter((t) => t.value).length).filter((n) => n > 0);
    if (counts.length >= 2 || (counts.length === 1 && counts[0]! >= 3 && cur.length >= 2)) out.push(cur);
    cur = [];
  };
  const valued = (l: Line) => tokensOf(l).some((t) => t.value);
  lines.forEach((l, i) => {
    const prev = cur[cur.length - 1];
    // A label such as "三、本年度办理结果" wrapped in its cell looks like a section heading;
    // one with numbers just above and just below it is inside a table.
    const near = 2.5 * l.size;
    const enclosed = lines.some((o, j) => j < i && valued(o) && l.y0 - o.y1 < near) && lines.some((o, j) => j > i && valued(o) && o.y0 - l.y1 < near);
    // A lone number in the margin is a page number; in the body it may be a cell.
    const margin = l.y1 <= 0.08 * height || l.y0 >= 0.9 * height;
    if ((isProse(l, left, right) && !enclosed) || (margin && isPageNumber(l.text))) {
      flush();
      return;
    }
    // A wide empty band is not inside a table (page footers, a gap before the next section).
    if (prev && l.y0 - prev.y1 > 3 * l.size) flush();
    cur.push(l);
  });
  flush();
  return out;
}

/**
 * A region cut where a header starts again below numbers (表一's 第二十条 parts, each with its
 * own columns): a line without numbers with words over the value columns. A line with words
 * only in the label area is a row whose cells are blank, and stays.
 */
function sections(region: Line[]): Line[][] {
  const vals = region.flatMap((l) => tokensOf(l).filter((t) => t.value));
  if (vals.length === 0) return [region];
  const edge = Math.min(...vals.map((t) => t.x0));
  const out: Line[][] = [[]];
  let seenValue = false;
  for (const l of region) {
    const toks = tokensOf(l);
    const hasValue = toks.some((t) => t.value);
    if (!hasValue && seenValue && toks.some((t) => t.x1 > edge + 0.5 * t.size)) {
      out.push([]);
      seenValue = false;
    }
    if (hasValue) seenValue = true;
    out[out.length - 1]!.push(l);
  }
  return out.filter((s) => s.length > 0);
}

function isProse(l: Line, left: number, right: number): boolean {
  const segs = segments(l);
  if (segs.length > 1) return false;
  if (tokensOf(l).some((t) => t.value)) return false;
  if (l.x1 - l.x0 >= 0.6 * (right - left)) return true;
  return MARKER.test(l.text) && /^[一二三四五六七八九十]+、/.test(l.text.trim()) && l.x0 <= left + 2.5 * l.size;
}

/** Runs of a line split where the gap between them is cell-wide. */
function segments(l: Line): TextRun[][] {
  const out: TextRun[][] = [];
  for (const r of l.runs) {
    const cur = out[out.length - 1];
    const prev = cur?.[cur.length - 1];
    if (prev && r.x0 - prev.x1 <= CELL_GAP * Math.min(r.size, prev.size)) cur!.push(r);
    else out.push([r]);
  }
  return out;
}

const tokenCache = new WeakMap<Line, Token[]>();

/** A line's cells-to-be: its segments, with runs holding several numbers ("821 35") cut apart. */
function tokensOf(l: Line): Token[] {
  const hit = tokenCache.get(l);
  if (hit) return hit;
  const out: Token[] = [];
  for (const seg of segments(l)) {
    const pieces = seg.flatMap(splitNumbers);
    const text = pieces.map((p) => p.text).join('');
    if (pieces.length > 1 && pieces.some((p) => VALUE.test(p.text.trim())) && pieces.every((p) => VALUE.test(p.text.trim()) || !/\d/.test(p.text))) {
      for (const p of pieces) out.push(token(p.text, [p]));
      continue;
    }
    out.push(token(text, seg));
  }
  tokenCache.set(l, out);
  return out;
}

function token(text: string, runs: TextRun[]): Token {
  const t = text.trim();
  const y0 = Math.min(...runs.map((r) => r.y0));
  const y1 = Math.max(...runs.map((r) => r.y1));
  return { text: t, x0: Math.min(...runs.map((r) => r.x0)), x1: Math.max(...runs.map((r) => r.x1)), y0, y1, cy: (y0 + y1) / 2, size: Math.max(...runs.map((r) => r.size)), value: VALUE.test(t) };
}

/** A run of space-separated numbers, cut at its spaces (widths estimated evenly per char). */
function splitNumbers(r: TextRun): TextRun[] {
  const parts = r.text.trim().split(/\s+/);
  if (parts.length < 2 || !parts.some((p) => VALUE.test(p))) return [r];
  const chars = [...r.text];
  const w = (r.x1 - r.x0) / (chars.length || 1);
  const out: TextRun[] = [];
  const re = /\S+/g;
  for (let m = re.exec(r.text); m; m = re.exec(r.text)) {
    const from = [...r.text.slice(0, m.index)].length;
    const len = [...m[0]].length;
    out.push({ ...r, text: m[0], x0: r.x0 + from * w, x1: r.x0 + (from + len) * w });
  }
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1;
}

function buildTable(page: number, lines: Line[]): UnruledTable | null {
  const firstBody = lines.findIndex((l) => tokensOf(l).some((t) => t.value));
  const head = lines.slice(0, firstBody);
  const body = lines.slice(firstBody);
  const columns = valueColumns(body);
  if (columns.length === 0) return null;
  const labelEdge = columns[0]!.x0;
  addHeaderColumns(columns, head, labelEdge);
  columns.sort((a, b) => a.x0 - b.x0);
  const size = Math.max(...lines.map((l) => l.size));

  const rows: TableCell[][] = [];
  const cellOf = (text: string, x0: number, y0: number, x1: number, y1: number, col?: number): TableCell => {
    const c: TableCell = { text, loc: { page, bbox: box(x0, y0, x1, y1) } };
    if (col !== undefined) c.gridColumn = col;
    return c;
  };
  rows.push(...headerRows(head, columns, cellOf));

  // Body: rows anchored on the numbers' lines; label blocks joined across wrapped lines.
  interface Row {
    cy: number;
    labels: Block[];
    values: (Token | null)[];
  }
  const anchors: Row[] = [];
  const pending: Token[][] = [];
  for (const l of body) {
    const toks = tokensOf(l);
    const labels = toks.filter((t) => t.x1 <= labelEdge + 0.5 * t.size || !columns.some((c) => overlaps(t, c)));
    const values = toks.filter((t) => !labels.includes(t));
    if (values.length > 0) {
      const row: Row = { cy: avg(values.map((v) => v.cy)), labels: [], values: columns.map(() => null) };
      for (const v of values) {
        const k = nearestColumn(columns, v);
        const prev = row.values[k];
        row.values[k] = prev ? { ...prev, text: `${prev.text} ${v.text}`, x1: v.x1 } : v;
      }
      anchors.push(row);
    }
    pending.push(labels);
  }
  const blocks = labelBlocks(pending.flat(), size);
  const rowsOut: Row[] = [...anchors];
  for (const b of blocks) {
    const near = anchors.reduce<Row | null>((best, r) => (Math.abs(r.cy - b.cy) < Math.abs((best?.cy ?? Infinity) - b.cy) ? r : best), null);
    if (near && Math.abs(near.cy - b.cy) <= 0.6 * b.size) near.labels.push(b);
    else rowsOut.push({ cy: b.cy, labels: [b], values: columns.map(() => null) });
  }
  rowsOut.sort((a, b) => a.cy - b.cy);
  for (const r of rowsOut) {
    const labels = r.labels.sort((a, b) => a.x0 - b.x0).map((b) => cellOf(b.text, b.x0, b.y0, b.x1, b.y1));
    const cy = r.cy;
    const values = r.values.map((v, k) => (v ? cellOf(v.text, v.x0, v.y0, v.x1, v.y1, k + 1) : cellOf('', columns[k]!.x0, cy - size / 2, columns[k]!.x1, cy + size / 2, k + 1)));
    // A row without a label (表四's one row of numbers) starts with its first value, as in print.
    rows.push([...labels, ...values]);
  }
  const x0 = Math.min(...lines.map((l) => l.x0));
  const y0 = Math.min(...lines.map((l) => l.y0));
  const x1 = Math.max(...lines.map((l) => l.x1));
  const y1 = Math.max(...lines.map((l) => l.y1));
  return { rows, bbox: box(x0, y0, x1, y1), columns };
}

function avg(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Value tokens clustered by horizontal overlap. */
function valueColumns(body: Line[]): Span[] {
  const vals = body.flatMap((l) => tokensOf(l).filter((t) => t.value)).sort((a, b) => a.x0 - b.x0);
  const cols: Span[] = [];
  for (const v of vals) {
    const last = cols[cols.length - 1];
    if (last && v.x0 < last.x1) last.x1 = Math.max(last.x1, v.x1);
    else cols.push({ x0: v.x0, x1: v.x1 });
  }
  return cols;
}

/**
 * Header words right of the labels that stand over no value column mark a column blank in
 * every row. Narrowest first, so a spanning header ("法人或其他组织") is seen to cover
 * several columns and left out.
 */
function addHeaderColumns(columns: Span[], head: Line[], labelEdge: number): void {
  const words = head
    .flatMap((l) => tokensOf(l))
    .filter((t) => t.x0 >= labelEdge - 0.5 * t.size)
    .sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0));
  for (const w of words) {
    const hit = columns.filter((c) => overlaps(c, w)).length;
    if (hit === 0) columns.push({ x0: w.x0, x1: w.x1 });
  }
}

function nearestColumn(columns: Span[], t: Token): number {
  let best = 0;
  let bestD = Infinity;
  const cx = (t.x0 + t.x1) / 2;
  columns.forEach((c, k) => {
    const d = overlaps(c, t) ? 0 : Math.min(Math.abs(cx - c.x0), Math.abs(cx - c.x1));
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  });
  return best;
}

interface Block {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  cy: number;
  size: number;
}

/**
 * Label pieces joined down a column: a piece that starts right under another (within a line's
 * height, overlapping it horizontally, not opening a new item with a marker) continues it.
 */
function labelBlocks(tokens: Token[], size: number): Block[] {
  const blocks: (Block & { lastCy: number })[] = [];
  for (const t of [...tokens].sort((a, b) => a.cy - b.cy || a.x0 - b.x0)) {
    // the nearest block above that this piece can continue
    const into = blocks
      .filter((b) => t.cy - b.lastCy > 0.3 * size && t.cy - b.lastCy <= 1.7 * size && overlaps(b, t) && !MARKER.test(t.text))
      .reduce<(typeof blocks)[number] | null>((best, b) => (!best || b.lastCy > best.lastCy ? b : best), null);
    if (into) {
      into.text += wrapJoiner(into.text, t.text) + t.text;
      into.x0 = Math.min(into.x0, t.x0);
      into.x1 = Math.max(into.x1, t.x1);
      into.y1 = Math.max(into.y1, t.y1);
      into.lastCy = t.cy;
      into.cy = (into.y0 + into.y1) / 2;
      continue;
    }
    blocks.push({ text: t.text, x0: t.x0, x1: t.x1, y0: t.y0, y1: t.y1, cy: t.cy, size: t.size, lastCy: t.cy });
  }
  return blocks;
}

/**
 * Header lines as two rows: words spanning several columns, then for the label area and each
 * column the words stacked over it, top to bottom ("自/然/人" → "自然人").
 */
function headerRows(head: Line[], columns: Span[], cellOf: (text: string, x0: number, y0: number, x1: number, y1: number, col?: number) => TableCell): TableCell[][] {
  if (head.length === 0) return [];
  const toks = head.flatMap((l) => tokensOf(l));
  const spanning = toks.filter((t) => columns.filter((c) => overlaps(c, t)).length >= 2);
  const stacks: Token[][] = [[], ...columns.map(() => [])];
  for (const t of toks) {
    if (spanning.includes(t)) continue;
    const k = columns.findIndex((c) => overlaps(c, t));
    stacks[k < 0 ? (t.x1 <= columns[0]!.x0 ? 0 : nearestColumn(columns, t) + 1) : k + 1]!.push(t);
  }
  const rows: TableCell[][] = [];
  const y0 = Math.min(...head.map((l) => l.y0));
  const y1 = Math.max(...head.map((l) => l.y1));
  if (spanning.length > 0) rows.push(spanning.sort((a, b) => a.cy - b.cy || a.x0 - b.x0).map((t) => cellOf(t.text, t.x0, t.y0, t.x1, t.y1)));
  rows.push(
    stacks.map((s, k) => {
      const sorted = s.sort((a, b) => a.cy - b.cy || a.x0 - b.x0);
      const text = sorted.map((t) => t.text).join('');
      const x0 = k === 0 ? Math.min(...sorted.map((t) => t.x0), columns[0]!.x0) : columns[k - 1]!.x0;
      const x1 = k === 0 ? columns[0]!.x0 : columns[k - 1]!.x1;
      return cellOf(text, x0, y0, x1, y1, k === 0 ? undefined : k);
    }),
  );
  return rows;
}

/**
 * A continuation's rows re-cut to the columns of the table it continues: on its own page a
 * column blank in every row left no trace, and no header came along to show it.
 */
export function alignRows(rows: TableCell[][], from: Span[], to: Span[]): TableCell[][] {
  if (from.length === to.length && from.every((c, k) => overlaps(c, to[k]!))) return rows;
  return rows.map((row) => {
    const labels = row.filter((c) => c.gridColumn === undefined);
    const out = to.map((c, k): TableCell => ({ text: '', loc: { ...row[0]!.loc, bbox: [c.x0, row[0]!.loc.bbox![1], c.x1, row[0]!.loc.bbox![3]] }, gridColumn: k + 1 }));
    for (const cell of row) {
      if (cell.gridColumn === undefined || cell.text === '') continue;
      const [x0, , x1] = cell.loc.bbox!;
      const k = nearestColumn(to, { x0, x1 } as Token);
      out[k] = { ...cell, gridColumn: k + 1 };
    }
    return [...labels, ...out];
  });
}
