/**
 * Text items straight from a page's content stream: the text state (BT ET Tf Tc Tw Tz TL Ts Td
 * TD Tm T*), the CTM (q Q cm), the showing operators (Tj TJ ' ") and form XObjects, with glyph
 * text and widths from pdf-font. The items are built the way pdfjs's getTextContent builds
 * them — the same merging of glyphs into items, the same inserted spaces — so everything
 * downstream sees what it saw from pdfjs, without pdfjs loading and sanitising font programs.
 * Anything outside that (vertical fonts, gs with a font, a font pdf-font declines) throws
 * UnsupportedText.
 */
import { isDelimiter, isWhite, Lexer, nameOf, PdfStream, PdfSyntaxError, type PdfDict } from './pdf-objects.js';
import type { PdfFile } from './pdf-file.js';
import { OP_BDC, OP_BI, OP_BMC, OP_BT, OP_DQUOTE, OP_Do, OP_EMC, OP_Q, OP_QUOTE, OP_TD, OP_TJ, OP_TL, OP_TSTAR, OP_Tc, OP_Td, OP_Tf, OP_Tj, OP_Tm, OP_Ts, OP_Tw, OP_Tz, OP_cm, OP_gs, OP_q, operatorAt } from './pdf-operators.js';
import { textFont, UnsupportedText, type TextFont } from './pdf-font.js';
import { TextItems, type TextItem, type TextState } from './pdf-text-items.js';
import { multiply } from './pdf-matrix.js';

const MAX_FORM_DEPTH = 12;
const MAX_OPERANDS = 16;

type Operand = number | string | Uint8Array | (number | Uint8Array)[];

/** The page's text items, in page (PDF user) space; `viewBox` is pdfjs's page.view. */
export function contentText(file: PdfFile, content: Uint8Array, resources: PdfDict | undefined, viewBox: number[]): TextItem[] {
  const out: TextItem[] = [];
  scan(file, content, resources, initialState(), viewBox, out, 0, new Set());
  return out;
}

function initialState(): TextState {
  return { ctm: [1, 0, 0, 1, 0, 0], tm: [1, 0, 0, 1, 0, 0], tlm: [1, 0, 0, 1, 0, 0], font: null, fontRes: null, size: 0, charSpacing: 0, wordSpacing: 0, leading: 0, hScale: 1, rise: 0 };
}

function clone(s: TextState): TextState {
  return { ...s, tm: s.tm.slice(), tlm: s.tlm.slice() };
}

