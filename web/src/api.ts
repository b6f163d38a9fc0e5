/**
 * Every call the workbench makes to the server, in one place: when the server's routes change,
 * this file is the one to change. Session is a cookie; every non-GET request carries the CSRF
 * token the server handed out at login (or on /me).
 */
import type {
  AgencyNode,
  Comparison,
  CompareYear,
  CorrectionCell,
  CorrectionResult,
  Id,
  Overview,
  ReportDetail,
  ReportList,
  Rollup,
  Session,
  TableData,
  UploadResult,
  Version,
} from './types.js';
import type { CellRef, Finding, Report, ReportTables } from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Called when the server says the session is gone, so the app can show the login page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '未找到相关数据',
  413: '文件太大，无法上传',
  422: '文件无法识别',
  429: '操作过于频繁，请稍后再试',
  500: '服务器出错，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

async function errorFrom(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = STATUS_MESSAGES[res.status] ?? `请求失败（${res.status}）`;
  try {
    // { error: { code, message } } (src/server/http-error.ts), or the flat { error, message }.
    const body = (await res.json()) as { error?: string | { code?: string; message?: string }; message?: string };
    const e = typeof body.error === 'object' && body.error !== null ? body.error : { code: body.error, message: body.message };
    if (e.code) code = e.code;
    // The server's messages are written in Chinese for the user; prefer them.
    if (e.message) message = e.message;
  } catch {
    // Not JSON (a proxy error page): keep the generic message.
  }
  return new ApiError(res.status, code, message);
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络');
  }
  if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') {
    for (const l of unauthorizedListeners) l();
  }
  if (!res.ok) throw await errorFrom(res);
  return res;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await request(method, path, body);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

// --- auth -------------------------------------------------------------------------------------

export async function login(username: string, password: string): Promise<Session> {
  const s = normaliseSession(await json<Session>('POST', '/api/auth/login', { username, password }));
  csrfToken = s.csrfToken;
  return s;
}

/** A reviewer's agency is the region it reviews (src/store/users.ts). */
function normaliseSession(s: Session): Session {
  const u = s.user;
  return { ...s, user: { ...u, regionId: u.regionId ?? (u.role === 'reviewer' ? u.agencyId : null) } };
}

export async function logout(): Promise<void> {
  try {
    await request('POST', '/api/auth/logout', {});
  } finally {
    csrfToken = null;
  }
}

/** The current session, or null when not logged in. */
export async function me(): Promise<Session | null> {
  try {
    const s = normaliseSession(await json<Session>('GET', '/api/auth/me'));
    csrfToken = s.csrfToken;
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

// --- reports ----------------------------------------------------------------------------------

/**
 * Upload one file. XMLHttpRequest rather than fetch because only it reports upload progress.
 */
export function uploadReport(file: File | Blob, name: string, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': 'application/json' } });
      if (xhr.status === 401) for (const l of unauthorizedListeners) l();
      if (xhr.status >= 200 && xhr.status < 300) {
        res.json().then((b) => resolve(normaliseUpload(b as UploadResult)), reject);
      } else {
        errorFrom(res).then(reject, reject);
      }
    };
    const form = new FormData();
    form.append('file', file, name);
    xhr.send(form);
  });
}

/** Candidates as the store records them ({agencyId}) or as the contract names them ({id}). */
function normaliseUpload(r: UploadResult): UploadResult {
  const m = (r.agencyMatch ?? { agencyId: null, candidates: [] }) as UploadResult['agencyMatch'];
  const candidates = (m.candidates ?? []).map((c) => {
    const x = c as typeof c & { agencyId?: Id };
    return { id: x.id ?? x.agencyId!, name: x.name, score: x.score };
  });
  return { ...r, agencyMatch: { agencyId: m.agencyId ?? null, candidates } };
}

/** The server's report summary (src/store/reports.ts ReportSummary). */
interface Summary {
  id: Id;
  agencyId: Id | null;
  agencyName: string | null;
  agency?: string | null;
  year: number | null;
  status: string;
  counts?: { error: number; warning: number; info: number };
  errorCount?: number;
  warningCount?: number;
}

