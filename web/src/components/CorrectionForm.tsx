import { useEffect, useState, type FormEvent } from 'react';
import { correctReport } from '../api.js';
import { formatValue, parseCellInput } from '../lib/format.js';
import type { CellRef, CellValue, CorrectionResult, Id } from '../types.js';

/** 更正 one cell: the new value and a reason, both required for the audit trail. */
export function CorrectionForm({ reportId, cell, value, name, onSaved }: { reportId: Id; cell: CellRef; value: CellValue | undefined; name: string; onSaved: (r: CorrectionResult) => void }) {
  const [text, setText] = useState(formatValue(value));
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setText(formatValue(value));
    setError('');
  }, [cell.table, cell.row, cell.column, value]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCellInput(text);
    if (!parsed.ok) return setError(parsed.message);
    if (!reason.trim()) return setError('请填写更正理由');
    if (parsed.value === (value ?? null)) return setError('数值没有变化');
    setBusy(true);
    setError('');
    correctReport(reportId, [{ ...cell, value: parsed.value }], reason.trim()).then(
      (r) => {
        setBusy(false);
        setReason('');
        onSaved(r);
      },
      (err: Error) => {
        setBusy(false);
        setError(err.message);
      },
    );
  };

  return (
    <form className="correction" onSubmit={submit} aria-label={`更正 ${name}`}>
      <label>
        更正后的数值
        <input name="value" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        更正理由（必填）
        <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：与原件核对，原件为 1" aria-required="true" />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? '正在保存并重新检查…' : '保存更正并重新检查'}
      </button>
    </form>
  );
}
