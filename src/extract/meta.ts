/**
 * Title, agency, statistics year and publication date. The agency is taken only where the
 * report names itself (title, "本报告由…编制", "现将…年度报告予以公布"); never guessed from
 * what the prose happens to mention.
 */
import type { NeutralDocument } from '../read/document.js';
import { BLOCK, CELL, ROW, type Stream } from './stream.js';

export interface MetaFacts {
  title: string | null;
  agency: string | null;
  year: number | null;
  published: string | null;
  period: { from: string; to: string } | null;
  evidence: { agency?: string; year?: string };
}

const REPORT_WORDS = /(关于)?(\d{4}\s*年度?)?\s*(政府)?信息公开(工作)?(年度)?(工作)?(年度)?报告$/;
const ORG_END = /(政府|办公厅|办公室|局|委员会|委|厅|办|院|处|中心|所|部|会|站|街道|镇|乡|队|馆|署|社|区|县|市|省|管委会|公司|集团|学校|大学|园|监狱|分局)$/;

export function extractMeta(doc: NeutralDocument, stream: Stream, firstHeading: number | null): MetaFacts {
  const head = leadingText(stream, firstHeading);
  const title = findTitle(doc, stream, firstHeading);
  const evidence: MetaFacts['evidence'] = {};
  const intro = stream.text.slice(0, Math.min(stream.text.length, (firstHeading ?? 3000) + 600)).replace(/[\u001d\u001e\u001f]/g, '\n');

  const yearFromTitle = title ? yearIn(title) : null;
  const period = findPeriod(intro) ?? findPeriod(stream.text.slice(0, 20000));
  let year: number | null = null;
  if (yearFromTitle !== null) {
    year = yearFromTitle;
    evidence.year = `标题：${title}`;
  } else if (period) {
    year = Number(period.from.slice(0, 4));
    evidence.year = `统计期限：${period.from}至${period.to}`;
  } else {
    const m = /(?:公布|现将|发布|编制)[^。]{0,40}?((?:19|20)\d{2})\s*年度?[^。]{0,40}?报告/.exec(intro);
    if (m) {
      year = Number(m[1]);
      evidence.year = m[0];
    } else {
      // The year the opening prose talks about most ("2021年，我局…"), not a law's year.
      const counts = new Map<number, number>();
      for (const m of head.slice(0, 4000).matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:修订|施行|起施行|公布))/g)) {
        const y = Number(m[1]);
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
      const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
      if (best) {
        year = best[0];
        evidence.year = `正文中最常提及的年份：${best[0]}年（${best[1]} 次）`;
      }
    }
  }

  let agency: string | null = null;
  const fromTitle = title ? agencyFromTitle(title) : null;
  if (fromTitle) {
    agency = fromTitle;
    evidence.agency = `标题：${title}`;
  } else if (doc.hints.agency) {
    agency = clean(doc.hints.agency);
    evidence.agency = `发布机构：${doc.hints.agency}`;
  } else {
    for (const re of AGENCY_PATTERNS) {
      const m = re.exec(intro);
      if (m && m.groups?.a) {
        const a = clean(m.groups.a);
        if (a && ORG_END.test(a) && a.length >= 3 && a.length <= 40) {
          agency = a;
          evidence.agency = m[0];
          break;
        }
      }
    }
  }

  return { title, agency, year, published: findPublished(doc, intro), period, evidence };
}

const AGENCY_PATTERNS: RegExp[] = [
  /本报告由(?<a>[^，,。；;（(]{2,40}?)(?:根据|依据|按照|依照)?[^。]{0,60}?编制/,
  /现将(?<a>[^，,。；;]{2,40}?)(?:（以下简称[^）]*）)?\s*(?:19|20)\d{2}\s*年度?[^。]{0,30}?报告/,
  /公布\s*(?:19|20)\d{2}\s*年度?(?<a>[^，,。；;]{2,40}?)政府信息公开(?:工作)?(?:年度)?报告/,
  /现公布(?<a>[^，,。；;（(]{2,40}?)(?:（以下简称[^）]*）)?\s*(?:19|20)\d{2}\s*年度?[^。]{0,30}?报告/,
];

function clean(s: string): string {
  return s
    .replace(/（以下简称[^）]*）|\(以下简称[^)]*\)/g, '')
    .replace(/^[我本]/, '')
    .replace(/[\s\u3000]+/g, '')
    .trim();
}

function agencyFromTitle(title: string): string | null {
  let t = title.replace(/[\s\u3000]+/g, '');
  t = t.replace(REPORT_WORDS, '');
  t = t.replace(/(\d{4})年度?$/, '').replace(/^(\d{4})年度?/, '');
  t = t.replace(/(\d{4})年度?/, '');
  t = clean(t);
  if (t.length < 2 || !ORG_END.test(t)) return null;
  return t;
}

function yearIn(s: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(s);
  return m ? Number(m[1]) : null;
}

/** "统计期限为2021年1月1日至12月31日" and its variants. */
export function findPeriod(text: string): { from: string; to: string } | null {
  const m =
    /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*(?:((?:19|20)\d{2})\s*年)?\s*12\s*月\s*31\s*日/.exec(text);
  if (!m) return null;
  const y1 = m[1]!;
  const y2 = m[2] ?? y1;
  return { from: `${y1}-01-01`, to: `${y2}-12-31` };
}

function findPublished(doc: NeutralDocument, intro: string): string | null {
  const raw = doc.hints.published ?? /(?:发布日期|发布时间|成文日期)\s*[:：]\s*([0-9年月日\-/.\s:]+)/.exec(intro)?.[1];
  if (!raw) return null;
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(raw);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** Title: the container's (crawler header), else the first short lines up to one with "报告". */
function findTitle(doc: NeutralDocument, stream: Stream, firstHeading: number | null): string | null {
  // A page <title> often carries the site's name after the report's: "…年度报告_某某区人民政府".
  if (doc.hints.title && /报告/.test(doc.hints.title)) return doc.hints.title.trim().replace(/(报告)\s*[_|｜\-—–·].*$/, '$1');
  const lines: string[] = [];
  for (const p of stream.pieces) {
    if (firstHeading !== null && p.start >= firstHeading) break;
    if (p.inTable) continue;
    const text = stream.text
      .slice(p.start, p.end)
      .replace(/\[bookmark:[^\]]*\]/g, '')
      .trim();
    if (text === '') continue;
    if (/^(标题|发布时间|发布日期|文号|发布机构|栏目|原文链接|本地目录|来源)\s*[:：]/.test(text)) continue;
    if (/^=+/.test(text)) continue;
    if (text.length > 60) {
      // A long first paragraph may still open with the title ("…年度报告 发布日期：…").
      if (lines.length === 0) {
        const m = /^(.{4,50}?报告)/.exec(text);
        if (m && /信息公开/.test(m[1]!)) return m[1]!;
      }
      break;
    }
    lines.push(text);
    if (/报告$/.test(text) || (/报告/.test(text) && /信息公开/.test(text))) return lines.join('');
    if (lines.length >= 3) break;
  }
  return null;
}

function leadingText(stream: Stream, firstHeading: number | null): string {
  const end = firstHeading ?? Math.min(stream.text.length, 4000);
  return stream.text.slice(0, Math.max(end, 4000)).replace(new RegExp(`[${CELL}${ROW}${BLOCK}]`, 'g'), '\n');
}
