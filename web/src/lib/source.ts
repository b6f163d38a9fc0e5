/** Turning the original file into something the source pane can show safely. */
import type { Report } from '../types.js';

export type SourceKind = 'text' | 'pdf' | 'image' | 'other';

/** Formats whose provenance uses line numbers of the file as text. */
const TEXT_FORMATS = new Set(['text', 'txt', 'html', 'htm', 'xhtml', 'mhtml']);
const IMAGE_FORMATS = new Set(['image', 'png', 'jpg', 'jpeg', 'tif', 'tiff', 'bmp', 'gif']);

export function sourceKind(report: Report): SourceKind {
  const f = report.meta.source.format.toLowerCase();
  if (TEXT_FORMATS.has(f)) return 'text';
  if (f === 'pdf') return 'pdf';
  if (IMAGE_FORMATS.has(f)) return 'image';
  return 'other';
}

/**
 * The file as lines, split the way the readers number them (src/read/text.ts). HTML is shown as
 * its text, never rendered: a report's markup is untrusted.
 */
export function decodeLines(bytes: ArrayBuffer, encoding: string | undefined): string[] {
  let text: string;
  try {
    text = new TextDecoder(encoding ?? 'utf-8').decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
  }
  const lines = text.split(/\r\n|\n|\r|\u2028|\u2029/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export const METHOD_TEXT: Record<string, string> = {
  cell: '单元格原文',
  token: '从一段文字中按空格分出',
  split: '数字连写，按表内勾稽关系拆分',
  guess: '数字连写，有多种拆法，取最可能的一种（请核对）',
  ocr: '图像文字识别',
  manual: '人工更正',
};
