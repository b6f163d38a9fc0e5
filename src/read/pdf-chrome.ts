/**
 * Page furniture: page numbers ("-3-", "第 3 页", "3/12") and running headers and footers
 * (the same line on most pages, such as Chromium's date, title and URL). They sit in the top
 * and bottom margins, and must not end up between the two halves of a table split by a page.
 */
import type { Line } from './pdf-lines.js';

const PAGE_NUMBER = [
  /^[-—–－‐_~·•\s]*\d{1,4}[-—–－‐_~·•\s]*$/,
  /^第\s*\d+\s*页(\s*[,，、]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*[,，、]?\s*第\s*\d+\s*页$/,
  /^\d+\s*[/／]\s*\d+$/,
  /^(page\s*)?\d+(\s*(of|\/)\s*\d+)?$/i,
];

/** Share of the page height, at top and at bottom, that counts as margin. */
const TOP = 0.08;
const BOTTOM = 0.1;

export interface PageLines {
  height: number;
  lines: Line[];
}

/** The lines of each page with page furniture removed. */
export function dropPageFurniture(pages: PageLines[]): Line[][] {
  const inMargin = (l: Line, height: number) => l.y1 <= height * TOP || l.y0 >= height * (1 - BOTTOM);
  // Running text: the same words (digits masked, so "1/3" and "2/3" agree) on most pages.
  const shape = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, number>();
  for (const p of pages) {
    const shapes = new Set(p.lines.filter((l) => inMargin(l, p.height)).map(shape));
    for (const s of shapes) seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  const repeated = (s: string) => pages.length >= 2 && (seen.get(s) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((p) =>
    p.lines.filter((l) => {
      if (!inMargin(l, p.height)) return true;
      const t = l.text.trim();
      if (PAGE_NUMBER.some((re) => re.test(t))) return false;
      return !repeated(shape(l));
    }),
  );
}

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(text.trim()));
}
