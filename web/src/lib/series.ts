/**
 * Year-over-year series for the comparison charts, with names taken from the layout: the
 * applications (一、二、四), the outcomes (三（一）…（六）, groups summed) and appeals (表四 总计).
 */
import { TEMPLATES } from '../../../src/model/templates.js';
import type { CompareYear } from '../types.js';
import type { Series } from '../components/Chart.js';

const LATEST = TEMPLATES['2021'].tables;

function sumRows(y: CompareYear, prefix: string): number | null {
  const data = y.tables?.requests;
  if (!data) return null;
  let sum: number | null = null;
  for (const [row, cols] of Object.entries(data)) {
    if (row !== prefix && !row.startsWith(`${prefix}.`)) continue;
    const v = cols.total;
    if (typeof v === 'number') sum = (sum ?? 0) + v;
  }
  return sum;
}

export function applicationSeries(years: CompareYear[]): Series[] {
  return ['received.new', 'received.carriedOver', 'carriedForward'].map((key) => {
    const row = LATEST.requests.rows.find((r) => r.key === key)!;
    return { name: row.label, data: years.map((y) => y.tables?.requests?.[key]?.total ?? null) };
  });
}

/** The outcome items directly under 三、本年度办理结果, a group counting as the sum of its items. */
export function outcomeSeries(years: CompareYear[]): Series[] {
  const spec = LATEST.requests;
  const items: { key: string; label: string }[] = [];
  for (const r of spec.rows) if (r.group === 'result' && r.key !== 'result.total') items.push({ key: r.key, label: r.label });
  for (const g of spec.groups ?? []) if (g.key.startsWith('result.')) items.push({ key: g.key, label: g.label });
  const order = (k: string) => spec.rows.findIndex((r) => r.key === k || r.key.startsWith(`${k}.`));
  items.sort((a, b) => order(a.key) - order(b.key));
  return items.map((it) => ({ name: it.label, data: years.map((y) => sumRows(y, it.key)) }));
}

export function appealSeries(years: CompareYear[]): Series[] {
  return LATEST.appeals.rows.map((r) => ({ name: r.label, data: years.map((y) => y.tables?.appeals?.[r.key]?.total ?? null) }));
}
