/**
 * Ruling lines straight from a page's content stream: a small scanner that follows only the
 * graphics state (q Q cm), path construction (m l c v y h re) and path painting (S s f F f* B
 * B* b b* n), and steps into form XObjects (Do). Text, fonts and images are skipped over
 * unread — that is the whole point: pdfjs's operator list converts every font on the page
 * first, which cost as much as the text extraction itself.
 */
import { isDelimiter, isWhite, Lexer, nameOf, PdfStream, PdfSyntaxError, type PdfDict } from './pdf-objects.js';
import type { PdfFile } from './pdf-file.js';
import { OP_B, OP_BI, OP_BSTAR, OP_Do, OP_F, OP_Q, OP_S, OP_b, OP_bSTAR, OP_c, OP_cm, OP_f, OP_fSTAR, OP_h, OP_l, OP_m, OP_n, OP_q, OP_re, OP_s, OP_v, OP_y, operatorAt } from './pdf-operators.js';
import { pathRulings, type Ruling } from './pdf-rulings.js';
import { multiply, type Matrix } from './pdf-matrix.js';


/** Form XObjects nest; deeper than this is a loop or an attack. */
const MAX_FORM_DEPTH = 12;
const MAX_OPERANDS = 16;

interface Subpath {
  /** x, y pairs in user space. */
  pts: number[];
  curved: boolean;
}

export function contentRulings(file: PdfFile, content: Uint8Array, resources: PdfDict | undefined, toPage: (x: number, y: number) => [number, number]): Ruling[] {
  const out: Ruling[] = [];
  scan(file, content, resources, [1, 0, 0, 1, 0, 0], toPage, out, 0);
  return out;
}

function scan(file: PdfFile, b: Uint8Array, resources: PdfDict | undefined, start: Matrix, toPage: (x: number, y: number) => [number, number], out: Ruling[], depth: number): void {
  if (depth > MAX_FORM_DEPTH) throw new PdfSyntaxError('form XObjects nested too deep');
  let ctm: Matrix = start;
  const stack: Matrix[] = [];
  const ops = new Float64Array(MAX_OPERANDS);
  let n = 0;
  let lastName = '';
  let paths: Subpath[] = [];
  let cur: Subpath | null = null;
  const lx = new Lexer(b, 0);

  const endSub = () => {
    if (cur && !cur.curved && cur.pts.length >= 4) paths.push(cur);
    cur = null;
  };
  const closeSub = () => {
    // As pdfjs does: a closed polygon gets its first point again; a new subpath starts there.
    if (!cur) return;
    const x = cur.pts[0]!;
    const y = cur.pts[1]!;
    if (cur.pts.length > 4) cur.pts.push(x, y);
    endSub();
    cur = { pts: [x, y], curved: false };
  };
  const paint = (stroked: boolean) => {
    endSub();
    const [a, bb, c, d, e, f] = ctm;
    for (const p of paths) {
      const pts: [number, number][] = [];
      for (let k = 0; k < p.pts.length; k += 2) {
        const x = p.pts[k]!;
        const y = p.pts[k + 1]!;
        pts.push(toPage(a * x + c * y + e, bb * x + d * y + f));
      }
      pathRulings(pts, stroked, out);
    }
    paths = [];
    cur = null;
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
      if (ch === 0x2f) lastName = lx.name();
      else if (ch === 0x28) lx.skipLiteralString();
      else if (ch === 0x3c && b[i + 1] === 0x3c) skipNested(lx, 0x3c, 0x3e, true);
      else if (ch === 0x3c) lx.skipHexString();
      else if (ch === 0x5b) skipNested(lx, 0x5b, 0x5d, false);
      else lx.pos = i + 1;
      i = lx.pos;
      if (n < MAX_OPERANDS) ops[n] = NaN;
      n++;
      continue;
    }
    let j = i + 1;
    while (j < b.length && !isWhite(b[j]!) && !isDelimiter(b[j]!)) j++;
    const len = j - i;
    const op = operatorAt(b, i, len);
    i = j;
    switch (op) {
      case OP_q:
        stack.push(ctm);
        break;
      case OP_Q:
        ctm = stack.pop() ?? ctm;
        break;
      case OP_cm:
        if (n === 6) ctm = multiply(ctm, [ops[0]!, ops[1]!, ops[2]!, ops[3]!, ops[4]!, ops[5]!]);
        break;
      case OP_m:
        if (n === 2) {
          endSub();
          cur = { pts: [ops[0]!, ops[1]!], curved: false };
        }
        break;
      case OP_l:
        if (n === 2) {
          cur ??= { pts: [], curved: false };
          cur.pts.push(ops[0]!, ops[1]!);
        }
        break;
      case OP_c:
      case OP_v:
      case OP_y:
        if (cur) cur.curved = true;
        break;
      case OP_h:
        closeSub();
        break;
      case OP_re:
        if (n === 4) {
          endSub();
          const [x, y, w, h] = [ops[0]!, ops[1]!, ops[2]!, ops[3]!];
          cur = { pts: w === 0 || h === 0 ? [x, y, x + w, y + h] : [x, y, x + w, y, x + w, y + h, x, y + h], curved: false };
          closeSub();
        }
        break;
      case OP_S:
      case OP_B:
      case OP_BSTAR:
        paint(true);
        break;
      case OP_s:
      case OP_b:
      case OP_bSTAR:
        closeSub();
        paint(true);
        break;
      case OP_f:
      case OP_F:
      case OP_fSTAR:
        paint(false);
        break;
      case OP_n:
        paths = [];
        cur = null;
        break;
      case OP_BI:
        i = skipInlineImage(b, i);
        break;
      case OP_Do:
        doForm(file, lastName, resources, ctm, toPage, out, depth);
        break;
    }
    n = 0;
  }
}

