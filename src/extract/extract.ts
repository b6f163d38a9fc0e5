/**
 * Neutral document → `report/v1`. Finds the section headings, reads each table within its
 * section with the layout the table itself shows, and records where every value came from.
 */
import { GongkaiError } from '../errors.js';
import type { Provenance, Report, ReportTables, Section } from '../model/report.js';
import { TEMPLATES, templateForYear, type TableId, type TemplateId } from '../model/templates.js';
import type { NeutralDocument } from '../read/document.js';
import { findLabel } from './find-label.js';
import { extractMeta } from './meta.js';
import { compact } from './normalize.js';
import { findSections, sectionBody, type HeadingMatch } from './sections.js';
import { buildStream, locate, type Stream } from './stream.js';
import { emptyNotes, extractAppeals, extractLabelledTable, type Region, type TableResult } from './tables.js';

export function extractReport(doc: NeutralDocument): Report {
  const stream = buildStream(doc);
  const headings = findSections(stream);
  const byKey = new Map(headings.map((h) => [h.spec.key, h]));
  const end = stream.compact.length;

  const after = (h: HeadingMatch | undefined) => h?.cEnd;
  const before = (h: HeadingMatch | undefined) => h?.cStart;

  // Regions: each table lies between its heading and the next one; where a heading is missing,
  // the table's own anchors bound it.
  const reqAnchor = anchor(stream, ['本列数据的勾稽关系', '申请人情况', '本年新收政府信息公开申请数量'], 0, end);
  const appAnchor = anchor(stream, ['结果维持'], reqAnchor ?? 0, end);
  const activeFrom = after(byKey.get('active')) ?? anchor(stream, ['第二十条第(一)项', '信息内容'], 0, end) ?? 0;
  const activeTo = before(byKey.get('requests')) ?? reqAnchor ?? end;
  const reqFrom = after(byKey.get('requests')) ?? (reqAnchor !== null ? reqAnchor : activeTo);
  const reqTo = before(byKey.get('appeals')) ?? (appAnchor !== null ? back(stream, appAnchor, 60) : end);
  const appFrom = after(byKey.get('appeals')) ?? (appAnchor !== null ? back(stream, appAnchor, 60) : reqTo);
  const appTo = before(byKey.get('problems')) ?? before(byKey.get('other')) ?? end;

  // 表二's own header words show its layout; without them, the year decides.
  const meta0 = extractMeta(doc, stream, headings[0] ? headings[0].start : null);
  const activeRegion = narrow(stream, { from: activeFrom, to: Math.max(activeFrom, activeTo) }, ['信息内容']);
  const activeLayout = activeLayoutOf(stream, activeRegion) ?? yearLayout(meta0.year);
  const reqRegion = narrow(stream, { from: reqFrom, to: Math.max(reqFrom, reqTo) }, ['申请人情况', '本列数据的勾稽关系']);
  const reqLayout = requestsLayoutOf(stream, reqRegion) ?? yearLayout(meta0.year);

  const active = extractLabelledTable(stream, TEMPLATES[activeLayout], 'active', activeRegion);
  const requests = extractLabelledTable(stream, TEMPLATES[reqLayout], 'requests', reqRegion);
  const appeals = extractAppeals(stream, TEMPLATES[reqLayout], { from: appFrom, to: Math.max(appFrom, appTo) });

  const foundAny = active.found.size + requests.found.size + appeals.found.size;
  const looksLikeReport = /信息公开/.test(stream.compact.slice(0, 5000)) && /报告/.test(stream.compact.slice(0, 5000));
  const pre2019 = meta0.year !== null && meta0.year < 2019 && requests.found.size < 5;
  if (!pre2019 && requests.found.size < 3 && active.found.size < 2 && (!looksLikeReport || headings.length < 2)) {
    throw new GongkaiError(
      'NOT_A_REPORT',
      foundAny === 0 && !looksLikeReport
        ? '不是政府信息公开工作年度报告：没有找到报告标题，也没有找到任何一张标准表格'
        : '不是政府信息公开工作年度报告：找不到标准表格（表二、表三、表四）和报告的章节结构',
      'not an annual government information disclosure report',
    );
  }

  const results: Record<TableId, TableResult> = { active, requests, appeals };
  const tables: ReportTables = { active: active.data, requests: requests.data, appeals: appeals.data };
  const provenance: Provenance = { active: active.provenance, requests: requests.provenance, appeals: appeals.provenance };
  const extraction = emptyNotes();
  for (const r of Object.values(results)) {
    extraction.splits.push(...r.notes.splits);
    extraction.missingRows.push(...r.notes.missingRows);
    extraction.ragged.push(...r.notes.ragged);
    extraction.nonNumeric.push(...r.notes.nonNumeric);
  }

  const layoutOf = (r: TableResult, l: TemplateId): TemplateId | null => (r.found.size > 0 ? l : null);
  const layout = { active: layoutOf(active, activeLayout), requests: layoutOf(requests, reqLayout), appeals: layoutOf(appeals, reqLayout) };
  const template: TemplateId | null = pre2019 ? null : (layout.active ?? layout.requests ?? yearLayout(meta0.year));

  return {
    schema: 'report/v1',
    meta: {
      title: meta0.title,
      agency: meta0.agency,
      year: meta0.year,
      template,
      kind: pre2019 ? 'pre2019' : 'report',
      layout,
      published: meta0.published,
      period: meta0.period,
      evidence: meta0.evidence,
      source: { ...doc.source },
    },
    tables: pre2019 ? { active: {}, requests: {}, appeals: {} } : tables,
    sections: sectionsOf(stream, headings),
    subtotals: pre2019 ? {} : requests.subtotals,
    provenance: pre2019 ? { active: {}, requests: {}, appeals: {} } : provenance,
    extraction: pre2019 ? emptyNotes() : extraction,
  };
}

