/** Is the report complete and in the right layout? */
import { rowName, TABLE_SHORT } from '../../model/names.js';
import { SECTIONS } from '../../model/sections.js';
import { TABLE_NAMES, TEMPLATES, templateForYear } from '../../model/templates.js';
import type { Problem, Rule } from '../rule.js';

const CN = ['', '一', '二', '三', '四', '五', '六'];

export const sections: Rule = {
  id: 'structure.sections',
  severity: 'error',
  description: '报告应依次包含六个部分：一 总体情况、二 主动公开、三 收到和处理申请、四 复议诉讼、五 存在的主要问题及改进情况、六 其他需要报告的事项',
  check: ({ report }) => {
    if (report.meta.kind !== 'report') return [];
    const found = new Set(report.sections.map((s) => s.number));
    const missing = SECTIONS.filter((s) => !found.has(s.number));
    if (missing.length === 0) return [];
    return [
      {
        message: `缺少第${missing.map((s) => `${CN[s.number]}部分“${s.label}”`).join('、')}（或其标题无法识别）`,
        cells: [],
        data: { missing: missing.map((s) => s.number) },
      },
    ];
  },
};

export const template: Rule = {
  id: 'structure.template',
  severity: 'error',
  description: '报告采用可识别的格式，且年度与格式相符（2021 年及以后的报告应采用 2021 年版格式）；混用两版格式为警告',
  check: ({ report }) => {
    const { meta } = report;
    if (meta.kind === 'pre2019') {
      return [{ message: `这是 ${meta.year} 年度的报告，适用旧《条例》（2008 年版），没有 2019 年以后的标准表格，无法按现行格式核对`, cells: [] }];
    }
    const out: Problem[] = [];
    if (!meta.template) {
      out.push({ message: '无法识别报告采用的表格格式（2019 年版或 2021 年版）', cells: [] });
      return out;
    }
    if (meta.year !== null) {
      const due = templateForYear(meta.year);
      if (due === '2021' && meta.template === '2019') {
        out.push({
          message: `${meta.year} 年度报告应采用 2021 年版格式（国办公开办函〔2021〕30号），但表二采用的是 2019 年版格式`,
          cells: [],
        });
      } else if (due === '2019' && meta.template === '2021' && meta.year < 2020) {
        out.push({ message: `${meta.year} 年度报告采用了 2021 年版格式，而该格式自 2021 年度起施行`, cells: [], severity: 'warning' });
      }
    }
    const { active, requests } = meta.layout;
    if (active && requests && active !== requests) {
      const r = requests === '2019' ? '表三第（六）项“其他处理”只有一行（2019 年版）' : '表三第（六）项分为三项（2021 年版）';
      out.push({
        message: `表格格式混用：表二为 ${active} 年版，${r}`,
        cells: [],
        severity: 'warning',
        data: { active, requests },
      });
    }
    return out;
  },
};

export const tables: Rule = {
  id: 'structure.tables',
  severity: 'error',
  description: '表格的各行各列齐全：缺少的行或列逐一列出',
  check: ({ report }) => {
    if (report.meta.kind !== 'report') return [];
    const out: Problem[] = [];
    const missing = report.extraction.missingRows;
    const byTable = new Map<string, string[]>();
    for (const m of missing) {
      const list = byTable.get(m.table) ?? [];
      list.push(rowName(m.table, m.row));
      byTable.set(m.table, list);
    }
    for (const [t, rows] of byTable) {
      const table = t as keyof typeof TABLE_NAMES;
      const all = TEMPLATES[report.meta.layout[table] ?? report.meta.template ?? '2021'].tables[table].rows.length;
      out.push({
        message:
          rows.length === all
            ? `缺少${TABLE_NAMES[table]}（整张表未找到）`
            : `${TABLE_SHORT[table]}缺少 ${rows.length} 行：${rows.join('；')}`,
        cells: missing.filter((m) => m.table === table),
      });
    }
    for (const r of report.extraction.ragged) {
      out.push({
        message: `${TABLE_SHORT[r.table]}「${rowName(r.table, r.row)}」行应有 ${r.expected} 个数，实际读到 ${r.found} 个${r.found < r.expected ? '（缺列）' : '（多出的数未使用）'}`,
        cells: [{ table: r.table, row: r.row, column: '' }],
        loc: r.loc,
      });
    }
    return out;
  },
};

export const title: Rule = {
  id: 'structure.title',
  severity: 'warning',
  description: '标题写明发布机关和年度；统计期限（1月1日至12月31日）与年度一致',
  check: ({ report }) => {
    const { meta } = report;
    if (meta.kind !== 'report') return [];
    const out: Problem[] = [];
    if (!meta.title) out.push({ message: '没有找到报告标题', cells: [] });
    else {
      if (!/(19|20)\d{2}\s*年/.test(meta.title)) out.push({ message: `标题“${meta.title}”未写明年度`, cells: [] });
      if (!meta.agency || !meta.title.replace(/\s/g, '').includes(meta.agency)) {
        out.push({ message: `标题“${meta.title}”未写明发布机关${meta.agency ? `（正文中为“${meta.agency}”）` : ''}`, cells: [] });
      }
    }
    if (meta.period && meta.year !== null) {
      const y1 = Number(meta.period.from.slice(0, 4));
      const y2 = Number(meta.period.to.slice(0, 4));
      if (y1 !== meta.year || y2 !== meta.year) {
        out.push({ message: `统计期限 ${meta.period.from} 至 ${meta.period.to} 与报告年度 ${meta.year} 不一致`, cells: [] });
      }
    }
    return out;
  },
};

export const structureRules: Rule[] = [sections, template, tables, title];
