/**
 * Finding a label of the layout in the stream: any of its spellings, with the ordinal printed
 * before it ("2." "（三）" "一、") and the note printed after it ("（区分处理的，只计这一情形…）").
 * Searching is on the compact text, so spaces, line breaks and cell borders inside a label do
 * not matter.
 */
import type { LabelSpec } from '../model/labels.js';
import { spellings } from '../model/labels.js';
import { compact } from './normalize.js';
import { BLOCK, CELL, ROW, type Stream } from './stream.js';

export interface LabelMatch {
  /** Stream offsets of the whole label: ordinal, words and trailing note. */
  start: number;
  end: number;
  /** Compact offsets of the same. */
  cStart: number;
  cEnd: number;
  spelling: string;
}

const compactCache = new WeakMap<LabelSpec, string[]>();

function compactSpellings(spec: LabelSpec): string[] {
  let c = compactCache.get(spec);
  if (!c) {
    c = [...new Set(spellings(spec).map(compact))].sort((a, b) => b.length - a.length);
    compactCache.set(spec, c);
  }
  return c;
}

export interface FindOptions {
  /** Compact offset to search from (inclusive) and to (exclusive). */
  from: number;
  to: number;
  /** Only accept the label when its ordinal is printed before it. */
  requireOrdinal?: boolean;
  /** Also accept a long label with a character or two wrong (default false: it costs time). */
  fuzzy?: boolean;
}

/** First occurrence of the label in [from, to), or null. */
export function findLabel(stream: Stream, spec: LabelSpec, opts: FindOptions): LabelMatch | null {
  const text = stream.compact;
  const requireOrdinal = opts.requireOrdinal ?? (spec.ordinal !== undefined && spec.label.length <= 2);
  let from = opts.from;
  while (from < opts.to) {
    let best: { at: number; s: string } | null = null;
    for (const s of compactSpellings(spec)) {
      const at = text.indexOf(s, from);
      if (at < 0 || at + s.length > opts.to) continue;
      if (!best || at < best.at || (at === best.at && s.length > best.s.length)) best = { at, s };
    }
    if (!best && opts.fuzzy) best = approximate(text, compactSpellings(spec), from, opts.to);
    if (!best) return null;
    const ordStart = spec.ordinal ? ordinalBefore(text, best.at, spec.ordinal.value, spec.ordinal.style, opts.from) : null;
    if (requireOrdinal && ordStart === null) {
      from = best.at + 1;
      continue;
    }
    const cStart = ordStart ?? best.at;
    const cEndWords = best.at + best.s.length;
    const [start] = [stream.compactToText[cStart]!];
    const wordsEnd = stream.compactToText[cEndWords - 1]! + 1;
    const fullLabel = compact(spec.label);
    const end = extendLabel(stream, wordsEnd, best.s.length < fullLabel.length);
    return { start, end, cStart, cEnd: stream.textToCompact[end]!, spelling: best.s };
  }
  return null;
}

/**
 * Compact offset where the label's ordinal starts, if one is printed right before `at`.
 * Arabic ordinals need punctuation or a non-digit before them: in "…00000002.其他" the "2." is
 * the ordinal, but in "…00000002其他" it may be a value.
 */
function ordinalBefore(text: string, at: number, value: string, style: 'cn' | 'paren' | 'arabic', floor: number): number | null {
  let i = at;
  const prev = () => (i > floor ? text[i - 1]! : '');
  // trailing punctuation after the ordinal
  let punct = '';
  if ('、.,,)．:：'.includes(prev()) && prev() !== '') {
    punct = prev();
    i--;
  }
  if (i - value.length < floor || text.slice(i - value.length, i) !== value) return null;
  i -= value.length;
  const open = prev() === '(';
  if (open) i--;
  if (style === 'arabic' && punct === '' && !open) {
    const before = prev();
    if (before >= '0' && before <= '9') return null;
  }
  if (style !== 'arabic' && punct === '' && !open) {
    // "三本年度办理结果" without any mark: accept only for Chinese numerals, which cannot be values.
    if (style === 'paren') return null;
  }
  return i;
}

