/**
 * Roll-up: the three tables summed over a set of agencies' reports for one year, in SQL over
 * the cell rows. Each summed cell says which reports it is made of: every report of the
 * roll-up except those that left it blank (`missing`, listed) or whose layout lacks it
 * (`absent`, listed). The per-report values of one cell come with `cell` in the request — a
 * thousand reports × 200 cells of values would be megabytes nobody reads at once.
 */
import { sql } from 'kysely';
import { GongkaiError } from '../errors.js';
import type { TableId } from '../model/templates.js';
import { allCellKeys } from '../store/cells.js';
import type { Store } from '../store/db.js';
import { seesAgency, type Scope } from '../store/scope.js';

export interface RollupCell {
  value: number;
  /** How many reports have a number in this cell (they are the contributors). */
  reports: number;
  /** Reports whose cell is blank (null): the sum is incomplete without them. */
  missing: number[];
  /** Reports whose tables do not have this cell at all (another layout). */
  absent: number[];
}

export interface RollupContribution {
  reportId: number;
  agencyId: number;
  agency: string;
  value: number | null;
}

export interface Rollup {
  year: number;
  reports: { id: number; agencyId: number; agency: string; template: string | null; status: string }[];
  /** Agencies asked for that have no report for the year. */
  missingAgencies: { id: number; name: string }[];
  tables: Record<TableId, Record<string, Record<string, RollupCell>>>;
  /** With `cell` in the request: every report's value of that cell, largest first. */
  contributions?: RollupContribution[];
}

export async function rollup(store: Store, scope: Scope, input: { agencyIds: number[]; year: number; cell?: { table: string; row: string; column: string } }): Promise<Rollup> {
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
    return (row[k.column] ??= { value: 0, reports: 0, missing: [], absent: [] });
  };

  // Sums in the database; only non-zero and blank cells travel back individually.
  const rowsPerCell = new Map<number, number>();
  const sums = await inChunks(reportIds, (chunk) =>
    store.db
      .selectFrom('cells')
      .select(['cell_id', sql<number>`sum(value)`.as('total'), sql<number>`count(value)`.as('n'), sql<number>`count(*)`.as('rows')])
      .where('report_id', 'in', chunk)
      .groupBy('cell_id')
      .execute(),
  );
  for (const s of sums) {
    const c = cellOf(s.cell_id);
    if (!c) continue;
    c.value = roundSum(c.value + Number(s.total ?? 0));
    c.reports += Number(s.n);
    rowsPerCell.set(s.cell_id, (rowsPerCell.get(s.cell_id) ?? 0) + Number(s.rows));
  }
  const blanks = await inChunks(reportIds, (chunk) => store.db.selectFrom('cells').select(['report_id', 'cell_id']).where('report_id', 'in', chunk).where('value', 'is', null).execute());
  for (const b of blanks) cellOf(b.cell_id)?.missing.push(b.report_id);
  // Cells some reports lack: rare (mixed layouts), so the per-report lookup runs only for them.
  const partial = [...rowsPerCell].filter(([, n]) => n < reportIds.length).map(([cellId]) => cellId);
  if (partial.length > 0) {
    const have = await inChunks(reportIds, (chunk) => store.db.selectFrom('cells').select(['report_id', 'cell_id']).where('report_id', 'in', chunk).where('cell_id', 'in', partial).execute());
    const present = new Map<number, Set<number>>();
    for (const h of have) present.set(h.cell_id, (present.get(h.cell_id) ?? new Set()).add(h.report_id));
    for (const cellId of partial) {
      const c = cellOf(cellId)!;
      const p = present.get(cellId) ?? new Set();
      c.absent = reportIds.filter((id) => !p.has(id));
    }
  }

  const withReport = new Set(reports.map((r) => r.agency_id));
  const result: Rollup = {
    year: input.year,
    reports: reports.map((r) => ({ id: r.id, agencyId: r.agency_id!, agency: found.get(r.agency_id!)!.name, template: r.template, status: r.status })),
    missingAgencies: ids.filter((id) => !withReport.has(id)).map((id) => ({ id, name: found.get(id)!.name })),
    tables,
  };
  if (input.cell) result.contributions = await contributions(store, result, input.cell);
  return result;
}

async function contributions(store: Store, r: Rollup, cell: { table: string; row: string; column: string }): Promise<RollupContribution[]> {
  const key = await store.db.selectFrom('cell_keys').select('id').where('tbl', '=', cell.table).where('row_key', '=', cell.row).where('col_key', '=', cell.column).executeTakeFirst();
  if (!key) throw new GongkaiError('NOT_FOUND', `没有单元格 ${cell.table}.${cell.row}.${cell.column}`);
  const byReport = new Map(r.reports.map((x) => [x.id, x]));
  const rows = await inChunks([...byReport.keys()], (chunk) => store.db.selectFrom('cells').select(['report_id', 'value']).where('cell_id', '=', key.id).where('report_id', 'in', chunk).execute());
  return rows
    .map((x) => ({ reportId: x.report_id, agencyId: byReport.get(x.report_id)!.agencyId, agency: byReport.get(x.report_id)!.agency, value: x.value }))
    .sort((a, b) => Math.abs(b.value ?? 0) - Math.abs(a.value ?? 0));
}

/** Fees are decimal: keep sums free of binary floating-point dust. */
const roundSum = (v: number) => Math.round(v * 1e6) / 1e6;

/** Bound the size of IN lists (SQLite allows 32,766 parameters, PostgreSQL 65,535). */
async function inChunks<T, R>(items: T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 5000) out.push(...(await run(items.slice(i, i + 5000))));
  return out;
}
