/** A report's three tables, readable in a terminal, laid out from the layout declarations. */
import { rowName } from '../model/names.js';
import type { Report } from '../model/report.js';
import { columnsOf, TABLE_NAMES, TEMPLATES, type TableId } from '../model/templates.js';
import { padEnd, padStart, truncate } from './width.js';

const LABEL = 40;
const CELL = 10;

function show(v: number | null | undefined, method?: string): string {
  if (v === undefined) return '·';
  if (v === null) return '空';
  const s = Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
  return method === 'split' ? s + '*' : method === 'guess' ? s + '?' : s;
}

export function renderTables(report: Report): string {
  const { meta } = report;
  const lines: string[] = [];
  lines.push(`${meta.title ?? '（无标题）'}`);
  lines.push(`发布机关：${meta.agency ?? '（未写明）'}    年度：${meta.year ?? '未知'}    格式：${meta.template ? TEMPLATES[meta.template].name : '无法识别'}`);
  if (meta.kind === 'pre2019') {
    lines.push('', '这是 2019 年以前（旧条例）的报告，没有标准表格。');
    return lines.join('\n');
  }
  for (const table of ['active', 'requests', 'appeals'] as TableId[]) {
    const layout = meta.layout[table] ?? meta.template;
    if (!layout) continue;
    const spec = TEMPLATES[layout].tables[table];
    const data = report.tables[table];
    const prov = report.provenance[table];
    lines.push('', TABLE_NAMES[table]);
    if (table === 'active') {
      for (const row of spec.rows) {
        const cols = columnsOf(spec, row);
        const cells = cols.map((c) => `${c.label} ${show(data[row.key]?.[c.key], prov[row.key]?.[c.key]?.method)}`);
        lines.push(`  ${padEnd(row.label, 22)}${cells.join('   ')}`);
      }
      continue;
    }
    const cols = spec.columns!;
    lines.push('  ' + padEnd('', LABEL) + cols.map((c) => padStart(truncate(c.label, CELL), CELL)).join(''));
    for (const row of spec.rows) {
      const name = truncate(rowName(table, row.key), LABEL - 2);
      const vals = cols.map((c) => padStart(show(data[row.key]?.[c.key], prov[row.key]?.[c.key]?.method), CELL));
      lines.push('  ' + padEnd(name, LABEL) + vals.join(''));
    }
  }
  lines.push('', '注：* 为按勾稽关系拆分连写数字所得，? 为有多种可能时择优读取，空 为原表空白，· 为未找到');
  return lines.join('\n');
}
