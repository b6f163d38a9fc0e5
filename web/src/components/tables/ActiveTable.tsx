import type { TableSpec } from '../../../../src/model/templates.js';
import { activeSections, columnHeading } from '../../lib/layout.js';
import type { TableData } from '../../types.js';
import { ValueCell } from './ValueCell.js';

/** 表二 主动公开政府信息情况: one block per article of 第二十条, each with its own headings. */
export function ActiveTable({ spec, data }: { spec: TableSpec; data: TableData | undefined }) {
  const sections = activeSections(spec, data);
  const width = Math.max(1, ...sections.map((s) => s.columns.length));
  return (
    <table className="form-table active-table">
      <tbody>
        {sections.map((s, i) => (
          <SectionRows key={i} heading={s.heading} width={width} section={s} data={data} />
        ))}
      </tbody>
    </table>
  );
}

function SectionRows({ heading, width, section, data }: { heading: string; width: number; section: ReturnType<typeof activeSections>[number]; data: TableData | undefined }) {
  const n = section.columns.length;
  // The last column of a narrower block spans the rest of the form, as printed.
  const span = (i: number) => (i === n - 1 && n < width ? width - n + 1 : undefined);
  return (
    <>
      {heading && (
        <tr>
          <th colSpan={width + 1} className="section-heading" scope="colgroup">
            {heading}
          </th>
        </tr>
      )}
      <tr>
        <th scope="col">信息内容</th>
        {section.columns.map((c, i) => (
          <th key={c.key} scope="col" colSpan={span(i)}>
            {columnHeading(c)}
          </th>
        ))}
      </tr>
      {section.rows.map((r) => (
        <tr key={r.key}>
          <th scope="row" className="row-label">
            {r.label}
          </th>
          {section.columns.map((c, i) => (
            <ValueCell key={c.key} cell={{ table: 'active', row: r.key, column: c.key }} value={data?.[r.key]?.[c.key]} colSpan={span(i)} />
          ))}
        </tr>
      ))}
    </>
  );
}
