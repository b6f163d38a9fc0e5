/**
 * Glyph names of a simple font's codes from its named /Encoding and /Differences, and their
 * text, for fonts with no ToUnicode. Deliberately small: printable ASCII of the standard
 * encodings and the glyph names that spell digits, letters and common punctuation. A code
 * outside that is unknown, and the page goes to pdfjs, whose full glyph list covers it.
 */
import type { PdfFile } from './pdf-file.js';
import { isDict, nameOf, PdfName, type PdfValue } from './pdf-objects.js';

/** Glyph names for punctuation as the Adobe Glyph List spells them. */
const PUNCTUATION: Record<string, string> = {
  space: ' ', exclam: '!', quotedbl: '"', numbersign: '#', dollar: '$', percent: '%', ampersand: '&',
  quotesingle: "'", quoteright: '\u2019', quoteleft: '\u2018', parenleft: '(', parenright: ')', asterisk: '*',
  plus: '+', comma: ',', hyphen: '-', period: '.', slash: '/', colon: ':', semicolon: ';', less: '<',
  equal: '=', greater: '>', question: '?', at: '@', bracketleft: '[', backslash: '\\', bracketright: ']',
  asciicircum: '^', underscore: '_', grave: '`', braceleft: '{', bar: '|', braceright: '}', asciitilde: '~',
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};

/** The name each printable ASCII character has in WinAnsi and MacRoman (0x20 … 0x7e). */
const ASCII_NAMES: string[] = [];
for (const [name, text] of Object.entries(PUNCTUATION)) if (text.charCodeAt(0) < 0x80) ASCII_NAMES[text.charCodeAt(0)] = name;
for (let c = 0x41; c <= 0x5a; c++) ASCII_NAMES[c] = String.fromCharCode(c);
for (let c = 0x61; c <= 0x7a; c++) ASCII_NAMES[c] = String.fromCharCode(c);

export type CodeGlyph = { name: string; text: string | undefined };

/** code → glyph name and text, or null when the encoding is not one read here. */
export function simpleEncoding(file: PdfFile, enc: PdfValue | undefined, standardDefault = false): ((code: number) => CodeGlyph | undefined) | null {
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
  } else if (enc !== undefined && enc !== null) return null;
  // No base encoding: a standard font's own is StandardEncoding; any other font's is unknown.
  if (base === undefined && standardDefault) base = 'StandardEncoding';
  if (base !== undefined && base !== 'WinAnsiEncoding' && base !== 'StandardEncoding' && base !== 'MacRomanEncoding') return null;
  if (base === undefined && differences.size === 0) return null;
  return (code) => {
    const name = differences.get(code) ?? baseName(base, code);
    return name === undefined ? undefined : { name, text: glyphText(name) };
  };
}

function baseName(base: string | undefined, code: number): string | undefined {
  if (base === undefined) return undefined;
  if (base === 'StandardEncoding' && code === 0x27) return 'quoteright';
  if (base === 'StandardEncoding' && code === 0x60) return 'quoteleft';
  return ASCII_NAMES[code];
}

function glyphText(name: string): string | undefined {
  if (/^[A-Za-z]$/.test(name)) return name;
  const known = PUNCTUATION[name];
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