function scan(file: PdfFile, b: Uint8Array, resources: PdfDict | undefined, start: TextState, viewBox: number[], out: TextItem[], depth: number, forms: Set<PdfStream>): void {
  if (depth > MAX_FORM_DEPTH) throw new PdfSyntaxError('form XObjects nested too deep');
  let st = start;
  const stack: TextState[] = [];
  const items = new TextItems(out, viewBox);
  // A fixed operand array and a count: resetting an array's length per operator is slow.
  const ops: Operand[] = new Array<Operand>(MAX_OPERANDS).fill(0);
  let n = 0;
  const fontsDict = file.dict(resources?.get('Font'));
  const lx = new Lexer(b, 0);
  const num = (k: number): number => {
    const v = ops[k];
    if (typeof v !== 'number') throw new UnsupportedText('operand is not a number');
    return v;
  };
  const bytes = (k: number): Uint8Array => {
    const v = ops[k];
    if (!(v instanceof Uint8Array)) throw new UnsupportedText('operand is not a string');
    return v;
  };

  for (let i = 0; i < b.length; ) {
    const ch = b[i]!;
    if (isWhite(ch)) {
      i++;
      continue;
    }
    if (ch === 0x25) {
      while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++;
      continue;
    }
    if ((ch >= 0x30 && ch <= 0x39) || ch === 0x2d || ch === 0x2b || ch === 0x2e) {
      let j = i + 1;
      while (j < b.length && !isWhite(b[j]!) && !isDelimiter(b[j]!)) j++;
      if (n < MAX_OPERANDS) ops[n] = parseNumber(b, i, j);
      n++;
      i = j;
      continue;
    }
    if (isDelimiter(ch)) {
      lx.pos = i;
      let v: Operand = NaN;
      if (ch === 0x2f) v = lx.name();
      else if (ch === 0x28) v = literalBytes(lx);
      else if (ch === 0x3c && b[i + 1] === 0x3c) {
        lx.value(); // an inline dictionary (BDC properties): parsed only to step over it
      } else if (ch === 0x3c) v = hexBytes(lx);
      else if (ch === 0x5b) v = textArray(lx);
      else lx.pos = i + 1;
      i = lx.pos;
      if (n < MAX_OPERANDS) ops[n] = v;
      n++;
      continue;
    }
    let j = i + 1;
    while (j < b.length && !isWhite(b[j]!) && !isDelimiter(b[j]!)) j++;
    const len = j - i;
    const op = operatorAt(b, i, len);
    i = j;
    if (n > MAX_OPERANDS) n = MAX_OPERANDS + 1; // too many: no operator below matches the count
    switch (op) {
      case OP_q:
        stack.push(st);
        st = clone(st);
        break;
      case OP_Q:
        st = stack.pop() ?? st;
        break;
      case OP_cm:
        if (n === 6) st.ctm = multiply(st.ctm, [num(0), num(1), num(2), num(3), num(4), num(5)]);
        break;
      case OP_BT:
        st.tm = [1, 0, 0, 1, 0, 0];
        st.tlm = [1, 0, 0, 1, 0, 0];
        break;
      case OP_Tf: {
        const res = ops[0];
        if (n !== 2 || typeof res !== 'string') break;
        const size = num(1);
        if (st.font && res === st.fontRes && size === st.size) break;
        st.fontRes = res;
        st.size = size;
        st.font = loadFont(file, fontsDict, res);
        break;
      }
      case OP_Tc:
        if (n === 1) st.charSpacing = num(0);
        break;
      case OP_Tw:
        if (n === 1) st.wordSpacing = num(0);
        break;
      case OP_Tz:
        if (n === 1) st.hScale = num(0) / 100;
        break;
      case OP_TL:
        if (n === 1) st.leading = num(0);
        break;
      case OP_Ts:
        if (n === 1) st.rise = num(0);
        break;
      case OP_Td:
      case OP_TD:
        if (n === 2) {
          if (op === OP_TD) st.leading = -num(1);
          translate(st.tlm, num(0), num(1));
          st.tm = st.tlm.slice();
        }
        break;
      case OP_Tm:
        if (n === 6) {
          st.tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
          st.tlm = st.tm.slice();
          items.updateAdvanceScale(st);
        }
        break;
      case OP_TSTAR:
        carriageReturn(st);
        break;
      case OP_Tj:
        if (n >= 1) items.show(st, requireFont(st), bytes(n - 1), 0);
        break;
      case OP_QUOTE:
        if (n >= 1) {
          requireFont(st);
          carriageReturn(st);
          items.show(st, st.font!, bytes(n - 1), 0);
        }
        break;
      case OP_DQUOTE:
        if (n === 3) {
          requireFont(st);
          st.wordSpacing = num(0);
          st.charSpacing = num(1);
          carriageReturn(st);
          items.show(st, st.font!, bytes(2), 0);
        }
        break;
      case OP_TJ:
        if (n >= 1) showArray(st, requireFont(st), ops[n - 1], items);
        break;
      case OP_Do:
        items.flush();
        if (n === 1 && typeof ops[0] === 'string') doForm(file, ops[0], resources, st, viewBox, out, depth, forms);
        break;
      case OP_gs:
        if (n === 1 && typeof ops[0] === 'string') checkGState(file, resources, ops[0]);
        break;
      case OP_BDC:
      case OP_BMC:
      case OP_EMC:
        items.flush();
        break;
      case OP_BI:
        i = skipInlineImage(b, i);
        break;
    }
    n = 0;
  }
  items.flush();
}

