/**
 * A region's state for one year: every agency under it with the status of its report (or its
 * absence), and how often each rule fired. Two queries, whatever the number of agencies.
 */
import { sql } from 'kysely';
import { GongkaiError } from '../errors.js';
import { getAgency, type Agency } from '../store/agencies.js';
import type { Store } from '../store/db.js';
import type { AgencyLevel, ReportStatus } from '../store/schema.js';
import { seesAgency, type Scope } from '../store/scope.js';

export type OverviewStatus = 'clean' | 'errors' | 'warnings' | 'missing' | 'unmatched';

export const STATUS_LABELS: Record<OverviewStatus, string> = {
  clean: '已发布·无问题',
  errors: '有错误',
  warnings: '有警告',
  missing: '未提交',
  unmatched: '待确认机关',
};

export interface OverviewAgency {
  id: number;
  parentId: number | null;
  level: AgencyLevel;
  name: string;
  status: OverviewStatus;
  statusLabel: string;
  reportId: number | null;
  counts: { error: number; warning: number; info: number };
}

export interface Overview {
  region: Agency | null;
  year: number;
  agencies: OverviewAgency[];
  totals: Record<OverviewStatus, number>;
  rules: { rule: string; severity: string; findings: number; reports: number }[];
  missing: { id: number; name: string }[];
}

/** The region to show: the requested one (if visible) or the user's own. */
export async function resolveRegion(store: Store, scope: Scope, regionId: number | undefined): Promise<Agency | null> {
  const id = regionId ?? (scope.kind === 'all' ? undefined : scope.agencyId);
  if (id === undefined) return null;
  const region = await getAgency(store, id);
  if (!region || !seesAgency(scope, region)) throw new GongkaiError('NOT_FOUND', `机关 ${id} 不存在或不在您的权限范围内`);
  return region;
}

export async function overview(store: Store, scope: Scope, input: { region?: number; year: number }): Promise<Overview> {
  const region = await resolveRegion(store, scope, input.region);
  const prefix = region?.path ?? '';
  // An editor sees its own agency only, never the agencies below it.
  const onlyOne = scope.kind === 'agency' ? scope.agencyId : null;

  let q = store.db
    .selectFrom('agencies')
    .leftJoin('reports', (j) => j.onRef('reports.agency_id', '=', 'agencies.id').on('reports.year', '=', input.year))
    .select(['agencies.id', 'agencies.parent_id', 'agencies.level', 'agencies.name', 'reports.id as report_id', 'reports.status', 'reports.error_count', 'reports.warning_count', 'reports.info_count'])
    .where('agencies.path', 'like', `${prefix}%`)
    .orderBy('agencies.path');
  if (onlyOne != null) q = q.where('agencies.id', '=', onlyOne);
  const rows = await q.execute();

  const totals: Record<OverviewStatus, number> = { clean: 0, errors: 0, warnings: 0, missing: 0, unmatched: 0 };
  const agencies = rows.map((r): OverviewAgency => {
    const status: OverviewStatus = r.report_id == null ? 'missing' : (r.status as ReportStatus);
    totals[status]++;
    return {
      id: r.id,
      parentId: r.parent_id,
      level: r.level,
      name: r.name,
      status,
      statusLabel: STATUS_LABELS[status],
      reportId: r.report_id,
      counts: { error: r.error_count ?? 0, warning: r.warning_count ?? 0, info: r.info_count ?? 0 },
    };
  });

  let rq = store.db
    .selectFrom('findings')
    .innerJoin('reports', 'reports.id', 'findings.report_id')
    .innerJoin('agencies', 'agencies.id', 'reports.agency_id')
    .select([
      'findings.rule',
      'findings.severity',
      (eb) => eb.fn.countAll<number>().as('findings'),
      sql<number>`count(distinct findings.report_id)`.as('reports'),
    ])
    .where('reports.year', '=', input.year)
    .where('agencies.path', 'like', `${prefix}%`)
    .groupBy(['findings.rule', 'findings.severity'])
    .orderBy('findings', 'desc');
  if (onlyOne != null) rq = rq.where('agencies.id', '=', onlyOne);
  const rules = (await rq.execute()).map((r) => ({ rule: r.rule, severity: r.severity, findings: Number(r.findings), reports: Number(r.reports) }));

  return { region, year: input.year, agencies, totals, rules, missing: agencies.filter((a) => a.status === 'missing').map((a) => ({ id: a.id, name: a.name })) };
}
