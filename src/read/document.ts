/**
 * The neutral document every reader produces and the extractor consumes: blocks of text and
 * tables of cells in reading order, each with where it sits in the source. No format-specific
 * logic survives past this point.
 */
import type { SourceLocation } from '../model/report.js';

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** Location of the first character; for text sources line/column advance through `text`. */
  loc: SourceLocation;
}

export interface TableCell {
  text: string;
  loc: SourceLocation;
  rowSpan?: number;
  colSpan?: number;
  /** 0-based grid column the cell starts at, where the source defines a grid. */
  gridColumn?: number;
  /** 0–1, for cells read by OCR. */
  confidence?: number;
}

export interface TableBlock {
  kind: 'table';
  /** Physical cells row by row; a merged cell appears once, in the row where it starts. */
  rows: TableCell[][];
  /** False when the source does not show where rows end (one cell per line with no row marks). */
  rowsKnown: boolean;
  loc: SourceLocation;
}

export type Block = ParagraphBlock | TableBlock;

export interface SourceInfo {
  name: string;
  format: string;
  encoding?: string;
  bytes: number;
  sha256: string;
}

export interface NeutralDocument {
  source: SourceInfo;
  blocks: Block[];
  /** Facts the container itself states (a crawler's 标题:/发布时间: header, HTML <title>). */
  hints: { title?: string; published?: string; agency?: string };
}
