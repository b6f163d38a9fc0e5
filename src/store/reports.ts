/**
 * Reports and their immutable versions. Every write of a version (import, re-import,
 * correction) happens in one transaction together with the current findings and cells, so the
 * store never shows a version without its findings or a half-written cell list.
 */
import { checkReport } from '../check/check.js';
import type { CheckConfig } from '../check/config.js';
import type { Transaction } from 'kysely';
import { GongkaiError } from '../errors.js';
import type { Finding, Report } from '../model/report.js';
import type { AgencyMatch } from './agencies.js';
import { writeCells } from './cells.js';
import type { Store } from './db.js';
import type { Database, ReportStatus } from './schema.js';
import { now, parseJson } from './util.js';

export interface StoredFile {
  sha256: string;
  name: string;
  format: string;
  bytes: Uint8Array;
}

export interface ReportSummary {
  id: number;
  agencyId: number | null;
  agencyName: string | null;
  /** The registered agency's name, when matched. */
  agency: string | null;
  year: number | null;
  title: string | null;
  template: string | null;
  status: ReportStatus;
  counts: { error: number; warning: number; info: number };
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface VersionInfo {
  version: number;
  kind: 'import' | 'reimport' | 'correction';
  fileSha256: string | null;
  reason: string | null;
  changes: unknown;
  createdBy: { id: number; username: string } | null;
  createdAt: string;
}

export function statusOf(agencyId: number | null, findings: Finding[]): ReportStatus {
  if (agencyId == null) return 'unmatched';
  if (findings.some((f) => f.severity === 'error')) return 'errors';
  if (findings.some((f) => f.severity === 'warning')) return 'warnings';
  return 'clean';
}

function counts(findings: Finding[]) {
  return {
    error_count: findings.filter((f) => f.severity === 'error').length,
    warning_count: findings.filter((f) => f.severity === 'warning').length,
    info_count: findings.filter((f) => f.severity === 'info').length,
  };
}

async function writeFindings(tx: Transaction<Database>, reportId: number, findings: Finding[]): Promise<void> {
  await tx.deleteFrom('findings').where('report_id', '=', reportId).execute();
  const rows = findings.map((f) => ({
    report_id: reportId,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    cells: JSON.stringify(f.cells ?? []),
    loc: f.loc ? JSON.stringify(f.loc) : null,
    data: f.data ? JSON.stringify(f.data) : null,
  }));
  for (let i = 0; i < rows.length; i += 200) await tx.insertInto('findings').values(rows.slice(i, i + 200)).execute();
}

/** The report already made from this file, if any: importing the same bytes again is a no-op. */
export async function reportForFile(store: Store, sha256: string): Promise<number | undefined> {
  const r = await store.db.selectFrom('report_versions').select('report_id').where('file_sha256', '=', sha256).orderBy('id').executeTakeFirst();
  return r?.report_id;
}

export interface SaveImportInput {
  file: StoredFile;
  report: Report;
  findings: Finding[];
  match: AgencyMatch;
  userId: number | null;
}

/**
 * Store one imported file. A file already stored → the existing report (created: false). An
 * agency+year that already has a report → a new version of it ("reimport").
 */
export async function saveImport(store: Store, input: SaveImportInput): Promise<{ id: number; created: boolean; version: number; duplicate: boolean }> {
  const { file, report, findings, match } = input;
  return store.db.transaction().execute(async (tx) => {
    const already = await tx.selectFrom('report_versions').select(['report_id', 'version']).where('file_sha256', '=', file.sha256).executeTakeFirst();
    if (already) return { id: already.report_id, created: false, version: already.version, duplicate: true };
    const at = now();
    await tx
      .insertInto('files')
      .values({ sha256: file.sha256, name: file.name, size: file.bytes.length, format: file.format, content: file.bytes, created_at: at })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    const year = report.meta.year;
    const existing =
      match.agencyId != null && year != null
        ? await tx.selectFrom('reports').select(['id', 'current_version']).where('agency_id', '=', match.agencyId).where('year', '=', year).executeTakeFirst()
        : undefined;
    const fields = {
      agency_id: match.agencyId,
      year,
      agency_name: report.meta.agency,
      title: report.meta.title,
      template: report.meta.template,
      status: statusOf(match.agencyId, findings),
      ...counts(findings),
      agency_match: JSON.stringify(match),
      updated_at: at,
    };
    let id: number;
    let version: number;
    if (existing) {
      id = existing.id;
      version = existing.current_version + 1;
      await tx.updateTable('reports').set({ ...fields, current_version: version }).where('id', '=', id).execute();
    } else {
      version = 1;
      const row = await tx
        .insertInto('reports')
        .values({ ...fields, current_version: 1, uploaded_by: input.userId, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await tx
      .insertInto('report_versions')
      .values({
        report_id: id,
        version,
        kind: existing ? 'reimport' : 'import',
        file_sha256: file.sha256,
        report_json: JSON.stringify(report),
        changes: null,
        reason: existing ? `重新导入文件 ${file.name}` : `导入文件 ${file.name}`,
        created_by: input.userId,
        created_at: at,
      })
      .execute();
    await writeFindings(tx, id, findings);
    await writeCells(store, tx, id, report);
    return { id, created: !existing, version, duplicate: false };
  });
}

/** A new version made by a person: the corrected report JSON, what changed, who and why. */
export async function saveCorrection(
  store: Store,
  input: { reportId: number; basedOn: number; report: Report; findings: Finding[]; changes: unknown; reason: string; userId: number },
): Promise<number> {
  return store.db.transaction().execute(async (tx) => {
    const cur = await tx.selectFrom('reports').select(['current_version', 'agency_id']).where('id', '=', input.reportId).executeTakeFirst();
    if (!cur) throw new GongkaiError('NOT_FOUND', `报告 ${input.reportId} 不存在`);
    // Optimistic concurrency: two reviewers correcting the same version must not silently
    // overwrite each other.
    if (cur.current_version !== input.basedOn) throw new GongkaiError('USAGE', `报告已被他人修改（当前为第 ${cur.current_version} 版），请刷新后重试`, 'version conflict');
    const version = cur.current_version + 1;
    const at = now();
    await tx
      .insertInto('report_versions')
      .values({
        report_id: input.reportId,
        version,
        kind: 'correction',
        file_sha256: null,
        report_json: JSON.stringify(input.report),
        changes: JSON.stringify(input.changes),
        reason: input.reason,
        created_by: input.userId,
        created_at: at,
      })
      .execute();
    await tx
      .updateTable('reports')
      .set({ current_version: version, status: statusOf(cur.agency_id, input.findings), ...counts(input.findings), updated_at: at })
      .where('id', '=', input.reportId)
      .execute();
    await writeFindings(tx, input.reportId, input.findings);
    await writeCells(store, tx, input.reportId, input.report);
    return version;
  });
}

/** Assign the agency of a pending (or wrongly matched) report. */
export async function setReportAgency(store: Store, reportId: number, agencyId: number, match: AgencyMatch, findings: Finding[]): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom('reports').select(['year']).where('id', '=', reportId).executeTakeFirst();
    if (!r) throw new GongkaiError('NOT_FOUND', `报告 ${reportId} 不存在`);
    if (r.year != null) {
      const clash = await tx.selectFrom('reports').select('id').where('agency_id', '=', agencyId).where('year', '=', r.year).where('id', '<>', reportId).executeTakeFirst();
      if (clash) throw new GongkaiError('USAGE', `该机关 ${r.year} 年度已有报告（编号 ${clash.id}）；如为新版本，请在该报告上重新上传`, 'agency/year taken');
    }
    await tx
      .updateTable('reports')
      .set({ agency_id: agencyId, agency_match: JSON.stringify(match), status: statusOf(agencyId, findings), ...counts(findings), updated_at: now() })
      .where('id', '=', reportId)
      .execute();
    await writeFindings(tx, reportId, findings);
  });
}

export async function getCurrentReport(store: Store, reportId: number): Promise<{ summary: ReportSummary; report: Report; match: AgencyMatch; path: string | null } | undefined> {
  const row = await summaryQuery(store).where('reports.id', '=', reportId).executeTakeFirst();
  if (!row) return undefined;
  const v = await store.db.selectFrom('report_versions').select('report_json').where('report_id', '=', reportId).where('version', '=', row.current_version).executeTakeFirstOrThrow();
  return { summary: toSummary(row), report: parseJson<Report>(v.report_json, null as unknown as Report), match: parseJson<AgencyMatch>(row.agency_match, { method: 'none', agencyId: null, name: null, candidates: [] }), path: row.path };
}

/**
 * The `years.*` rules tie a report to the year before: when year N is stored, corrected or gets
 * its agency, the agency's year N+1 report is checked again against it.
 */
export async function recheckFollowingYear(store: Store, agencyId: number, year: number, report: Report, config?: CheckConfig): Promise<void> {
  const next = await reportOf(store, agencyId, year + 1);
  if (!next) return;
  const findings = checkReport(next.report, { previous: report, ...(config ? { config } : {}) });
  await store.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('reports')
      .set({ status: statusOf(agencyId, findings), ...counts(findings), updated_at: now() })
      .where('id', '=', next.id)
      .execute();
    await writeFindings(tx, next.id, findings);
  });
}

