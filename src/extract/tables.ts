/**
 * Reading the three tables out of the stream, layout-driven: find each row's label in order,
 * read the values that follow it, and split digits that ran together with the sum rules.
 */
import type { CellRef, CellSource, CellValue, ExtractionNotes, SplitNote, TableData } from '../model/report.js';
import { cellKey, relationsFor } from '../model/relations.js';
import { columnsOf, type ColumnSpec, type RowSpec, type TableId, type TableSpec, type Template } from '../model/templates.js';
import { findLabel, type LabelMatch } from './find-label.js';
import { compact } from './normalize.js';
import { solveSplits, type SplitZone } from './split.js';
import { locate, originalText, pieceAt, type Stream } from './stream.js';
import { readTokens, type Token } from './tokens.js';

export interface Region {
  /** Compact offsets. */
  from: number;
  to: number;
}

export interface TableResult {
  table: TableId;
  data: TableData;
  /** 表三 subtotal rows printed by the report, by group key ("result.denied"). */
  subtotals: TableData;
  provenance: Record<string, Record<string, CellSource>>;
  /** Rows of the layout whose label was found. */
  found: Set<string>;
  notes: ExtractionNotes;
  /** Stream offsets covered by the table (first label to last value). */
  span: [number, number] | null;
}

interface RowRead {
  row: RowSpec;
  columns: readonly ColumnSpec[];
  tokens: Token[];
}

export function emptyNotes(): ExtractionNotes {
  return { splits: [], missingRows: [], ragged: [], nonNumeric: [] };
}

/** 表二 and 表三: rows with labels. */
export function extractLabelledTable(stream: Stream, template: Template, table: 'active' | 'requests', region: Region): TableResult {
  const spec = template.tables[table];
  const matches = matchRows(stream, spec.rows, region);
  const regionEnd = stream.compactToText[region.to] ?? stream.text.length;
  // Subtotal rows some reports add to （三）…（六）: read like rows, kept apart from the layout's.
  const all = table === 'requests' ? withSubtotals(stream, spec, matches) : matches;
  const reads: RowRead[] = all.map(({ row, m }, i) => {
    const next = all[i + 1];
    const zoneEnd = next ? next.m.start : regionEnd;
    const columns = columnsOf(spec, row);
    return { row, columns, tokens: readTokens(stream, valuesStart(stream, m.end), zoneEnd, true, columns.length).tokens };
  });
  const result = assemble(stream, template, spec, reads.map((r) => ({ cells: r.columns.map((c) => ({ table, row: r.row.key, column: c.key })), tokens: r.tokens, row: r.row })));
  for (const key of Object.keys(result.data)) {
    if (!key.endsWith(SUBTOTAL)) continue;
    result.subtotals[key.slice(0, -SUBTOTAL.length)] = result.data[key]!;
    delete result.data[key];
    result.found.delete(key);
  }
  for (const row of spec.rows) {
    if (!result.found.has(row.key)) result.notes.missingRows.push({ table, row: row.key, column: '' });
  }
  const first = matches[0];
  const lastRead = reads[reads.length - 1];
  if (first) {
    const lastTok = lastRead?.tokens[lastRead.tokens.length - 1];
    result.span = [first.m.start, lastTok ? lastTok.end : matches[matches.length - 1]!.m.end];
  }
  return result;
}

/**
 * 表四: one printed row of fifteen cells under a two-level header. The values follow the last
 * header word; where a report prints one row per group instead, each group label leads its row.
 */
export function extractAppeals(stream: Stream, template: Template, region: Region): TableResult {
  const spec = template.tables.appeals;
  const cols = spec.columns!;
  const header = headerRun(stream, spec, region);
  const regionEnd = stream.compactToText[region.to] ?? stream.text.length;
  const cells: CellRef[] = spec.rows.flatMap((r) => cols.map((c) => ({ table: 'appeals' as const, row: r.key, column: c.key })));
  if (header) {
    const tokens = readTokens(stream, header.end, regionEnd, true, cells.length).tokens;
    if (tokens.length > 0) {
      const result = assemble(stream, template, spec, [{ cells, tokens }]);
      const lastTok = tokens[tokens.length - 1]!;
      result.span = [header.start, lastTok.end];
      return result;
    }
  }
  // One row per group: "行政复议 | 1 | 0 | …".
  const reads: { cells: CellRef[]; tokens: Token[]; row: RowSpec }[] = [];
  let cursor = region.from;
  for (const row of spec.rows) {
    const m = findLabel(stream, row, { from: cursor, to: region.to });
    if (!m) continue;
    cursor = m.cEnd;
    const tokens = readTokens(stream, m.end, regionEnd).tokens;
    if (tokens.length === 0) continue;
    reads.push({ row, tokens, cells: cols.map((c) => ({ table: 'appeals' as const, row: row.key, column: c.key })) });
  }
  const result = assemble(stream, template, spec, reads);
  if (result.found.size === 0) {
    for (const row of spec.rows) result.notes.missingRows.push({ table: 'appeals', row: row.key, column: '' });
  }
  return result;
}

