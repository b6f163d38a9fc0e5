/**
 * Any input file → neutral document. The format is sniffed from the bytes; each format has one
 * reader, and every reader yields the same neutral document the extractor consumes.
 */
import { createHash } from 'node:crypto';
import { GongkaiError } from '../errors.js';
import { decodeText } from './decode.js';
import type { NeutralDocument, SourceInfo } from './document.js';
import { declaredCharset, readHtml } from './html.js';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from './limits.js';
import { sniffFormat, type Format } from './sniff.js';
import { readText } from './text.js';
import { readPdf } from './pdf.js';
import { readDocx } from './docx.js';
import { readOle } from './ole.js';
import { readXlsx } from './xlsx.js';
import { readImage } from './image.js';

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
}

export type Reader = (bytes: Uint8Array, source: SourceInfo, limits: ReadLimits) => Promise<NeutralDocument> | NeutralDocument;

const FORMAT_NAMES: Record<Format, string> = {
  text: '纯文本',
  html: 'HTML 网页',
  pdf: 'PDF',
  docx: 'Word（DOCX）',
  xlsx: 'Excel（XLSX）',
  zip: 'ZIP 压缩包',
  ole: 'Word/Excel/WPS 旧版二进制文件（DOC/XLS/WPS）',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  tiff: 'TIFF 图片',
  gif: 'GIF 图片',
  bmp: 'BMP 图片',
  rtf: 'RTF',
  'unknown-binary': '未知二进制格式',
};

const readers: Partial<Record<Format, Reader>> = {
  text: (bytes, source, limits) => {
    checkTextSize(bytes, limits);
    const { text, encoding } = decodeText(bytes);
    return readText(text, { ...source, encoding });
  },
  html: (bytes, source, limits) => {
    checkTextSize(bytes, limits);
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const { text, encoding } = decodeText(bytes, declaredCharset(head));
    return readHtml(text, { ...source, encoding });
  },
  pdf: readPdf,
  docx: readDocx,
  ole: readOle,
  xlsx: readXlsx,
  png: readImage,
  jpeg: readImage,
  tiff: readImage,
};

/** Formats other modules add (PDF, Word, spreadsheets, images, archives). */
export function registerReader(format: Format, reader: Reader): void {
  readers[format] = reader;
}

export async function readDocument(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<NeutralDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length === 0) throw new GongkaiError('EMPTY', '文件为空（0 字节）', 'empty file');
  if (bytes.length > limits.maxBytes) {
    throw new GongkaiError('TOO_LARGE', `文件过大（${formatBytes(bytes.length)}），上限为 ${formatBytes(limits.maxBytes)}`, 'file too large');
  }
  const format = sniffFormat(bytes, name);
  const reader = readers[format];
  const source: SourceInfo = { name, format, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  if (!reader) {
    throw new GongkaiError('UNSUPPORTED_FORMAT', `暂不支持读取${FORMAT_NAMES[format]}文件`, `unsupported format: ${format}`);
  }
  return reader(bytes, source, limits);
}

function checkTextSize(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length > limits.maxTextBytes) {
    throw new GongkaiError(
      'TOO_LARGE',
      `文本过大（${formatBytes(bytes.length)}）：年度报告的文字通常不足 1 MB，上限为 ${formatBytes(limits.maxTextBytes)}`,
      'text too large',
    );
  }
}

export { FORMAT_NAMES };
