/** ZIP archives: a batch of reports as sent by email. (Being written.) */
import { GongkaiError } from '../errors.js';
import type { ReadLimits } from './limits.js';

export interface ArchiveEntry {
  /** Path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

/** The files inside an archive, within the limits (entries, unpacked size, expansion ratio). */
export async function unpackArchive(_bytes: Uint8Array, _name: string, _limits: ReadLimits): Promise<ArchiveEntry[]> {
  throw new GongkaiError('UNSUPPORTED_FORMAT', '暂不支持读取 ZIP 压缩包', 'zip reader not yet available');
}
