/**
 * Text normalisation for matching. NFKC folds full-width digits and punctuation and the Kangxi
 * radical look-alikes some PDF producers emit (⼀ U+2F00 → 一); `compact` then drops what never
 * distinguishes one label from another (whitespace, quotes) so "三 、本 年 度办 理 结果" and
 * "商业\n企业" match their official wording.
 */

/** NFKC, keeping a map from each output index to its input index when lengths differ. */
export function nfkcWithMap(s: string): { text: string; map: Int32Array | null } {
  const text = s.normalize('NFKC');
  if (text.length === s.length) return { text, map: null };
  const out: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const n = ch.normalize('NFKC');
    for (let k = 0; k < n.length; k++) map.push(i);
    out.push(n);
    i += ch.length;
  }
  return { text: out.join(''), map: Int32Array.from(map) };
}

/** Characters `compact` drops. */
export function isIgnorable(c: number): boolean {
  return (
    c <= 0x20 || // whitespace and the stream's separators
    c === 0x7f ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff ||
    c === 0x22 || // "
    c === 0x27 || // '
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x300c ||
    c === 0x300d
  );
}

/** NFKC and drop ignorable characters: the form labels are compared in. */
export function compact(s: string): string {
  const n = s.normalize('NFKC');
  let out = '';
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (!isIgnorable(c)) out += n[i];
  }
  return out;
}
