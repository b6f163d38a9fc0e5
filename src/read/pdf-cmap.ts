/**
 * Embedded CMaps (ISO 32000-1 §9.7.5, §9.10.3): a font's /ToUnicode (bfchar, bfrange with a
 * string or an array destination) and the code space ranges that say how many bytes a code
 * takes. Written for the PostScript subset PDF producers emit; anything else (usecmap, a
 * malformed range) throws PdfSyntaxError so the page goes to pdfjs.
 */
import { isWhite, PdfSyntaxError } from './pdf-objects.js';

export interface CodeSpace {
  /** Byte length of codes in this range. */
  bytes: number;
  low: number;
  high: number;
}

export interface ParsedCMap {
  codeSpace: CodeSpace[];
  /** Code → Unicode text. */
  unicode: Map<number, string>;
}

/** A range larger than this is a broken or hostile CMap, not a font's. */
const MAX_RANGE = 0x10000;

type Token = { kind: 'hex'; bytes: number[] } | { kind: 'word'; text: string } | { kind: 'open' } | { kind: 'close' };

export function parseCMap(b: Uint8Array): ParsedCMap {
  const out: ParsedCMap = { codeSpace: [], unicode: new Map() };
  const tokens = tokenize(b);
  let i = 0;
  const next = (): Token => {
    const t = tokens[i++];
    if (!t) throw new PdfSyntaxError('CMap ends inside a section');
    return t;
  };
  const code = (t: Token): { value: number; bytes: number } => {
    if (t.kind !== 'hex' || t.bytes.length === 0 || t.bytes.length > 4) throw new PdfSyntaxError('bad CMap code');
    return { value: t.bytes.reduce((v, x) => v * 256 + x, 0), bytes: t.bytes.length };
  };
  const isEnd = (t: Token | undefined, word: string) => t?.kind === 'word' && t.text === word;
  while (i < tokens.length) {
    const t = tokens[i++]!;
    if (t.kind !== 'word') continue;
    if (t.text === 'usecmap') throw new PdfSyntaxError('CMap uses another CMap');
    if (t.text === 'begincodespacerange') {
      while (!isEnd(tokens[i], 'endcodespacerange')) {
        const lo = code(next());
        const hi = code(next());
        if (lo.bytes !== hi.bytes) throw new PdfSyntaxError('bad code space range');
        out.codeSpace.push({ bytes: lo.bytes, low: lo.value, high: hi.value });
      }
      i++;
    } else if (t.text === 'beginbfchar') {
      while (!isEnd(tokens[i], 'endbfchar')) {
        const src = code(next());
        const dst = next();
        if (dst.kind !== 'hex') throw new PdfSyntaxError('bad bfchar destination');
        out.unicode.set(src.value, utf16(dst.bytes));
      }
      i++;
    } else if (t.text === 'beginbfrange') {
      while (!isEnd(tokens[i], 'endbfrange')) {
        const lo = code(next()).value;
        const hi = code(next()).value;
        if (hi < lo || hi - lo > MAX_RANGE) throw new PdfSyntaxError('bad bfrange');
        const dst = next();
        if (dst.kind === 'open') {
          for (let c = lo; ; c++) {
            const d = next();
            if (d.kind === 'close') break;
            if (d.kind !== 'hex') throw new PdfSyntaxError('bad bfrange array');
            if (c <= hi) out.unicode.set(c, utf16(d.bytes));
          }
        } else if (dst.kind === 'hex') {
          if (dst.bytes.length === 0) throw new PdfSyntaxError('empty bfrange destination');
          const bytes = dst.bytes.slice();
          for (let c = lo; c <= hi; c++) {
            out.unicode.set(c, utf16(bytes));
            increment(bytes);
          }
        } else throw new PdfSyntaxError('bad bfrange destination');
      }
      i++;
    }
  }
  return out;
}

/**
 * The next destination of a bfrange: the last byte counts up; past 0xff it carries into the
 * byte before (as pdfjs and Acrobat do), which is how ranges cross a 256 boundary.
 */
function increment(bytes: number[]): void {
  const last = bytes.length - 1;
  if (bytes[last]! < 0xff) {
    bytes[last]!++;
    return;
  }
  bytes[last] = 0;
  if (last > 0) bytes[last - 1] = (bytes[last - 1]! + 1) & 0xff;
}

/** A destination is UTF-16BE; an odd byte count is not one we can read with certainty. */
function utf16(bytes: number[]): string {
  if (bytes.length % 2 !== 0) throw new PdfSyntaxError('odd-length ToUnicode destination');
  let s = '';
  for (let k = 0; k < bytes.length; k += 2) s += String.fromCharCode((bytes[k]! << 8) | bytes[k + 1]!);
  return s;
}

function tokenize(b: Uint8Array): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (isWhite(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    } else if (c === 0x3c && b[i + 1] === 0x3c) {
      out.push({ kind: 'word', text: '<<' });
      i += 2;
    } else if (c === 0x3e && b[i + 1] === 0x3e) {
      out.push({ kind: 'word', text: '>>' });
      i += 2;
    } else if (c === 0x3c) {
      const bytes: number[] = [];
      let half = -1;
      for (i++; i < b.length && b[i] !== 0x3e; i++) {
        const h = hexValue(b[i]!);
        if (h < 0) {
          if (isWhite(b[i]!)) continue;
          throw new PdfSyntaxError('bad hex digit in CMap');
        }
        if (half < 0) half = h;
        else {
          bytes.push(half * 16 + h);
          half = -1;
        }
      }
      if (half >= 0) bytes.push(half * 16);
      i++;
      out.push({ kind: 'hex', bytes });
    } else if (c === 0x5b) {
      out.push({ kind: 'open' });
      i++;
    } else if (c === 0x5d) {
      out.push({ kind: 'close' });
      i++;
    } else if (c === 0x28) {
      // Literal strings (CMap names, registry) never carry codes we need: skip them whole.
      let depth = 0;
      for (; i < b.length; i++) {
        if (b[i] === 0x5c) i++;
        else if (b[i] === 0x28) depth++;
        else if (b[i] === 0x29 && --depth === 0) break;
      }
      i++;
      out.push({ kind: 'word', text: '()' });
    } else {
      let j = i + 1;
      while (j < b.length && !isWhite(b[j]!) && ![0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25].includes(b[j]!)) j++;
      let text = '';
      for (let k = i; k < j; k++) text += String.fromCharCode(b[k]!);
      out.push({ kind: 'word', text });
      i = j;
    }
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}
