/**
 * Text of a simple font's codes from its named /Encoding and /Differences, for the fonts with
 * no ToUnicode. Deliberately small: printable ASCII of the standard encodings and the glyph
 * names that spell digits, letters and common punctuation. A code outside that is unknown
 * (null), and the page goes to pdfjs, whose full glyph list covers it.
 */
import type { PdfFile } from './pdf-file.js';
import { isDict, nameOf, PdfName, type PdfValue } from './pdf-objects.js';

/** Glyph names for punctuation as the Adobe Glyph List spells them. */
const NAMES: Record<string, string> = {
  space: ' ', exclam: '!', quotedbl: '"', numbersign: '#', dollar: '$', percent: '%', ampersand: '&',
  quotesingle: "'", quoteright: '\u2019', quoteleft: '\u2018', parenleft: '(', parenright: ')', asterisk: '*',
  plus: '+', comma: ',', hyphen: '-', period: '.', slash: '/', colon: ':', semicolon: ';', less: '<',
  equal: '=', greater: '>', question: '?', at: '@', bracketleft: '[', backslash: '\\', bracketright: ']',
  asciicircum: '^', underscore: '_', grave: '`', braceleft: '{', bar: '|', braceright: '}', asciitilde: '~',
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};

/** code → text, or null when the encoding is not one read here. */
export function simpleEncoding(file: PdfFile, enc: PdfValue | undefined): ((code: number) => string | undefined) | null {
  let base: string | undefined;
  const differences = new Map<number, string>();
  if (enc instanceof PdfName) base = enc.name;
  else if (isDict(enc)) {
    base = nameOf(file.resolve(enc.get('BaseEncoding')));
    const d = file.resolve(enc.get('Differences'));
    if (Array.isArray(d)) {
      let code = 0;
      for (const x of d) {
        const v = file.resolve(x);
        if (typeof v === 'number') code = v;
        else if (v instanceof PdfName) differences.set(code++, v.name);
      }
    }
  } else return null;
  if (base !== undefined && base !== 'WinAnsiEncoding' && base !== 'StandardEncoding' && base !== 'MacRomanEncoding') return null;
  // A dictionary without BaseEncoding leaves the font's built-in encoding: not known here.
  if (base === undefined && differences.size === 0) return null;
  return (code) => {
    const name = differences.get(code);
    if (name !== undefined) return glyphText(name);
    if (base === undefined || code < 0x20 || code > 0x7e) return undefined;
    if (base === 'StandardEncoding' && code === 0x27) return '\u2019';
    if (base === 'StandardEncoding' && code === 0x60) return '\u2018';
    return String.fromCharCode(code);
  };
}

function glyphText(name: string): string | undefined {
  if (/^[A-Za-z]$/.test(name)) return name;
  const known = NAMES[name];
  if (known !== undefined) return known;
  const uni = /^uni([0-9A-F]{4})$/.exec(name);
  if (uni) return String.fromCharCode(parseInt(uni[1]!, 16));
  const u = /^u([0-9A-F]{4,6})$/.exec(name);
  if (u) {
    const cp = parseInt(u[1]!, 16);
    return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : undefined;
  }
  return undefined;
}
