/** Legacy binary Office/WPS files (DOC, WPS, XLS) → neutral document. (Being written.) */
import { GongkaiError } from '../errors.js';
import type { Reader } from './read.js';

export const readOle: Reader = () => {
  throw new GongkaiError('UNSUPPORTED_FORMAT', '暂不支持读取 DOC/WPS/XLS 旧版文件', 'ole reader not yet available');
};
