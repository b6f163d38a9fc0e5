/**
 * What text extraction needs of a font, read from its dictionaries alone (the font program is
 * never opened): how bytes split into codes, each code's Unicode text and advance width. Only
 * what maps with certainty is accepted — a ToUnicode CMap, or a simple font's named encoding —
 * and everything else throws UnsupportedText so the page goes to pdfjs.
 */
import { predefinedCMap, type PredefinedCMap } from './pdf-bcmap.js';
import { parseCMap, type CodeSpace } from './pdf-cmap.js';
import type { PdfFile } from './pdf-file.js';
import { nameOf, PdfStream, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-objects.js';
import { simpleEncoding } from './pdf-encoding.js';
import { UnsupportedText } from './pdf-font-error.js';
import { programMatrix } from './pdf-font-program.js';
import { standardWidths } from './pdf-std-metrics.js';

export { UnsupportedText };

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
  // An embedded CMap stream, or vertical writing, is left to pdfjs.
  if (!encoding) throw new UnsupportedText('embedded CMap');
  const identity = encoding === 'Identity-H';
  const cmap = identity ? null : predefinedCMap(encoding);
  if (encoding === 'Identity-V' || cmap?.vertical) throw new UnsupportedText(`vertical CMap ${encoding}`);
  const cidOf = cmap ? (code: number) => cmap.cid.get(code) : (code: number) => code;
  const kids = file.resolve(dict.get('DescendantFonts'));
  const cid = Array.isArray(kids) ? file.dict(kids[0]) : undefined;
  if (!cid) throw new UnsupportedText('no descendant font');
  const text = toUnicode(file, dict) ?? collectionUnicode(file, cid, identity);
  const dw = file.resolve(cid.get('DW'));
  const widths = cidWidths(file, file.resolve(cid.get('W')));
  const defaultWidth = typeof dw === 'number' ? Math.ceil(dw) : 1000;
  const ucs = text instanceof Map ? null : text;
  return makeFont({
    name: fontName(file, cid, file.dict(cid.get('FontDescriptor')), false),
    type3: false,
    matrix: programMatrix(file, file.dict(cid.get('FontDescriptor'))) ?? fontMatrix(file, cid),
    codeSpace: cmap ? cmap.codeSpace : [{ bytes: 2, low: 0, high: 0xffff }],
    text: ucs ? (code) => {
      const c = cidOf(code);
      return c === undefined ? undefined : ucs.unicode.get(c);
    } : (code) => (text as Map<number, string>).get(code),
    // a code the CMap does not map keeps its own value as the CID, as in pdfjs
    width: (code) => widths.get(cidOf(code) ?? code) ?? defaultWidth,
  });
}

/**
 * Without ToUnicode the text comes from the character collection: CID → Unicode through its
 * UCS2 CMap (Adobe-GB1-UCS2 for STSong-Light). pdfjs does this for a predefined CMap, and for
 * Identity-H only with one of the four Adobe CJK collections; so do we.
 */
function collectionUnicode(file: PdfFile, cid: PdfDict, identity: boolean): PredefinedCMap {
  const info = file.dict(cid.get('CIDSystemInfo'));
  const registry = file.resolve(info?.get('Registry'));
  const ordering = file.resolve(info?.get('Ordering'));
  if (typeof registry !== 'string' || typeof ordering !== 'string') throw new UnsupportedText('no ToUnicode and no CIDSystemInfo');
  if (identity && !(registry === 'Adobe' && ['GB1', 'CNS1', 'Japan1', 'Korea1'].includes(ordering))) throw new UnsupportedText('Identity-H without ToUnicode');
  return predefinedCMap(`${registry}-${ordering}-UCS2`);
}

function simpleFont(file: PdfFile, dict: PdfDict, type3: boolean): TextFont {
  const unicode = toUnicode(file, dict);
  const descriptor = file.dict(dict.get('FontDescriptor'));
  const embedded = !!descriptor && (descriptor.has('FontFile') || descriptor.has('FontFile2') || descriptor.has('FontFile3'));
  const baseFont = nameOf(file.resolve(dict.get('BaseFont')));
  const w = file.resolve(dict.get('Widths'));
  // A standard font may omit /Widths (and its descriptor): its published metrics apply.
  const standard = !descriptor && !type3 && !Array.isArray(w) ? standardWidths(baseFont) : null;
  // Without ToUnicode, a named encoding tells the text only when no font program overrides it.
  const names = !embedded && !type3 ? simpleEncoding(file, file.resolve(dict.get('Encoding')), !!standard) : null;
  if (!unicode && !names) throw new UnsupportedText('simple font without a certain encoding');
  let width: (code: number) => number | undefined;
  if (Array.isArray(w)) {
    const first = file.resolve(dict.get('FirstChar'));
    const firstChar = typeof first === 'number' ? first : 0;
    const widths = new Map<number, number>();
    w.forEach((x, i) => {
      const v = file.resolve(x);
      if (typeof v === 'number') widths.set(firstChar + i, v);
    });
    // pdfjs fills a Type 1 program's missing widths from its glyphs, which we do not read.
    const last = file.resolve(dict.get('LastChar'));
    if (descriptor?.has('FontFile') && (typeof last !== 'number' || widths.size < last - firstChar + 1)) throw new UnsupportedText('Type 1 font with widths missing');
    const missing = descriptor ? file.resolve(descriptor.get('MissingWidth')) : undefined;
    const defaultWidth = typeof missing === 'number' ? missing : 0;
    width = (code) => widths.get(code) ?? defaultWidth;
  } else if (standard && names) {
    // A glyph outside our metrics table: its width is pdfjs's to know.
    width = (code) => {
      const g = names(code);
      return g ? standard(g.name) : undefined;
    };
  } else throw new UnsupportedText('simple font without /Widths');
  return makeFont({
    name: type3 ? fontName(file, dict, descriptor, true) : (baseFont ?? fontName(file, dict, descriptor, false)),
    type3,
    matrix: (type3 ? null : programMatrix(file, descriptor)) ?? fontMatrix(file, dict),
    codeSpace: null,
    text: (code) => unicode?.get(code) ?? names?.(code)?.text,
    width,
  });
}

function makeFont(spec: {
  name: string;
  type3: boolean;
  matrix: number[];
  codeSpace: CodeSpace[] | null;
  text: (code: number) => string | undefined;
  width: (code: number) => number | undefined;
}): TextFont {
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
        const width = unicode ? spec.width(code) : undefined;
        g = unicode && width !== undefined ? { unicode, width, ...category(unicode) } : null;
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
