/**
 * Telling a number cell from a label cell by its ink, before any OCR, so each is read once by
 * the pass that suits it (digits by eng with a digit whitelist, labels by chi_sim). Digits of one
 * number are glyphs of one height standing side by side on one line, tops and bottoms aligned;
 * a decimal point is a speck on the baseline. Chinese characters break that pattern: their
 * strokes and dots are separate pieces of different heights (讠's dot, 口 inside 国, the two
 * dots of 丷), and wrapped labels have several lines. The test is strict on purpose: a number
 * taken for a label costs only time (its Chinese reading then has no Han and it is read as
 * digits after all), a label taken for a number could read as a wrong number.
 */
import type { Rect } from './grid.js';

/** A piece this small, relative to the ink's height, is a speck (decimal point, noise). */
const SPECK = 0.35;
/** Digits fill the line: each at least this share of the ink's height… */
const DIGIT_HEIGHT = 0.75;
/** …with top and bottom this close to the ink's top and bottom (share of its height)… */
const ALIGN = 0.2;
/** …and no wider than this (two digits that touch at a low resolution are one piece). */
const DIGIT_WIDTH = 1.7;
/** Counts in these tables have at most a dozen digits. */
const MAX_DIGITS = 12;

interface Piece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether the ink in `box` (page pixels, ink = 1) is one line of digit-like glyphs. */
export function looksNumeric(ink: Uint8Array, width: number, box: Rect): boolean {
  const h = box.y1 - box.y0;
  if (h <= 0) return false;
  // A line of digits is wider than tall only by its digits: a dozen at most.
  if (box.x1 - box.x0 > h * MAX_DIGITS) return false;
  const pieces = components(ink, width, box, MAX_DIGITS * 2);
  if (!pieces) return false;
  let digits = 0;
  for (const p of pieces) {
    const ph = p.y1 - p.y0;
    const pw = p.x1 - p.x0;
    if (ph < h * SPECK && pw < h * SPECK) {
      // A speck is a decimal point only on the baseline.
      if (box.y1 - p.y1 > h * ALIGN) return false;
      continue;
    }
    if (ph < h * DIGIT_HEIGHT || pw > h * DIGIT_WIDTH) return false;
    if (p.y0 - box.y0 > h * ALIGN || box.y1 - p.y1 > h * ALIGN) return false;
    digits++;
  }
  return digits > 0 && digits <= MAX_DIGITS;
}

/**
 * 8-connected pieces of ink inside `box`; null when there are more than `limit` (not a number,
 * and no need to label the rest).
 */
function components(ink: Uint8Array, width: number, box: Rect, limit: number): Piece[] | null {
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const seen = new Uint8Array(bw * bh);
  const stack = new Int32Array(bw * bh);
  const out: Piece[] = [];
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const k = y * bw + x;
      if (seen[k] || ink[(box.y0 + y) * width + box.x0 + x] !== 1) continue;
      if (out.length === limit) return null;
      const p: Piece = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      let top = 0;
      stack[top++] = k;
      seen[k] = 1;
      while (top > 0) {
        const q = stack[--top]!;
        const qy = (q / bw) | 0;
        const qx = q - qy * bw;
        if (qx < p.x0) p.x0 = qx;
        if (qx + 1 > p.x1) p.x1 = qx + 1;
        if (qy < p.y0) p.y0 = qy;
        if (qy + 1 > p.y1) p.y1 = qy + 1;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = qy + dy;
          if (ny < 0 || ny >= bh) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = qx + dx;
            if (nx < 0 || nx >= bw) continue;
            const n = ny * bw + nx;
            if (seen[n] || ink[(box.y0 + ny) * width + box.x0 + nx] !== 1) continue;
            seen[n] = 1;
            stack[top++] = n;
          }
        }
      }
      out.push({ x0: p.x0 + box.x0, y0: p.y0 + box.y0, x1: p.x1 + box.x0, y1: p.y1 + box.y0 });
    }
  }
  return out;
}
