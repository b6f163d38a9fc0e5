/** The same agency's consecutive years must join up. */
import type { CellRef, Report } from '../../model/report.js';
import { cellName, rowName } from '../../model/names.js';
import { REQUEST_COLUMNS } from '../../model/templates.js';
import { fmt, type Problem, type Rule } from '../rule.js';

const consecutive = (r: Report, p: Report) => r.meta.year !== null && p.meta.year !== null && r.meta.year === p.meta.year + 1;

export const carryOver: Rule = {
  id: 'years.carryOver',
  severity: 'error',
  description: '本年度“二、上年结转”的每一列 = 上一年度报告“四、结转下年度继续办理”的同一列',
  needs: 'previous',
  check: ({ report, previous }) => {
    if (!previous || !consecutive(report, previous)) return [];
    const out: Problem[] = [];
    for (const col of REQUEST_COLUMNS) {
      const now = report.tables.requests['received.carriedOver']?.[col.key];
      const last = previous.tables.requests.carriedForward?.[col.key];
      if (now === undefined || last === undefined || now === null || last === null || now === last) continue;
      const cell: CellRef = { table: 'requests', row: 'received.carriedOver', column: col.key };
      out.push({
        message: `${cellName(cell)}为 ${fmt(now)}，但 ${previous.meta.year} 年度报告“四、结转下年度继续办理”的「${col.label}」列为 ${fmt(last)}`,
        cells: [cell],
        data: { now, previous: last },
      });
    }
    return out;
  },
};

export const inForce: Rule = {
  id: 'years.inForce',
  severity: 'warning',
  description: '2021 年版：现行有效件数 = 上一年度现行有效件数 + 本年制发件数 − 本年废止件数（修订会使两者不等，故为警告）',
  needs: 'previous',
  check: ({ report, previous }) => {
    if (!previous || !consecutive(report, previous) || report.meta.layout.active !== '2021' || previous.meta.layout.active !== '2021') return [];
    const out: Problem[] = [];
    for (const row of ['regulations', 'normativeDocuments']) {
      const r = report.tables.active[row];
      const p = previous.tables.active[row];
      if (!r || !p) continue;
      const { inForce, issued, repealed } = r;
      const last = p.inForce;
      if ([inForce, issued, repealed, last].some((v) => v === null || v === undefined)) continue;
      const want = last! + issued! - repealed!;
      if (want === inForce) continue;
      const cell: CellRef = { table: 'active', row, column: 'inForce' };
      out.push({
        message: `表二「${rowName('active', row)}」现行有效件数为 ${inForce}，按上年 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} 应为 ${want}（有修订的可能不等，请核实）`,
        cells: [cell, { table: 'active', row, column: 'issued' }, { table: 'active', row, column: 'repealed' }],
        data: { expected: want, actual: inForce },
      });
    }
    return out;
  },
};

export const previousCount: Rule = {
  id: 'years.previousCount',
  severity: 'warning',
  description: '2019 年版：本年度“上一年项目数量” = 上一年度报告的“上一年项目数量” + “本年增/减”',
  needs: 'previous',
  check: ({ report, previous }) => {
    if (!previous || !consecutive(report, previous) || report.meta.layout.active !== '2019' || previous.meta.layout.active !== '2019') return [];
    const out: Problem[] = [];
    for (const [row, cols] of Object.entries(report.tables.active)) {
      if (!('previous' in cols)) continue;
      const p = previous.tables.active[row];
      const now = cols.previous;
      if (!p || now === null || now === undefined || p.previous == null || p.change == null) continue;
      const want = p.previous + p.change;
      if (want === now) continue;
      const cell: CellRef = { table: 'active', row, column: 'previous' };
      out.push({
        message: `表二「${rowName('active', row)}」上一年项目数量为 ${now}，按上一年度报告 ${p.previous} ${p.change >= 0 ? '+' : '−'} ${Math.abs(p.change)} 应为 ${want}`,
        cells: [cell],
        data: { expected: want, actual: now },
      });
    }
    return out;
  },
};

/** Share of one text's 8-character shingles found in the other. */
export function overlap(a: string, b: string, k = 8): number {
  const clean = (s: string) => s.replace(/[\s\d，。、；：“”（）()\-,.;:]/g, '');
  const x = clean(a);
  const y = clean(b);
  if (x.length < k * 4 || y.length < k * 4) return 0;
  const set = new Set<string>();
  for (let i = 0; i + k <= y.length; i++) set.add(y.slice(i, i + k));
  let hit = 0;
  let n = 0;
  for (let i = 0; i + k <= x.length; i += 2) {
    n++;
    if (set.has(x.slice(i, i + k))) hit++;
  }
  return n === 0 ? 0 : hit / n;
}

const DUPLICATE = 0.6;

const SECTION_CN: Record<number, string> = { 1: '一', 5: '五' };

export const duplicateText: Rule = {
  id: 'years.duplicateText',
  severity: 'warning',
  description: '正文大段照搬上一年度的报告，或照搬其他机关的报告（内容雷同）',
  needs: 'previousOrPeers',
  check: ({ report, previous, peers }) => {
    const out: Problem[] = [];
    const others: { report: Report; what: string }[] = [
      ...(previous ? [{ report: previous, what: `${previous.meta.year ?? '上一'} 年度报告` }] : []),
      ...(peers ?? []).map((p) => ({ report: p, what: `${p.meta.agency ?? '另一机关'}的报告` })),
    ];
    for (const s of report.sections) {
      if (s.number !== 1 && s.number !== 5) continue;
      for (const o of others) {
        const p = o.report.sections.find((x) => x.number === s.number);
        if (!p) continue;
        const share = overlap(s.text, p.text);
        if (share < DUPLICATE) continue;
        out.push({
          message: `第${SECTION_CN[s.number]}部分“${s.heading}”与${o.what}的同一部分有 ${Math.round(share * 100)}% 的文字相同`,
          cells: [],
          loc: s.loc,
          data: { share, with: o.report.meta.source.name },
        });
      }
    }
    return out;
  },
};

export const yearRules: Rule[] = [carryOver, inForce, previousCount, duplicateText];