function requireFont(st: TextState): TextFont {
  // pdfjs substitutes a default font here; what it would then show is not ours to guess.
  if (!st.font) throw new UnsupportedText('text shown before Tf');
  return st.font;
}

function loadFont(file: PdfFile, fonts: PdfDict | undefined, name: string): TextFont {
  const d = file.dict(fonts?.get(name));
  if (!d) throw new UnsupportedText(`font ${name} missing`);
  return textFont(file, d);
}

/** TJ: strings run together until a non-zero number moves the pen (in thousandths of an em). */
function showArray(st: TextState, font: TextFont, arr: Operand | undefined, items: TextItems): void {
  if (!Array.isArray(arr)) throw new UnsupportedText('TJ operand is not an array');
  const factor = -st.size / 1000;
  let pending: Uint8Array[] = [];
  const joined = () => {
    if (pending.length === 1) return pending[0]!;
    const total = pending.reduce((s, p) => s + p.length, 0);
    const all = new Uint8Array(total);
    let at = 0;
    for (const p of pending) {
      all.set(p, at);
      at += p.length;
    }
    return all;
  };
  for (const el of arr) {
    if (el instanceof Uint8Array) pending.push(el);
    else if (el !== 0) {
      items.show(st, font, pending.length ? joined() : EMPTY, el * factor);
      pending = [];
    }
  }
  if (pending.length) items.show(st, font, joined(), 0);
}

const EMPTY = new Uint8Array(0);

function doForm(file: PdfFile, name: string, resources: PdfDict | undefined, st: TextState, viewBox: number[], out: TextItem[], depth: number, forms: Set<PdfStream>): void {
  const xobjects = file.dict(resources?.get('XObject'));
  const x = file.resolve(xobjects?.get(name));
  if (!(x instanceof PdfStream)) throw new UnsupportedText('XObject is not a stream');
  if (nameOf(x.dict.get('Subtype')) !== 'Form') return;
  if (forms.has(x)) throw new UnsupportedText('form XObject draws itself');
  const m = file.resolve(x.dict.get('Matrix'));
  const inner = clone(st);
  if (Array.isArray(m) && m.length === 6 && m.every((v) => typeof v === 'number')) inner.ctm = multiply(inner.ctm, m as number[]);
  const res = file.dict(x.dict.get('Resources')) ?? resources;
  forms.add(x);
  scan(file, file.decode(x), res, inner, viewBox, out, depth + 1, forms);
  forms.delete(x);
}

function checkGState(file: PdfFile, resources: PdfDict | undefined, name: string): void {
  const gs = file.dict(file.dict(resources?.get('ExtGState'))?.get(name));
  // A font set through the graphics state is rare enough to leave to pdfjs.
  if (gs?.has('Font')) throw new UnsupportedText('font set by gs');
}

function translate(m: number[], x: number, y: number): void {
  m[4] = m[0]! * x + m[2]! * y + m[4]!;
  m[5] = m[1]! * x + m[3]! * y + m[5]!;
}

function carriageReturn(st: TextState): void {
  translate(st.tlm, 0, -st.leading);
  st.tm = st.tlm.slice();
}

function parseNumber(b: Uint8Array, from: number, to: number): number {
  let i = from;
  let sign = 1;
  while (i < to && (b[i] === 0x2d || b[i] === 0x2b)) sign = b[i++] === 0x2d ? -1 : 1;
  let v = 0;
  while (i < to && b[i]! >= 0x30 && b[i]! <= 0x39) v = v * 10 + (b[i++]! - 0x30);
  if (b[i] === 0x2e) {
    i++;
    let scale = 0.1;
    while (i < to && b[i]! >= 0x30 && b[i]! <= 0x39) {
      v += (b[i++]! - 0x30) * scale;
      scale /= 10;
    }
  }
  return sign * v;
}

