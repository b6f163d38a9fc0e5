/**
 * The predefined CMaps (UniGB-UCS2-H, GBK-EUC-H, Adobe-GB1-UCS2 …) from the packed "bcmap"
 * files pdfjs-dist ships in cmaps/. Fonts like STSong-Light are not embedded and name one of
 * these instead of a ToUnicode map: code → CID (for the widths) and CID → Unicode (for the
 * text) both come from here. Parsed once per process — pdfjs parses them again for every
 * document, which made one small STSong PDF cost as much as five others.
 *
 * The format: a header byte (bit 0: vertical), then records. A record byte holds the type
 * (top 3 bits), a "sequence" flag (0x10) and the data size − 1 (low 4 bits), followed by a
 * count and that many entries, each stored as a difference from the one before. Numbers are
 * big-endian base-128 varints; signed ones are zigzag-coded. Type 0 code space range,
 * 1 notdef range, 2 cidchar, 3 cidrange, 4 bfchar, 5 bfrange; type 7 holds a comment (0) or
 * the name of a CMap this one extends (1).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CodeSpace } from './pdf-cmap.js';
import { UnsupportedText } from './pdf-font-error.js';

export interface PredefinedCMap {
  vertical: boolean;
  codeSpace: CodeSpace[];
  /** Code → CID (cidchar, cidrange). */
  cid: Map<number, number>;
  /** Code → text (bfchar, bfrange): the UCS2 CMaps map CIDs to Unicode this way. */
  unicode: Map<number, string>;
}

const cmapDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
const loaded = new Map<string, PredefinedCMap | UnsupportedText>();
/** Bytes per code this reader handles; CMaps use at most four. */
const MAX_BYTES = 4;
/** Unicode destinations may be longer (a CID that stands for several characters). */
const MAX_DEST_BYTES = 16;
const MAX_USECMAP_DEPTH = 4;

export function predefinedCMap(name: string, depth = 0): PredefinedCMap {
  let c = loaded.get(name);
  if (!c) {
    try {
      c = readCMap(name, depth);
    } catch (e) {
      if (e instanceof UnsupportedText) c = e;
      else if (e instanceof RangeError || (e as { code?: string } | null)?.code === 'ENOENT') c = new UnsupportedText(`CMap ${name}: ${(e as Error).message}`);
      else throw e;
    }
    loaded.set(name, c);
  }
  if (c instanceof UnsupportedText) throw c;
  return c;
}

function readCMap(name: string, depth: number): PredefinedCMap {
  // The name comes from the PDF: only a bare CMap name may become a path.
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) throw new UnsupportedText(`CMap name ${name}`);
  if (depth > MAX_USECMAP_DEPTH) throw new UnsupportedText('usecmap chain too long');
  const data = new Uint8Array(fs.readFileSync(path.join(cmapDir, `${name}.bcmap`)));
  const r = new Reader(data);
  const out: PredefinedCMap = { vertical: (r.byte() & 1) === 1, codeSpace: [], cid: new Map(), unicode: new Map() };
  let parent: string | null = null;
  const start = new Uint8Array(MAX_DEST_BYTES);
  const end = new Uint8Array(MAX_DEST_BYTES);
  const ch = new Uint8Array(MAX_DEST_BYTES);
  const dst = new Uint8Array(MAX_DEST_BYTES);
  const tmp = new Uint8Array(MAX_DEST_BYTES);
  while (!r.done()) {
    const b = r.byte();
    const type = b >> 5;
    if (type === 7) {
      const s = r.string();
      if ((b & 0x1f) === 1) parent = s;
      continue;
    }
    const sequence = (b & 0x10) !== 0;
    const size = b & 0x0f; // bytes − 1
    if (size + 1 > MAX_DEST_BYTES) throw new UnsupportedText('bcmap entry too wide');
    const count = r.number();
    // Code-side sizes: bf records key on 2-byte CIDs whatever their destination size.
    const key = type === 4 || type === 5 ? 1 : size;
    if (key + 1 > MAX_BYTES) throw new UnsupportedText('bcmap code too wide');
    switch (type) {
      case 0:
      case 1:
      case 3: {
        r.raw(start, size);
        r.hex(end, size);
        add(end, start, size);
        let cid = type === 0 ? 0 : r.number();
        record(type, start, end, size, cid, out);
        for (let i = 1; i < count; i++) {
          inc(end, size);
          if (type === 3 && sequence) start.set(end);
          else {
            r.hex(start, size);
            add(start, end, size);
          }
          r.hex(end, size);
          add(end, start, size);
          if (type !== 0) cid = r.number();
          record(type, start, end, size, cid, out);
        }
        break;
      }
      case 2: {
        r.raw(ch, size);
        let cid = r.number();
        out.cid.set(int(ch, size), cid);
        for (let i = 1; i < count; i++) {
          inc(ch, size);
          if (!sequence) {
            r.hex(tmp, size);
            add(ch, tmp, size);
          }
          cid = r.signed() + cid + 1;
          out.cid.set(int(ch, size), cid);
        }
        break;
      }
      case 4: {
        r.raw(ch, key);
        r.raw(dst, size);
        out.unicode.set(int(ch, key), utf16(dst, size));
        for (let i = 1; i < count; i++) {
          inc(ch, key);
          if (!sequence) {
            r.hex(tmp, key);
            add(ch, tmp, key);
          }
          inc(dst, size);
          r.signedHex(tmp, size);
          add(dst, tmp, size);
          out.unicode.set(int(ch, key), utf16(dst, size));
        }
        break;
      }
      case 5: {
        r.raw(start, key);
        r.hex(end, key);
        add(end, start, key);
        r.raw(dst, size);
        bfRange(int(start, key), int(end, key), dst, size, out);
        for (let i = 1; i < count; i++) {
          inc(end, key);
          if (!sequence) {
            r.hex(start, key);
            add(start, end, key);
          } else start.set(end);
          r.hex(end, key);
          add(end, start, key);
          r.raw(dst, size);
          bfRange(int(start, key), int(end, key), dst, size, out);
        }
        break;
      }
      default:
        throw new UnsupportedText(`bcmap record type ${type}`);
    }
  }
  if (parent !== null) {
    // The CMap extends another: its own entries win over the parent's.
    const base = predefinedCMap(parent, depth + 1);
    for (const [k, v] of base.cid) if (!out.cid.has(k)) out.cid.set(k, v);
    for (const [k, v] of base.unicode) if (!out.unicode.has(k)) out.unicode.set(k, v);
    if (out.codeSpace.length === 0) out.codeSpace.push(...base.codeSpace);
  }
  return out;
}

