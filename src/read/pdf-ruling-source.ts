/**
 * Where a document's ruling lines come from: our own content-stream scanner when the file's
 * structure is plain (the usual case: unencrypted, an intact xref, Flate streams), pdfjs's
 * operator list otherwise — per document, and per page if a page's stream defeats the scanner.
 */
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { contentRulings } from './pdf-content.js';
import { PdfFile, type PdfPage } from './pdf-file.js';
import { PdfSyntaxError } from './pdf-objects.js';
import { operatorListRulings, type Ruling } from './pdf-rulings.js';

export type RulingReader = (page: PDFPageProxy, viewport: PageViewport) => Promise<Ruling[]>;

export function rulingReader(bytes: Uint8Array, numPages: number): RulingReader {
  let file: PdfFile | null = null;
  let pages: PdfPage[] = [];
  try {
    file = new PdfFile(bytes);
    pages = file.pages();
  } catch (e) {
    if (!(e instanceof PdfSyntaxError) && !(e instanceof RangeError) && !isZlibError(e)) throw e;
    file = null;
  }
  // A page count that disagrees with pdfjs means we read the page tree differently: trust pdfjs.
  if (!file || pages.length !== numPages) return operatorListRulings;
  const scanned = file;
  return async (page, viewport) => {
    const p = pages[page.pageNumber - 1]!;
    try {
      return contentRulings(scanned, p.contents, p.resources, (x, y) => {
        const q = viewport.convertToViewportPoint(x, y);
        return [q[0]!, q[1]!];
      });
    } catch (e) {
      if (!(e instanceof PdfSyntaxError) && !(e instanceof RangeError) && !isZlibError(e)) throw e;
      return operatorListRulings(page, viewport);
    }
  };
}

function isZlibError(e: unknown): boolean {
  return typeof (e as { code?: unknown } | null)?.code === 'string' && String((e as { code: string }).code).startsWith('Z_');
}
