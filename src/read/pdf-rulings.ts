/**
 * A page's ruling lines (table borders) from its drawing operators: stroked straight segments
 * and thin filled rectangles (Chromium and Word draw borders as hairline fills). Large fills are
 * backgrounds, and curves are never borders, so both are left out. The paths come from our own
 * content-stream scanner (pdf-content.ts), or from pdfjs's operator list where it cannot read
 * the file.
 */
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjs } from './pdf-load.js';
import { multiply, type Matrix } from './pdf-matrix.js';

export interface Ruling {
  /** Page coordinates, origin top-left, x0 ≤ x1, y0 ≤ y1. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  horizontal: boolean;
}


/** Thickest fill still read as a line rather than a shaded area, in points. */
const MAX_LINE_WIDTH = 3;
/** Shortest segment worth keeping: shorter ones are tick marks, bullets, glyph parts. */
const MIN_LENGTH = 4;

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;

/** The slow way, for files the content-stream scanner cannot read (encrypted, damaged). */
export async function operatorListRulings(page: PDFPageProxy, viewport: PageViewport): Promise<Ruling[]> {
  const { OPS } = await pdfjs();
  const strokeOps = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set([OPS.fill, OPS.eoFill]);
  const list = await page.getOperatorList();
  const out: Ruling[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const toPage = (x: number, y: number): [number, number] => {
    const [a, b, c, d, e, f] = ctm;
    const p = viewport.convertToViewportPoint(a * x + c * y + e, b * x + d * y + f);
    return [p[0]!, p[1]!];
  };

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const buf = (args[1] as (Float32Array | null)[])[0];
      if (!buf) continue;
      const stroked = strokeOps.has(paint);
      if (!stroked && !fillOps.has(paint)) continue;
      for (const poly of subpaths(buf)) pathRulings(poly.map(([x, y]) => toPage(x, y)), stroked, out);
    }
  }
  return out;
}

/** The ruling lines one painted subpath (in page coordinates) draws, if any. */
export function pathRulings(pts: [number, number][], stroked: boolean, out: Ruling[]): void {
  if (stroked) strokeSegments(pts, out);
  else fillLine(pts, out);
}

/** Straight-line subpaths; a subpath with a curve in it is dropped whole. */
function subpaths(buf: Float32Array): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  let curved = false;
  const end = () => {
    if (!curved && cur.length >= 2) out.push(cur);
    cur = [];
    curved = false;
  };
  for (let k = 0; k < buf.length; ) {
    const op = buf[k++];
    if (op === DRAW_MOVE) {
      end();
      cur.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === DRAW_LINE) {
      cur.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === DRAW_CURVE) {
      curved = true;
      k += 6;
    } else if (op === DRAW_QUAD) {
      curved = true;
      k += 4;
    } else if (op === DRAW_CLOSE) {
      if (cur.length > 2) cur.push(cur[0]!);
      const first = cur[0];
      end();
      if (first) cur.push(first);
    } else break;
  }
  end();
  return out;
}

function strokeSegments(pts: [number, number][], out: Ruling[]): void {
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!;
    const [bx, by] = pts[i]!;
    addRuling(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), out);
  }
}

/** A filled axis-aligned rectangle thin enough to be a line: its centre line. */
function fillLine(pts: [number, number][], out: Ruling[]): void {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const rectilinear = pts.every((p, i) => i === 0 || Math.abs(p[0] - pts[i - 1]![0]) < 0.5 || Math.abs(p[1] - pts[i - 1]![1]) < 0.5);
  if (!rectilinear) return;
  if (y1 - y0 <= MAX_LINE_WIDTH && x1 - x0 > y1 - y0) addRuling(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, out);
  else if (x1 - x0 <= MAX_LINE_WIDTH && y1 - y0 > x1 - x0) addRuling((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, out);
}

function addRuling(x0: number, y0: number, x1: number, y1: number, out: Ruling[]): void {
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= 1 && w >= MIN_LENGTH) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2, horizontal: true });
  else if (w <= 1 && h >= MIN_LENGTH) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1, horizontal: false });
}