function record(type: number, start: Uint8Array, end: Uint8Array, size: number, cid: number, out: PredefinedCMap): void {
  const lo = int(start, size);
  const hi = int(end, size);
  if (type === 0) out.codeSpace.push({ bytes: size + 1, low: lo, high: hi });
  else if (type === 3) {
    if (hi - lo > 0x10000) throw new UnsupportedText('bcmap range too large');
    for (let c = lo; c <= hi; c++) out.cid.set(c, cid + c - lo);
  }
  // type 1 (notdef ranges): codes that show CID 0, which has no text; nothing to record.
}

function bfRange(lo: number, hi: number, dst: Uint8Array, size: number, out: PredefinedCMap): void {
  if (hi < lo || hi - lo > 0x10000) throw new UnsupportedText('bcmap range too large');
  const d = dst.slice(0, size + 1);
  for (let c = lo; c <= hi; c++) {
    out.unicode.set(c, utf16(d, size));
    // the last byte counts up, carrying once into the byte before (as in text CMaps)
    if (d[size]! < 0xff) d[size]!++;
    else {
      d[size] = 0;
      if (size > 0) d[size - 1] = (d[size - 1]! + 1) & 0xff;
    }
  }
}

/** a += b over size + 1 big-endian bytes, overflow dropped. */
function add(a: Uint8Array, b: Uint8Array, size: number): void {
  let carry = 0;
  for (let i = size; i >= 0; i--) {
    const s = a[i]! + b[i]! + carry;
    a[i] = s & 0xff;
    carry = s >> 8;
  }
}

function inc(a: Uint8Array, size: number): void {
  for (let i = size; i >= 0; i--) {
    if (a[i]! < 0xff) {
      a[i]!++;
      return;
    }
    a[i] = 0;
  }
}

function int(a: Uint8Array, size: number): number {
  let v = 0;
  for (let i = 0; i <= size; i++) v = v * 256 + a[i]!;
  return v;
}

function utf16(a: Uint8Array, size: number): string {
  let s = '';
  for (let i = 0; i + 1 <= size; i += 2) s += String.fromCharCode((a[i]! << 8) | a[i + 1]!);
  return s;
}

class Reader {
  private pos = 0;
  constructor(private readonly b: Uint8Array) {}

  done(): boolean {
    return this.pos >= this.b.length;
  }

  byte(): number {
    const v = this.b[this.pos++];
    if (v === undefined) throw new UnsupportedText('bcmap ends early');
    return v;
  }

  number(): number {
    let n = 0;
    for (;;) {
      const b = this.byte();
      n = n * 128 + (b & 0x7f);
      if (!(b & 0x80)) return n;
      if (n > 2 ** 45) throw new UnsupportedText('bcmap number too large');
    }
  }

  /** Zigzag: even n → n/2, odd n → −(n+1)/2. */
  signed(): number {
    const n = this.number();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  }

  string(): string {
    const len = this.number();
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCharCode(this.number());
    return s;
  }

  /** size + 1 bytes as they stand. */
  raw(into: Uint8Array, size: number): void {
    for (let i = 0; i <= size; i++) into[i] = this.byte();
  }

  /** A varint written into size + 1 big-endian bytes (the high bits beyond them dropped). */
  hex(into: Uint8Array, size: number): void {
    const groups: number[] = [];
    for (;;) {
      const b = this.byte();
      groups.push(b & 0x7f);
      if (!(b & 0x80)) break;
    }
    let buffer = 0;
    let bits = 0;
    let g = groups.length;
    for (let i = size; i >= 0; i--) {
      while (bits < 8 && g > 0) {
        buffer |= groups[--g]! << bits;
        bits += 7;
      }
      into[i] = buffer & 0xff;
      buffer >>>= 8;
      bits -= 8;
    }
  }

  /** A zigzag-coded multi-byte difference, as size + 1 two's-complement bytes. */
  signedHex(into: Uint8Array, size: number): void {
    this.hex(into, size);
    const negative = (into[size]! & 1) === 1;
    let carry = 0;
    for (let i = 0; i <= size; i++) {
      const v = into[i]!;
      into[i] = ((carry << 7) | (v >> 1)) ^ (negative ? 0xff : 0);
      carry = v & 1;
    }
  }
}
