/**
 * A page's text runs with their boxes in page coordinates (points, origin top-left), from
 * pdfjs's text content. pdfjs merges text shown close together into one run, sometimes across
 * a table border ("0 0" over two cells); `splitRunAt` cuts such a run where a border falls.
 */
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Viewport } from './pdf-geometry.js';

export interface TextRun {
  /** NFKC text (Chromium writes Kangxi radicals for 一 and 行). */
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size in points: the unit for "how far apart is far". */
  size: number;
}

export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export async function pageText(page: PDFPageProxy, viewport: PageViewport): Promise<TextRun[]> {
  // We apply NFKC ourselves (below), which covers pdfjs's own normalisation.
  const content = await page.getTextContent({ disableNormalization: true });
  return itemRuns(
    content.items.filter((raw): raw is PdfTextItem & typeof raw => 'str' in raw),
    viewport,
  );
}

/** Text items (pdfjs's, or ours built the same way) → runs in page coordinates. */
export function itemRuns(items: PdfTextItem[], viewport: Viewport): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    const text = item.str.normalize('NFKC');
    if (text.trim() === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
    // The box runs along the baseline for `width` and up by the font size; descenders are
    // small enough to ignore when deciding which cell a run is in.
    const ux = Math.hypot(a, b) > 0 ? a / Math.hypot(a, b) : 1;
    const uy = Math.hypot(a, b) > 0 ? b / Math.hypot(a, b) : 0;
    const h = item.height || size;
    // The four corners in page coordinates, without an array per corner.
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let k = 0; k < 4; k++) {
      const along = k & 1 ? item.width : 0;
      const up = k & 2 ? h : 0;
      const q = viewport.convertToViewportPoint(e + ux * along - uy * up, f + uy * along + ux * up);
      x0 = Math.min(x0, q[0]!);
      x1 = Math.max(x1, q[0]!);
      y0 = Math.min(y0, q[1]!);
      y1 = Math.max(y1, q[1]!);
    }
    runs.push({ text, x0, y0, x1, y1, size });
  }
  return runs;
}

/** Relative advance of a character: CJK and full-width forms are square, the rest about half. */
function advance(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2e80 && c <= 0x9fff) return 1;
  if (c >= 0xf900 && c <= 0xfaff) return 1;
  if (c >= 0xff00 && c <= 0xff60) return 1;
  if (c >= 0x3000 && c <= 0x303f) return 1;
  if (c === 0x20) return 0.3;
  return 0.55;
}

/**
 * Cut a run at page x positions (table borders) that fall inside it. Character positions are
 * estimated from the run's width; a cut moves to a nearby space, since pdfjs writes a space
 * where it merged text across a gap, and the gap is where the border is.
 */
export function splitRunAt(run: TextRun, cuts: number[]): TextRun[] {
  const inside = cuts.filter((x) => x > run.x0 + 0.5 && x < run.x1 - 0.5).sort((p, q) => p - q);
  if (inside.length === 0) return [run];
  const chars = [...run.text];
  const weights = chars.map(advance);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const scale = (run.x1 - run.x0) / total;
  const starts: number[] = [];
  let x = run.x0;
  for (const w of weights) {
    starts.push(x);
    x += w * scale;
  }
  const boundaries: number[] = [];
  for (const cut of inside) {
    // first character whose centre lies right of the cut
    let k = chars.findIndex((_, i) => starts[i]! + (weights[i]! * scale) / 2 > cut);
    if (k < 0) k = chars.length;
    for (const d of [0, -1, 1, -2, 2]) {
      const j = k + d;
      if (j > 0 && j < chars.length && chars[j - 1] === ' ') {
        k = j;
        break;
      }
    }
    if (k > 0 && k < chars.length && !boundaries.includes(k)) boundaries.push(k);
  }
  boundaries.sort((p, q) => p - q);
  const out: TextRun[] = [];
  let from = 0;
  for (const to of [...boundaries, chars.length]) {
    const text = chars.slice(from, to).join('');
    const x0 = starts[from]!;
    const x1 = to < chars.length ? starts[to]! : run.x1;
    if (text.trim() !== '') out.push({ ...run, text: text.trim(), x0, x1 });
    from = to;
  }
  return out;
}
