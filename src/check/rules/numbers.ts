/** Is every cell a number of the right kind, present, in the right unit? */
import type { CellRef } from '../../model/report.js';
import { cellName, columnList, rowName, TABLE_SHORT } from '../../model/names.js';
import { fmt, layoutRows, type Problem, type Rule } from '../rule.js';

/** Largest plausible 行政事业性收费 in 万元 (100 亿元): above it the unit was probably 元. */
const MAX_FEES_WAN = 1_000_000;

export const format: Rule = {
  id: 'number.format',
  severity: 'error',
  description: '计数为非负整数，金额为非负数；写成“—”“/”“无”等非数字的单元格逐一列出',
  check: ({ report }) => {
    const out: Problem[] = [];
    for (const n of report.extraction.nonNumeric) {
      out.push({ message: `${cellName(n.cell)}填写的是“${n.raw}”，不是数字`, cells: [n.cell], loc: n.loc, data: { raw: n.raw } });
    }
    for (const { table, row, columns, data } of layoutRows(report)) {
      for (const col of columns) {
        const v = data[col.key];
        if (v === null || v === undefined) continue;
        const cell: CellRef = { table, row: row.key, column: col.key };
        if (col.kind === 'count' && (!Number.isInteger(v) || v < 0)) {
          out.push({ message: `${cellName(cell)}为 ${fmt(v)}：件数应为非负整数`, cells: [cell] });
        } else if (col.kind === 'signed' && !Number.isInteger(v)) {
          out.push({ message: `${cellName(cell)}为 ${fmt(v)}：增减数应为整数`, cells: [cell] });
        } else if (col.kind === 'amount' && v < 0) {
          out.push({ message: `${cellName(cell)}为 ${fmt(v)}：金额不应为负数`, cells: [cell] });
        }
      }
    }
    return out;
  },
};

export const blank: Rule = {
  id: 'number.blank',
  severity: 'warning',
  description: '表格中应填数字的单元格为空（没有数字应填 0）',
  check: ({ report }) => {
    const out: Problem[] = [];
    const nonNumeric = new Set(report.extraction.nonNumeric.map((n) => `${n.cell.table}|${n.cell.row}|${n.cell.column}`));
    for (const { table, row, columns, data } of layoutRows(report)) {
      const cells = columns
        .filter((c) => data[c.key] === null && !nonNumeric.has(`${table}|${row.key}|${c.key}`))
        .map((c): CellRef => ({ table, row: row.key, column: c.key }));
      if (cells.length === 0) continue;
      const where = table === 'appeals' ? `${TABLE_SHORT[table]}「${rowName(table, row.key)}」` : `${TABLE_SHORT[table]}「${rowName(table, row.key)}」行`;
      out.push({ message: `${where}有 ${cells.length} 个单元格为空：${columnList(cells)}`, cells });
    }
    return out;
  },
};

export const unit: Rule = {
  id: 'number.unit',
  severity: 'warning',
  description: '表二收费金额以万元为单位：写成“元”或数额大得不像万元的，予以提示',
  check: ({ report }) => {
    const out: Problem[] = [];
    for (const { row, columns } of layoutRows(report, ['active'])) {
      for (const col of columns) {
        if (col.kind !== 'amount') continue;
        const cell: CellRef = { table: 'active', row: row.key, column: col.key };
        const src = report.provenance.active[row.key]?.[col.key];
        const v = report.tables.active[row.key]?.[col.key];
        if (src?.unit && col.unit && src.unit !== col.unit) {
          out.push({ message: `${cellName(cell)}写作“${src.raw}”，单位应为${col.unit}`, cells: [cell], data: { unit: src.unit } });
        } else if (src?.unit && !col.unit) {
          out.push({ message: `${cellName(cell)}写作“${src.raw}”：格式未规定单位，汇总时请注意换算`, cells: [cell], severity: 'info', data: { unit: src.unit } });
        } else if (col.unit === '万元' && typeof v === 'number' && v > MAX_FEES_WAN) {
          out.push({ message: `${cellName(cell)}为 ${fmt(v)} 万元（${fmt(v / 10000)} 亿元），数额异常，可能误以“元”为单位填写`, cells: [cell] });
        }
      }
    }
    return out;
  },
};

export const numberRules: Rule[] = [format, blank, unit];