function fromSummary(s: Summary): ReportList['items'][number] {
  return {
    id: s.id,
    agencyId: s.agencyId,
    // The registered agency's name when matched, else the name the report prints.
    agencyName: s.agency ?? s.agencyName,
    year: s.year,
    status: s.status,
    errorCount: s.counts?.error ?? s.errorCount ?? 0,
    warningCount: s.counts?.warning ?? s.warningCount ?? 0,
  };
}

export async function listReports(params: { region?: Id | null; year?: number | null; status?: string; rule?: string; q?: string; page?: number }): Promise<ReportList> {
  const raw = await json<{ items: Summary[]; total: number }>('GET', `/api/reports${query(params as Record<string, string | number | null | undefined>)}`);
  return { items: raw.items.map(fromSummary), total: raw.total };
}

interface RawVersion {
  id?: Id;
  version?: number;
  kind?: string;
  reason: string | null;
  createdBy: { id: Id; username: string } | string | Id | null;
  createdAt: string;
}

function fromVersion(v: RawVersion): Version {
  const by = v.createdBy;
  return {
    id: v.id ?? v.version ?? v.createdAt,
    createdAt: v.createdAt,
    createdBy: by !== null && typeof by === 'object' ? by.username : by,
    reason: v.reason ?? (v.kind === 'reimport' ? '重新导入原文' : null),
  };
}

export async function getReport(id: Id): Promise<ReportDetail> {
  const raw = await json<{ id: Id; summary?: Summary; report: Report; findings: Finding[]; versions: RawVersion[] } & Partial<Summary>>('GET', `/api/reports/${encodeURIComponent(String(id))}`);
  const s = fromSummary({ ...(raw as Summary), ...(raw.summary ?? {}) });
  return { id: raw.id, agencyId: s.agencyId, agencyName: s.agencyName, year: s.year, status: s.status, report: raw.report, findings: raw.findings, versions: raw.versions.map(fromVersion) };
}

async function getVersions(id: Id): Promise<Version[]> {
  const raw = await json<{ versions: RawVersion[] }>('GET', `/api/reports/${encodeURIComponent(String(id))}/versions`);
  return raw.versions.map(fromVersion);
}

/** The original file, for the source pane. */
export async function getReportSource(id: Id): Promise<{ bytes: ArrayBuffer; contentType: string }> {
  const res = await request('GET', `/api/reports/${encodeURIComponent(String(id))}/source`);
  return { bytes: await res.arrayBuffer(), contentType: res.headers.get('content-type') ?? '' };
}

/** Address of a rendered PDF page, if the server offers page images. */
export function pageImageUrl(id: Id, page: number): string {
  return `/api/reports/${encodeURIComponent(String(id))}/pages/${page}.png`;
}

/** Save a correction (a new version, re-checked by the server), then the audit trail with it. */
export async function correctReport(id: Id, cells: CorrectionCell[], reason: string): Promise<CorrectionResult> {
  const r = await json<{ report: Report; findings: Finding[]; versions?: RawVersion[] }>('POST', `/api/reports/${encodeURIComponent(String(id))}/corrections`, { cells, reason });
  const versions = r.versions ? r.versions.map(fromVersion) : await getVersions(id);
  return { report: r.report, findings: r.findings, versions };
}

/** Confirm which agency an uploaded report belongs to, when the match was unsure. */
export function assignAgency(id: Id, agencyId: Id): Promise<unknown> {
  return json('POST', `/api/reports/${encodeURIComponent(String(id))}/agency`, { agencyId: Number(agencyId) });
}

export function findingsDownloadUrl(id: Id, format: 'xlsx' | 'csv'): string {
  return `/api/reports/${encodeURIComponent(String(id))}/findings.${format}`;
}

export function regionFindingsDownloadUrl(region: Id | null, year: number | null): string {
  return `/api/findings.xlsx${query({ region, year })}`;
}

