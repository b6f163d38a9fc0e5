/** 表四 against 表三: appeals need applications to appeal against. */
import type { Report } from '../../model/report.js';
import type { Rule } from '../rule.js';

function total(report: Report, table: 'requests' | 'appeals', row: string): number {
  const v = report.tables[table][row]?.total;
  return typeof v === 'number' ? v : 0;
}

export const plausible: Rule = {
  id: 'appeals.plausible',
  severity: 'info',
  description: '有行政复议或行政诉讼，但本年度和上一年度都没有政府信息公开申请',
  check: ({ report, previous }) => {
    if (report.meta.kind !== 'report') return [];
    const groups = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
    const appeals = groups.reduce((s, g) => s + total(report, 'appeals', g), 0);
    if (appeals === 0) return [];
    const applications = total(report, 'requests', 'received.new') + total(report, 'requests', 'received.carriedOver');
    const last = previous ? total(previous, 'requests', 'received.new') + total(previous, 'requests', 'received.carriedOver') : null;
    if (applications > 0 || (last !== null && last > 0)) return [];
    return [
      {
        message: `表四有行政复议、行政诉讼共 ${appeals} 件，但表三本年度${previous ? '和上一年度' : ''}没有收到或结转任何政府信息公开申请，请核实`,
        cells: groups.map((row) => ({ table: 'appeals' as const, row, column: 'total' })),
      },
    ];
  },
};

export const appealsRules: Rule[] = [plausible];