function doForm(file: PdfFile, name: string, resources: PdfDict | undefined, ctm: Matrix, toPage: (x: number, y: number) => [number, number], out: Ruling[], depth: number): void {
  const xobjects = file.dict(resources?.get('XObject'));
  const x = file.resolve(xobjects?.get(name));
  if (!(x instanceof PdfStream) || nameOf(x.dict.get('Subtype')) !== 'Form') return;
  const m = file.resolve(x.dict.get('Matrix'));
  const matrix = Array.isArray(m) && m.length === 6 && m.every((v) => typeof v === 'number') ? (m as Matrix) : null;
  const inner = file.dict(x.dict.get('Resources')) ?? resources;
  scan(file, file.decode(x), inner, matrix ? multiply(ctm, matrix) : ctm, toPage, out, depth + 1);
}

function parseNumber(b: Uint8Array, from: number, to: number): number {
  let i = from;
  let sign = 1;
  // Producers write "--5" or "+-5" now and then; the last sign counts, as in pdfjs.
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

/** Skips `<< … >>` or `[ … ]`, strings inside included. */
function skipNested(lx: Lexer, open: number, close: number, double: boolean): void {
  const b = lx.bytes;
  let depth = 0;
  let i = lx.pos;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x28) {
      lx.pos = i;
      lx.skipLiteralString();
      i = lx.pos;
      continue;
    }
    if (double && c === 0x3c && b[i + 1] !== 0x3c) {
      // a hex string: its closing > is not half of a >>
      const end = b.indexOf(0x3e, i);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    if (c === open && (!double || b[i + 1] === open)) {
      depth++;
      i += double ? 2 : 1;
      continue;
    }
    if (c === close && (!double || b[i + 1] === close)) {
      depth--;
      i += double ? 2 : 1;
      if (depth === 0) {
        lx.pos = i;
        return;
      }
      continue;
    }
    i++;
  }
  throw new PdfSyntaxError('unterminated dictionary or array');
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
