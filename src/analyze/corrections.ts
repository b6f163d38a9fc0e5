/**
 * A correction: a person changes cells of the current version, giving a reason. The result is
 * a new immutable version, re-checked (against last year's report, for the years.* rules).
 */
import { checkReport } from '../check/check.js';
import { GongkaiError } from '../errors.js';
import type { CellValue, Finding, Report } from '../model/report.js';
import { TABLE_IDS, TEMPLATES, columnsOf, type TableId } from '../model/templates.js';
import type { Store } from '../store/db.js';
import { getCurrentReport, getFindings, recheckFollowingYear, reportOf, saveCorrection } from '../store/reports.js';

export interface CellChange {
  table: string;
  row: string;
  column: string;
  value: CellValue;
}

/** Whether (table, row, column) is a cell of the report: in its tables, or in its table's layout. */
function isKnownCell(report: Report, c: CellChange): boolean {
  if (!(TABLE_IDS as readonly string[]).includes(c.table)) return false;
  const table = c.table as TableId;
  if (report.tables[table]?.[c.row] && c.column in report.tables[table][c.row]!) return true;
  const tpl = report.meta.layout?.[table] ?? report.meta.template;
  if (!tpl) return false;
  const spec = TEMPLATES[tpl].tables[table];
  const row = spec.rows.find((r) => r.key === c.row);
  return !!row && columnsOf(spec, row).some((col) => col.key === c.column);
}

export async function correctReport(
  store: Store,
  input: { reportId: number; cells: CellChange[]; reason: string; userId: number },
): Promise<{ version: number; report: Report; findings: Finding[] }> {
  const reason = input.reason.trim();
  if (!reason) throw new GongkaiError('USAGE', '请填写更正原因');
  if (input.cells.length === 0) throw new GongkaiError('USAGE', '没有要更正的单元格');
  const cur = await getCurrentReport(store, input.reportId);
  if (!cur) throw new GongkaiError('NOT_FOUND', `报告 ${input.reportId} 不存在`);
  const report: Report = structuredClone(cur.report);
  const changes: (CellChange & { before: CellValue | undefined })[] = [];
  for (const c of input.cells) {
    if (!isKnownCell(report, c)) throw new GongkaiError('USAGE', `单元格 ${c.table}.${c.row}.${c.column} 不属于该报告的表格`);
    if (c.value !== null && !Number.isFinite(c.value)) throw new GongkaiError('USAGE', `单元格 ${c.table}.${c.row}.${c.column} 的值须为数字或空`);
    const table = c.table as TableId;
    const row = (report.tables[table][c.row] ??= {});
    changes.push({ ...c, before: row[c.column] });
    row[c.column] = c.value;
    // The provenance says the value was typed by a person, keeping what the source printed.
    const prov = ((report.provenance[table] ??= {})[c.row] ??= {});
    const was = prov[c.column];
    prov[c.column] = { raw: was?.raw ?? '', loc: was?.loc ?? {}, method: 'manual' };
  }
  const previous = cur.summary.agencyId != null && cur.summary.year != null ? await reportOf(store, cur.summary.agencyId, cur.summary.year - 1) : undefined;
  const findings = checkReport(report, previous ? { previous: previous.report } : {});
  const version = await saveCorrection(store, { reportId: input.reportId, basedOn: cur.summary.currentVersion, report, findings, changes, reason, userId: input.userId });
  if (cur.summary.agencyId != null && report.meta.year != null) await recheckFollowingYear(store, cur.summary.agencyId, report.meta.year, report);
  return { version, report, findings: await getFindings(store, input.reportId) };
}
