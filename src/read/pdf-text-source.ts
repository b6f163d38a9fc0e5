/**
 * Where a page's text comes from: our own content-stream reader (pdf-text-scan) when the file
 * and every font on the page are ones it reads with certainty, pdfjs's getTextContent
 * otherwise — decided page by page, so one odd font costs only its page.
 */
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfFile, PdfPage } from './pdf-file.js';
import { PdfSyntaxError } from './pdf-objects.js';
import { contentText } from './pdf-text-scan.js';
import { itemRuns, pageText, type TextRun } from './pdf-text.js';

export type TextReader = (page: PDFPageProxy, viewport: PageViewport) => Promise<TextRun[]>;

/** Set GONGKAI_PDF_TEXT=pdfjs to read all text with pdfjs (for comparison and diagnosis). */
const forcePdfjs = process.env.GONGKAI_PDF_TEXT === 'pdfjs';

export function textReader(scanned: { file: PdfFile; pages: PdfPage[] } | null): TextReader {
  if (!scanned || forcePdfjs) return pageText;
  const { file, pages } = scanned;
  return async (page, viewport) => {
    const p = pages[page.pageNumber - 1]!;
    try {
      return itemRuns(contentText(file, p.contents, p.resources, page.view), viewport);
    } catch (e) {
      if (!isDeclined(e)) throw e;
      return pageText(page, viewport);
    }
  };
}

/** Errors that mean "not a page we read": pdfjs gets it instead. */
export function isDeclined(e: unknown): boolean {
  if (e instanceof PdfSyntaxError || e instanceof RangeError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