// --- region views -----------------------------------------------------------------------------

interface RawOverview {
  agencies: { id: Id; name: string; level: string; status: string; reportId: Id | null; counts?: { error: number; warning: number }; errorCount?: number; warningCount?: number }[];
  rules?: { rule: string; findings: number; reports: number }[];
  ruleCounts?: Record<string, number>;
  missing: { id: Id; name: string }[];
}

const OVERVIEW_STATUS: Record<string, Overview['agencies'][number]['status']> = {
  ok: 'ok', clean: 'ok', error: 'error', errors: 'error', warning: 'warning', warnings: 'warning', missing: 'missing',
  // Matched by the join on agency, so never really unmatched here; shown as needing attention.
  unmatched: 'warning',
};

export async function getOverview(region: Id | null, year: number | null): Promise<Overview> {
  const raw = await json<RawOverview>('GET', `/api/overview${query({ region, year })}`);
  const ruleCounts: Record<string, number> = { ...(raw.ruleCounts ?? {}) };
  // Reports per rule: the overview's filter is by report, so that is the count to show.
  for (const r of raw.rules ?? []) ruleCounts[r.rule] = (ruleCounts[r.rule] ?? 0) + r.reports;
  return {
    agencies: raw.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      level: a.level,
      status: OVERVIEW_STATUS[a.status] ?? 'warning',
      reportId: a.reportId,
      errorCount: a.counts?.error ?? a.errorCount ?? 0,
      warningCount: a.counts?.warning ?? a.warningCount ?? 0,
    })),
    ruleCounts,
    missing: raw.missing,
  };
}

interface RawRollupCell {
  value: number | null;
  missing?: Id[];
  contributions?: { reportId: Id; value: number | null; agencyName?: string }[];
}

interface RawRollup {
  reports?: { id: Id; agency: string }[];
  missingAgencies?: { id: Id; name: string }[];
  tables: Record<string, Record<string, Record<string, RawRollupCell | number | null>>>;
  contributions?: Rollup['contributions'];
}

/** Sum the chosen agencies' tables. Each cell comes back with the reports it was summed from. */
export async function rollup(agencyIds: Id[], year: number): Promise<Rollup> {
  const raw = await json<RawRollup>('POST', '/api/rollup', { agencyIds: agencyIds.map(Number), year });
  const names = new Map((raw.reports ?? []).map((r) => [String(r.id), r.agency]));
  const tables = { active: {}, requests: {}, appeals: {} } as ReportTables;
  const contributions: Rollup['contributions'] = raw.contributions ?? {};
  for (const [t, rows] of Object.entries(raw.tables)) {
    const out: TableData = {};
    for (const [row, cols] of Object.entries(rows)) {
      out[row] = {};
      for (const [col, cell] of Object.entries(cols)) {
        if (cell === null || typeof cell === 'number') {
          out[row][col] = cell;
          continue;
        }
        out[row][col] = cell.value;
        const list = [
          ...(cell.contributions ?? []).map((c) => ({ reportId: c.reportId, agencyName: c.agencyName ?? names.get(String(c.reportId)) ?? `报告 ${c.reportId}`, value: c.value })),
          // A blank cell leaves the sum incomplete: list those reports too.
          ...(cell.missing ?? []).map((id) => ({ reportId: id, agencyName: names.get(String(id)) ?? `报告 ${id}`, value: null })),
        ];
        ((contributions[t] ??= {})[row] ??= {})[col] = list;
      }
    }
    (tables as unknown as Record<string, TableData>)[t] = out;
  }
  return { tables, contributions, reports: (raw.reports ?? []).map((r) => ({ id: r.id, agencyName: r.agency })), missingAgencies: raw.missingAgencies ?? [] };
}

/**
 * The reports behind one summed cell: the server sends per-report values only for the cell asked
 * about, since all of them for every cell would be megabytes.
 */
