/**
 * The six section headings, found in order: an ordinal ("五、" "6、" "六.") followed closely by
 * one of the section's keywords. Table rows such as "三、本年度办理结果" carry no section keyword,
 * so they are not mistaken for headings.
 */
import { cnOrdinal } from '../model/labels.js';
import { SECTIONS, type SectionSpec } from '../model/sections.js';
import { compact } from './normalize.js';
import { BLOCK, CELL, ROW, type Stream } from './stream.js';

export interface HeadingMatch {
  spec: SectionSpec;
  /** Stream offsets of the heading (ordinal to end of its words). */
  start: number;
  end: number;
  cStart: number;
  cEnd: number;
}

const KEYWORD_WINDOW = 16;
const HEADING_MAX = 40;

export function findSections(stream: Stream): HeadingMatch[] {
  const text = stream.compact;
  const found: HeadingMatch[] = [];
  let cursor = 0;
  for (const spec of SECTIONS) {
    const m = findHeading(stream, text, spec, cursor);
    if (m) {
      found.push(m);
      cursor = m.cEnd;
    }
  }
  return found;
}

function findHeading(stream: Stream, text: string, spec: SectionSpec, from: number): HeadingMatch | null {
  const ordinals = [cnOrdinal(spec.number), String(spec.number)];
  const keywords = spec.keywords.map(compact);
  let best: { at: number; kwEnd: number } | null = null;
  for (const ord of ordinals) {
    for (const punct of ['、', '.', ',', '．', ':']) {
      const needle = ord + punct;
      let at = text.indexOf(needle, from);
      while (at >= 0 && (!best || at < best.at)) {
        const okBefore = !isDigit(ord) || at === 0 || !isDigit(text[at - 1]);
        if (okBefore && !(isDigit(ord) && isDigit(text[at + needle.length]))) {
          const win = text.slice(at + needle.length, at + needle.length + KEYWORD_WINDOW + 8);
          let kwEnd = -1;
          for (const kw of keywords) {
            const k = win.indexOf(kw);
            if (k >= 0 && k <= KEYWORD_WINDOW && !/[0-9。;；]/.test(win.slice(0, k))) {
              kwEnd = Math.max(kwEnd, at + needle.length + k + kw.length);
            }
          }
          if (kwEnd > 0) {
            best = { at, kwEnd };
            break;
          }
        }
        at = text.indexOf(needle, at + 1);
      }
    }
  }
  if (!best) return null;
  const start = stream.compactToText[best.at]!;
  let end = stream.compactToText[best.kwEnd - 1]! + 1;
  // The heading runs on to the end of its words ("…存在的主要问题及改进情况").
  const t = stream.text;
  while (end < t.length && end - start < HEADING_MAX) {
    const c = t.charCodeAt(end);
    const isCjk = c >= 0x4e00 && c <= 0x9fff;
    if (!isCjk && t[end] !== '、') break;
    end++;
  }
  // a final full stop or colon belongs to the heading
  if (t[end] === '。' || t[end] === ':' || t[end] === '.') end++;
  return { spec, start, end, cStart: best.at, cEnd: stream.textToCompact[end]! };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Text of a section body, outside tables, as paragraphs joined by newlines. */
export function sectionBody(stream: Stream, start: number, end: number): string {
  const out: string[] = [];
  for (const p of stream.pieces) {
    if (p.end <= start || p.start >= end || p.inTable) continue;
    const a = Math.max(p.start, start);
    const b = Math.min(p.end, end);
    const s = stream.text.slice(a, b).trim();
    if (s) out.push(s);
  }
  return out.join('\n').replace(new RegExp(`[${CELL}${ROW}${BLOCK}]`, 'g'), ' ');
}
