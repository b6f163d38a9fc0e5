/**
 * Bytes → text, with the encoding detected rather than assumed. Chinese government files come
 * as UTF-8 (with or without BOM), GB18030/GBK and now and then UTF-16.
 */
import { GongkaiError } from '../errors.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

const SAMPLE = 64 * 1024;

export function decodeText(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length === 0) throw new GongkaiError('EMPTY', '文件为空（0 字节）', 'empty file');

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(bytes.subarray(3), 3), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
    return { text: new TextDecoder('gb18030').decode(bytes.subarray(4)), encoding: 'gb18030', bom: true };
  }

  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    if (printable(text)) return { text, encoding: utf16, bom: false };
  }

  const nul = bytes.subarray(0, SAMPLE).indexOf(0);
  if (nul >= 0) {
    throw new GongkaiError('BINARY', `这是二进制文件，不是文本（第 ${nul + 1} 字节为 NUL）`, 'binary content');
  }

  const declaredGb = declared != null && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/i.test(declared.trim());
  if (!declaredGb) {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
    // Mostly valid UTF-8 with a few broken sequences is a damaged UTF-8 file, not GBK.
    const bad = firstInvalidUtf8(bytes);
    if (bad !== null && utf8Share(bytes) > 0.9) {
      throw new GongkaiError('ENCODING', `文件不是有效的 UTF-8 文本：第 ${bad + 1} 字节处编码损坏`, `invalid UTF-8 at byte ${bad}`);
    }
  }
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== null && plausibleChinese(gb)) return { text: gb, encoding: 'gb18030', bom: false };
  if (declaredGb && gb !== null) return { text: gb, encoding: 'gb18030', bom: false };

  const bad = firstInvalidUtf8(bytes) ?? 0;
  throw new GongkaiError(
    'ENCODING',
    `无法识别文本编码（既不是 UTF-8、UTF-16，也不是 GB18030/GBK）；第 ${bad + 1} 字节起无法解码`,
    'unrecognised text encoding',
  );
}

function strictUtf8(bytes: Uint8Array, offset: number): string {
  const text = tryUtf8(bytes);
  if (text !== null) return text;
  const bad = (firstInvalidUtf8(bytes) ?? 0) + offset;
  throw new GongkaiError('ENCODING', `文件标明为 UTF-8，但第 ${bad + 1} 字节处编码损坏`, `invalid UTF-8 at byte ${bad}`);
}

function tryUtf8(bytes: Uint8Array): string | null {
  return tryDecode(bytes, 'utf-8');
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without BOM: ASCII characters (digits, newlines) leave zero bytes at one parity. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // CJK code points like U+4E00 put a zero in the other byte now and then, so the test is
  // that one parity clearly dominates, not that the other has none.
  if (oddZero > pairs * 0.05 && oddZero >= evenZero * 3) return 'utf-16le';
  if (evenZero > pairs * 0.05 && evenZero >= oddZero * 3) return 'utf-16be';
  return null;
}

/** Byte offset of the first invalid UTF-8 sequence, or null if all valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const len = utf8SeqLength(bytes, i);
    if (len === 0) return i;
    i += len;
  }
  return null;
}

/** Share of non-ASCII bytes that belong to valid UTF-8 sequences. */
function utf8Share(bytes: Uint8Array): number {
  let high = 0;
  let valid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = utf8SeqLength(bytes, i);
    if (len === 0) {
      high++;
      i++;
    } else {
      high += len;
      valid += len;
      i += len;
    }
  }
  return high === 0 ? 1 : valid / high;
}

function utf8SeqLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let len: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) {
    len = 2;
    min = 0x80;
  } else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    min = 0x800;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    min = 0x10000;
  } else return 0;
  if (i + len > bytes.length) return 0;
  let cp = b & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

/** Text, not bytes that happen to decode: few control characters or replacement marks. */
function printable(text: string): boolean {
  let bad = 0;
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0xd800 && c <= 0xdfff)) bad++;
  }
  return n > 0 && bad / n < 0.02;
}

/**
 * GB18030 decodes almost any byte soup; real Chinese text decodes to common CJK characters,
 * and little else among the non-ASCII.
 */
function plausibleChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d) cjk++;
  }
  return nonAscii === 0 || cjk / nonAscii > 0.85;
}
