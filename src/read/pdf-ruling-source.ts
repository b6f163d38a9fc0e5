/**
 * Where a page's ruling lines come from: our own content-stream scanner when the file's
 * structure is plain (the usual case: unencrypted, an intact xref, Flate streams), pdfjs's
 * operator list otherwise — per document, and per page if a page's stream defeats the scanner.
 */
import { contentRulings } from './pdf-content.js';
import type { PageSource } from './pdf-document.js';
import { operatorListRulings, type Ruling } from './pdf-rulings.js';
import { isDeclined } from './pdf-text-source.js';

export async function readRulings(p: PageSource): Promise<Ruling[]> {
  if (p.ours) {
    try {
      return contentRulings(p.ours.file, p.ours.page.contents, p.ours.page.resources, (x, y) => {
        const q = p.viewport.convertToViewportPoint(x, y);
        return [q[0]!, q[1]!];
      });
    } catch (e) {
      if (!isDeclined(e)) throw e;
    }
  }
  const { page, viewport } = await p.pdfjs();
  return operatorListRulings(page, viewport);
}
