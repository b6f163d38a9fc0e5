/**
 * Writes a ZIP archive with raw entry names and optional lies in its headers: tests use it for
 * synthetic DOCX packages, GBK names and zip bombs, which no ordinary zip tool will produce.
 */
import zlib from 'node:zlib';

export interface ZipSpec {
  /** Raw name bytes (GBK or UTF-8), or a string written as UTF-8 with the UTF-8 flag. */
  name: string | Uint8Array;
  data: Uint8Array | string;
  /** Store instead of deflating. */
  stored?: boolean;
  /** Size written in the headers instead of the true one (a lying bomb). */
  declaredSize?: number;
  /** Set the "encrypted" flag (contents are not actually encrypted). */
  encryptedFlag?: boolean;
  /** Deflated bytes to use as they are, e.g. a bomb compressed in a stream. */
  compressed?: Uint8Array;
  crc32?: number;
}

export function writeZip(entries: ZipSpec[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : Buffer.from(e.name);
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const packed = e.compressed ? Buffer.from(e.compressed) : e.stored ? data : zlib.deflateRawSync(data);
    const method = e.stored && !e.compressed ? 0 : 8;
    const flags = (typeof e.name === 'string' ? 0x800 : 0) | (e.encryptedFlag ? 1 : 0);
    const crc = e.crc32 ?? zlib.crc32(data);
    const size = e.declaredSize ?? data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(packed.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(packed.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    local.push(lh, name, packed);
    central.push(ch, name);
    offset += lh.length + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dir, end]));
}