export async function rollupCell(agencyIds: Id[], year: number, cell: CellRef): Promise<{ reportId: Id; agencyName: string; value: number | null }[]> {
  const raw = await json<RawRollup & { contributions?: { reportId: Id; agency: string; value: number | null }[] }>('POST', '/api/rollup', {
    agencyIds: agencyIds.map(Number),
    year,
    cell,
  });
  const list = (raw.contributions ?? []).map((c) => ({ reportId: c.reportId, agencyName: c.agency, value: c.value }));
  const names = new Map((raw.reports ?? []).map((r) => [String(r.id), r.agency]));
  const summed = raw.tables[cell.table]?.[cell.row]?.[cell.column];
  const listed = new Set(list.map((c) => String(c.reportId)));
  // A report that left the cell blank did not add to the sum: list it too, so the gap shows.
  if (summed && typeof summed === 'object') {
    for (const id of summed.missing ?? []) if (!listed.has(String(id))) list.push({ reportId: id, agencyName: names.get(String(id)) ?? `报告 ${id}`, value: null });
  }
  return list;
}

export async function compare(agency: Id, from: number, to: number): Promise<Comparison> {
  const raw = await json<unknown>('GET', `/api/compare${query({ agency, from, to })}`);
  return normaliseComparison(raw);
}

interface RawComparison {
  agency?: { id: Id; name: string };
  years?: { year: number; reportId: Id | null; template: string | null }[];
  cells?: { table: string; row: string; column: string; values: Record<string, number | null> }[];
  findings?: { year: number; findings: Finding[] }[];
}

/** Per-year tables rebuilt from the server's cell-by-cell comparison, with each year's years.* findings. */
function normaliseComparison(input: unknown): Comparison {
  const raw = input as RawComparison;
  const years: CompareYear[] = (raw.years ?? []).map((y) => ({ year: y.year, reportId: y.reportId, template: y.template, tables: null, findings: [] }));
  const byYear = new Map(years.map((y) => [String(y.year), y]));
  for (const c of raw.cells ?? []) {
    for (const [year, v] of Object.entries(c.values)) {
      const y = byYear.get(year);
      if (!y) continue;
      y.tables ??= { active: {}, requests: {}, appeals: {} };
      const t = (y.tables as unknown as Record<string, TableData>)[c.table] ?? ((y.tables as unknown as Record<string, TableData>)[c.table] = {});
      (t[c.row] ??= {})[c.column] = v;
    }
  }
  for (const f of raw.findings ?? []) byYear.get(String(f.year))?.findings.push(...f.findings);
  years.sort((a, b) => a.year - b.year);
  return { agency: raw.agency ?? null, years };
}

export async function getAgencies(): Promise<AgencyNode[]> {
  const raw = await json<unknown>('GET', '/api/agencies');
  return normaliseAgencies(raw);
}

/** Accept a nested tree or a flat list with parent ids; return the tree. */
function normaliseAgencies(raw: unknown): AgencyNode[] {
  const r = raw as Record<string, unknown>;
  const list = (Array.isArray(raw) ? raw : (r?.items ?? r?.agencies ?? r?.tree ?? [])) as Record<string, unknown>[];
  const hasChildren = list.some((a) => Array.isArray(a.children));
  const node = (a: Record<string, unknown>): AgencyNode => ({
    id: a.id as Id,
    name: String(a.name ?? ''),
    level: String(a.level ?? ''),
    children: Array.isArray(a.children) ? (a.children as Record<string, unknown>[]).map(node) : [],
  });
  if (hasChildren || list.every((a) => a.parentId === undefined && a.parent_id === undefined)) return list.map(node);
  const byId = new Map<string, AgencyNode>();
  for (const a of list) byId.set(String(a.id), node(a));
  const roots: AgencyNode[] = [];
  for (const a of list) {
    const parent = (a.parentId ?? a.parent_id) as Id | null | undefined;
    const n = byId.get(String(a.id))!;
    const p = parent === null || parent === undefined ? undefined : byId.get(String(parent));
    if (p) p.children.push(n);
    else roots.push(n);
  }
  return roots;
}
