import type { TableSpec } from '../../../../src/model/templates.js';
import { appealGroups } from '../../lib/layout.js';
import type { TableData } from '../../types.js';
import { ValueCell } from './ValueCell.js';

/** 表四: one printed row of 15 cells — 行政复议, then 行政诉讼 in its two groups. */
export function AppealsTable({ spec, data }: { spec: TableSpec; data: TableData | undefined }) {
  const cols = spec.columns ?? [];
  const { single, litigation, litigationLabel } = appealGroups(spec);
  const ordered = [...single, ...litigation];
  return (
    <div className="table-scroll">
      <table className="form-table appeals-table">
        <thead>
          <tr>
            {single.map((g) => (
              <th key={g.key} colSpan={cols.length} scope="colgroup">
                {g.label}
              </th>
            ))}
            {litigation.length > 0 && (
              <th colSpan={cols.length * litigation.length} scope="colgroup">
                {litigationLabel}
              </th>
            )}
          </tr>
          <tr>
            {single.map((g) =>
              cols.map((c) => (
                <th key={`${g.key}.${c.key}`} rowSpan={2} scope="col">
                  {c.label}
                </th>
              )),
            )}
            {litigation.map((g) => (
              <th key={g.key} colSpan={cols.length} scope="colgroup">
                {g.label}
              </th>
            ))}
          </tr>
          <tr>
            {litigation.map((g) =>
              cols.map((c) => (
                <th key={`${g.key}.${c.key}`} scope="col">
                  {c.label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>
            {ordered.map((g) => cols.map((c) => <ValueCell key={`${g.key}.${c.key}`} cell={{ table: 'appeals', row: g.key, column: c.key }} value={data?.[g.key]?.[c.key]} />))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