/** The current version of an agency's report for a year, if any. */
export async function reportOf(store: Store, agencyId: number, year: number): Promise<{ id: number; report: Report } | undefined> {
  const row = await store.db
    .selectFrom('reports')
    .innerJoin('report_versions', (j) => j.onRef('report_versions.report_id', '=', 'reports.id').onRef('report_versions.version', '=', 'reports.current_version'))
    .select(['reports.id', 'report_versions.report_json'])
    .where('reports.agency_id', '=', agencyId)
    .where('reports.year', '=', year)
    .executeTakeFirst();
  return row && { id: row.id, report: JSON.parse(row.report_json) as Report };
}

export async function getFindings(store: Store, reportId: number): Promise<Finding[]> {
  const rows = await store.db.selectFrom('findings').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
  return rows.map(toFinding);
}

export function toFinding(r: { rule: string; severity: Finding['severity']; message: string; cells: string; loc: string | null; data: string | null }): Finding {
  const f: Finding = { rule: r.rule, severity: r.severity, message: r.message, cells: parseJson(r.cells, []) };
  if (r.loc) f.loc = JSON.parse(r.loc);
  if (r.data) f.data = JSON.parse(r.data);
  return f;
}

export async function listVersions(store: Store, reportId: number): Promise<VersionInfo[]> {
  const rows = await store.db
    .selectFrom('report_versions')
    .leftJoin('users', 'users.id', 'report_versions.created_by')
    .select(['report_versions.version', 'report_versions.kind', 'report_versions.file_sha256', 'report_versions.reason', 'report_versions.changes', 'report_versions.created_at', 'users.id as user_id', 'users.username'])
    .where('report_versions.report_id', '=', reportId)
    .orderBy('report_versions.version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    kind: r.kind,
    fileSha256: r.file_sha256,
    reason: r.reason,
    changes: parseJson(r.changes, null),
    createdBy: r.user_id != null && r.username != null ? { id: r.user_id, username: r.username } : null,
    createdAt: r.created_at,
  }));
}

