/**
 * The values after a row label: numbers, blank cells and non-numbers ("—", "/", "无"), up to
 * the first word that is neither. Cell borders are the strongest separators; inside a cell,
 * spaces separate numbers; digits with nothing between them are one token, left for the splitter.
 */
import { BLOCK, CELL, ROW, type Stream } from './stream.js';

export type TokenKind = 'number' | 'blank' | 'nonNumeric';

export interface Token {
  kind: TokenKind;
  /** Normalised text of the token. */
  text: string;
  start: number;
  end: number;
  /** For numbers: the value as printed (sign applied). */
  value?: number;
  /** Digits only, when the number is a bare run of digits that could be split. */
  digits?: string;
  unit?: string;
}

const NUMBER = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|次|人次|万)?/;
const NON_NUMERIC = /^(?:[—–\-－/／\\×xX*]+|无|空|暂无|不适用)/;

export interface TokenRun {
  tokens: Token[];
  /** Stream offset where reading stopped. */
  stop: number;
}

/**
 * Read value tokens from stream offset `start` up to `end`. Stops at the first word that is not
 * a value, or at a row or table border once a value has been read.
 */
export function readTokens(stream: Stream, start: number, end: number, stopAtRow = true, want = 0): TokenRun {
  const t = stream.text;
  const tokens: Token[] = [];
  let i = start;
  let cellHasContent = false;
  let sawBorder = false;
  // where the current cell's text starts: a blank cell is located there, not at its border
  let cellStart = start;
  const blankCell = (at: number) => tokens.push({ kind: 'blank', text: '', start: at, end: at });
  while (i < end) {
    const c = t[i]!;
    if (c === CELL || c === ROW || c === BLOCK) {
      // A cell that ended without content is a blank cell — but only between borders: the
      // text right after a label is not an empty cell of its own.
      if (!cellHasContent && sawBorder) blankCell(cellStart);
      // A row ends the values — unless the row came up short and the next line goes on with
      // numbers (a PDF line that wrapped).
      if (c !== CELL && stopAtRow && tokens.length > 0 && !(tokens.length < want && numberFollows(t, i + 1, end))) return { tokens, stop: i };
      if (c === BLOCK && tokens.length === 0 && sawBorder) {
        // a table ended before any value: nothing follows this label
      }
      sawBorder = true;
      cellHasContent = false;
      i++;
      cellStart = i;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\t' || c === '\u3000' || c === '\u00a0' || c === '\r') {
      i++;
      continue;
    }
    const rest = t.slice(i, Math.min(end, i + 40));
    const num = NUMBER.exec(rest);
    if (num) {
      const len = num[0].length;
      const sign = num[1] === '-' || num[1] === '−' ? -1 : 1;
      const intPart = num[2]!.replace(/,/g, '');
      const value = sign * Number(intPart + (num[3] ?? ''));
      const tok: Token = { kind: 'number', text: num[0], start: i, end: i + len, value };
      if (!num[1] && !num[3] && !num[2]!.includes(',') && intPart.length > 1) tok.digits = intPart;
      if (num[4]) tok.unit = num[4];
      tokens.push(tok);
      cellHasContent = true;
      i += len;
      continue;
    }
    const non = NON_NUMERIC.exec(rest);
    if (non && endsWord(t, i + non[0].length, end)) {
      tokens.push({ kind: 'nonNumeric', text: non[0], start: i, end: i + non[0].length });
      cellHasContent = true;
      i += non[0].length;
      continue;
    }
    // a word that is not a value: the row's values are over
    return { tokens, stop: i };
  }
  return { tokens, stop: end };
}

function endsWord(t: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = t[i]!;
  return c === ' ' || c === '\n' || c === CELL || c === ROW || c === BLOCK || c === '\u3000' || (c >= '0' && c <= '9');
}

/** Whether a plain number (not an ordinal like "2.其他") starts right after a border. */
function numberFollows(t: string, i: number, end: number): boolean {
  while (i < end && (t[i] === ' ' || t[i] === '\u3000')) i++;
  const m = NUMBER.exec(t.slice(i, Math.min(end, i + 40)));
  if (!m) return false;
  const after = t[i + m[0].length];
  return after === undefined || i + m[0].length >= end || after === ' ' || after === '\n' || after === CELL || after === ROW || after === BLOCK || after === '\u3000';
}
