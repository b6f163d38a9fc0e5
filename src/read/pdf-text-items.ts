/**
 * Glyphs → text items, by the rules pdfjs's getTextContent applies (pdfjs-dist 5.6): a glyph
 * joins the current item when it follows on the same line; a gap of 0.102–0.6 em inside a
 * line becomes a space in the item, a wider one a separate whitespace item; a move back or to
 * another line ends the item. The thresholds and their order are pdfjs's, so the items — and
 * so the cells and lines built from them — are the ones pdfjs would give.
 */
import { UnsupportedText, type TextFont } from './pdf-font.js';

export interface TextState {
  ctm: number[];
  tm: number[];
  tlm: number[];
  font: TextFont | null;
  fontRes: string | null;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  hScale: number;
  rise: number;
}

/** pdfjs's text item, the fields the layout code reads. */
export interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT = 0.25;
const IDENTITY_FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
/** Right-to-left scripts: pdfjs reorders those runs; we do not. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

export class TextItems {
  private initialized = false;
  private str: string[] = [];
  private totalWidth = 0;
  private width = 0;
  private height = 0;
  private transform: number[] = [];
  private prevTransform: number[] | null = null;
  private prevRise = 0;
  private advanceScale = 0;
  private trackingSpaceMin = Infinity;
  private notASpace = -Infinity;
  private negativeSpaceMax = -Infinity;
  private spaceInFlowMin = 0;
  private spaceInFlowMax = 0;
  /** The last two characters seen, for pdfjs's "a space between two words" test. */
  private last: [string, string] = [' ', ' '];
  private lastPos = 0;
  /** Font and size the current item started with (pdfjs's currentTextState). */
  private itemFont: { size: number; res: string | null; font: TextFont | null } | null = null;

  constructor(
    private readonly out: TextItem[],
    private readonly viewBox: number[],
  ) {}

  /** Shows one string (code bytes) with `extra` text-space units after its last glyph. */
  show(st: TextState, font: TextFont, chars: Uint8Array, extra: number): void {
    const cur = this.itemFont;
    if (!cur) this.itemFont = { size: st.size, res: st.fontRes, font: st.font };
    else if (cur.size !== st.size || (cur.res !== st.fontRes && (!cur.font || cur.font.name !== font.name))) {
      this.flush();
      this.itemFont = { size: st.size, res: st.fontRes, font: st.font };
    }
    if (font.type3 && st.size <= 1 && !sameMatrix(font.matrix, IDENTITY_FONT_MATRIX)) throw new UnsupportedText('Type3 glyph height from its bounding box');
    const base = st.charSpacing;
    if (chars.length === 0) {
      const cs = base + extra;
      if (cs) advance(st, cs * st.hScale);
      return;
    }
    const codes = splitCodes(font, chars);
    const scale = font.scale * st.size;
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k]!;
      const g = font.glyph(code);
      if (!g) throw new UnsupportedText(`no text for code ${code}`);
      if (g.invisible) continue;
      let cs = base + (k + 1 === codes.length ? extra : 0);
      let dim = g.width * scale;
      if (code === 0x20) cs += st.wordSpacing;
      if (g.whitespace) {
        cs += dim;
        advance(st, cs * st.hScale);
        this.saveLastChar(' ');
        continue;
      }
      if (!g.diacritic && !this.compare(st, dim)) {
        advance(st, dim * st.hScale);
        continue;
      }
      this.ensure(st);
      if (g.diacritic) dim = 0;
      dim *= st.hScale;
      advance(st, dim);
      this.width += dim;
      if (dim) {
        this.prevTransform = current(st);
        this.prevRise = st.rise;
      }
      if (this.saveLastChar(g.unicode)) this.str.push(' ');
      this.str.push(g.unicode);
      if (cs) advance(st, cs * st.hScale);
    }
  }

  updateAdvanceScale(st: TextState): void {
    if (!this.initialized) return;
    const scale = Math.hypot(st.tlm[0]!, st.tlm[1]!) * Math.hypot(st.ctm[0]!, st.ctm[1]!);
    if (scale === this.advanceScale) return;
    this.totalWidth += this.width * this.advanceScale;
    this.width = 0;
    this.advanceScale = scale;
  }

  flush(): void {
    if (!this.initialized) return;
    this.totalWidth += this.width * this.advanceScale;
    const str = this.str.join('');
    if (RTL.test(str)) throw new UnsupportedText('right-to-left text');
    this.out.push({ str, width: Math.abs(this.totalWidth), height: Math.abs(this.height), transform: this.transform });
    this.initialized = false;
    this.str.length = 0;
  }

  private ensure(st: TextState): void {
    if (this.initialized) return;
    const trm = current(st);
    this.transform = trm;
    this.width = this.totalWidth = 0;
    this.height = Math.hypot(trm[2]!, trm[3]!);
    this.advanceScale = Math.hypot(st.ctm[0]!, st.ctm[1]!) * Math.hypot(st.tlm[0]!, st.tlm[1]!);
    const size = st.size;
    this.trackingSpaceMin = size * TRACKING_SPACE;
    this.notASpace = size * NOT_A_SPACE;
    this.negativeSpaceMax = size * NEGATIVE_SPACE;
    this.spaceInFlowMin = size * SPACE_IN_FLOW_MIN;
    this.spaceInFlowMax = size * SPACE_IN_FLOW_MAX;
    this.initialized = true;
  }

  /** Whether to show the glyph (it is on the page), ending or spacing the item as needed. */
  private compare(st: TextState, glyphWidth: number): boolean {
    const t = current(st);
    let x = t[4]!;
    let y = t[5]!;
    const vb = this.viewBox;
    if (x + glyphWidth < vb[0]! || x > vb[2]! || y < vb[1]! || y > vb[3]!) return false;
    if (!this.prevTransform) return true;
    const p = this.prevTransform;
    let lx = p[4]!;
    let ly = p[5]!;
    if (lx === x && ly === y) return true;
    if (t[0] && t[1] === 0 && t[2] === 0) {
      if (t[0] < 0) [x, y, lx, ly] = [-x, -y, -lx, -ly];
    } else if (t[1] && t[0] === 0 && t[3] === 0) {
      if (t[1] > 0) [x, y, lx, ly] = [y, x, ly, lx];
      else [x, y, lx, ly] = [-y, -x, -ly, -lx];
    } else {
      [x, y] = unrotate(x, y, t);
      [lx, ly] = unrotate(lx, ly, p);
    }
    const ax = (x - lx) / this.advanceScale;
    const ay = y - ly;
    const orient = Math.sign(this.width || this.totalWidth);
    if (ax < orient * this.negativeSpaceMax) {
      if (Math.abs(ay) > 0.5 * this.height) {
        this.appendEOL(st);
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    const riseDelta = st.rise - this.prevRise;
    const ayCorrected = riseDelta === 0 ? ay : ay - (t[3]! / st.size) * riseDelta;
    if (Math.abs(ayCorrected) > this.height) {
      this.appendEOL(st);
      return true;
    }
    if (ax <= orient * this.notASpace) this.resetLastChars();
    if (ax <= orient * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(Math.abs(ax), this.prevTransform);
      } else this.width += ax;
    } else if (!this.addFakeSpaces(st, ax, this.prevTransform, orient)) {
      if (this.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(Math.abs(ax), this.prevTransform);
      } else this.width += ax;
    }
    if (Math.abs(ay) > this.height * VERTICAL_SHIFT) this.flush();
    return true;
  }

  private addFakeSpaces(st: TextState, width: number, prev: number[] | null, orient: number): boolean {
    if (orient * this.spaceInFlowMin <= width && width <= orient * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars();
        this.str.push(' ');
      }
      return false;
    }
    this.flush();
    this.resetLastChars();
    this.pushWhitespace(Math.abs(width), prev ?? current(st));
    return true;
  }

  private appendEOL(st: TextState): void {
    this.resetLastChars();
    if (this.initialized) this.flush();
    else this.out.push({ str: '', width: 0, height: 0, transform: current(st) });
  }

  private pushWhitespace(width: number, transform: number[] | null): void {
    this.out.push({ str: ' ', width, height: 0, transform: transform ?? [] });
  }

  private saveLastChar(ch: string): boolean {
    const next = (this.lastPos + 1) % 2;
    const ret = this.last[this.lastPos] !== ' ' && this.last[next] === ' ';
    this.last[this.lastPos] = ch;
    this.lastPos = next;
    return ret;
  }

  private shouldAddWhitespace(): boolean {
    return this.last[this.lastPos] !== ' ' && this.last[(this.lastPos + 1) % 2] === ' ';
  }

  private resetLastChars(): void {
    this.last[0] = this.last[1] = ' ';
    this.lastPos = 0;
  }
}

