/**
 * One agency across years: each cell's value per year and its change from the year before,
 * plus the checker's across-years findings (years.*) for each consecutive pair.
 */
import { checkReport } from '../check/check.js';
import { GongkaiError } from '../errors.js';
import type { CellValue, Finding, Report } from '../model/report.js';
import { getAgency } from '../store/agencies.js';
import { reportCells } from '../store/cells.js';
import type { Store } from '../store/db.js';
import { seesAgency, type Scope } from '../store/scope.js';
import { reportOf } from '../store/reports.js';

export interface CompareCell {
  table: string;
  row: string;
  column: string;
  /** year → value (null: blank; absent: the year's layout has no such cell or no report). */
  values: Record<string, CellValue>;
  /** Consecutive years with both values present and different. */
  changes: { from: number; to: number; before: number; after: number; delta: number }[];
}

export interface Comparison {
  agency: { id: number; name: string };
  years: { year: number; reportId: number | null; template: string | null }[];
  cells: CompareCell[];
  /** years.* findings of each year against the one before it. */
  findings: { year: number; previousYear: number; findings: Finding[] }[];
}

export async function compare(store: Store, scope: Scope, input: { agencyId: number; from: number; to: number }): Promise<Comparison> {
  const { from, to } = input;
  if (!(from <= to) || to - from > 30) throw new GongkaiError('USAGE', '年度范围无效（起始年度须不晚于结束年度，且跨度不超过 30 年）');
  const agency = await getAgency(store, input.agencyId);
  if (!agency || !seesAgency(scope, agency)) throw new GongkaiError('NOT_FOUND', `机关 ${input.agencyId} 不存在或不在您的权限范围内`);

  const byYear = new Map<number, { id: number; report: Report }>();
  for (let y = from; y <= to; y++) {
    const r = await reportOf(store, agency.id, y);
    if (r) byYear.set(y, r);
  }

  const cells = new Map<string, CompareCell>();
  for (const [year, { report }] of byYear) {
    for (const c of reportCells(report)) {
      const key = `${c.table}|${c.row}|${c.column}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { table: c.table, row: c.row, column: c.column, values: {}, changes: [] }));
      cell.values[year] = c.value;
    }
  }
  for (const cell of cells.values()) {
    for (let y = from + 1; y <= to; y++) {
      const before = cell.values[y - 1];
      const after = cell.values[y];
      if (typeof before === 'number' && typeof after === 'number' && before !== after) {
        cell.changes.push({ from: y - 1, to: y, before, after, delta: Math.round((after - before) * 1e6) / 1e6 });
      }
    }
  }

  const findings: Comparison['findings'] = [];
  for (let y = from + 1; y <= to; y++) {
    const cur = byYear.get(y);
    const prev = byYear.get(y - 1);
    if (!cur || !prev) continue;
    const all = checkReport(cur.report, { previous: prev.report });
    findings.push({ year: y, previousYear: y - 1, findings: all.filter((f) => f.rule.startsWith('years.')) });
  }

  const years: Comparison['years'] = [];
  for (let y = from; y <= to; y++) {
    const r = byYear.get(y);
    years.push({ year: y, reportId: r?.id ?? null, template: r?.report.meta.template ?? null });
  }
  return { agency: { id: agency.id, name: agency.name }, years, cells: [...cells.values()], findings };
}
