/**
 * A PDF as the reader walks it: our own object reader when the file is plain (most are), with
 * pdfjs opened only when something needs it — a page whose text or lines we decline, or a file
 * we cannot read at all (encrypted, damaged: pdfjs repairs, or says what is wrong).
 */
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfFile, type PdfPage } from './pdf-file.js';
import { pageViewport, type Viewport } from './pdf-geometry.js';
import { openPdf } from './pdf-load.js';
import { PdfName, PdfSyntaxError } from './pdf-objects.js';

export interface PageSource {
  /** 1-based. */
  number: number;
  /** pdfjs's page.view: the visible area in PDF space. */
  view: number[];
  viewport: Viewport;
  /** Our reading of the page, or null when pdfjs reads the whole document. */
  ours: { file: PdfFile; page: PdfPage } | null;
  /** The same page through pdfjs, opened on first call. */
  pdfjs(): Promise<{ page: PDFPageProxy; viewport: PageViewport }>;
  /** Frees what pdfjs holds for the page, if it was opened. */
  cleanup(): void;
}

export class PdfDocument {
  private pdfjsDoc: Promise<PDFDocumentProxy> | null = null;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly scanned: { file: PdfFile; pages: PdfPage[] } | null,
    readonly numPages: number,
  ) {}

  /** Throws GongkaiError (ENCRYPTED, CORRUPT) as openPdf does when neither reader can open it. */
  static async open(bytes: Uint8Array): Promise<PdfDocument> {
    const scanned = scanFile(bytes);
    if (scanned) return new PdfDocument(bytes, scanned, scanned.pages.length);
    const doc = openPdf(bytes);
    const d = new PdfDocument(bytes, null, (await doc).numPages);
    d.pdfjsDoc = doc;
    return d;
  }

  async page(n: number): Promise<PageSource> {
    let opened: Promise<{ page: PDFPageProxy; viewport: PageViewport }> | null = null;
    const pdfjs = () =>
      (opened ??= (async () => {
        const page = await (await this.pdfjs()).getPage(n);
        return { page, viewport: page.getViewport({ scale: 1 }) };
      })());
    const cleanup = () => void opened?.then((p) => p.page.cleanup()).catch(() => undefined);
    if (this.scanned) {
      const page = this.scanned.pages[n - 1]!;
      try {
        const { view, viewport } = pageViewport(this.scanned.file, page);
        return { number: n, view, viewport, ours: { file: this.scanned.file, page }, pdfjs, cleanup };
      } catch (e) {
        if (!(e instanceof PdfSyntaxError)) throw e;
      }
    }
    const p = await pdfjs();
    return { number: n, view: p.page.view, viewport: p.viewport, ours: null, pdfjs, cleanup };
  }

  /** The document information dictionary's Title. */
  async title(): Promise<string | undefined> {
    if (this.scanned) {
      const info = this.scanned.file.dict(this.scanned.file.trailer.get('Info'));
      const t = this.scanned.file.resolve(info?.get('Title'));
      return typeof t === 'string' ? pdfText(t) : t instanceof PdfName ? t.name : undefined;
    }
    const meta = await (await this.pdfjs()).getMetadata().catch(() => null);
    const t = (meta?.info as { Title?: unknown } | undefined)?.Title;
    return typeof t === 'string' ? t : undefined;
  }

  async destroy(): Promise<void> {
    if (this.pdfjsDoc) await (await this.pdfjsDoc.catch(() => null))?.destroy();
  }

  private pdfjs(): Promise<PDFDocumentProxy> {
    this.pdfjsDoc ??= openPdf(this.bytes);
    return this.pdfjsDoc;
  }
}

/** Our own reading of the file, or null when its structure is one to leave to pdfjs. */
function scanFile(bytes: Uint8Array): { file: PdfFile; pages: PdfPage[] } | null {
  try {
    const file = new PdfFile(bytes);
    const pages = file.pages();
    // The page tree must hold the pages it says it does: otherwise pdfjs, which repairs trees.
    const count = file.resolve(file.dict(file.dict(file.trailer.get('Root'))?.get('Pages'))?.get('Count'));
    return pages.length > 0 && count === pages.length ? { file, pages } : null;
  } catch (e) {
    if (e instanceof PdfSyntaxError || e instanceof RangeError || isZlibError(e)) return null;
    throw e;
  }
}

function isZlibError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** A text string (§7.9.2.2): UTF-16BE or UTF-8 with a byte order mark, else PDFDocEncoding. */
function pdfText(raw: string): string {
  const bytes = Uint8Array.from(raw, (c) => c.charCodeAt(0) & 0xff);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  // PDFDocEncoding equals Latin-1 for the characters a title that names a report can hold.
  return raw;
}
