/**
 * The ZIP container, read from its central directory: shared by DOCX/XLSX parts and by batches
 * of reports. Names stay as raw bytes until the caller decides their encoding, and every entry is
 * inflated under an output budget that zlib enforces while it inflates, so a liar's declared
 * size cannot make us allocate a bomb.
 */
import zlib from 'node:zlib';

export type ZipProblem = 'corrupt' | 'encrypted' | 'limit' | 'unsupported';

/** Something wrong with the container; callers turn it into a GongkaiError for their format. */
export class ZipError extends Error {
  readonly problem: ZipProblem;
  constructor(problem: ZipProblem, message: string) {
    super(message);
    this.name = 'ZipError';
    this.problem = problem;
  }
}

export interface ZipEntry {
  rawName: Uint8Array;
  /** General-purpose flag bit 11: the name is declared UTF-8. */
  utf8Flag: boolean;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  crc32: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

export function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw new ZipError('corrupt', '找不到压缩包目录（文件可能不完整）');
  let count = view.getUint16(eocd + 10, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    const z64 = readZip64Eocd(view, eocd);
    count = z64.count;
    dirOffset = z64.offset;
  }
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL_SIG) {
      throw new ZipError('corrupt', '压缩包目录已损坏');
    }
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > view.byteLength) throw new ZipError('corrupt', '压缩包目录已损坏');
    const entry: ZipEntry = {
      rawName: bytes.subarray(p + 46, p + 46 + nameLen),
      utf8Flag: (flags & 0x800) !== 0,
      method: view.getUint16(p + 10, true),
      encrypted: (flags & 1) !== 0,
      crc32: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    };
    applyZip64Extra(view, p + 46 + nameLen, extraLen, entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export interface InflateBudget {
  /** Bytes still allowed for everything inflated under this budget. */
  remaining: number;
  /** Largest output/input ratio for one entry. */
  maxRatio: number;
}

/**
 * One entry's bytes. The declared size is checked against the budget and the ratio cap first;
 * then zlib stops one byte past the declared size while inflating, so a header that lies costs
 * no more memory than one that tells the truth.
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.encrypted) throw new ZipError('encrypted', '条目已加密');
  const cap = Math.min(budget.remaining, Math.max(entry.compressedSize, 1) * budget.maxRatio + 1024);
  if (entry.size > budget.remaining) throw new ZipError('limit', `解压后总大小超过上限`);
  if (entry.size > cap) throw new ZipError('limit', `压缩比过高（可能是“压缩炸弹”）`);
  const data = compressedData(bytes, entry);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    try {
      // One byte past the declared size is enough to know the header lied: stop there.
      out = zlib.inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw new ZipError('limit', '条目的实际大小超过其声明（可能是“压缩炸弹”）');
      }
      throw new ZipError('corrupt', '压缩数据已损坏');
    }
  } else {
    throw new ZipError('unsupported', `不支持的压缩方法（${entry.method}）`);
  }
  if (out.length !== entry.size) throw new ZipError('corrupt', '解压后的大小与目录记载不符');
  if (typeof zlib.crc32 === 'function' && (zlib.crc32(out) >>> 0) !== entry.crc32) {
    throw new ZipError('corrupt', '校验和（CRC）不符');
  }
  budget.remaining -= out.length;
  return out;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > view.byteLength || view.getUint32(p, true) !== LOCAL_SIG) throw new ZipError('corrupt', '条目头已损坏');
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('corrupt', '条目数据不完整（文件可能被截断）');
  return bytes.subarray(start, end);
}

function findEocd(view: DataView): number {
  // The record sits at the end, after a comment of at most 65535 bytes.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === EOCD_SIG) return p;
  }
  return -1;
}

function readZip64Eocd(view: DataView, eocd: number): { count: number; offset: number } {
  const loc = eocd - 20;
  if (loc < 0 || view.getUint32(loc, true) !== ZIP64_LOCATOR_SIG) throw new ZipError('corrupt', '压缩包目录已损坏');
  const at = Number(view.getBigUint64(loc + 8, true));
  if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD_SIG) throw new ZipError('corrupt', '压缩包目录已损坏');
  return { count: Number(view.getBigUint64(at + 32, true)), offset: Number(view.getBigUint64(at + 48, true)) };
}

/** ZIP64: sizes and offset that did not fit 32 bits live in extra field 0x0001, in this order. */
function applyZip64Extra(view: DataView, start: number, len: number, e: ZipEntry): void {
  let p = start;
  const end = start + len;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + size) throw new ZipError('corrupt', '压缩包目录已损坏');
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    p += 4 + size;
  }
}
