/**
 * Lines outside tables → paragraphs. A line that runs to the right edge of the text and is
 * followed closely by another was wrapped by the layout, not ended by the author: the two are
 * one paragraph, so a label or a run of digits broken by the wrap reads whole.
 */
import type { ParagraphBlock } from './document.js';
import { wrapJoiner, type Line } from './pdf-lines.js';
import { box } from './pdf-page.js';

const HEADING = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节条])/;

export interface PlacedParagraph {
  block: ParagraphBlock;
  y0: number;
}

interface Para {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  last: Line;
}

export function paragraphs(page: number, lines: Line[]): PlacedParagraph[] {
  if (lines.length === 0) return [];
  const right = Math.max(...lines.map((l) => l.x1));
  const paras: Para[] = [];
  for (const l of lines) {
    const cur = paras[paras.length - 1];
    if (cur) {
      const prev = cur.last;
      const wrapped = prev.x1 >= right - 1.5 * prev.size && l.y0 - prev.y1 <= 0.8 * prev.size && l.y0 > prev.y0 && !HEADING.test(l.text);
      if (wrapped) {
        cur.text += wrapJoiner(cur.text, l.text) + l.text;
        cur.x0 = Math.min(cur.x0, l.x0);
        cur.x1 = Math.max(cur.x1, l.x1);
        cur.y1 = Math.max(cur.y1, l.y1);
        cur.last = l;
        continue;
      }
    }
    paras.push({ text: l.text, x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1, last: l });
  }
  return paras.map((p) => ({ block: { kind: 'paragraph', text: p.text, loc: { page, bbox: box(p.x0, p.y0, p.x1, p.y1) } }, y0: p.y0 }));
}
