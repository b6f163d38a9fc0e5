/**
 * 表三's sums and 勾稽关系 and 表四's totals: one rule per relation family, each relation
 * derived from the layout in model/relations.ts (the same relations split run-together digits).
 */
import type { CellRef, Report } from '../../model/report.js';
import { cellName, columnName, rowName, TABLE_SHORT } from '../../model/names.js';
import { relationsFor, type Relation, type RelationRule } from '../../model/relations.js';
import { fmt, templateOf, value, type Problem, type Rule } from '../rule.js';

function presentRows(report: Report, table: 'requests' | 'appeals'): Set<string> {
  return new Set(Object.keys(report.tables[table] ?? {}));
}

/** Sum of cells, null counting as nothing; how many were blank. */
function sum(report: Report, cells: CellRef[]): { total: number; blanks: CellRef[] } {
  let total = 0;
  const blanks: CellRef[] = [];
  for (const c of cells) {
    const v = value(report, c);
    if (v === null || v === undefined) blanks.push(c);
    else total += v;
  }
  return { total, blanks };
}

function relationProblems(report: Report, rule: RelationRule, describe: (r: Relation, l: number, s: number, blanks: CellRef[]) => string): Problem[] {
  const table = rule.startsWith('appeals') ? 'appeals' : 'requests';
  const t = templateOf(report, table);
  if (!t) return [];
  const out: Problem[] = [];
  for (const r of relationsFor(t, table, presentRows(report, table))) {
    if (r.rule !== rule) continue;
    const l = sum(report, r.lhs);
    const s = sum(report, r.rhs);
    const blanks = [...l.blanks, ...s.blanks];
    // An all-blank relation says nothing; blank cells alone are number.blank's business.
    if (blanks.length === r.lhs.length + r.rhs.length) continue;
    if (Math.abs(l.total - s.total) < 1e-9) continue;
    out.push({
      message: describe(r, l.total, s.total, blanks),
      cells: [...r.lhs, ...r.rhs],
      data: { left: l.total, right: s.total, blank: blanks.map(cellName) },
    });
  }
  return out;
}

const blankNote = (blanks: CellRef[]) => (blanks.length > 0 ? `（其中 ${blanks.length} 个单元格为空，按 0 计算）` : '');

export const rowTotal: Rule = {
  id: 'requests.rowTotal',
  severity: 'error',
  description: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  check: ({ report }) =>
    relationProblems(report, 'requests.rowTotal', (r, l, s, blanks) => {
      const row = rowName('requests', r.along.row!);
      const totalBlank = value(report, r.lhs[0]!) == null;
      return totalBlank
        ? `表三「${row}」行：总计为空，而各申请人列之和为 ${fmt(s)}`
        : `表三「${row}」行：总计为 ${fmt(l)}，但各申请人列之和为 ${fmt(s)}${blankNote(blanks)}`;
    }),
};

export const resultTotal: Rule = {
  id: 'requests.resultTotal',
  severity: 'error',
  description: '表三每一列：三（七）总计 = 三（一）至（六）各项之和',
  check: ({ report }) =>
    relationProblems(report, 'requests.resultTotal', (r, l, s, blanks) => {
      const col = columnName('requests', 'result.total', r.along.column!);
      return `表三「${col}」列：（七）总计为 ${fmt(l)}，但（一）至（六）各项之和为 ${fmt(s)}${blankNote(blanks)}`;
    }),
};

export const balance: Rule = {
  id: 'requests.balance',
  severity: 'error',
  description: '表三每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理（表中注明的勾稽关系）',
  check: ({ report }) =>
    relationProblems(report, 'requests.balance', (r, l, s, blanks) => {
      const col = columnName('requests', 'received.new', r.along.column!);
      return `表三「${col}」列：一、本年新收与二、上年结转之和为 ${fmt(l)}，但三（七）总计与四、结转下年度之和为 ${fmt(s)}，不符合“第一项加第二项之和，等于第三项加第四项之和”${blankNote(blanks)}`;
    }),
};

export const appealsTotal: Rule = {
  id: 'appeals.total',
  severity: 'error',
  description: '表四：行政复议、未经复议直接起诉、复议后起诉各自的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  check: ({ report }) =>
    relationProblems(report, 'appeals.total', (r, l, s, blanks) => {
      const group = rowName('appeals', r.along.row!);
      return `${TABLE_SHORT.appeals}「${group}」：总计为 ${fmt(l)}，但结果维持、结果纠正、其他结果、尚未审结之和为 ${fmt(s)}${blankNote(blanks)}`;
    }),
};

const GROUP_NAMES: Record<string, string> = {
  'result.denied': '（三）不予公开',
  'result.unavailable': '（四）无法提供',
  'result.notProcessed': '（五）不予处理',
  'result.other': '（六）其他处理',
};

export const subtotal: Rule = {
  id: 'requests.subtotal',
  severity: 'error',
  description: '表三中报告自行加列的（三）至（六）小计行，每一列等于该项下各小项之和',
  check: ({ report }) => {
    const out: Problem[] = [];
    for (const [group, cols] of Object.entries(report.subtotals ?? {})) {
      const items = Object.keys(report.tables.requests).filter((k) => k.startsWith(group + '.'));
      if (items.length === 0) continue;
      for (const [column, v] of Object.entries(cols)) {
        if (v === null || v === undefined) continue;
        const parts = items.map((row): CellRef => ({ table: 'requests', row, column }));
        const s = sum(report, parts);
        if (Math.abs(s.total - v) < 1e-9) continue;
        const col = columnName('requests', 'result.total', column);
        out.push({
          message: `表三「${GROUP_NAMES[group] ?? group}」小计「${col}」列为 ${fmt(v)}，但其下各小项之和为 ${fmt(s.total)}${blankNote(s.blanks)}`,
          cells: parts,
          data: { subtotal: v, sum: s.total },
        });
      }
    }
    return out;
  },
};

export const arithmeticRules: Rule[] = [rowTotal, resultTotal, balance, subtotal, appealsTotal];
