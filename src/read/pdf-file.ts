/**
 * A PDF's cross-reference table and objects, read directly from its bytes: enough to find each
 * page's content streams and resources. Anything unusual (encryption, a damaged xref, a filter
 * other than Flate) throws PdfSyntaxError, and the caller asks pdfjs, which repairs such files.
 */
import { inflateSync, constants as zlib } from 'node:zlib';
import { isDict, Lexer, nameOf, PdfRef, PdfStream, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-objects.js';

type XrefEntry = { offset: number } | { stream: number; index: number };

export interface PdfPage {
  contents: Uint8Array;
  resources: PdfDict | undefined;
  /** The page's own dictionary. */
  dict: PdfDict;
  /** Inheritable attributes as found on the page or its nearest ancestor (§7.7.3.4). */
  inherited: Inherited;
}

interface Inherited {
  resources?: PdfDict;
  mediaBox?: PdfValue;
  cropBox?: PdfValue;
  rotate?: PdfValue;
}

const MAX_PAGES_DEPTH = 32;

export class PdfFile {
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly decoded = new WeakMap<PdfStream, Uint8Array>();
  private readonly objStreams = new Map<number, { lexer: Lexer; offsets: number[]; first: number }>();
  readonly trailer: PdfDict;

  constructor(readonly bytes: Uint8Array) {
    this.trailer = this.readXrefChain();
    if (this.trailer.has('Encrypt')) throw new PdfSyntaxError('encrypted');
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return v instanceof PdfRef ? this.object(v.num) : v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const r = this.resolve(v);
    if (r instanceof PdfStream) return r.dict;
    return isDict(r) ? r : undefined;
  }

  /** Pages in document order, resources inherited down the page tree. */
  pages(): PdfPage[] {
    const root = this.dict(this.trailer.get('Root'));
    const out: PdfPage[] = [];
    const seen = new Set<PdfValue>();
    const walk = (ref: PdfValue | undefined, up: Inherited, depth: number) => {
      if (depth > MAX_PAGES_DEPTH || seen.has(ref ?? null)) throw new PdfSyntaxError('bad page tree');
      if (ref instanceof PdfRef) seen.add(ref);
      const node = this.dict(ref);
      if (!node) throw new PdfSyntaxError('bad page tree node');
      const own = this.dict(node.get('Resources'));
      const here: Inherited = {
        // Like pdfjs, resources found at several levels are merged, the nearest entry winning.
        resources: own && up.resources ? new Map([...up.resources, ...own]) : (own ?? up.resources),
        mediaBox: this.resolve(node.get('MediaBox')) ?? up.mediaBox,
        cropBox: this.resolve(node.get('CropBox')) ?? up.cropBox,
        rotate: this.resolve(node.get('Rotate')) ?? up.rotate,
      };
      const kids = this.resolve(node.get('Kids'));
      if (Array.isArray(kids)) for (const k of kids) walk(k, here, depth + 1);
      else out.push({ contents: this.contents(node.get('Contents')), resources: here.resources, dict: node, inherited: here });
    };
    walk(root?.get('Pages'), {}, 0);
    return out;
  }

  /** A page's content: one stream or several, joined as one (they may split mid-operator). */
  private contents(v: PdfValue | undefined): Uint8Array {
    const r = this.resolve(v);
    if (r === undefined || r === null) return new Uint8Array(0);
    const parts = (Array.isArray(r) ? r.map((x) => this.resolve(x)) : [r]).map((s) => {
      if (!(s instanceof PdfStream)) throw new PdfSyntaxError('contents is not a stream');
      return this.decode(s);
    });
    if (parts.length === 1) return parts[0]!;
    const total = parts.reduce((n, p) => n + p.length + 1, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      out[at + p.length] = 0x0a;
      at += p.length + 1;
    }
    return out;
  }

  /** A stream's data, decoded once: the ruling and text scanners both step into forms. */
  decode(s: PdfStream): Uint8Array {
    let d = this.decoded.get(s);
    if (!d) {
      d = this.decodeStream(s);
      this.decoded.set(s, d);
    }
    return d;
  }

  private decodeStream(s: PdfStream): Uint8Array {
    let data = s.bytes.subarray(s.start, s.start + s.length);
    const f = this.resolve(s.dict.get('Filter'));
    const filters = (Array.isArray(f) ? f : f === undefined || f === null ? [] : [f]).map((x) => nameOf(this.resolve(x)));
    const p = this.resolve(s.dict.get('DecodeParms'));
    const parms = Array.isArray(p) ? p.map((x) => this.dict(x)) : [this.dict(p)];
    filters.forEach((name, i) => {
      if (name === 'ASCII85Decode' || name === 'A85') data = ascii85(data);
      else if (name === 'FlateDecode' || name === 'Fl') {
        // A stream cut short still gives what it has, as pdfjs would.
        data = new Uint8Array(inflateSync(data, { finishFlush: zlib.Z_SYNC_FLUSH }));
        data = unpredict(data, parms[i]);
      } else throw new PdfSyntaxError(`filter ${name}`);
    });
    return data;
  }

  object(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const e = this.xref.get(num);
    let v: PdfValue;
    if (!e) v = null;
    else if ('offset' in e) v = this.indirectAt(e.offset, num);
    else v = this.fromObjectStream(e.stream, e.index);
    this.cache.set(num, v);
    return v;
  }

  private indirectAt(offset: number, num?: number): PdfValue {
    const lx = new Lexer(this.bytes, offset);
    const n = lx.word();
    lx.word();
    if (lx.word() !== 'obj' || (num !== undefined && Number(n) !== num)) throw new PdfSyntaxError(`no object ${num} at ${offset}`);
    const v = lx.value();
    if (!isDict(v) || lx.peekWord() !== 'stream') return v;
    lx.word();
    // The data starts after the end of line that follows the keyword.
    if (this.bytes[lx.pos] === 0x0d) lx.pos++;
    if (this.bytes[lx.pos] === 0x0a) lx.pos++;
    const start = lx.pos;
    const declared = this.resolve(v.get('Length'));
    let length = typeof declared === 'number' ? declared : -1;
    if (length < 0 || !endsStream(this.bytes, start + length)) {
      const end = indexOfAscii(this.bytes, 'endstream', start);
      if (end < 0) throw new PdfSyntaxError('unterminated stream');
      length = end - start;
    }
    return new PdfStream(v, this.bytes, start, length);
  }

  private fromObjectStream(streamNum: number, index: number): PdfValue {
    let os = this.objStreams.get(streamNum);
    if (!os) {
      const s = this.object(streamNum);
      if (!(s instanceof PdfStream)) throw new PdfSyntaxError('object stream missing');
      const data = this.decode(s);
      const n = s.dict.get('N');
      const first = s.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number') throw new PdfSyntaxError('bad object stream');
      const lexer = new Lexer(data, 0);
      const offsets: number[] = [];
      for (let i = 0; i < n; i++) {
        lexer.word();
        offsets.push(Number(lexer.word()));
      }
      os = { lexer, offsets, first };
      this.objStreams.set(streamNum, os);
    }
    const at = os.offsets[index];
    if (at === undefined) throw new PdfSyntaxError('object not in its stream');
    os.lexer.pos = os.first + at;
    return os.lexer.value();
  }

  /** The newest xref section first; older ones (`/Prev`) fill in only what it lacks. */
  private readXrefChain(): PdfDict {
    const tail = this.bytes.length > 2048 ? this.bytes.length - 2048 : 0;
    const at = lastIndexOfAscii(this.bytes, 'startxref', tail);
    if (at < 0) throw new PdfSyntaxError('no startxref');
    const lx = new Lexer(this.bytes, at + 9);
    let offset: number | null = Number(lx.word());
    let trailer: PdfDict | undefined;
    const visited = new Set<number>();
    while (offset !== null) {
      if (!Number.isInteger(offset) || offset < 0 || offset >= this.bytes.length || visited.has(offset)) throw new PdfSyntaxError('bad xref offset');
      visited.add(offset);
      const section = this.readXrefSection(offset);
      trailer ??= section;
      const stm = section.get('XRefStm');
      if (typeof stm === 'number') this.readXrefSection(stm);
      const prev = section.get('Prev');
      offset = typeof prev === 'number' ? prev : null;
    }
    if (!trailer?.has('Root')) throw new PdfSyntaxError('no document catalog');
    return trailer;
  }

  private readXrefSection(offset: number): PdfDict {
    const lx = new Lexer(this.bytes, offset);
    if (lx.peekWord() !== 'xref') return this.readXrefStream(offset);
    lx.word();
    for (;;) {
      const w = lx.word();
      if (w === 'trailer') break;
      const start = Number(w);
      const count = Number(lx.word());
      if (!Number.isInteger(start) || !Number.isInteger(count)) throw new PdfSyntaxError('bad xref table');
      for (let i = 0; i < count; i++) {
        const off = Number(lx.word());
        lx.word();
        const type = lx.word();
        if (type === 'n' && !this.xref.has(start + i)) this.xref.set(start + i, { offset: off });
        else if (type === 'f' && !this.xref.has(start + i)) this.xref.set(start + i, { offset: -1 });
      }
    }
    const t = lx.value();
    if (!isDict(t)) throw new PdfSyntaxError('bad trailer');
    this.dropFree();
    return t;
  }

  private readXrefStream(offset: number): PdfDict {
    const s = this.indirectAt(offset);
    if (!(s instanceof PdfStream) || nameOf(s.dict.get('Type')) !== 'XRef') throw new PdfSyntaxError('no xref at offset');
    const w = s.dict.get('W');
    if (!Array.isArray(w) || w.length < 3 || !w.every((x) => typeof x === 'number')) throw new PdfSyntaxError('bad xref stream');
    const [w0, w1, w2] = w as number[];
    const size = s.dict.get('Size');
    const index = (s.dict.get('Index') as number[] | undefined) ?? [0, typeof size === 'number' ? size : 0];
    const data = this.decode(s);
    let at = 0;
    const field = (n: number, dflt: number) => {
      if (n === 0) return dflt;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[at++]!;
      return v;
    };
    for (let k = 0; k + 1 < index.length; k += 2) {
      const start = index[k]!;
      for (let i = 0; i < index[k + 1]!; i++) {
        if (at + w0! + w1! + w2! > data.length) throw new PdfSyntaxError('short xref stream');
        const type = field(w0!, 1);
        const a = field(w1!, 0);
        const b = field(w2!, 0);
        const num = start + i;
        if (this.xref.has(num)) continue;
        if (type === 1) this.xref.set(num, { offset: a });
        else if (type === 2) this.xref.set(num, { stream: a, index: b });
        else this.xref.set(num, { offset: -1 });
      }
    }
    this.dropFree();
    return s.dict;
  }

  private dropFree(): void {
    // Free entries stay as markers while older sections are read (so those cannot revive the
    // object); an object marked free reads as null.
    for (const [num, e] of this.xref) if ('offset' in e && e.offset < 0) this.cache.set(num, null);
  }
}

/** ASCII base-85 (reportlab wraps its Flate streams in it): 5 characters → 4 bytes, z = 0000. */
function ascii85(src: Uint8Array): Uint8Array {
  // 'z' makes four bytes of one character: size for the worst case.
  const out = new Uint8Array(src.length * 4 + 4);
  let n = 0;
  const group: number[] = [];
  const flush = (count: number) => {
    let v = 0;
    for (let k = 0; k < 5; k++) v = v * 85 + (k < group.length ? group[k]! : 84);
    for (let k = 0; k < count; k++) out[n++] = (v >>> (24 - 8 * k)) & 0xff;
    group.length = 0;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === 0x7e) break; // ~> ends the data
    if (isWhiteByte(c)) continue;
    if (c === 0x7a && group.length === 0) {
      n += 4; // 'z': four zero bytes (the buffer starts zeroed)
      continue;
    }
    if (c < 0x21 || c > 0x75) throw new PdfSyntaxError('bad ASCII85 data');
    group.push(c - 0x21);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return out.subarray(0, n);
}

function isWhiteByte(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

/** PNG predictors (10–15), which xref streams use; TIFF predictor 2 is not handled. */
function unpredict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const predictor = parms?.get('Predictor');
  if (typeof predictor !== 'number' || predictor < 2) return data;
  if (predictor < 10) throw new PdfSyntaxError('TIFF predictor');
  const colors = typeof parms!.get('Colors') === 'number' ? (parms!.get('Colors') as number) : 1;
  const bits = typeof parms!.get('BitsPerComponent') === 'number' ? (parms!.get('BitsPerComponent') as number) : 8;
  const columns = typeof parms!.get('Columns') === 'number' ? (parms!.get('Columns') as number) : 1;
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLen = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLen + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp]! : 0;
      let v: number;
      if (type === 0) v = raw;
      else if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) v = raw + paeth(left, up, upLeft);
      else throw new PdfSyntaxError('bad PNG predictor row');
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function endsStream(b: Uint8Array, at: number): boolean {
  let i = at;
  while (i < b.length && (b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x20)) i++;
  return indexOfAscii(b, 'endstream', i) === i;
}

function indexOfAscii(b: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  outer: for (let i = b.indexOf(first, from); i >= 0 && i + s.length <= b.length; i = b.indexOf(first, i + 1)) {
    for (let k = 1; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOfAscii(b: Uint8Array, s: string, from: number): number {
  let found = -1;
  for (let i = indexOfAscii(b, s, from); i >= 0; i = indexOfAscii(b, s, i + 1)) found = i;
  return found;
}

