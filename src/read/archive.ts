/**
 * ZIP archives: a batch of reports as sent by email. Entries come back in archive order, in any
 * format, with zips inside the zip opened once (a zip two levels down is returned as it is, for
 * the caller to report). Limits are checked on the declared sizes before anything is inflated,
 * and again by zlib while inflating, against one budget shared by the nested archives.
 */
import { GongkaiError } from '../errors.js';
import { listZip, readEntry, ZipError, type InflateBudget, type ZipEntry } from './archive-zip.js';
import { formatBytes, type ReadLimits } from './limits.js';
import { sniffFormat } from './sniff.js';

export interface ArchiveEntry {
  /** Path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

/** The files inside an archive, within the limits (entries, unpacked size, expansion ratio). */
export async function unpackArchive(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<ArchiveEntry[]> {
  const budget: InflateBudget = { remaining: limits.maxUnpackedBytes, maxRatio: limits.maxRatio };
  const out: ArchiveEntry[] = [];
  unpack(bytes, '', 0, limits, budget, out, name);
  return out;
}

function unpack(bytes: Uint8Array, prefix: string, depth: number, limits: ReadLimits, budget: InflateBudget, out: ArchiveEntry[], label: string): void {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch (e) {
    throw archiveError(e, label, limits);
  }
  const files = entries.map((e) => ({ e, name: entryName(e) })).filter((f) => wanted(f.name));
  if (out.length + files.length > limits.maxEntries) {
    throw new GongkaiError('ARCHIVE_LIMIT', `压缩包超出限制：文件数超过 ${limits.maxEntries} 个`, 'too many entries');
  }
  const declared = files.reduce((n, f) => n + f.e.size, 0);
  if (declared > budget.remaining) {
    throw new GongkaiError(
      'ARCHIVE_LIMIT',
      `压缩包超出限制：解压后共 ${formatBytes(declared)}，上限为 ${formatBytes(limits.maxUnpackedBytes)}`,
      'declared unpacked size over limit',
    );
  }
  for (const { e, name } of files) {
    const path = prefix + name;
    if (e.encrypted) {
      throw new GongkaiError('ENCRYPTED', `压缩包中的文件已加密（需要密码），无法读取：${path}`, 'encrypted zip entry');
    }
    let data: Uint8Array;
    try {
      data = readEntry(bytes, e, budget);
    } catch (err) {
      throw archiveError(err, path, limits);
    }
    if (depth === 0 && sniffFormat(data, name) === 'zip') {
      unpack(data, `${path}/`, depth + 1, limits, budget, out, path);
      continue;
    }
    if (out.length >= limits.maxEntries) {
      throw new GongkaiError('ARCHIVE_LIMIT', `压缩包超出限制：文件数超过 ${limits.maxEntries} 个`, 'too many entries');
    }
    out.push({ name: path, bytes: data });
  }
}

/**
 * Windows' own zip and most Chinese tools write names in GBK without setting the UTF-8 flag;
 * a name that is not valid UTF-8 is read as GB18030 (a superset of GBK).
 */
function entryName(e: ZipEntry): string {
  let name: string;
  if (e.utf8Flag) name = new TextDecoder('utf-8').decode(e.rawName);
  else {
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(e.rawName);
    } catch {
      name = new TextDecoder('gb18030').decode(e.rawName);
    }
  }
  // Paths only name entries here, but keep them relative and free of "..", as a caller may print
  // or store them.
  return name
    .replace(/\\/g, '/')
    .split('/')
    .filter((seg, i, all) => seg !== '..' && seg !== '.' && (seg !== '' || i === all.length - 1))
    .join('/');
}

/** Directories, macOS resource forks (__MACOSX/, ._x) and hidden files are not reports. */
function wanted(name: string): boolean {
  if (name === '' || name.endsWith('/')) return false;
  return !name.split('/').some((seg) => seg === '__MACOSX' || seg.startsWith('.'));
}

function archiveError(e: unknown, where: string, limits: ReadLimits): unknown {
  if (!(e instanceof ZipError)) return e;
  switch (e.problem) {
    case 'encrypted':
      return new GongkaiError('ENCRYPTED', `压缩包中的文件已加密（需要密码），无法读取：${where}`, 'encrypted zip entry');
    case 'limit':
      return new GongkaiError(
        'ARCHIVE_LIMIT',
        `压缩包超出限制：${where}：${e.message}（解压总量上限 ${formatBytes(limits.maxUnpackedBytes)}，压缩比上限 ${limits.maxRatio}）`,
        'archive limit while inflating',
      );
    case 'unsupported':
      return new GongkaiError('UNSUPPORTED_FORMAT', `压缩包中的文件无法解压：${where}：${e.message}`, e.message);
    default:
      return new GongkaiError('CORRUPT', `压缩包已损坏：${where}：${e.message}`, `corrupt zip: ${e.message}`);
  }
}
