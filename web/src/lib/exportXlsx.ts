/**
 * A roll-up as an Excel workbook, written in the browser: the three tables with the official
 * labels, and every contributing report per cell so the sums can be audited. The XLSX writer is
 * loaded only when a user exports.
 */
import type { ColumnSpec, RowSpec, Template } from '../../../src/model/templates.js';
import type { Rollup, TableId } from '../types.js';
import { TABLE_NAMES } from './layout.js';
import { labelText } from './format.js';

export async function downloadRollupXlsx(r: Rollup, templateOf: (t: TableId) => Template, title: string, fileName: string): Promise<void> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  const detail: (string | number | null)[][] = [['表', '行', '列', '机关', '数值', '报告编号']];
  for (const t of ['active', 'requests', 'appeals'] as const) {
    const spec = templateOf(t).tables[t];
    const aoa: (string | number | null)[][] = [[title], [TABLE_NAMES[t]]];
    const data = r.tables[t] ?? {};
    for (const row of spec.rows) {
      const cols: readonly ColumnSpec[] = row.columns ?? spec.columns ?? [];
      if (t === 'active' || aoa.length === 2) aoa.push(['', ...cols.map((c) => (c.unit ? `${c.label}（${c.unit}）` : c.label))]);
      aoa.push([rowName(t, row), ...cols.map((c) => data[row.key]?.[c.key] ?? null)]);
      for (const c of cols) {
        for (const x of r.contributions[t]?.[row.key]?.[c.key] ?? []) detail.push([TABLE_NAMES[t], rowName(t, row), c.label, x.agencyName, x.value, String(x.reportId)]);
      }
    }
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), TABLE_NAMES[t].split(' ')[0]!);
  }
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(detail), '来源明细');
  XLSX.writeFile(wb, fileName);
}

function rowName(t: TableId, row: RowSpec): string {
  return t === 'requests' ? labelText(row) : row.label;
}
