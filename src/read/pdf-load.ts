/**
 * Opening a PDF with pdfjs-dist in Node: the legacy build (Node 20 lacks APIs the modern build
 * uses), its worker code run in this thread, and the CMaps and standard fonts that PDFs with
 * non-embedded Chinese fonts (STSong-Light + UniGB-UCS2-H) need to yield any text at all.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GongkaiError } from '../errors.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const dataDir = (name: string) => path.join(pdfjsDir, name) + path.sep;

let loaded: Promise<Pdfjs> | null = null;

/** pdfjs, loaded on first use: it is large and most inputs are not PDFs. */
export function pdfjs(): Promise<Pdfjs> {
  loaded ??= (async () => {
    // Importing the worker module registers its handler on globalThis, so pdfjs runs it in this
    // thread instead of resolving a worker file at run time (which breaks under bundlers).
    const worker: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const natives = builtinsCoreJsReplaces();
    await import(worker);
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    restoreBuiltins(natives);
    return lib;
  })();
  return loaded;
}

/**
 * The legacy build bundles core-js, which on Node 20's V8 swaps in JavaScript versions of
 * Array.prototype.push and JSON.stringify for the whole process (it guards against engine bugs
 * with arrays longer than 2³² and with lone surrogates that do not arise here, or in pdfjs).
 * Measured here: push 6× and JSON.stringify 16× slower, for every module in the process, not
 * only pdfjs. The features it adds (Promise.withResolvers, Map.getOrInsertComputed …) stay.
 */
type Natives = { push: typeof Array.prototype.push; stringify: typeof JSON.stringify; fnToString: typeof Function.prototype.toString };

function builtinsCoreJsReplaces(): Natives {
  return { push: Array.prototype.push, stringify: JSON.stringify, fnToString: Function.prototype.toString };
}

function restoreBuiltins(n: Natives): void {
  const put = (target: object, key: string, value: unknown) => {
    const d = Object.getOwnPropertyDescriptor(target, key);
    if (d && d.value !== value) Object.defineProperty(target, key, { ...d, value });
  };
  put(Array.prototype, 'push', n.push);
  put(JSON, 'stringify', n.stringify);
  put(Function.prototype, 'toString', n.fnToString);
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdfjs may take over the buffer it is given; the caller keeps its own.
    data: new Uint8Array(bytes),
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataDir('standard_fonts'),
    wasmUrl: dataDir('wasm'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw openError(e);
  }
}

function openError(e: unknown): GongkaiError {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  // pdfjs does not export its exception classes; their names are stable.
  if (name === 'PasswordException') {
    return new GongkaiError('ENCRYPTED', 'PDF 文件已加密（需要密码），无法读取', `encrypted PDF: ${message}`);
  }
  return new GongkaiError('CORRUPT', `PDF 文件已损坏：${corruptReason(name, message)}`, `corrupt PDF: ${message}`);
}

function corruptReason(name: string, message: string): string {
  if (name === 'InvalidPDFException' || /invalid pdf/i.test(message)) return '文件结构无效（可能被截断或不是真正的 PDF）';
  if (/no pages|page tree/i.test(message)) return '找不到任何页面';
  return '无法解析文件结构（可能下载不完整）';
}
