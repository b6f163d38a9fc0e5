import type { TableSpec } from '../../../../src/model/templates.js';
import { balanceNote, requestColumnGroups, requestLabelCells, rowsToDraw } from '../../lib/layout.js';
import type { TableData } from '../../types.js';
import { ValueCell } from './ValueCell.js';

/**
 * 表三 收到和处理政府信息公开申请情况, with its two-level applicant header and the 勾稽关系 note
 * in the corner, as printed in the official layout.
 */
export function RequestsTable({ spec, data }: { spec: TableSpec; data: TableData | undefined }) {
  const rows = rowsToDraw(spec, data);
  const { depth, cells } = requestLabelCells(spec, rows);
  const { first, grouped, last, groupLabel, topLabel } = requestColumnGroups(spec);
  const columns = [...first, ...grouped, ...last];
  return (
    <table className="form-table requests-table">
      <thead>
        <tr>
          <th colSpan={depth} rowSpan={3} className="balance-note" scope="col">
            {balanceNote(spec)}
          </th>
          <th colSpan={columns.length} scope="colgroup">
            {topLabel}
          </th>
        </tr>
        <tr>
          {first.map((c) => (
            <th key={c.key} rowSpan={2} scope="col">
              {c.label}
            </th>
          ))}
          {grouped.length > 0 && (
            <th colSpan={grouped.length} scope="colgroup">
              {groupLabel}
            </th>
          )}
          {last.map((c) => (
            <th key={c.key} rowSpan={2} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
        <tr>
          {grouped.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.key} className={r.key === 'result.total' ? 'total-row' : undefined}>
            {cells[i]!.map((l, j) => (
              <th key={j} scope={l.group ? 'rowgroup' : 'row'} rowSpan={l.rowSpan > 1 ? l.rowSpan : undefined} colSpan={l.colSpan > 1 ? l.colSpan : undefined} className={l.group ? 'group-label' : 'row-label'}>
                {l.text}
              </th>
            ))}
            {columns.map((c) => (
              <ValueCell key={c.key} cell={{ table: 'requests', row: r.key, column: c.key }} value={data?.[r.key]?.[c.key]} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
