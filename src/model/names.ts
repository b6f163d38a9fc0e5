/**
 * How a table, row, column or cell is named to a person: "表三「（七）总计」行「自然人」列".
 * Derived from the layouts, so messages, exports and the UI say the same thing.
 */
import type { CellRef } from './report.js';
import { TEMPLATES, type RowSpec, type TableId } from './templates.js';

export const TABLE_SHORT: Record<TableId, string> = { active: '表二', requests: '表三', appeals: '表四' };

const APPEAL_GROUPS: Record<string, string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼·未经复议直接起诉',
  litigationAfterReconsideration: '行政诉讼·复议后起诉',
};

function findRow(table: TableId, key: string): { row: RowSpec; groupOrdinal?: string } | null {
  for (const t of [TEMPLATES['2021'], TEMPLATES['2019']]) {
    const spec = t.tables[table];
    const row = spec.rows.find((r) => r.key === key);
    if (row) {
      const group = row.group ? spec.groups?.find((g) => g.key === row.group) : undefined;
      return group?.ordinal?.style === 'paren' ? { row, groupOrdinal: group.ordinal.value } : { row };
    }
  }
  return null;
}

/** The row as printed, with its ordinal: "一、本年新收政府信息公开申请数量", "（三）1.属于国家秘密". */
export function rowName(table: TableId, key: string): string {
  if (table === 'appeals') return APPEAL_GROUPS[key] ?? key;
  const found = findRow(table, key);
  if (!found) return key;
  const { row, groupOrdinal } = found;
  const o = row.ordinal;
  if (!o) return row.label;
  if (o.style === 'cn') return `${o.value}、${row.label}`;
  if (o.style === 'paren') return `（${o.value}）${row.label}`;
  return `${groupOrdinal ? `（${groupOrdinal}）` : ''}${o.value}.${row.label}`;
}

export function columnName(table: TableId, row: string, column: string): string {
  for (const t of [TEMPLATES['2021'], TEMPLATES['2019']]) {
    const spec = t.tables[table];
    const r = spec.rows.find((x) => x.key === row);
    const cols = r?.columns ?? spec.columns;
    const c = cols?.find((x) => x.key === column);
    if (c) return c.label;
  }
  return column;
}

/** 表三「（七）总计」行「自然人」列 */
export function cellName(c: CellRef): string {
  const row = rowName(c.table, c.row);
  if (!c.column) return `${TABLE_SHORT[c.table]}「${row}」行`;
  const col = columnName(c.table, c.row, c.column);
  return c.table === 'appeals' ? `${TABLE_SHORT.appeals}「${row}」「${col}」` : `${TABLE_SHORT[c.table]}「${row}」行「${col}」列`;
}

/** Shorter, inside a message that already names the table and row. */
export function columnList(cells: CellRef[]): string {
  return cells.map((c) => columnName(c.table, c.row, c.column)).join('、');
}