function yearLayout(year: number | null): TemplateId {
  return (year !== null ? templateForYear(year) : null) ?? '2021';
}

/** Compact offset of the first of the words found in [from, to). */
function anchor(stream: Stream, words: string[], from: number, to: number): number | null {
  let best: number | null = null;
  for (const w of words) {
    const i = stream.compact.indexOf(compact(w), from);
    if (i >= 0 && i < to && (best === null || i < best)) best = i;
  }
  return best;
}

/** Start the region at the table's header, when it has one, so prose before it is skipped. */
function narrow(stream: Stream, region: Region, words: string[]): Region {
  const a = anchor(stream, words, region.from, region.to);
  return a === null ? region : { from: a, to: region.to };
}

function back(stream: Stream, at: number, n: number): number {
  return Math.max(0, at - n);
}

const ACTIVE_2021_WORDS = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'].map(compact);
const ACTIVE_2019_WORDS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '其他对外管理服务事项', '政府集中采购', '采购总金额'].map(compact);

function activeLayoutOf(stream: Stream, region: Region): TemplateId | null {
  const text = stream.compact.slice(region.from, region.to);
  const n21 = ACTIVE_2021_WORDS.filter((w) => text.includes(w)).length;
  const n19 = ACTIVE_2019_WORDS.filter((w) => text.includes(w)).length;
  if (n21 === 0 && n19 === 0) return null;
  return n21 >= n19 ? '2021' : '2019';
}

/** 表三 is the 2021 layout when its （六） has the three items. */
function requestsLayoutOf(stream: Stream, region: Region): TemplateId | null {
  const items = TEMPLATES['2021'].tables.requests.rows.filter((r) => r.key.startsWith('result.other.') && r.key !== 'result.other.other');
  for (const row of items) if (findLabel(stream, row, { from: region.from, to: region.to })) return '2021';
  const single = TEMPLATES['2019'].tables.requests.rows.find((r) => r.key === 'result.other')!;
  if (findLabel(stream, single, { from: region.from, to: region.to })) return '2019';
  return null;
}

function sectionsOf(stream: Stream, headings: HeadingMatch[]): Section[] {
  return headings.map((h, i) => {
    const next = headings[i + 1];
    const end = next ? next.start : stream.text.length;
    return {
      number: h.spec.number,
      key: h.spec.key,
      heading: stream.text.slice(h.start, h.end).trim(),
      text: sectionBody(stream, h.end, end),
      loc: locate(stream, h.start),
    };
  });
}
