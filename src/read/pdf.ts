/** PDF → neutral document. (Being written: text layer with pdfjs-dist, scans through OCR.) */
import { GongkaiError } from '../errors.js';
import type { Reader } from './read.js';

export const readPdf: Reader = () => {
  throw new GongkaiError('UNSUPPORTED_FORMAT', '暂不支持读取 PDF 文件', 'pdf reader not yet available');
};
