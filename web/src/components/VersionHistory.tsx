import { formatDateTime } from '../lib/format.js';
import type { Version } from '../types.js';

/** Every version of the report, newest first: who changed what, when and why. */
export function VersionHistory({ versions }: { versions: Version[] }) {
  if (versions.length === 0) return <p className="muted">暂无版本记录。</p>;
  const list = [...versions].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return (
    <ol className="versions" reversed>
      {list.map((v) => (
        <li key={String(v.id)}>
          <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>
          <span className="who">{v.createdBy === null || v.createdBy === undefined ? '系统' : String(v.createdBy)}</span>
          <span className="why">{v.reason ?? '导入原文'}</span>
        </li>
      ))}
    </ol>
  );
}
