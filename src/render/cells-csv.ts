/** The long format researchers want: one row per cell. */
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../model/report.js';
import { columnsOf, TEMPLATES, type TableId } from '../model/templates.js';

export const CSV_HEADER = ['file', 'agency', 'year', 'template', 'table', 'row', 'column', 'value', 'raw', 'method'];

export function cellRows(file: string, report: Report): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  for (const table of ['active', 'requests', 'appeals'] as TableId[]) {
    const layout = report.meta.layout[table] ?? report.meta.template;
    if (!layout) continue;
    const spec = TEMPLATES[layout].tables[table];
    for (const row of spec.rows) {
      const data = report.tables[table][row.key];
      if (!data) continue;
      for (const col of columnsOf(spec, row)) {
        const src = report.provenance[table][row.key]?.[col.key];
        out.push([file, report.meta.agency, report.meta.year, report.meta.template, table, row.key, col.key, data[col.key] ?? null, src?.part ?? src?.raw ?? '', src?.method ?? '']);
      }
    }
  }
  return out;
}

export function toCsv(rows: (string | number | null)[][], header: boolean): string {
  return stringify(header ? [CSV_HEADER, ...rows] : rows);
}