/** The stretch of 表四's header words: from the first to the last, with nothing else between. */
function headerRun(stream: Stream, spec: TableSpec, region: Region): { start: number; end: number } | null {
  const words = [...new Set(spec.headers.map(compact))].sort((a, b) => b.length - a.length);
  const text = stream.compact;
  let at = region.from;
  let start = -1;
  let end = -1;
  let count = 0;
  for (;;) {
    let next: { at: number; len: number } | null = null;
    for (const w of words) {
      const i = text.indexOf(w, at);
      if (i < 0 || i + w.length > region.to) continue;
      if (!next || i < next.at || (i === next.at && w.length > next.len)) next = { at: i, len: w.length };
    }
    if (!next) break;
    const gap = text.slice(at, next.at);
    if (start >= 0 && !/^[、()（）和及与]*$/.test(gap)) break;
    if (start < 0) start = next.at;
    end = next.at + next.len;
    count++;
    at = end;
  }
  if (count < 5) return null;
  return { start: stream.compactToText[start]!, end: stream.compactToText[end - 1]! + 1 };
}

interface Read {
  cells: CellRef[];
  tokens: Token[];
  row?: RowSpec;
}

/** Turn each row's tokens into values, splitting runs of digits where the count falls short. */
function assemble(stream: Stream, template: Template, spec: TableSpec, reads: Read[]): TableResult {
  const table = spec.id;
  const data: TableData = {};
  const provenance: Record<string, Record<string, CellSource>> = {};
  const notes = emptyNotes();
  const found = new Set<string>();
  const fixed = new Map<string, number | null>();
  const zones: { zone: SplitZone; read: Read; tokens: Token[] }[] = [];

  const set = (cell: CellRef, value: CellValue, source: CellSource) => {
    (data[cell.row] ??= {})[cell.column] = value;
    (provenance[cell.row] ??= {})[cell.column] = source;
    fixed.set(cellKey(cell), value);
  };

  for (const read of reads) {
    for (const c of read.cells) found.add(c.row);
    for (const c of read.cells) (data[c.row] ??= {})[c.column] = null;
    const n = read.cells.length;
    let tokens = trimBlanks(read.tokens, n);
    const splittable = tokens.some((t) => t.digits !== undefined);
    if (tokens.length < n && splittable) {
      zones.push({
        read,
        tokens,
        zone: {
          cells: read.cells,
          tokens: tokens.map((t) => (t.digits !== undefined ? { digits: t.digits } : { value: tokenValue(t) })),
        },
      });
      continue;
    }
    if (tokens.length !== n) {
      notes.ragged.push({ table, row: read.cells[0]!.row, expected: n, found: tokens.length, loc: locate(stream, tokens[0]?.start ?? 0) });
      tokens = tokens.slice(0, n);
    }
    read.cells.forEach((cell, i) => {
      const t = tokens[i];
      if (!t) return;
      set(cell, tokenValue(t), sourceOf(stream, t));
      if (t.kind === 'nonNumeric') notes.nonNumeric.push({ cell, raw: t.text, loc: locate(stream, t.start) });
    });
  }

  if (zones.length > 0) {
    const rows = new Set(found);
    const relations = relationsFor(template, table, rows);
    const plaus = (zi: number, values: (number | null)[]) => plausibility(zones[zi]!.read, values);
    const solved = solveSplits(
      zones.map((z) => z.zone),
      fixed,
      relations,
      plaus,
    );
    solved.zones.forEach((res, zi) => {
      const { read, tokens } = zones[zi]!;
      // A zone is settled when every solution of the whole table splits it the same way.
      const settled = solved.consistent && res.candidates.length === 1;
      const runs = new Map<number, number>(); // token → digits consumed so far
      read.cells.forEach((cell, ci) => {
        const part = res.parts[ci];
        if (!part) return;
        const tok = tokens[part.token]!;
        const src = sourceOf(stream, tok);
        if (part.digits !== null) {
          const used = runs.get(part.token) ?? 0;
          runs.set(part.token, used + part.digits.length);
          src.part = part.digits;
          src.method = settled ? 'split' : 'guess';
          src.loc = locate(stream, tok.start + used);
        }
        set(cell, part.value, src);
      });
      if (!settled) {
        const note: SplitNote = {
          table,
          cells: read.cells,
          raw: tokens.map((t) => t.text).join(' '),
          loc: locate(stream, tokens[0]?.start ?? 0),
          candidates: res.candidates.map((c) => c.map((v) => v ?? 0)),
          consistent: solved.consistent,
        };
        notes.splits.push(note);
      }
    });
  }

  return { table, data, provenance, found, notes, span: null, subtotals: {} };
}

/**
 * Where a row's values begin: after the label, or — when the label sits in a table cell whose
 * remaining text holds no digit (a note the label match did not take, OCR noise like "《…") — at
 * the end of that cell, since a label cell holds no values.
 */
