/**
 * Which reports in a batch may share their prose (内容雷同): for each report, the few other
 * agencies' reports of the same year that share the most distinctive 8-character passages of
 * sections 一 and 五. Passages most reports carry (the 条例's phrases) say nothing and are left
 * out, so comparing thousands of reports stays linear in practice.
 */
import type { Report } from '../model/report.js';

const K = 8;
const MAX_CANDIDATES = 3;
/** A passage in more than this share of the batch is boilerplate. */
const COMMON = 0.2;
/** Candidates must share at least this many distinctive passages. */
const MIN_SHARED = 20;

function passages(r: Report): Set<string> {
  const text = r.sections
    .filter((s) => s.number === 1 || s.number === 5)
    .map((s) => s.text)
    .join('')
    .replace(/[\s\d，。、；：“”（）()\-,.;:]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + K <= text.length; i += 2) out.add(text.slice(i, i + K));
  return out;
}

export function copyCandidates(reports: Report[]): Map<Report, Report[]> {
  const sets = reports.map(passages);
  const where = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const p of set) {
      const list = where.get(p);
      if (list) list.push(i);
      else where.set(p, [i]);
    }
  });
  const limit = Math.max(2, Math.floor(reports.length * COMMON));
  const out = new Map<Report, Report[]>();
  reports.forEach((r, i) => {
    const shared = new Map<number, number>();
    for (const p of sets[i]!) {
      const list = where.get(p)!;
      if (list.length > limit) continue;
      for (const j of list) {
        if (j === i) continue;
        const o = reports[j]!;
        if (o.meta.year !== r.meta.year || (o.meta.agency !== null && o.meta.agency === r.meta.agency)) continue;
        shared.set(j, (shared.get(j) ?? 0) + 1);
      }
    }
    const best = [...shared]
      .filter(([, n]) => n >= MIN_SHARED)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CANDIDATES)
      .map(([j]) => reports[j]!);
    if (best.length > 0) out.set(r, best);
  });
  return out;
}
