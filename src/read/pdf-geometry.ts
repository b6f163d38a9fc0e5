/**
 * A page's visible area and orientation as pdfjs defines them (page.view, page.rotate and
 * getViewport({ scale: 1 })), from the page dictionary: so a document we read ourselves gets
 * the same page coordinates as one pdfjs opened.
 */
import type { PdfFile, PdfPage } from './pdf-file.js';
import { PdfSyntaxError, type PdfValue } from './pdf-objects.js';

/** What the layout code needs of a viewport: pdfjs's PageViewport fits it. */
export interface Viewport {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
}

/** pdfjs's size for a page with no usable MediaBox. */
const LETTER: number[] = [0, 0, 612, 792];

export function pageView(file: PdfFile, page: PdfPage): number[] {
  const media = box(file, page.inherited.mediaBox) ?? LETTER;
  const crop = box(file, page.inherited.cropBox);
  if (!crop || crop.every((v, i) => v === media[i])) return media;
  const x0 = Math.max(crop[0]!, media[0]!);
  const y0 = Math.max(crop[1]!, media[1]!);
  const x1 = Math.min(crop[2]!, media[2]!);
  const y1 = Math.min(crop[3]!, media[3]!);
  return x1 - x0 > 0 && y1 - y0 > 0 ? [x0, y0, x1, y1] : media;
}

export function pageRotation(file: PdfFile, page: PdfPage): number {
  const r = file.resolve(page.inherited.rotate);
  if (typeof r !== 'number' || !Number.isInteger(r) || r % 90 !== 0) return 0;
  return ((r % 360) + 360) % 360;
}

/** The scale-1 viewport of a page; a UserUnit (rare) is left to pdfjs. */
export function pageViewport(file: PdfFile, page: PdfPage): { view: number[]; viewport: Viewport } {
  const unit = file.resolve(page.dict.get('UserUnit'));
  if (typeof unit === 'number' && unit > 0 && unit !== 1) throw new PdfSyntaxError('UserUnit');
  const view = pageView(file, page);
  return { view, viewport: viewport(view, pageRotation(file, page)) };
}

export function viewport(view: number[], rotation: number): Viewport {
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  // y flips (PDF space grows upwards, the page downwards), then the page turns clockwise.
  const [a, b, c, d] = rotation === 90 ? [0, 1, 1, 0] : rotation === 180 ? [-1, 0, 0, 1] : rotation === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const sideways = a === 0;
  const ox = sideways ? Math.abs(cy - y0) : Math.abs(cx - x0);
  const oy = sideways ? Math.abs(cx - x0) : Math.abs(cy - y0);
  const e = ox - a * cx - c * cy;
  const f = oy - b * cx - d * cy;
  return {
    width: sideways ? y1 - y0 : x1 - x0,
    height: sideways ? x1 - x0 : y1 - y0,
    convertToViewportPoint: (x, y) => [a * x + c * y + e, b * x + d * y + f],
  };
}

/** A rectangle as pdfjs normalises it: four numbers, corners ordered, not empty. */
function box(file: PdfFile, v: PdfValue | undefined): number[] | null {
  const r = file.resolve(v);
  if (!Array.isArray(r) || r.length !== 4) return null;
  const n = r.map((x) => file.resolve(x));
  if (!n.every((x) => typeof x === 'number')) return null;
  const [p, q, s, t] = n as [number, number, number, number];
  const out = [Math.min(p, s), Math.min(q, t), Math.max(p, s), Math.max(q, t)];
  return out[2]! - out[0]! > 0 && out[3]! - out[1]! > 0 ? out : null;
}