function valuesStart(stream: Stream, labelEnd: number): number {
  const piece = pieceAt(stream, Math.max(0, labelEnd - 1));
  if (!piece || !piece.inTable || labelEnd >= piece.end) return labelEnd;
  const rest = stream.text.slice(labelEnd, piece.end);
  return /[0-9]/.test(rest) ? labelEnd : piece.end;
}

/**
 * Blank cells beyond the layout's count are borders of merged cells, or columns a converter
 * added: at either end first; then, when the values alone are exactly the count, anywhere.
 */
function trimBlanks(tokens: Token[], n: number): Token[] {
  let t = tokens;
  while (t.length > n && t[t.length - 1]!.kind === 'blank') t = t.slice(0, -1);
  while (t.length > n && t[0]!.kind === 'blank') t = t.slice(1);
  if (t.length > n) {
    const values = t.filter((x) => x.kind !== 'blank');
    if (values.length === n) return values;
  }
  return t;
}

function tokenValue(t: Token): CellValue {
  return t.kind === 'number' ? t.value! : null;
}

function sourceOf(stream: Stream, t: Token): CellSource {
  const piece = pieceAt(stream, t.start);
  // cheap length test first: the piece may be a whole paragraph of run-together cells
  const whole = piece !== undefined && piece.end - piece.start <= t.text.length + 16 && stream.text.slice(piece.start, piece.end).trim() === t.text;
  const src: CellSource = {
    raw: t.kind === 'blank' ? '' : originalText(stream, t.start, t.end),
    loc: locate(stream, t.start),
    method: whole || t.kind === 'blank' ? 'cell' : 'token',
  };
  if (piece?.confidence !== undefined) {
    src.confidence = piece.confidence;
    src.method = 'ocr';
  }
  if (t.unit) src.unit = t.unit;
  return src;
}

/** Soft preferences of the layout (表二: issued ≤ in force …) as a score; higher is likelier. */
function plausibility(read: Read, values: (number | null)[]): number {
  let score = 0;
  const byCol = new Map(read.cells.map((c, i) => [`${c.row}|${c.column}`, values[i] ?? 0]));
  const rows = new Set(read.cells.map((c) => c.row));
  for (const rowKey of rows) {
    const row = read.row && read.row.key === rowKey ? read.row : undefined;
    for (const [a, b] of row?.plausible ?? []) {
      const va = byCol.get(`${rowKey}|${a}`);
      const vb = byCol.get(`${rowKey}|${b}`);
      if (va !== undefined && vb !== undefined && va > vb) score -= 1;
    }
  }
  return score;
}

const SUBTOTAL = '.subtotal';
const SUBTOTAL_LABEL = { label: '小计', variants: ['合计'] };

/**
 * Subtotals of 表三's groups, where a report prints them: a "小计" row after a group's items, or
 * numbers on the group's own heading row ("（三）不予公开 | 5 | 0 | …").
 */
function withSubtotals(stream: Stream, spec: TableSpec, matches: { row: RowSpec; m: LabelMatch }[]): { row: RowSpec; m: LabelMatch }[] {
  const extra: { row: RowSpec; m: LabelMatch }[] = [];
  for (const group of spec.groups ?? []) {
    if (group.ordinal?.style !== 'paren') continue;
    const idx = matches.map((x, i) => (x.row.group === group.key ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    const row: RowSpec = { key: group.key + SUBTOTAL, label: '小计', group: group.key };
    const first = idx[0]!;
    const last = idx[idx.length - 1]!;
    const after = matches[last + 1];
    const tail = findLabel(stream, SUBTOTAL_LABEL, { from: matches[last]!.m.cEnd, to: after ? after.m.cStart : stream.compact.length });
    if (tail) {
      extra.push({ row, m: tail });
      continue;
    }
    const before = matches[first - 1];
    const head = findLabel(stream, group, { from: before ? before.m.cEnd : 0, to: matches[first]!.m.cStart });
    if (head) {
      const tokens = readTokens(stream, head.end, matches[first]!.m.start, false).tokens.filter((t) => t.kind === 'number');
      if (tokens.length > 0) extra.push({ row, m: head });
    }
  }
  return [...matches, ...extra].sort((a, b) => a.m.start - b.m.start);
}

/**
 * Each row's label, in order: exact spellings first; then, only in the gap a missing row leaves
 * between its neighbours, spellings with a character or two misread.
 */
function matchRows(stream: Stream, rows: readonly RowSpec[], region: Region): { row: RowSpec; m: LabelMatch }[] {
  const found: (LabelMatch | null)[] = [];
  let cursor = region.from;
  for (const row of rows) {
    const m = findLabel(stream, row, { from: cursor, to: region.to });
    found.push(m);
    if (m) cursor = m.cEnd;
  }
  for (let i = 0; i < rows.length; i++) {
    if (found[i]) continue;
    const prev = found.slice(0, i).reverse().find((m) => m !== null);
    const next = found.slice(i + 1).find((m) => m !== null);
    found[i] = findLabel(stream, rows[i]!, { from: prev ? prev.cEnd : region.from, to: next ? next.cStart : region.to, fuzzy: true });
  }
  return rows.flatMap((row, i) => (found[i] ? [{ row, m: found[i]! }] : []));
}
