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
  UploadResult,
} from './types.js';

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
    const body = (await res.json()) as { error?: string; message?: string };
    if (body.error) code = body.error;
    // The server's messages are written in Chinese for the user; prefer them.
    if (body.message) message = body.message;
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
  const s = await json<Session>('POST', '/api/auth/login', { username, password });
  csrfToken = s.csrfToken;
  return s;
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
    const s = await json<Session>('GET', '/api/auth/me');
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

export function listReports(params: { region?: Id | null; year?: number | null; status?: string; rule?: string; q?: string; page?: number }): Promise<ReportList> {
  return json('GET', `/api/reports${query(params as Record<string, string | number | null | undefined>)}`);
}

export function getReport(id: Id): Promise<ReportDetail> {
  return json('GET', `/api/reports/${encodeURIComponent(String(id))}`);
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

export function correctReport(id: Id, cells: CorrectionCell[], reason: string): Promise<CorrectionResult> {
  return json('POST', `/api/reports/${encodeURIComponent(String(id))}/corrections`, { cells, reason });
}

/** Confirm which agency an uploaded report belongs to, when the match was unsure. */
export function assignAgency(id: Id, agencyId: Id): Promise<unknown> {
  return json('PATCH', `/api/reports/${encodeURIComponent(String(id))}`, { agencyId });
}

export function findingsDownloadUrl(id: Id, format: 'xlsx' | 'csv'): string {
  return `/api/reports/${encodeURIComponent(String(id))}/findings.${format}`;
}

export function regionFindingsDownloadUrl(region: Id | null, year: number | null): string {
  return `/api/findings.xlsx${query({ region, year })}`;
}

// --- region views -----------------------------------------------------------------------------

export function getOverview(region: Id | null, year: number | null): Promise<Overview> {
  return json('GET', `/api/overview${query({ region, year })}`);
}

export function rollup(agencyIds: Id[], year: number): Promise<Rollup> {
  return json('POST', '/api/rollup', { agencyIds, year });
}

export async function compare(agency: Id, from: number, to: number): Promise<Comparison> {
  const raw = await json<unknown>('GET', `/api/compare${query({ agency, from, to })}`);
  return normaliseComparison(raw);
}

/** The compare route's shape was not fixed in the contract: accept a list or a map by year. */
function normaliseComparison(raw: unknown): Comparison {
  const r = (raw ?? {}) as Record<string, unknown>;
  const agency = (r.agency as Comparison['agency']) ?? null;
  let years: CompareYear[] = [];
  const src = r.years ?? r.reports;
  const toYear = (y: Record<string, unknown>, key?: string): CompareYear => {
    const report = y.report as { tables?: CompareYear['tables']; meta?: { template?: string } } | undefined;
    return {
      year: Number(y.year ?? key),
      reportId: (y.reportId ?? y.id ?? null) as Id | null,
      template: (y.template ?? report?.meta?.template ?? null) as string | null,
      tables: (y.tables ?? report?.tables ?? null) as CompareYear['tables'],
      findings: (y.findings ?? []) as CompareYear['findings'],
    };
  };
  if (Array.isArray(src)) years = src.map((y) => toYear(y as Record<string, unknown>));
  else if (src && typeof src === 'object') years = Object.entries(src).map(([k, y]) => toYear(y as Record<string, unknown>, k));
  years.sort((a, b) => a.year - b.year);
  const extra = Array.isArray(r.findings) ? (r.findings as CompareYear['findings']) : [];
  if (extra.length > 0 && years.length > 0) years[years.length - 1]!.findings.push(...extra);
  return { agency, years };
}

export async function getAgencies(): Promise<AgencyNode[]> {
  const raw = await json<unknown>('GET', '/api/agencies');
  return normaliseAgencies(raw);
}

/** Accept a nested tree or a flat list with parent ids; return the tree. */
function normaliseAgencies(raw: unknown): AgencyNode[] {
  const list = (Array.isArray(raw) ? raw : ((raw as Record<string, unknown>)?.agencies ?? (raw as Record<string, unknown>)?.tree ?? [])) as Record<string, unknown>[];
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
