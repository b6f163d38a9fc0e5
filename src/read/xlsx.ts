/** XLSX → neutral document. (Being written.) */
import { GongkaiError } from '../errors.js';
import type { Reader } from './read.js';

export const readXlsx: Reader = () => {
  throw new GongkaiError('UNSUPPORTED_FORMAT', '暂不支持读取 Excel 文件', 'xlsx reader not yet available');
};
