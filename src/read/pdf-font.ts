/**
 * What text extraction needs of a font, read from its dictionaries alone (the font program is
 * never opened): how bytes split into codes, each code's Unicode text and advance width. Only
 * what maps with certainty is accepted — a ToUnicode CMap, or a simple font's named encoding —
 * and everything else throws UnsupportedText so the page goes to pdfjs.
 */
import { parseCMap, type CodeSpace } from './pdf-cmap.js';
import type { PdfFile } from './pdf-file.js';
import { nameOf, PdfStream, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-objects.js';
import { simpleEncoding } from './pdf-encoding.js';

/** A font or page this reader declines; pdfjs reads it instead. */
export class UnsupportedText extends PdfSyntaxError {}

export interface Glyph {
  unicode: string;
  /** Advance in glyph space (1/1000 em unless the font matrix says otherwise). */
  width: number;
  /** The categories pdfjs sorts glyphs by: whitespace, zero-width mark, invisible format mark. */
  whitespace: boolean;
  diacritic: boolean;
  invisible: boolean;
}

export interface TextFont {
  /** The font's name, for telling a font change from a second resource naming the same font. */
  name: string;
  type3: boolean;
  /** Glyph space → text space, horizontal component (0.001 but for Type3 fonts). */
  scale: number;
  /** The whole /FontMatrix, for Type3 fonts whose glyph height pdfjs derives from it. */
  matrix: number[];
  /** Code space ranges of a composite font; null for one-byte codes. */
  codeSpace: CodeSpace[] | null;
  /** The glyph for a code, or null when its text is not known for certain. */
  glyph(code: number): Glyph | null;
}

const IDENTITY_FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
/** Composite-font encodings whose code is the CID; only these are read here. */
const IDENTITY_CMAPS = new Set(['Identity-H']);

const fonts = new WeakMap<PdfDict, TextFont | UnsupportedText>();

/** The font for a dictionary, built once per document (the file keeps resolved objects). */
export function textFont(file: PdfFile, dict: PdfDict): TextFont {
  let f = fonts.get(dict);
  if (!f) {
    try {
      f = buildFont(file, dict);
    } catch (e) {
      if (!(e instanceof PdfSyntaxError)) throw e;
      f = e instanceof UnsupportedText ? e : new UnsupportedText(e.message);
    }
    fonts.set(dict, f);
  }
  if (f instanceof UnsupportedText) throw f;
  return f;
}

function buildFont(file: PdfFile, dict: PdfDict): TextFont {
  const subtype = nameOf(dict.get('Subtype'));
  if (subtype === 'Type0') return compositeFont(file, dict);
  if (subtype === 'Type1' || subtype === 'TrueType' || subtype === 'MMType1' || subtype === 'Type3') return simpleFont(file, dict, subtype === 'Type3');
  throw new UnsupportedText(`font subtype ${subtype}`);
}

function compositeFont(file: PdfFile, dict: PdfDict): TextFont {
  const encoding = nameOf(file.resolve(dict.get('Encoding')));
  // Vertical writing and CMaps that turn codes into CIDs (UniGB-UCS2-H, GBK-EUC-H …) need the
  // predefined CMap files for the widths: pdfjs has them.
  if (!encoding || !IDENTITY_CMAPS.has(encoding)) throw new UnsupportedText(`CMap ${encoding ?? 'embedded'}`);
  const kids = file.resolve(dict.get('DescendantFonts'));
  const cid = Array.isArray(kids) ? file.dict(kids[0]) : undefined;
  if (!cid) throw new UnsupportedText('no descendant font');
  const unicode = toUnicode(file, dict);
  if (!unicode) throw new UnsupportedText('Identity-H font without ToUnicode');
  const dw = file.resolve(cid.get('DW'));
  const widths = cidWidths(file, file.resolve(cid.get('W')));
  const defaultWidth = typeof dw === 'number' ? Math.ceil(dw) : 1000;
  const matrix = fontMatrix(file, cid);
  return makeFont({
    name: fontName(file, cid, file.dict(cid.get('FontDescriptor')), false),
    type3: false,
    matrix,
    codeSpace: [{ bytes: 2, low: 0, high: 0xffff }],
    text: (code) => unicode.get(code),
    width: (code) => widths.get(code) ?? defaultWidth,
  });
}

function simpleFont(file: PdfFile, dict: PdfDict, type3: boolean): TextFont {
  const unicode = toUnicode(file, dict);
  const descriptor = file.dict(dict.get('FontDescriptor'));
  const embedded = !!descriptor && (descriptor.has('FontFile') || descriptor.has('FontFile2') || descriptor.has('FontFile3'));
  // Without ToUnicode, a named encoding tells the text only when no font program overrides it.
  const fallback = !unicode && !embedded && !type3 ? simpleEncoding(file, file.resolve(dict.get('Encoding'))) : null;
  if (!unicode && !fallback) throw new UnsupportedText('simple font without a certain encoding');
  const w = file.resolve(dict.get('Widths'));
  // The standard 14 fonts may omit /Widths; their metrics live in pdfjs.
  if (!Array.isArray(w)) throw new UnsupportedText('simple font without /Widths');
  const first = file.resolve(dict.get('FirstChar'));
  const firstChar = typeof first === 'number' ? first : 0;
  const widths = new Map<number, number>();
  w.forEach((x, i) => {
    const v = file.resolve(x);
    if (typeof v === 'number') widths.set(firstChar + i, v);
  });
  const missing = descriptor ? file.resolve(descriptor.get('MissingWidth')) : undefined;
  const defaultWidth = typeof missing === 'number' ? missing : 0;
  return makeFont({
    name: fontName(file, dict, descriptor, type3),
    type3,
    matrix: fontMatrix(file, dict),
    codeSpace: null,
    text: (code) => unicode?.get(code) ?? fallback?.(code),
    width: (code) => widths.get(code) ?? defaultWidth,
  });
}

function makeFont(spec: { name: string; type3: boolean; matrix: number[]; codeSpace: CodeSpace[] | null; text: (code: number) => string | undefined; width: (code: number) => number }): TextFont {
  const cache = new Map<number, Glyph | null>();
  return {
    name: spec.name,
    type3: spec.type3,
    scale: spec.matrix[0]!,
    matrix: spec.matrix,
    codeSpace: spec.codeSpace,
    glyph(code) {
      let g = cache.get(code);
      if (g === undefined) {
        const unicode = spec.text(code);
        // An empty mapping makes pdfjs show the raw code: not text we can vouch for.
        g = unicode ? { unicode, width: spec.width(code), ...category(unicode) } : null;
        cache.set(code, g);
      }
      return g;
    },
  };
}

/** pdfjs's test: leading whitespace, a nonspacing mark anywhere, or a trailing format char. */
const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

function category(s: string): { whitespace: boolean; diacritic: boolean; invisible: boolean } {
  const m = SPECIAL.exec(s);
  return { whitespace: !!m?.[1], diacritic: !!m?.[2], invisible: !!m?.[3] };
}

function toUnicode(file: PdfFile, dict: PdfDict): Map<number, string> | null {
  const v = file.resolve(dict.get('ToUnicode'));
  if (v === undefined || v === null) return null;
  // A name here (Identity-H) promises nothing about the text.
  if (!(v instanceof PdfStream)) throw new UnsupportedText('ToUnicode is not a stream');
  const map = parseCMap(file.decode(v)).unicode;
  return map.size > 0 ? map : null;
}

/** /W: `c [w1 w2 …]` and `c_first c_last w`, indexed by CID. */
function cidWidths(file: PdfFile, w: PdfValue | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (!Array.isArray(w)) return out;
  for (let i = 0; i < w.length; i++) {
    let start = file.resolve(w[i++]);
    if (typeof start !== 'number' || !Number.isInteger(start)) break;
    const next = file.resolve(w[i]);
    if (Array.isArray(next)) {
      for (const x of next) {
        const v = file.resolve(x);
        if (typeof v === 'number') out.set(start, v);
        start++;
      }
    } else if (typeof next === 'number' && Number.isInteger(next)) {
      const v = file.resolve(w[++i]);
      if (typeof v !== 'number') continue;
      if (next - start > 0x10000) throw new UnsupportedText('width range too large');
      for (let c = start; c <= next; c++) out.set(c, v);
    } else break;
  }
  return out;
}

function fontMatrix(file: PdfFile, dict: PdfDict): number[] {
  const m = file.resolve(dict.get('FontMatrix'));
  if (!Array.isArray(m)) return IDENTITY_FONT_MATRIX;
  const nums = m.map((x) => file.resolve(x));
  if (nums.length !== 6 || !nums.every((x) => typeof x === 'number' && Number.isFinite(x))) return IDENTITY_FONT_MATRIX;
  return nums as number[];
}

/** The name pdfjs gives the font: the descriptor's FontName, or BaseFont. */
function fontName(file: PdfFile, dict: PdfDict, descriptor: PdfDict | undefined, type3: boolean): string {
  const fromDescriptor = nameOf(file.resolve(descriptor?.get('FontName')));
  const base = nameOf(file.resolve(dict.get('BaseFont')));
  if (type3) return fromDescriptor ?? 'Type3';
  return base ?? fromDescriptor ?? '';
}
