import { cellKey } from '../../lib/cells.js';
import { formatValue, SEVERITY_NAMES } from '../../lib/format.js';
import type { CellRef, CellValue } from '../../types.js';
import { useCellView } from './CellContext.js';

/** One number of the printed form: coloured by its findings, a button when it can be opened. */
export function ValueCell({ cell, value, colSpan }: { cell: CellRef; value: CellValue | undefined; colSpan?: number }) {
  const view = useCellView();
  const key = cellKey(cell);
  const f = view.findings.get(key);
  const raw = value === null || value === undefined ? view.rawOf?.(cell) : undefined;
  const shown = view.display?.(cell, value) ?? (raw !== undefined && raw !== '' ? raw : formatValue(value));
  const classes = ['cell'];
  if (f) classes.push(`cell-${f.severity}`, f.primary ? 'cell-primary' : 'cell-involved');
  if (view.selected === key) classes.push('cell-selected');
  if (view.highlighted.has(key)) classes.push('cell-highlighted');
  if (view.changed?.has(key)) classes.push('cell-changed');
  if (value === undefined) classes.push('cell-absent');
  else if (value === null) classes.push('cell-empty');
  const tip = f ? f.findings.map((x) => `【${SEVERITY_NAMES[x.severity]}】${x.message}`).join('\n') : undefined;
  const name = view.describe(cell);
  const label = `${name}：${shown === '' ? (value === undefined ? '未找到' : '空') : shown}${tip ? `。${tip}` : ''}`;
  return (
    <td className={classes.join(' ')} colSpan={colSpan} data-cell={key}>
      {view.onSelect ? (
        <button type="button" className="cell-button" title={tip ?? name} aria-label={label} aria-pressed={view.selected === key} onClick={() => view.onSelect?.(cell)}>
          {shown === '' ? '\u00a0' : shown}
        </button>
      ) : (
        <span title={tip ?? name}>{shown}</span>
      )}
    </td>
  );
}