/** Code bytes → codes: one byte each for simple fonts, by code space range for composite. */
function splitCodes(font: TextFont, chars: Uint8Array): number[] {
  const out: number[] = [];
  const spaces = font.codeSpace;
  if (!spaces) {
    for (let i = 0; i < chars.length; i++) out.push(chars[i]!);
    return out;
  }
  for (let i = 0; i < chars.length; ) {
    let c = 0;
    let len = 0;
    for (let n = 1; n <= 4 && i + n <= chars.length; n++) {
      c = c * 256 + chars[i + n - 1]!;
      if (spaces.some((s) => s.bytes === n && c >= s.low && c <= s.high)) {
        len = n;
        break;
      }
    }
    if (len === 0) throw new UnsupportedText('code outside the code space');
    out.push(c);
    i += len;
  }
  return out;
}

/** Text rendering matrix at the pen: CTM × Tm × [size·Th 0 0 size 0 rise]. */
function current(st: TextState): number[] {
  const m = st.tm;
  const c = st.ctm;
  const sx = st.size * st.hScale;
  const sy = st.size;
  // Tm × tsm
  const a = m[0]! * sx;
  const b = m[1]! * sx;
  const cc = m[2]! * sy;
  const d = m[3]! * sy;
  const e = m[2]! * st.rise + m[4]!;
  const f = m[3]! * st.rise + m[5]!;
  return [c[0]! * a + c[2]! * b, c[1]! * a + c[3]! * b, c[0]! * cc + c[2]! * d, c[1]! * cc + c[3]! * d, c[0]! * e + c[2]! * f + c[4]!, c[1]! * e + c[3]! * f + c[5]!];
}

function advance(st: TextState, x: number): void {
  const m = st.tm;
  m[4] = m[0]! * x + m[4]!;
  m[5] = m[1]! * x + m[5]!;
}

function unrotate(x: number, y: number, m: number[]): [number, number] {
  const s = Math.hypot(m[0]!, m[1]!);
  return [(m[0]! * x + m[1]! * y) / s, (m[2]! * x + m[3]! * y) / s];
}

function sameMatrix(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
