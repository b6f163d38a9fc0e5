/**
 * Where a document's ruling lines come from: our own content-stream scanner when the file's
 * structure is plain (the usual case: unencrypted, an intact xref, Flate streams), pdfjs's
 * operator list otherwise — per document, and per page if a page's stream defeats the scanner.
 */
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { contentRulings } from './pdf-content.js';
import { PdfFile, type PdfPage } from './pdf-file.js';
import { operatorListRulings, type Ruling } from './pdf-rulings.js';
import { isDeclined } from './pdf-text-source.js';

export type RulingReader = (page: PDFPageProxy, viewport: PageViewport) => Promise<Ruling[]>;

/** Our own reading of the file, or null when its structure is one to leave to pdfjs. */
export function scanFile(bytes: Uint8Array, numPages: number): { file: PdfFile; pages: PdfPage[] } | null {
  try {
    const file = new PdfFile(bytes);
    const pages = file.pages();
    // A page count that disagrees with pdfjs means we read the page tree differently: trust pdfjs.
    return pages.length === numPages ? { file, pages } : null;
  } catch (e) {
    if (!isDeclined(e)) throw e;
    return null;
  }
}

export function rulingReader(scanned: { file: PdfFile; pages: PdfPage[] } | null): RulingReader {
  if (!scanned) return operatorListRulings;
  const { file, pages } = scanned;
  return async (page, viewport) => {
    const p = pages[page.pageNumber - 1]!;
    try {
      return contentRulings(file, p.contents, p.resources, (x, y) => {
        const q = viewport.convertToViewportPoint(x, y);
        return [q[0]!, q[1]!];
      });
    } catch (e) {
      if (!isDeclined(e)) throw e;
      return operatorListRulings(page, viewport);
    }
  };
}
