/** Findings as CSV or XLSX, for sending back to agencies. Column headings in Chinese. */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { TABLE_NAMES, type TableId } from '../model/templates.js';
import type { Finding } from '../model/report.js';

export interface FindingRow {
  agency: string | null;
  year: number | null;
  reportId: number;
  finding: Finding;
}

const SEVERITY: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
const HEADERS = ['机关', '年度', '报告编号', '级别', '规则', '说明', '涉及单元格'];

function cellsText(f: Finding): string {
  return f.cells.map((c) => `${TABLE_NAMES[c.table as TableId]?.split(' ')[0] ?? c.table} ${c.row}.${c.column}`).join('；');
}

function toRow(r: FindingRow): (string | number)[] {
  return [r.agency ?? '', r.year ?? '', r.reportId, SEVERITY[r.finding.severity], r.finding.rule, r.finding.message, cellsText(r.finding)];
}

/** UTF-8 with BOM: Excel on Chinese Windows otherwise opens the file as GBK and garbles it. */
export function findingsCsv(rows: FindingRow[]): Buffer {
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify([HEADERS, ...rows.map(toRow)]))]);
}

export async function findingsXlsx(rows: FindingRow[], sheetName = '问题清单'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  const ws = wb.addWorksheet(sheetName);
  ws.columns = HEADERS.map((h, i) => ({ header: h, key: String(i), width: [28, 8, 10, 8, 22, 70, 40][i] }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(toRow(r));
  ws.autoFilter = { from: 'A1', to: 'G1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