/**
 * The earliest place a long label occurs with one or two characters wrong (an OCR misreading,
 * a typo the variants do not list). Short labels are never matched loosely: too much is near them.
 */
function approximate(text: string, spellings: string[], from: number, to: number): { at: number; s: string } | null {
  let best: { at: number; end: number; d: number; s: string } | null = null;
  for (const s of spellings) {
    if (s.length < 6) continue;
    const k = s.length >= 10 ? 2 : 1;
    const m = nearest(text, s, from, best ? Math.min(to, best.end) : to, k);
    if (m && (!best || m.at < best.at || (m.at === best.at && m.d < best.d))) best = { ...m, s };
  }
  // the matched stretch stands in for the spelling: report the spelling's length from `at`
  return best ? { at: best.at, s: text.slice(best.at, best.end) } : null;
}

/** Sellers' algorithm: first window of `text` within edit distance k of `p`, and its start. */
function nearest(text: string, p: string, from: number, to: number, k: number): { at: number; end: number; d: number } | null {
  const m = p.length;
  let dist = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextDist = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) dist[i] = i;
  let found: { at: number; end: number; d: number } | null = null;
  for (let j = from; j < to; j++) {
    const c = text[j];
    nextDist[0] = 0;
    nextStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const sub = dist[i - 1]! + (p[i - 1] === c ? 0 : 1);
      const del = dist[i]! + 1; // text char skipped
      const ins = nextDist[i - 1]! + 1; // pattern char missing
      let d = sub;
      let st = i - 1 === 0 ? j : start[i - 1]!;
      if (del < d) {
        d = del;
        st = start[i]!;
      }
      if (ins < d) {
        d = ins;
        st = nextStart[i - 1]!;
      }
      nextDist[i] = d;
      nextStart[i] = st;
    }
    [dist, nextDist] = [nextDist, dist];
    [start, nextStart] = [nextStart, start];
    const d = dist[m]!;
    if (d <= k && (!found || d < found.d)) found = { at: start[m]!, end: j + 1, d };
    else if (found && j + 1 - found.end > k) break; // past the best local match
  }
  return found;
}

const SEPARATORS = new Set([CELL, ROW, BLOCK]);

/**
 * After the label's words: a note in brackets belongs to the label, and when only a short
 * spelling matched, so do the rest of its words (up to a digit, a sign or a cell border).
 */
function extendLabel(stream: Stream, end: number, partial: boolean): number {
  const t = stream.text;
  let i = end;
  // a closing quote dropped by the compact form ("危及“三安全一稳定”")
  while (i < t.length && '”"\'’」'.includes(t[i]!)) i++;
  const skipSpace = () => {
    while (i < t.length && (t[i] === ' ' || t[i] === '\u3000' || t[i] === '\n' || t[i] === '\t')) i++;
  };
  if (partial) {
    while (i < t.length) {
      const c = t[i]!;
      if (SEPARATORS.has(c) || isValueStart(c) || c === '(' || c === ' ' || c === '\n') break;
      i++;
    }
  }
  const save = i;
  skipSpace();
  if (t[i] === '(' || t[i] === '[') {
    const close = t[i] === '(' ? ')' : ']';
    const j = t.indexOf(close, i + 1);
    // A note is short and has no cell border in it.
    if (j > 0 && j - i < 80 && !/[\u001d\u001e]/.test(t.slice(i, j)) && !/^\(\d/.test(t.slice(i, i + 2))) return j + 1;
  }
  return save;
}

function isValueStart(c: string): boolean {
  return (c >= '0' && c <= '9') || c === '+' || c === '-' || c === '−' || c === '—' || c === '/' || c === '–';
}