export async function getVersionReport(store: Store, reportId: number, version: number): Promise<Report | undefined> {
  const r = await store.db.selectFrom('report_versions').select('report_json').where('report_id', '=', reportId).where('version', '=', version).executeTakeFirst();
  return r && (JSON.parse(r.report_json) as Report);
}

/** The original bytes a report was read from (its latest imported file). */
export async function getSourceFile(store: Store, reportId: number): Promise<StoredFile | undefined> {
  const r = await store.db
    .selectFrom('report_versions')
    .innerJoin('files', 'files.sha256', 'report_versions.file_sha256')
    .select(['files.sha256', 'files.name', 'files.format', 'files.content'])
    .where('report_versions.report_id', '=', reportId)
    .orderBy('report_versions.version', 'desc')
    .executeTakeFirst();
  return r && { sha256: r.sha256, name: r.name, format: r.format, bytes: r.content };
}

export function summaryQuery(store: Store) {
  return store.db
    .selectFrom('reports')
    .leftJoin('agencies', 'agencies.id', 'reports.agency_id')
    .select([
      'reports.id',
      'reports.agency_id',
      'reports.agency_name',
      'agencies.name as agency',
      'agencies.path',
      'reports.year',
      'reports.title',
      'reports.template',
      'reports.status',
      'reports.error_count',
      'reports.warning_count',
      'reports.info_count',
      'reports.current_version',
      'reports.agency_match',
      'reports.uploaded_by',
      'reports.created_at',
      'reports.updated_at',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export function toSummary(r: SummaryRow): ReportSummary {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    agency: r.agency,
    year: r.year,
    title: r.title,
    template: r.template,
    status: r.status,
    counts: { error: r.error_count, warning: r.warning_count, info: r.info_count },
    currentVersion: r.current_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
