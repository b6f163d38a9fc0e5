/** DOCX → neutral document. (Being written.) */
import { GongkaiError } from '../errors.js';
import type { Reader } from './read.js';

export const readDocx: Reader = () => {
  throw new GongkaiError('UNSUPPORTED_FORMAT', '暂不支持读取 Word（DOCX）文件', 'docx reader not yet available');
};
