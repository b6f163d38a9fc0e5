import type { OverviewStatus } from '../types.js';

export const STATUS_TEXT: Record<OverviewStatus, string> = {
  ok: '已发布·无问题',
  error: '有错误',
  warning: '有警告',
  missing: '未提交',
};

/** Report statuses as stored by the server, mapped onto the overview's four. */
export function toOverviewStatus(s: string): OverviewStatus | null {
  const map: Record<string, OverviewStatus> = { ok: 'ok', clean: 'ok', error: 'error', errors: 'error', warning: 'warning', warnings: 'warning', missing: 'missing' };
  return map[s] ?? null;
}

export function StatusBadge({ status }: { status: string }) {
  const s = toOverviewStatus(status);
  if (!s) return <span className="badge badge-other">{status === 'unmatched' ? '待确认机关' : status}</span>;
  return <span className={`badge badge-${s}`}>{STATUS_TEXT[s]}</span>;
}
