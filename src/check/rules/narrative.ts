/** The prose against the tables, and the sections the prose must fill. */
import type { CellRef, Report } from '../../model/report.js';
import { TEMPLATES } from '../../model/templates.js';
import { fmt, type Problem, type Rule } from '../rule.js';

/** The number a report's table gives for a row group: each row's 总计, or its parts when 总计 is blank. */
function rowTotal(report: Report, table: 'requests' | 'appeals', row: string): number | null {
  const data = report.tables[table][row];
  if (!data) return null;
  if (data.total !== null && data.total !== undefined) return data.total;
  let sum = 0;
  let any = false;
  for (const [k, v] of Object.entries(data)) {
    if (k === 'total' || v === null || v === undefined) continue;
    sum += v;
    any = true;
  }
  return any ? sum : null;
}

function rowsWith(report: Report, prefix: string): string[] {
  return Object.keys(report.tables.requests).filter((k) => k === prefix || k.startsWith(prefix + '.'));
}

interface Fact {
  /** What the prose calls it, for the message. */
  name: string;
  /** Patterns whose first group is the number the prose states. */
  patterns: RegExp[];
  /** The table's figure(s): the prose may match any one of them. */
  table: (r: Report) => { value: number | null; cells: CellRef[]; label: string }[];
}

const total = (r: Report, table: 'requests' | 'appeals', rows: string[], label: string) => {
  let v: number | null = null;
  for (const row of rows) {
    const t = rowTotal(r, table, row);
    if (t !== null) v = (v ?? 0) + t;
  }
  return { value: v, cells: rows.map((row) => ({ table, row, column: 'total' })), label };
};

const N = String.raw`(\d+)\s*(?:件|个|条|宗|起|次)`;

/** What prose says about applications and appeals, in the words reports use. */
const FACTS: Fact[] = [
  {
    name: '本年新收申请',
    patterns: [new RegExp(String.raw`(?:收到|受理|新收|接收)(?:了)?(?:各类|政府信息公开|公开政府信息的|信息公开)?(?:申请)?(?:共计?|合计|总计)?\s*` + N + '(?!.{0,3}(?:结转|办结))'), new RegExp(String.raw`(?:收到|受理|新收)[^。；，,\d]{0,12}?申请(?:共计?|合计)?\s*` + N)],
    table: (r) => [total(r, 'requests', ['received.new'], '一、本年新收')],
  },
  {
    name: '上年结转申请',
    patterns: [new RegExp(String.raw`上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?\s*` + N)],
    table: (r) => [total(r, 'requests', ['received.carriedOver'], '二、上年结转')],
  },
  {
    name: '办结（答复）申请',
    patterns: [new RegExp(String.raw`(?:办结|答复)(?:了)?(?:政府信息公开)?(?:申请)?(?:共计?)?\s*` + N)],
    table: (r) => [total(r, 'requests', ['result.total'], '三（七）总计')],
  },
  {
    name: '结转下年度',
    patterns: [new RegExp(N + String.raw`[^。；，,\d]{0,20}?(?:结转|顺延|转入)(?:到|至)?下一?年度?`), new RegExp(String.raw`结转(?:到|至)?下一?年度?(?:继续办理)?(?:的)?\s*` + N)],
    table: (r) => [total(r, 'requests', ['carriedForward'], '四、结转下年度')],
  },
  {
    name: '予以公开及部分公开',
    patterns: [new RegExp(String.raw`予以公开(?:及|和|与|、)部分公开(?:的)?(?:申请)?\s*` + N)],
    table: (r) => [total(r, 'requests', ['result.granted', 'result.partial'], '（一）予以公开与（二）部分公开之和')],
  },
  {
    name: '予以公开',
    patterns: [new RegExp(String.raw`(?<!不)予以公开(?!及|和|与|、)(?:的)?(?:申请)?\s*` + N)],
    table: (r) => [total(r, 'requests', ['result.granted'], '（一）予以公开')],
  },
  {
    name: '不予公开',
    patterns: [new RegExp(String.raw`不予公开(?:的)?(?:申请)?\s*` + N)],
    table: (r) => [total(r, 'requests', rowsWith(r, 'result.denied'), '（三）不予公开各项之和')],
  },
  {
    name: '无法提供',
    patterns: [new RegExp(String.raw`无法提供(?:的)?(?:申请)?\s*` + N)],
    // "因本机关不掌握等原因无法提供N件" often means the first item only.
    table: (r) => [total(r, 'requests', rowsWith(r, 'result.unavailable'), '（四）无法提供各项之和'), total(r, 'requests', ['result.unavailable.notHeld'], '（四）1.本机关不掌握相关政府信息')],
  },
  {
    name: '不予处理',
    patterns: [new RegExp(String.raw`不予处理(?:的)?(?:申请)?\s*` + N)],
    table: (r) => [total(r, 'requests', rowsWith(r, 'result.notProcessed'), '（五）不予处理各项之和')],
  },
  {
    name: '行政复议',
    patterns: [new RegExp(String.raw`行政复议(?:案件)?(?:共计?)?\s*` + N)],
    table: (r) => [total(r, 'appeals', ['reconsideration'], '表四行政复议总计')],
  },
  {
    name: '行政诉讼',
    patterns: [new RegExp(String.raw`(?:行政)?诉讼(?:案件)?(?:共计?)?\s*` + N)],
    table: (r) => [total(r, 'appeals', ['litigationDirect', 'litigationAfterReconsideration'], '表四行政诉讼总计（两类之和）')],
  },
];

