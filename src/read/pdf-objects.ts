/**
 * The PDF object syntax (ISO 32000-1 §7.3), just enough to walk to a page's content streams:
 * numbers, names, strings (as Latin-1), arrays, dictionaries, references and stream headers.
 * It lets ruling lines and text be read without pdfjs's operator list and text content, which
 * load and convert every font program on the page.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export type PdfDict = Map<string, PdfValue>;

/** A stream: its dictionary and where its (still encoded) bytes lie in the file or buffer. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly bytes: Uint8Array,
    readonly start: number,
    public length: number,
  ) {}
}

export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict | PdfStream;

/** Thrown for anything this reader does not handle; the caller then asks pdfjs instead. */
export class PdfSyntaxError extends Error {}

export function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

export function isDelimiter(c: number): boolean {
  // ( ) < > [ ] { } / %
  return c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
}

/** A cursor over PDF bytes. */
export class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  skipWhite(): void {
    const b = this.bytes;
    for (;;) {
      while (this.pos < b.length && isWhite(b[this.pos]!)) this.pos++;
      if (b[this.pos] !== 0x25) return;
      while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
    }
  }

  /** A bare word (keyword, number) at the cursor, without moving it. */
  peekWord(): string {
    this.skipWhite();
    const b = this.bytes;
    let end = this.pos;
    while (end < b.length && !isWhite(b[end]!) && !isDelimiter(b[end]!)) end++;
    return latin1(b, this.pos, end);
  }

  word(): string {
    const w = this.peekWord();
    this.pos += w.length;
    return w;
  }

  /** The object at the cursor; `n g R` becomes a reference. */
  value(depth = 0): PdfValue {
    if (depth > 64) throw new PdfSyntaxError('nesting too deep');
    this.skipWhite();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw new PdfSyntaxError('unexpected end of data');
    if (c === 0x2f) return new PdfName(this.name());
    if (c === 0x28) return this.literalString();
    if (c === 0x3c && b[this.pos + 1] === 0x3c) return this.dict(depth);
    if (c === 0x3c) return this.hexString();
    if (c === 0x5b) {
      this.pos++;
      const out: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return out;
        }
        out.push(this.value(depth + 1));
      }
    }
    const w = this.word();
    if (w === '') throw new PdfSyntaxError(`unexpected byte ${c} at ${this.pos}`);
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    const n = Number(w);
    if (Number.isNaN(n)) throw new PdfSyntaxError(`unexpected word ${w}`);
    if (Number.isInteger(n) && n >= 0) {
      // `num gen R`: look ahead without committing.
      const save = this.pos;
      const gen = this.word();
      if (/^\d+$/.test(gen) && this.word() === 'R') return new PdfRef(n, Number(gen));
      this.pos = save;
    }
    return n;
  }

  private dict(depth: number): PdfDict {
    this.pos += 2;
    const out: PdfDict = new Map();
    for (;;) {
      this.skipWhite();
      const b = this.bytes;
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return out;
      }
      if (b[this.pos] !== 0x2f) throw new PdfSyntaxError(`dictionary key expected at ${this.pos}`);
      const key = this.name();
      out.set(key, this.value(depth + 1));
    }
  }

  /** `/Name` with #xx escapes; the cursor is on the slash. */
  name(): string {
    const b = this.bytes;
    let end = ++this.pos;
    while (end < b.length && !isWhite(b[end]!) && !isDelimiter(b[end]!)) end++;
    let s = latin1(b, this.pos, end);
    this.pos = end;
    if (s.includes('#')) s = s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return s;
  }

  /** A `( … )` string as Latin-1 text (font and CMap names need it; page text is read elsewhere). */
  literalString(): string {
    const start = this.pos;
    this.skipLiteralString();
    const raw = latin1(this.bytes, start + 1, this.pos - 1);
    if (!raw.includes('\\')) return raw;
    return raw.replace(/\\([0-7]{1,3}|\r\n|[\s\S])/g, (_, e: string) => {
      if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '\r\n': '', '\r': '', '\n': '' };
      return simple[e] ?? e;
    });
  }

  skipLiteralString(): void {
    const b = this.bytes;
    let depth = 0;
    for (let i = this.pos; i < b.length; i++) {
      const c = b[i];
      if (c === 0x5c) i++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) {
        this.pos = i + 1;
        return;
      }
    }
    throw new PdfSyntaxError('unterminated string');
  }

  /** Steps over a `< … >` string unread (the ruling scanner meets many). */
  skipHexString(): void {
    const end = this.bytes.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    this.pos = end + 1;
  }

  hexString(): string {
    const end = this.bytes.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    const digits = latin1(this.bytes, this.pos + 1, end).replace(/[^0-9a-fA-F]/g, '');
    this.pos = end + 1;
    let s = '';
    for (let i = 0; i < digits.length; i += 2) s += String.fromCharCode(parseInt(digits.slice(i, i + 2).padEnd(2, '0'), 16));
    return s;
  }
}

export function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]!);
  return s;
}

export function dictGet(d: PdfDict | undefined, key: string): PdfValue | undefined {
  return d?.get(key);
}

export function isDict(v: PdfValue | undefined): v is PdfDict {
  return v instanceof Map;
}

export function nameOf(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfName ? v.name : undefined;
}
