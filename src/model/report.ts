/**
 * `report/v1`: the one shape every part of gongkai speaks. `tables` follows
 * shared/spec/report-json.md exactly; everything else (provenance, sections, extraction notes)
 * is ours and sits beside it.
 */
import type { SectionKey } from './sections.js';
import type { TableId, TemplateId } from './templates.js';

export type CellValue = number | null;
/** row key → column key → value */
export type TableData = Record<string, Record<string, CellValue>>;

export interface ReportTables {
  active: TableData;
  requests: TableData;
  appeals: TableData;
}

/** Where something sits in the source file. Fields present depend on the format. */
export interface SourceLocation {
  /** 1-based line in a text or HTML source. */
  line?: number;
  /** 1-based column (in characters) on that line. */
  column?: number;
  /** 1-based page of a PDF or image. */
  page?: number;
  /** [x0, y0, x1, y1] in PDF points (or image pixels), origin top-left. */
  bbox?: [number, number, number, number];
  /** 0-based index of the table in the source, and the row and cell within it. */
  table?: number;
  row?: number;
  cell?: number;
  /** Worksheet name, for spreadsheets. */
  sheet?: string;
  /** Entry name inside an archive. */
  entry?: string;
}

/** How a value was read. */
export type ReadMethod =
  | 'cell' // the cell's own text, one number
  | 'token' // one of several numbers separated by spaces in one stretch of text
  | 'split' // digits run together; the split follows from the table's sum rules
  | 'guess' // digits run together; several splits fit, this one ranked first
  | 'ocr'
  | 'manual';

export interface CellSource {
  /** The text as printed for this cell (for a split, the whole run of digits). */
  raw: string;
  /** For a split: the digits that became this cell. */
  part?: string;
  loc: SourceLocation;
  method: ReadMethod;
  /** 0–1, for OCR. */
  confidence?: number;
  /** A unit or remark printed with the number ("元", "万元"). */
  unit?: string;
}

/** table → row → column → source. Present for every cell of the layout that was found. */
export type Provenance = Record<TableId, Record<string, Record<string, CellSource>>>;

export interface Section {
  number: number;
  key: SectionKey;
  heading: string;
  text: string;
  loc: SourceLocation;
}

/** A run of digits whose split could not be settled by the table's own rules. */
export interface SplitNote {
  table: TableId;
  /** The rows (and their columns) the run fills. */
  cells: CellRef[];
  raw: string;
  loc: SourceLocation;
  /** Every split consistent with the sum rules (capped), best first; the first was used. */
  candidates: number[][];
  /** Whether any candidate satisfied all sum rules. */
  consistent: boolean;
}

export interface CellRef {
  table: TableId;
  row: string;
  column: string;
}

/** Problems met while reading, which the checker turns into findings. */
export interface ExtractionNotes {
  splits: SplitNote[];
  /** Rows of the layout not found in the source. */
  missingRows: CellRef[];
  /** Rows found with fewer or more values than the layout has columns. */
  ragged: { table: TableId; row: string; expected: number; found: number; loc: SourceLocation }[];
  /** Cells that held text instead of a number ("—", "无", "/"). */
  nonNumeric: { cell: CellRef; raw: string; loc: SourceLocation }[];
}

export type ReportKind =
  /** A report in the 2019 or 2021 layout. */
  | 'report'
  /** A report under the old (2008) 条例: no standard tables. */
  | 'pre2019';

export interface ReportMeta {
  title: string | null;
  agency: string | null;
  year: number | null;
  template: TemplateId | null;
  kind: ReportKind;
  /** Layout of each table where they differ (a 2021 表二 with the 2019 表三（六）). */
  layout: Record<TableId, TemplateId | null>;
  /** Publication date as printed (YYYY-MM-DD), if the source carries one. */
  published: string | null;
  /** Statistics period as stated ("2021年1月1日至12月31日"), if stated. */
  period: { from: string; to: string } | null;
  /** Where agency and year were read from. */
  evidence: { agency?: string; year?: string };
  source: { name: string; format: string; encoding?: string; bytes: number; sha256: string };
}

export interface Report {
  schema: 'report/v1';
  meta: ReportMeta;
  tables: ReportTables;
  sections: Section[];
  /** 表三 subtotal rows some reports add, by group ("result.denied" → column → value). */
  subtotals: TableData;
  provenance: Provenance;
  extraction: ExtractionNotes;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  /** Chinese, names table, row and column. */
  message: string;
  cells: CellRef[];
  /** Where to look in the source: the first involved cell's location, or a section's. */
  loc?: SourceLocation;
  /** Values involved, for machines (expected/actual, candidates …). */
  data?: Record<string, unknown>;
}
