/**
 * Text runs → lines → text. Runs whose vertical centres fall within one another's height share
 * a line; within a line a gap wider than a fraction of the font size becomes a space, so two
 * numbers printed apart never run together, and one number drawn glyph by glyph stays whole.
 */
import type { TextRun } from './pdf-text.js';

export interface Line {
  runs: TextRun[];
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
}

/** Gap, as a fraction of the font size, above which two runs are separate words. */
const WORD_GAP = 0.2;

export function groupLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let top = 0;
  let bottom = 0;
  for (const r of sorted) {
    const mid = (r.y0 + r.y1) / 2;
    if (current.length > 0 && mid >= top && mid <= bottom) {
      current.push(r);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [r];
    top = r.y0;
    bottom = r.y1;
  }
  if (current.length > 0) groups.push(current);
  return groups.map(makeLine);
}

export function makeLine(runs: TextRun[]): Line {
  const rs = [...runs].sort((a, b) => a.x0 - b.x0);
  let text = '';
  let prev: TextRun | null = null;
  for (const r of rs) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      if (gap > WORD_GAP * Math.min(r.size, prev.size) && !text.endsWith(' ') && !r.text.startsWith(' ')) text += ' ';
    }
    text += r.text;
    prev = r;
  }
  return {
    runs: rs,
    text,
    x0: Math.min(...rs.map((r) => r.x0)),
    y0: Math.min(...rs.map((r) => r.y0)),
    x1: Math.max(...rs.map((r) => r.x1)),
    y1: Math.max(...rs.map((r) => r.y1)),
    size: Math.max(...rs.map((r) => r.size)),
  };
}

/**
 * How a wrapped line continues the one before: a number broken at the line end is one number,
 * Latin words keep their space, Chinese runs on with nothing between.
 */
export function wrapJoiner(before: string, after: string): string {
  const a = before.slice(-1);
  const b = after.slice(0, 1);
  if (/[A-Za-z]/.test(a) && /[A-Za-z]/.test(b)) return ' ';
  return '';
}
