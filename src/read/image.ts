/** Scanned images (PNG/JPEG/TIFF) → neutral document through OCR. (Being written.) */
import { GongkaiError } from '../errors.js';
import type { Reader } from './read.js';

export const readImage: Reader = () => {
  throw new GongkaiError('UNSUPPORTED_FORMAT', '暂不支持读取图片（需要 OCR）', 'image reader not yet available');
};
