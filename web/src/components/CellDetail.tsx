import { formatValue, SEVERITY_NAMES } from '../lib/format.js';
import { METHOD_TEXT } from '../lib/source.js';
import type { CellFindings } from '../lib/cells.js';
import type { CellSource, CellValue } from '../types.js';

/** What the selected cell holds, how it was read, and what is wrong with it. */
export function CellDetail({ name, value, source, findings }: { name: string; value: CellValue | undefined; source: CellSource | undefined; findings: CellFindings | undefined }) {
  return (
    <div className="cell-detail">
      <h3>{name}</h3>
      <dl>
        <dt>数值</dt>
        <dd className="big-value">{value === undefined ? '（未找到）' : value === null ? '（空）' : formatValue(value)}</dd>
        {source && (
          <>
            <dt>原文</dt>
            <dd>
              <code>{source.raw || '（空白）'}</code>
              {source.part && source.part !== source.raw && <span className="muted">，取其中“{source.part}”</span>}
              {source.unit && <span className="muted">，单位“{source.unit}”</span>}
            </dd>
            <dt>读取方式</dt>
            <dd>
              {METHOD_TEXT[source.method] ?? source.method}
              {source.confidence !== undefined && `（置信度 ${Math.round(source.confidence * 100)}%）`}
            </dd>
          </>
        )}
      </dl>
      {findings && (
        <ul className="cell-findings">
          {findings.findings.map((f, i) => (
            <li key={i} className={`sev-${f.severity}`}>
              【{SEVERITY_NAMES[f.severity]}】{f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
