/** What reading the source could not settle: runs of digits with more than one consistent split. */
import type { CellRef, CellSource } from '../../model/report.js';
import { rowName, TABLE_SHORT } from '../../model/names.js';
import type { TableId } from '../../model/templates.js';
import type { Problem, Rule } from '../rule.js';

export const ambiguousSplit: Rule = {
  id: 'extract.ambiguousSplit',
  severity: 'warning',
  description: '原文中多个数字连在一起（如“640020470”），按表格的勾稽关系仍有多种拆分方式，需人工确认',
  check: ({ report }) =>
    report.extraction.splits.map((s): Problem => {
      const rows = [...new Set(s.cells.map((c) => rowName(c.table, c.row)))].join('、');
      const options = s.candidates
        .slice(1, 5)
        .map((c) => c.join('·'))
        .join('；');
      return {
        message: s.consistent
          ? `${TABLE_SHORT[s.table]}「${rows}」的数字连写为“${s.raw}”，有 ${s.candidates.length} 种拆分都符合表格规则，已按最合理的一种（${s.candidates[0]?.join('·')}）读取；其他可能：${options}`
          : `${TABLE_SHORT[s.table]}「${rows}」的数字连写为“${s.raw}”，没有一种拆分能符合表格的勾稽关系（报告本身可能有误），暂按 ${s.candidates[0]?.join('·')} 读取`,
        cells: s.cells,
        loc: s.loc,
        data: { raw: s.raw, candidates: s.candidates, consistent: s.consistent },
      };
    }),
};

export const inferredSplit: Rule = {
  id: 'extract.inferredSplit',
  severity: 'info',
  description: '原文中多个数字连在一起，已按表格的勾稽关系唯一确定了拆分方式',
  check: ({ report }) => {
    const out: Problem[] = [];
    for (const [table, rows] of Object.entries(report.provenance)) {
      const refs: CellRef[] = [];
      const rowNames: string[] = [];
      let first: CellSource | undefined;
      for (const [row, cols] of Object.entries(rows)) {
        const split = Object.entries(cols).filter(([, src]) => src.method === 'split');
        if (split.length === 0) continue;
        first ??= split[0]![1];
        rowNames.push(rowName(table as TableId, row));
        for (const [column] of split) refs.push({ table: table as TableId, row, column });
      }
      if (refs.length === 0 || !first) continue;
      out.push({
        message: `${TABLE_SHORT[table as TableId]}有 ${rowNames.length} 行的数字在原文中连写（如“${first.raw}”），已按表格的勾稽关系唯一确定拆分：${rowNames.slice(0, 3).join('；')}${rowNames.length > 3 ? ' 等' : ''}`,
        cells: refs,
        loc: first.loc,
      });
    }
    return out;
  },
};

export const extractionRules: Rule[] = [ambiguousSplit, inferredSplit];
