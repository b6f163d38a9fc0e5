/**
 * Where a page's text comes from: our own content-stream reader (pdf-text-scan) when the file
 * and every font on the page are ones it reads with certainty, pdfjs's getTextContent
 * otherwise — decided page by page, so one odd font costs only its page.
 */
import type { PageSource } from './pdf-document.js';
import { PdfSyntaxError } from './pdf-objects.js';
import { contentText } from './pdf-text-scan.js';
import { itemRuns, pageText, type TextRun } from './pdf-text.js';

/** Set GONGKAI_PDF_TEXT=pdfjs to read all text with pdfjs (for comparison and diagnosis). */
const forcePdfjs = process.env.GONGKAI_PDF_TEXT === 'pdfjs';

export async function readText(p: PageSource): Promise<TextRun[]> {
  if (p.ours && !forcePdfjs) {
    try {
      return itemRuns(contentText(p.ours.file, p.ours.page.contents, p.ours.page.resources, p.view), p.viewport);
    } catch (e) {
      if (!isDeclined(e)) throw e;
    }
  }
  const { page, viewport } = await p.pdfjs();
  return pageText(page, viewport);
}

/** Errors that mean "not a page we read": pdfjs gets it instead. */
export function isDeclined(e: unknown): boolean {
  if (e instanceof PdfSyntaxError || e instanceof RangeError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
