/**
 * Advance widths of Helvetica, the standard font PDF writers most often name without /Widths
 * (reportlab does, next to STSong-Light), for the glyphs of printable ASCII, in 1/1000 em, from
 * Adobe's published Core 14 font metrics. Other standard fonts without /Widths go to pdfjs.
 */
const HELVETICA: Record<string, number> = {
  space: 278, exclam: 278, quotedbl: 355, numbersign: 556, dollar: 556, percent: 889, ampersand: 667,
  quotesingle: 191, quoteright: 222, quoteleft: 222, parenleft: 333, parenright: 333, asterisk: 389,
  plus: 584, comma: 278, hyphen: 333, period: 278, slash: 278, zero: 556, one: 556, two: 556, three: 556,
  four: 556, five: 556, six: 556, seven: 556, eight: 556, nine: 556, colon: 278, semicolon: 278, less: 584,
  equal: 584, greater: 584, question: 556, at: 1015, A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778,
  H: 722, I: 278, J: 500, K: 667, L: 556, M: 833, N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611,
  U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611, bracketleft: 278, backslash: 278, bracketright: 278,
  asciicircum: 469, underscore: 556, grave: 333, a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556,
  h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278,
  u: 556, v: 500, w: 722, x: 500, y: 500, z: 500, braceleft: 334, bar: 260, braceright: 334, asciitilde: 584,
};

/** Width by glyph name for a standard font we know the metrics of, else null. */
export function standardWidths(baseFont: string | undefined): ((glyph: string) => number | undefined) | null {
  if (baseFont !== 'Helvetica') return null;
  return (glyph) => HELVETICA[glyph];
}
