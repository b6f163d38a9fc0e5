/**
 * Roll-up: the three tables summed over a set of agencies' reports for one year, in SQL over
 * the cell rows. Each summed cell says which reports contributed a non-zero value and which
 * left it blank, so a reviewer can click from a total to its sources.
 */
import { sql } from 'kysely';
import { GongkaiError } from '../errors.js';
import type { TableId } from '../model/templates.js';
import { allCellKeys } from '../store/cells.js';
import type { Store } from '../store/db.js';
import { seesAgency, type Scope } from '../store/scope.js';

export interface RollupCell {
  value: number;
  /** Reports with a number in this cell. */
  reports: number;
  /** Reports whose cell is blank (null): the sum is incomplete without them. */
  missing: number[];
  /** Non-zero contributions, largest first. */
  contributions: { reportId: number; value: number }[];
}

export interface Rollup {
  year: number;
  reports: { id: number; agencyId: number; agency: string; template: string | null; status: string }[];
  /** Agencies asked for that have no report for the year. */
  missingAgencies: { id: number; name: string }[];
  tables: Record<TableId, Record<string, Record<string, RollupCell>>>;
}

export async function rollup(store: Store, scope: Scope, input: { agencyIds: number[]; year: number }): Promise<Rollup> {
  const ids = [...new Set(input.agencyIds)];
  if (ids.length === 0) throw new GongkaiError('USAGE', '请至少选择一个机关');
  const agencies = await inChunks(ids, (chunk) => store.db.selectFrom('agencies').select(['id', 'name', 'path']).where('id', 'in', chunk).execute());
  const found = new Map(agencies.map((a) => [a.id, a]));
  for (const id of ids) {
    const a = found.get(id);
    if (!a || !seesAgency(scope, a)) throw new GongkaiError('NOT_FOUND', `机关 ${id} 不存在或不在您的权限范围内`);
  }
  const reports = await inChunks(ids, (chunk) =>
    store.db.selectFrom('reports').select(['id', 'agency_id', 'template', 'status']).where('agency_id', 'in', chunk).where('year', '=', input.year).execute(),
  );
  const reportIds = reports.map((r) => r.id);
  const keys = await allCellKeys(store);
  const tables: Rollup['tables'] = { active: {}, requests: {}, appeals: {} };
  const cellOf = (cellId: number): RollupCell | undefined => {
    const k = keys.get(cellId);
    if (!k) return undefined;
    const row = (tables[k.table] ??= {})[k.row] ??= {};
    return (row[k.column] ??= { value: 0, reports: 0, missing: [], contributions: [] });
  };

  // Sums in the database; only non-zero and blank cells travel back individually.
  const sums = await inChunks(reportIds, (chunk) =>
    store.db
      .selectFrom('cells')
      .select(['cell_id', sql<number>`sum(value)`.as('total'), sql<number>`count(value)`.as('n')])
      .where('report_id', 'in', chunk)
      .groupBy('cell_id')
      .execute(),
  );
  for (const s of sums) {
    const c = cellOf(s.cell_id);
    if (!c) continue;
    c.value = roundSum(c.value + Number(s.total ?? 0));
    c.reports += Number(s.n);
  }
  const details = await inChunks(reportIds, (chunk) =>
    store.db
      .selectFrom('cells')
      .select(['report_id', 'cell_id', 'value'])
      .where('report_id', 'in', chunk)
      .where((eb) => eb.or([eb('value', 'is', null), eb('value', '<>', 0)]))
      .execute(),
  );
  for (const d of details) {
    const c = cellOf(d.cell_id);
    if (!c) continue;
    if (d.value == null) c.missing.push(d.report_id);
    else c.contributions.push({ reportId: d.report_id, value: d.value });
  }
  for (const rows of Object.values(tables)) for (const cols of Object.values(rows)) for (const c of Object.values(cols)) c.contributions.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));

  const withReport = new Set(reports.map((r) => r.agency_id));
  return {
    year: input.year,
    reports: reports.map((r) => ({ id: r.id, agencyId: r.agency_id!, agency: found.get(r.agency_id!)!.name, template: r.template, status: r.status })),
    missingAgencies: ids.filter((id) => !withReport.has(id)).map((id) => ({ id, name: found.get(id)!.name })),
    tables,
  };
}

/** Fees are decimal: keep sums free of binary floating-point dust. */
const roundSum = (v: number) => Math.round(v * 1e6) / 1e6;

/** Bound the size of IN lists (SQLite allows 32,766 parameters, PostgreSQL 65,535). */
async function inChunks<T, R>(items: T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 5000) out.push(...(await run(items.slice(i, i + 5000))));
  return out;
}
