/**
 * How the official tables are drawn, derived from the layout declarations in
 * src/model/templates.ts. Rows, columns and labels come from there; this module only decides
 * the header cells and spans of the printed form.
 */
import { TEMPLATES, TABLE_NAMES, columnsOf, templateForYear, type ColumnSpec, type RowSpec, type TableSpec, type Template } from '../../../src/model/templates.js';
import type { CellRef, Report, TableData, TableId, TemplateId } from '../types.js';
import { labelText } from './format.js';

export { TABLE_NAMES, TEMPLATES };

/** Short names used in messages and headings ("表三"). */
export function shortTableName(id: TableId): string {
  return TABLE_NAMES[id].split(' ')[0] ?? id;
}

export function tableTitle(id: TableId): string {
  return TABLE_NAMES[id];
}

/** The layout each table was read with (a report may mix layouts), falling back to the year's. */
export function templateOfTable(report: Pick<Report, 'meta'>, table: TableId): Template {
  const id: TemplateId = report.meta.layout?.[table] ?? report.meta.template ?? templateForYear(report.meta.year ?? 0) ?? '2021';
  return TEMPLATES[id];
}

export function templateForYearOrLatest(year: number | null | undefined): Template {
  return TEMPLATES[templateForYear(year ?? 0) ?? '2021'];
}

/**
 * The rows to draw: the layout's, plus any row the data holds that the layout does not (a report
 * that mixes layouts keeps its rows; see spec/report-json.md).
 */
export function rowsToDraw(spec: TableSpec, data: TableData | undefined): RowSpec[] {
  const rows = [...spec.rows];
  const known = new Set(rows.map((r) => r.key));
  for (const key of Object.keys(data ?? {})) {
    if (!known.has(key)) rows.push({ key, label: key });
  }
  return rows;
}

// --- 表二 ------------------------------------------------------------------------------------

export interface ActiveSection {
  /** "第二十条第（一）项" */
  heading: string;
  columns: readonly ColumnSpec[];
  rows: RowSpec[];
}

/** 表二 is printed as blocks, one per article of 第二十条, each with its own column headings. */
export function activeSections(spec: TableSpec, data: TableData | undefined): ActiveSection[] {
  const out: ActiveSection[] = [];
  for (const row of rowsToDraw(spec, data)) {
    const cols = row.columns ?? spec.columns ?? Object.keys(data?.[row.key] ?? {}).map((key) => ({ key, label: key, kind: 'count' as const }));
    const heading = row.article ? `第二十条第${row.article}项` : '';
    const last = out[out.length - 1];
    const sameCols = last && last.columns.map((c) => c.key).join() === cols.map((c) => c.key).join();
    if (last && last.heading === heading && sameCols) last.rows.push(row);
    else out.push({ heading, columns: cols, rows: [row] });
  }
  return out;
}

export function columnHeading(col: ColumnSpec): string {
  return col.unit ? `${col.label}（单位：${col.unit}）` : col.label;
}

// --- 表三 ------------------------------------------------------------------------------------

export interface LabelCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** A group heading (spans rows) rather than the row's own label. */
  group: boolean;
}

/**
 * The label cells at the start of each printed row of 表三: group headings ("三、本年度办理结果",
 * "（三）不予公开") span the rows of their group; a row's own label spans the remaining columns.
 */
export function requestLabelCells(spec: TableSpec, rows: RowSpec[]): { depth: number; cells: LabelCell[][] } {
  const groups = new Map((spec.groups ?? []).map((g) => [g.key, g]));
  const chain = (row: RowSpec): string[] => {
    const out: string[] = [];
    let g = row.group;
    while (g) {
      if (groups.has(g)) out.unshift(g);
      const dot = g.lastIndexOf('.');
      g = dot > 0 ? g.slice(0, dot) : undefined;
    }
    return out;
  };
  const chains = rows.map(chain);
  const depth = Math.max(1, ...chains.map((c) => c.length + 1));
  const cells = rows.map((row, i) => {
    const c = chains[i]!;
    const out: LabelCell[] = [];
    for (const [level, g] of c.entries()) {
      const prev = chains[i - 1];
      if (prev && prev[level] === g) continue; // already opened by an earlier row
      let span = 0;
      for (let j = i; j < rows.length && chains[j]![level] === g; j++) span++;
      out.push({ text: labelText(groups.get(g)!), rowSpan: span, colSpan: 1, group: true });
    }
    out.push({ text: labelText(row), rowSpan: 1, colSpan: depth - c.length, group: false });
    return out;
  });
  return { depth, cells };
}

/**
 * 表三's applicant columns: 自然人 and 总计 stand alone; the columns between them are printed
 * under "法人或其他组织", all under "申请人情况".
 */
export function requestColumnGroups(spec: TableSpec): { first: ColumnSpec[]; grouped: ColumnSpec[]; last: ColumnSpec[]; groupLabel: string; topLabel: string } {
  const cols = [...(spec.columns ?? [])];
  const first = cols.slice(0, 1);
  const last = cols.filter((c) => c.key === 'total');
  const grouped = cols.slice(1).filter((c) => c.key !== 'total');
  const has = (h: string) => spec.headers.find((x) => x === h);
  return { first, grouped, last, groupLabel: has('法人或其他组织') ?? '', topLabel: has('申请人情况') ?? '' };
}

/** The note printed in 表三's corner: the relation its columns satisfy (requests.balance). */
export function balanceNote(spec: TableSpec): string {
  const h = spec.headers.find((x) => x.startsWith('本列数据的勾稽关系'));
  return h ? `（${h}：第一项加第二项之和，等于第三项加第四项之和）` : '';
}

// --- 表四 ------------------------------------------------------------------------------------

/** 表四's groups: 行政复议 alone, the two 行政诉讼 groups under one heading. */
export function appealGroups(spec: TableSpec): { single: RowSpec[]; litigation: RowSpec[]; litigationLabel: string } {
  const litigationLabel = spec.headers.find((h) => h === '行政诉讼') ?? '行政诉讼';
  return {
    single: spec.rows.filter((r) => !r.key.startsWith('litigation')),
    litigation: spec.rows.filter((r) => r.key.startsWith('litigation')),
    litigationLabel,
  };
}

// --- naming cells ----------------------------------------------------------------------------

/** "表三 （七）总计 自然人": a cell named the way a clerk reads the printed form. */
export function describeCell(templateOf: (t: TableId) => Template, ref: CellRef): string {
  const spec = templateOf(ref.table).tables[ref.table];
  const row = spec.rows.find((r) => r.key === ref.row);
  const rowText = row ? labelText(row) : ref.row;
  let colText = ref.column;
  if (row) {
    try {
      colText = columnsOf(spec, row).find((c) => c.key === ref.column)?.label ?? ref.column;
    } catch {
      // a row without columns in the layout: keep the key
    }
  }
  if (ref.table === 'appeals') {
    const group = row && row.key.startsWith('litigation') ? `行政诉讼·${row.label}` : rowText;
    return `${shortTableName(ref.table)} ${group} ${colText}`;
  }
  return `${shortTableName(ref.table)} ${rowText} ${colText}`;
}
