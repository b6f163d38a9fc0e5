/**
 * The one thing text extraction needs from an embedded font program: the font matrix that
 * pdfjs takes from it (a CFF top DICT's FontMatrix, a Type 1 header's /FontMatrix), which sets
 * how glyph widths scale. Only the header is read — no glyphs, no sanitising. A program that
 * is not plainly one of these makes the font UnsupportedText.
 */
import type { PdfFile } from './pdf-file.js';
import { nameOf, PdfStream, type PdfDict } from './pdf-objects.js';
import { UnsupportedText } from './pdf-font-error.js';

const CFF_DEFAULT_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
/** CFF DICT operator 12 7. */
const FONT_MATRIX_OP = 0x0c07;

/** The matrix the embedded program imposes, or null when it leaves the PDF's own in force. */
export function programMatrix(file: PdfFile, descriptor: PdfDict | undefined): number[] | null {
  if (!descriptor) return null;
  const ff3 = file.resolve(descriptor.get('FontFile3'));
  if (ff3 instanceof PdfStream) {
    const sub = nameOf(ff3.dict.get('Subtype'));
    if (sub !== 'Type1C' && sub !== 'CIDFontType0C') throw new UnsupportedText(`font program ${sub}`);
    // pdfjs always takes the CFF's matrix, which defaults to the standard one.
    return cffFontMatrix(file.decode(ff3)) ?? CFF_DEFAULT_MATRIX;
  }
  const ff1 = file.resolve(descriptor.get('FontFile'));
  if (ff1 instanceof PdfStream) {
    const data = file.decode(ff1);
    const l1 = file.resolve(ff1.dict.get('Length1'));
    const clear = data.subarray(0, typeof l1 === 'number' && l1 > 0 ? Math.min(l1, data.length) : data.length);
    const pfb = clear[0] === 0x80 && clear[1] === 0x01;
    if (!pfb && !(clear[0] === 0x25 && clear[1] === 0x21)) throw new UnsupportedText('Type 1 program that is not PostScript');
    return type1FontMatrix(clear);
  }
  return null;
}

/** A Type 1 cleartext header's `/FontMatrix [a b c d e f]`. */
export function type1FontMatrix(clear: Uint8Array): number[] | null {
  const text = Buffer.from(clear.buffer, clear.byteOffset, clear.byteLength).toString('latin1');
  const m = /\/FontMatrix\s*[[{]([^\]}]*)[\]}]/.exec(text);
  if (!m) return null;
  const nums = m[1]!.trim().split(/\s+/).map(Number);
  if (nums.length !== 6 || !nums.every(Number.isFinite)) throw new UnsupportedText('unreadable Type 1 FontMatrix');
  return nums;
}

/** The CFF top DICT's FontMatrix (CFF spec §8–10), or null when the DICT has none. */
export function cffFontMatrix(b: Uint8Array): number[] | null {
  if (b.length < 4 || b[0] !== 1) throw new UnsupportedText('not a CFF font');
  const names = readIndex(b, b[2]!);
  const top = readIndex(b, names.end);
  if (top.items.length === 0) throw new UnsupportedText('CFF without a top DICT');
  const [from, to] = top.items[0]!;
  const operands: number[] = [];
  for (let i = from; i < to; ) {
    const c = b[i]!;
    if (c <= 21) {
      const op = c === 12 ? 0x0c00 | b[i + 1]! : c;
      i += c === 12 ? 2 : 1;
      if (op === FONT_MATRIX_OP) {
        if (operands.length !== 6) throw new UnsupportedText('bad CFF FontMatrix');
        return operands.slice();
      }
      operands.length = 0;
    } else if (c === 28) {
      operands.push(((b[i + 1]! << 24) | (b[i + 2]! << 16)) >> 16);
      i += 3;
    } else if (c === 29) {
      operands.push((b[i + 1]! << 24) | (b[i + 2]! << 16) | (b[i + 3]! << 8) | b[i + 4]!);
      i += 5;
    } else if (c === 30) {
      const [v, next] = readReal(b, i + 1);
      operands.push(v);
      i = next;
    } else if (c >= 32 && c <= 246) {
      operands.push(c - 139);
      i++;
    } else if (c >= 247 && c <= 250) {
      operands.push((c - 247) * 256 + b[i + 1]! + 108);
      i += 2;
    } else if (c >= 251 && c <= 254) {
      operands.push(-(c - 251) * 256 - b[i + 1]! - 108);
      i += 2;
    } else throw new UnsupportedText('bad CFF DICT byte');
  }
  return null;
}

/** An INDEX at `at`: each item's [start, end) in the data, and where the INDEX ends. */
function readIndex(b: Uint8Array, at: number): { items: [number, number][]; end: number } {
  const count = (b[at]! << 8) | b[at + 1]!;
  if (count === 0) return { items: [], end: at + 2 };
  const size = b[at + 2]!;
  if (size < 1 || size > 4) throw new UnsupportedText('bad CFF INDEX');
  const offset = (k: number) => {
    let v = 0;
    for (let j = 0; j < size; j++) v = v * 256 + b[at + 3 + k * size + j]!;
    return v;
  };
  const base = at + 3 + (count + 1) * size - 1; // offsets count from 1
  const items: [number, number][] = [];
  for (let k = 0; k < count; k++) items.push([base + offset(k), base + offset(k + 1)]);
  const end = base + offset(count);
  if (end > b.length) throw new UnsupportedText('CFF INDEX past the end');
  return { items, end };
}

/** A DICT real: decimal nibbles (a = point, b = E, c = E−, e = minus, f = end). */
function readReal(b: Uint8Array, at: number): [number, number] {
  let s = '';
  for (let i = at; i < b.length; i++) {
    for (const n of [b[i]! >> 4, b[i]! & 15]) {
      if (n === 15) return [Number(s), i + 1];
      s += n <= 9 ? String(n) : n === 10 ? '.' : n === 11 ? 'E' : n === 12 ? 'E-' : n === 14 ? '-' : '';
    }
  }
  throw new UnsupportedText('unterminated CFF real');
}