/** `( … )` → its bytes, escapes resolved (§7.3.4.2). */
function literalBytes(lx: Lexer): Uint8Array {
  const b = lx.bytes;
  let i = lx.pos + 1;
  // Fast path: no escapes and no nested parentheses — a view on the stream, no copy.
  let j = i;
  while (j < b.length && b[j] !== 0x29 && b[j] !== 0x5c && b[j] !== 0x28) j++;
  if (b[j] === 0x29) {
    lx.pos = j + 1;
    return b.subarray(i, j);
  }
  const out: number[] = [];
  let depth = 1;
  for (; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0x5c) {
      const e = b[++i];
      if (e === undefined) break;
      if (e === 0x6e) out.push(0x0a);
      else if (e === 0x72) out.push(0x0d);
      else if (e === 0x74) out.push(0x09);
      else if (e === 0x62) out.push(0x08);
      else if (e === 0x66) out.push(0x0c);
      else if (e >= 0x30 && e <= 0x37) {
        let v = e - 0x30;
        for (let k = 0; k < 2 && b[i + 1]! >= 0x30 && b[i + 1]! <= 0x37; k++) v = v * 8 + (b[++i]! - 0x30);
        out.push(v & 0xff);
      } else if (e === 0x0d) {
        if (b[i + 1] === 0x0a) i++;
      } else if (e !== 0x0a) out.push(e);
      continue;
    }
    if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) {
      lx.pos = i + 1;
      return Uint8Array.from(out);
    }
    out.push(c);
  }
  throw new PdfSyntaxError('unterminated string');
}

function hexBytes(lx: Lexer): Uint8Array {
  const b = lx.bytes;
  const end = b.indexOf(0x3e, lx.pos);
  if (end < 0) throw new PdfSyntaxError('unterminated hex string');
  const out = new Uint8Array((end - lx.pos) >> 1);
  let n = 0;
  let half = -1;
  for (let i = lx.pos + 1; i < end; i++) {
    const h = HEX[b[i]!]!;
    if (h < 0) continue; // whitespace (and, as in pdfjs, any stray byte) is skipped
    if (half < 0) half = h;
    else {
      out[n++] = (half << 4) | h;
      half = -1;
    }
  }
  if (half >= 0) out[n++] = half << 4;
  lx.pos = end + 1;
  return out.subarray(0, n);
}

/** Hex digit values by byte, −1 for anything else. */
const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c++) HEX[0x41 + c] = HEX[0x61 + c] = 10 + c;

/** A TJ array: strings and numbers. Anything else in it is not a text array we read. */
function textArray(lx: Lexer): (number | Uint8Array)[] {
  const b = lx.bytes;
  const out: (number | Uint8Array)[] = [];
  lx.pos++;
  for (;;) {
    lx.skipWhite();
    const c = b[lx.pos];
    if (c === undefined) throw new PdfSyntaxError('unterminated array');
    if (c === 0x5d) {
      lx.pos++;
      return out;
    }
    if (c === 0x28) out.push(literalBytes(lx));
    else if (c === 0x3c && b[lx.pos + 1] !== 0x3c) out.push(hexBytes(lx));
    else if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
      let j = lx.pos + 1;
      while (j < b.length && !isWhite(b[j]!) && !isDelimiter(b[j]!)) j++;
      out.push(parseNumber(b, lx.pos, j));
      lx.pos = j;
    } else throw new UnsupportedText('unexpected value in TJ array');
  }
}

/** After BI: the image dictionary, ID, the raw data, then EI standing alone. */
function skipInlineImage(b: Uint8Array, from: number): number {
  let i = from;
  for (; i + 1 < b.length; i++) {
    if (b[i] === 0x49 && b[i + 1] === 0x44 && isWhite(b[i - 1]!) && (i + 2 >= b.length || isWhite(b[i + 2]!))) break;
  }
  for (i += 3; i + 1 < b.length; i++) {
    if (b[i] === 0x45 && b[i + 1] === 0x49 && isWhite(b[i - 1]!) && (i + 2 >= b.length || isWhite(b[i + 2]!) || isDelimiter(b[i + 2]!))) return i + 2;
  }
  throw new PdfSyntaxError('unterminated inline image');
}
