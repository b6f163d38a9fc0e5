/**
 * The document flattened into one string in reading order, so labels can be found wherever a
 * format put them: in a cell of their own, at the start of a paragraph, or run together with
 * their numbers. Cell, row and block boundaries stay in the string as control characters (the
 * strongest separators a value can have), and every offset maps back to a source location.
 */
import type { SourceLocation } from '../model/report.js';
import type { NeutralDocument } from '../read/document.js';
import { isIgnorable, nfkcWithMap } from './normalize.js';

export const CELL = '\u001f';
export const ROW = '\u001e';
export const BLOCK = '\u001d';

export interface Piece {
  /** Offsets of the piece's text in `Stream.text`. */
  start: number;
  end: number;
  /** The text as the source printed it. */
  original: string;
  /** normalised offset → original offset, when NFKC changed the length. */
  map: Int32Array | null;
  loc: SourceLocation;
  /** Line and column advance through the text (plain-text sources). */
  advances: boolean;
  inTable: boolean;
  confidence?: number;
  /** Offsets of line breaks in `original`, computed when first needed. */
  newlines?: number[];
}

export interface Stream {
  /** NFKC text of every piece, joined by CELL/ROW/BLOCK. */
  text: string;
  pieces: Piece[];
  /** `text` without ignorable characters, and each compact index's offset in `text`. */
  compact: string;
  compactToText: Int32Array;
  /** For each offset of `text`, the compact index at or after it. */
  textToCompact: Int32Array;
}

export function buildStream(doc: NeutralDocument): Stream {
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let pos = 0;
  const push = (s: string) => {
    parts.push(s);
    pos += s.length;
  };
  // Only in plain text does an offset inside a piece move along the source's lines.
  const plain = doc.source.format === 'text';
  const addPiece = (original: string, loc: SourceLocation, inTable: boolean, confidence?: number) => {
    const { text, map } = nfkcWithMap(original);
    const advances = plain && loc.line !== undefined;
    const piece: Piece = { start: pos, end: pos + text.length, original, map, loc, advances, inTable };
    if (confidence !== undefined) piece.confidence = confidence;
    pieces.push(piece);
    push(text);
  };

  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      addPiece(block.text, block.loc, false);
    } else {
      block.rows.forEach((row, r) => {
        if (r > 0) push(block.rowsKnown ? ROW : CELL);
        row.forEach((cell, c) => {
          if (c > 0) push(CELL);
          addPiece(cell.text, cell.loc, true, cell.confidence);
        });
      });
    }
    push(BLOCK);
  }

  const text = parts.join('');
  const compactChars: string[] = [];
  const compactToText = new Int32Array(text.length + 1);
  const textToCompact = new Int32Array(text.length + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    textToCompact[i] = k;
    if (!isIgnorable(text.charCodeAt(i))) {
      compactChars.push(text[i]!);
      compactToText[k++] = i;
    }
  }
  textToCompact[text.length] = k;
  compactToText[k] = text.length;
  return { text, pieces, compact: compactChars.join(''), compactToText: compactToText.subarray(0, k + 1), textToCompact };
}

/** The piece containing a stream offset (or the next one, for an offset on a separator). */
export function pieceAt(stream: Stream, offset: number): Piece | undefined {
  const ps = stream.pieces;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = ps[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end && !(offset === p.end && p.start === p.end)) lo = mid + 1;
    else return p;
  }
  return ps[lo];
}

/** Source location of a stream offset. */
export function locate(stream: Stream, offset: number): SourceLocation {
  const p = pieceAt(stream, offset);
  if (!p) return {};
  if (!p.advances) return { ...p.loc };
  const rel = Math.max(0, Math.min(offset, p.end) - p.start);
  const orig = p.map ? (p.map[rel] ?? p.original.length) : rel;
  const breaks = (p.newlines ??= newlineOffsets(p.original));
  // number of line breaks before `orig`
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < orig) lo = mid + 1;
    else hi = mid;
  }
  const line = p.loc.line! + lo;
  const column = lo === 0 ? (p.loc.column ?? 1) + orig : orig - breaks[lo - 1]!;
  return { ...p.loc, line, column };
}

function newlineOffsets(s: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i);
  return out;
}

/** The original (un-normalised) text of a stream range that lies within one piece. */
export function originalText(stream: Stream, start: number, end: number): string {
  const p = pieceAt(stream, start);
  if (!p || end > p.end) return stream.text.slice(start, end);
  const a = start - p.start;
  const b = end - p.start;
  if (!p.map) return p.original.slice(a, b);
  const oa = p.map[a] ?? p.original.length;
  const ob = b < p.map.length ? p.map[b]! : p.original.length;
  return p.original.slice(oa, ob);
}

/** Map a compact range to stream offsets [start, end). */
export function compactRangeToText(stream: Stream, cStart: number, cEnd: number): [number, number] {
  const start = stream.compactToText[cStart]!;
  const end = cEnd > 0 ? stream.compactToText[cEnd - 1]! + 1 : start;
  return [start, end];
}