/** Prose of sections 一, 三 and 四, where reports state these figures. */
function prose(report: Report): { text: string; number: number }[] {
  return report.sections.filter((s) => s.number === 1 || s.number === 3 || s.number === 4).map((s) => ({ text: s.text, number: s.number }));
}

export const requests: Rule = {
  id: 'narrative.requests',
  severity: 'warning',
  description: '正文所述的申请、办理、结转、复议、诉讼件数与表格一致',
  check: ({ report }) => {
    if (report.meta.kind !== 'report') return [];
    const out: Problem[] = [];
    for (const { text } of prose(report)) {
      for (const sentence of text.split(/[。；;\n]/)) {
        const seen = new Set<string>();
        for (const fact of FACTS) {
          for (const re of fact.patterns) {
            const m = re.exec(sentence);
            if (!m) continue;
            const stated = Number(m[1]);
            const key = `${fact.name}|${m.index}`;
            if (seen.has(fact.name) || seen.has(key)) continue;
            seen.add(fact.name);
            const figures = fact.table(report).filter((f) => f.value !== null);
            if (figures.length === 0) continue;
            if (figures.some((f) => f.value === stated)) continue;
            const f = figures[0]!;
            out.push({
              message: `正文称${fact.name} ${stated} 件（“${m[0].trim()}”），但表格中${f.label}为 ${fmt(f.value)}`,
              cells: f.cells,
              data: { stated, table: f.value, quote: sentence.trim().slice(0, 120) },
            });
          }
        }
      }
    }
    return out;
  },
};

const NO_REQUESTS = /(?:未|没有|无)(?:收到|受理|接到)[^。；，,]{0,12}?申请|申请(?:数量)?为0件/;
const NO_APPEALS = /(?:未|没有|无)(?:发生|出现|收到)?[^。；]{0,20}?(?:行政复议|行政诉讼)|(?:行政复议|行政诉讼)[^。；]{0,10}?(?:为0|均为0|为零)/;

export const none: Rule = {
  id: 'narrative.none',
  severity: 'warning',
  description: '正文称未收到申请或未发生复议、诉讼，而表格中有',
  check: ({ report }) => {
    if (report.meta.kind !== 'report') return [];
    const out: Problem[] = [];
    const text = prose(report).map((p) => p.text).join('\n');
    const received = rowTotal(report, 'requests', 'received.new');
    const m1 = NO_REQUESTS.exec(text);
    if (m1 && received !== null && received > 0) {
      out.push({ message: `正文称“${m1[0]}”，但表三一、本年新收为 ${received} 件`, cells: [{ table: 'requests', row: 'received.new', column: 'total' }] });
    }
    const m2 = NO_APPEALS.exec(text);
    if (m2) {
      const rows = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
      const n = rows.reduce((s, r) => s + (rowTotal(report, 'appeals', r) ?? 0), 0);
      if (n > 0) out.push({ message: `正文称“${m2[0]}”，但表四中行政复议、行政诉讼共 ${n} 件`, cells: rows.map((row) => ({ table: 'appeals' as const, row, column: 'total' })) });
    }
    return out;
  },
};

export const fee: Rule = {
  id: 'narrative.fee',
  severity: 'warning',
  description: '2021 年度起，第六部分应说明是否收取信息处理费（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）',
  check: ({ report }) => {
    if (report.meta.kind !== 'report' || report.meta.year === null || report.meta.year < TEMPLATES['2021'].from) return [];
    const six = report.sections.find((s) => s.number === 6);
    const all = report.sections.map((s) => s.text).join('\n');
    if (six && /处理费|收取.{0,6}费用|收费/.test(six.text)) return [];
    if (!six && /信息处理费/.test(all)) return [];
    return [{ message: '第六部分“其他需要报告的事项”未说明本年度是否收取信息处理费', cells: [], ...(six ? { loc: six.loc } : {}) }];
  },
};

const BARE = /^[\s。.、:：]*(无|无。|没有|暂无|无其他需要报告的事项|本年度无)?[\s。.]*$/;

export const emptySection: Rule = {
  id: 'narrative.emptySection',
  severity: 'warning',
  description: '第五部分应写明存在的主要问题及改进情况，不能为空或只写“无”；第六部分不能为空',
  check: ({ report }) => {
    if (report.meta.kind !== 'report') return [];
    const out: Problem[] = [];
    const five = report.sections.find((s) => s.number === 5);
    if (five && BARE.test(five.text)) {
      out.push({ message: `第五部分“${five.heading}”${five.text.trim() ? `只写了“${five.text.trim()}”` : '没有内容'}，应写明存在的主要问题及改进情况`, cells: [], loc: five.loc });
    }
    const six = report.sections.find((s) => s.number === 6);
    if (six && six.text.trim() === '') out.push({ message: '第六部分“其他需要报告的事项”没有内容（没有事项也应写明“无”）', cells: [], loc: six.loc });
    return out;
  },
};

export const narrativeRules: Rule[] = [requests, none, fee, emptySection];
