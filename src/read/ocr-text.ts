/** Recognised words → text: lines top to bottom, words left to right, spaces only between Latin/digit words. */
import type { OcrWord } from './ocr-tesseract.js';

const LATIN_END = /[A-Za-z0-9.,%]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** tesseract puts a space between every Chinese "word"; Chinese text has none. */
export function joinTokens(tokens: string[]): string {
  let out = '';
  for (const raw of tokens) {
    const t = raw.normalize('NFKC').trim();
    if (t === '') continue;
    if (out !== '' && LATIN_END.test(out) && LATIN_START.test(t)) out += ' ';
    out += t;
  }
  return out;
}

/** Words of one region: lines are words whose vertical centres lie within half a word height. */
export function wordsToText(words: OcrWord[]): string {
  const sorted = [...words].sort((a, b) => a.top + a.height / 2 - (b.top + b.height / 2));
  const lines: OcrWord[][] = [];
  for (const w of sorted) {
    const cy = w.top + w.height / 2;
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && Math.abs(cy - (ref.top + ref.height / 2)) <= Math.max(ref.height, w.height) / 2) line.push(w);
    else lines.push([w]);
  }
  return joinTokens(lines.flatMap((l) => l.sort((a, b) => a.left - b.left).map((w) => w.text)));
}
