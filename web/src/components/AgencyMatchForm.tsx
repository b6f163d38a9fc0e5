import { useState } from 'react';
import { assignAgency, getAgencies } from '../api.js';
import { flatten } from '../lib/agencies.js';
import { useAsync } from '../lib/useAsync.js';
import type { UploadResult } from '../types.js';

/** Pick the agency of a report whose match was unsure: the server's candidates first. */
export function AgencyMatchForm({ name, result, onConfirmed }: { name: string; result: UploadResult; onConfirmed: () => void }) {
  const candidates = result.agencyMatch.candidates;
  const [choice, setChoice] = useState(candidates[0] ? String(candidates[0].id) : '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const all = useAsync(getAgencies, []);
  const others = all.data ? flatten(all.data).filter((a) => !candidates.some((c) => String(c.id) === String(a.id))) : [];
  const id = `match-${String(result.id)}`;
  const confirm = () => {
    if (!choice) {
      setError('请选择机关');
      return;
    }
    setBusy(true);
    setError('');
    assignAgency(result.id, choice).then(onConfirmed, (e: Error) => {
      setError(e.message);
      setBusy(false);
    });
  };
  return (
    <div className="match-form">
      <label htmlFor={id}>
        <strong>{name}</strong>
        <span className="muted"> 报告中写的机关：{result.report.meta.agency ?? '（未写明）'}</span>
      </label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">请选择…</option>
        {candidates.length > 0 && (
          <optgroup label="可能的机关">
            {candidates.map((c) => (
              <option key={String(c.id)} value={String(c.id)}>
                {c.name}（相似度 {Math.round(c.score <= 1 ? c.score * 100 : c.score)}%）
              </option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label="全部机关">
            {others.map((a) => (
              <option key={String(a.id)} value={String(a.id)}>
                {a.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <button type="button" onClick={confirm} disabled={busy}>
        {busy ? '正在保存…' : '确认'}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
