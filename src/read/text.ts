/**
 * Plain text → neutral document. Recognises the shapes reports take when copied or crawled:
 * - Word tables pasted as text: each cell on a line that starts with a tab, a cell's further
 *   lines without one ("商业\n企业"), a blank line between rows;
 * - tab-separated rows ("一、本年新收…\t0\t0\t…");
 * - pipe-separated rows ("| a | b |"), or one cell per line ending in "|" with "|||" for empty cells;
 * - everything else as paragraphs, one per line (crawler dumps where table cells ran together
 *   are paragraphs too: the extractor finds the labels inside them).
 */
import type { Block, NeutralDocument, ParagraphBlock, SourceInfo, TableCell } from './document.js';

type LineKind = 'blank' | 'tabCell' | 'tsv' | 'pipeRow' | 'pipeCells' | 'text';

interface Line {
  text: string;
  no: number;
  kind: LineKind;
}

const CRAWLER_FIELD = /^(标题|发布时间|发布日期|成文日期|文号|发布机构|发文机关|栏目|原文链接|本地目录|来源)\s*[:：]\s*(.*)$/;

export function readText(text: string, source: SourceInfo): NeutralDocument {
  const lines = splitLines(text).map((t, i): Line => ({ text: t, no: i + 1, kind: classify(t) }));
  const hints = crawlerHints(lines);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    switch (line.kind) {
      case 'blank':
        i++;
        break;
      case 'tabCell':
        i = readWordTable(lines, i, blocks);
        break;
      case 'tsv':
      case 'pipeRow':
        i = readRowTable(lines, i, blocks, line.kind);
        break;
      case 'pipeCells':
        i = readPipeCells(lines, i, blocks);
        break;
      case 'text':
        blocks.push(paragraph(line));
        i++;
        break;
    }
  }
  return { source, blocks, hints };
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r|\u2028|\u2029/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function classify(t: string): LineKind {
  if (t.trim() === '' && !t.includes('\t')) return 'blank';
  if (t.includes('|') || t.includes('｜')) {
    const fields = t.split(/[|｜]/).map((f) => f.trim());
    const filled = fields.filter((f) => f !== '').length;
    if (filled >= 2) return 'pipeRow';
    return 'pipeCells';
  }
  if (t.includes('\t')) {
    const fields = t.split('\t').map((f) => f.trim());
    const filled = fields.filter((f) => f !== '').length;
    if (filled >= 2) return 'tsv';
    if (t.startsWith('\t')) return 'tabCell';
  }
  return 'text';
}

function paragraph(line: Line): ParagraphBlock {
  return { kind: 'paragraph', text: line.text, loc: { line: line.no, column: 1 } };
}

/** Word table pasted as text: tab-led cells, continuation lines, blank line = end of row. */
function readWordTable(lines: Line[], start: number, blocks: Block[]): number {
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  let cell: TableCell | null = null;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'tabCell') {
      const body = line.text.slice(1);
      cell = { text: body, loc: { line: line.no, column: 2 } };
      row.push(cell);
      continue;
    }
    if (line.kind === 'blank') {
      if (row.length > 0) rows.push(row);
      row = [];
      cell = null;
      // The table goes on only if the next non-blank line is another cell.
      let j = i + 1;
      while (j < lines.length && lines[j]!.kind === 'blank') j++;
      if (j >= lines.length || lines[j]!.kind !== 'tabCell') {
        i = j;
        break;
      }
      continue;
    }
    if (cell !== null && (line.kind === 'text' || line.kind === 'tsv')) {
      // A cell's second paragraph: Word drops the tab on every line but the first.
      cell.text += '\n' + line.text;
      continue;
    }
    break;
  }
  if (row.length > 0) rows.push(row);
  blocks.push({ kind: 'table', rows, rowsKnown: true, loc: { line: lines[start]!.no, column: 1 } });
  return i;
}

/** One row per line, cells separated by tabs or pipes. */
function readRowTable(lines: Line[], start: number, blocks: Block[], kind: 'tsv' | 'pipeRow'): number {
  const rows: TableCell[][] = [];
  let i = start;
  for (; i < lines.length && lines[i]!.kind === kind; i++) {
    const line = lines[i]!;
    rows.push(splitRow(line, kind === 'tsv' ? '\t' : /[|｜]/));
  }
  blocks.push({ kind: 'table', rows, rowsKnown: true, loc: { line: lines[start]!.no, column: 1 } });
  return i;
}

function splitRow(line: Line, sep: string | RegExp): TableCell[] {
  const cells: TableCell[] = [];
  const re = typeof sep === 'string' ? new RegExp(escapeRegExp(sep), 'g') : new RegExp(sep.source, 'g');
  let from = 0;
  let m: RegExpExecArray | null;
  const pieces: [number, number][] = [];
  while ((m = re.exec(line.text)) !== null) {
    pieces.push([from, m.index]);
    from = m.index + m[0].length;
  }
  pieces.push([from, line.text.length]);
  // "| a | b |" has empty edges that are not cells.
  const isPipe = typeof sep !== 'string';
  pieces.forEach(([a, b], k) => {
    if (isPipe && (k === 0 || k === pieces.length - 1) && line.text.slice(a, b).trim() === '') return;
    cells.push({ text: line.text.slice(a, b), loc: { line: line.no, column: a + 1 } });
  });
  return cells;
}

/**
 * "cell |" one per line and "|||" for empty cells: row ends are lost, so the block is one
 * long row and the extractor relies on labels alone.
 */
function readPipeCells(lines: Line[], start: number, blocks: Block[]): number {
  const cells: TableCell[] = [];
  let i = start;
  for (; i < lines.length && (lines[i]!.kind === 'pipeCells' || lines[i]!.kind === 'pipeRow'); i++) {
    const line = lines[i]!;
    const parts = line.text.split(/[|｜]/);
    let col = 0;
    // The text before each pipe is a cell; text after the last pipe (usually nothing) too.
    parts.forEach((p, k) => {
      if (k === parts.length - 1 && p.trim() === '') return;
      cells.push({ text: p, loc: { line: line.no, column: col + 1 } });
      col += p.length + 1;
    });
  }
  blocks.push({ kind: 'table', rows: [cells], rowsKnown: false, loc: { line: lines[start]!.no, column: 1 } });
  return i;
}

function crawlerHints(lines: Line[]): NeutralDocument['hints'] {
  const hints: NeutralDocument['hints'] = {};
  for (const line of lines.slice(0, 20)) {
    const m = CRAWLER_FIELD.exec(line.text.trim());
    if (!m) continue;
    const value = m[2]!.trim();
    if (value === '') continue;
    if (m[1] === '标题' && !hints.title) hints.title = value;
    if ((m[1] === '发布时间' || m[1] === '发布日期' || m[1] === '成文日期') && !hints.published) hints.published = value;
    if ((m[1] === '发布机构' || m[1] === '发文机关') && !hints.agency) hints.agency = value;
  }
  return hints;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

