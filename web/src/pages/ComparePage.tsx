import { useMemo, useState } from 'react';
import { compare, getAgencies } from '../api.js';
import { Chart } from '../components/Chart.js';
import { EmptyState, ErrorMessage, Loading } from '../components/Feedback.js';
import { YearSelect } from '../components/RegionYearPicker.js';
import { ReportTables } from '../components/tables/ReportTables.js';
import { flatten } from '../lib/agencies.js';
import { cellKey, indexFindings, type CellKey } from '../lib/cells.js';
import { defaultYear, formatValue, SEVERITY_NAMES } from '../lib/format.js';
import { describeCell, templateForYearOrLatest } from '../lib/layout.js';
import { href, navigate } from '../lib/router.js';
import { appealSeries, applicationSeries, outcomeSeries } from '../lib/series.js';
import { useAsync } from '../lib/useAsync.js';
import type { CellRef, CellValue, Comparison, CompareYear, TableId } from '../types.js';

/** 年度对比: one agency over the years — what changed cell by cell, and the trend. */
export function ComparePage({ params }: { params: URLSearchParams }) {
  const agencies = useAsync(getAgencies, []);
  const agency = params.get('agency') ?? '';
  const to = Number(params.get('to')) || defaultYear();
  const from = Number(params.get('from')) || to - 1;
  const result = useAsync(() => (agency ? compare(agency, from, to) : Promise.resolve(null)), [agency, from, to]);
  const list = agencies.data ? flatten(agencies.data) : [];
  const go = (p: Record<string, string | number>) => navigate('/compare', { agency, from, to, ...p });

  return (
    <>
      <div className="page-head">
        <h1>年度对比</h1>
        <div className="picker">
          <label>
            机关
            <select value={agency} onChange={(e) => go({ agency: e.target.value })}>
              <option value="">请选择机关…</option>
              {list.map((a) => (
                <option key={String(a.id)} value={String(a.id)}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <YearSelect label="从" value={from} onChange={(y) => go({ from: y })} />
          <YearSelect label="到" value={to} onChange={(y) => go({ to: y })} />
        </div>
      </div>
      {!agency && <EmptyState title="请选择一个机关和年度范围" />}
      {agency && from > to && <ErrorMessage error="起始年度不能晚于结束年度" />}
      {result.loading && agency && <Loading />}
      {result.error && <ErrorMessage error={result.error} onRetry={result.reload} />}
      {result.data && <CompareBody data={result.data} />}
    </>
  );
}

function CompareBody({ data }: { data: Comparison }) {
  const years = data.years.filter((y) => y.tables);
  const categories = useMemo(() => years.map((y) => `${y.year}年`), [years]);
  const apps = useMemo(() => applicationSeries(years), [years]);
  const outcomes = useMemo(() => outcomeSeries(years), [years]);
  const appeals = useMemo(() => appealSeries(years), [years]);
  const [pair, setPair] = useState(Math.max(1, years.length - 1));
  if (years.length === 0) return <EmptyState title="所选年度没有该机关的报告" />;
  const yearFindings = data.years.flatMap((y) => y.findings.filter((f) => f.rule.startsWith('years.')).map((f) => ({ f, year: y.year })));
  const cur = years[Math.min(pair, years.length - 1)]!;
  const prev = years.length > 1 ? years[Math.min(pair, years.length - 1) - 1] : undefined;
  return (
    <div className="compare">
      {data.agency && <h2>{data.agency.name}</h2>}
      <p className="muted">
        共 {years.length} 个年度的报告：
        {years.map((y, i) => (
          <span key={y.year}>
            {i > 0 && '、'}
            {y.reportId !== null ? <a href={href(`/reports/${y.reportId}`)}>{y.year}年度</a> : `${y.year}年度`}
          </span>
        ))}
        {data.years.length > years.length && `（${data.years.filter((y) => !y.tables).map((y) => y.year).join('、')}年度未提交）`}
      </p>
      <div className="charts">
        <Chart title="政府信息公开申请" kind="line" categories={categories} series={apps} description={describeSeries(categories, apps)} />
        <Chart title="办理结果" kind="bar" stacked categories={categories} series={outcomes} description={describeSeries(categories, outcomes)} />
        <Chart title="行政复议和行政诉讼" kind="bar" categories={categories} series={appeals} description={describeSeries(categories, appeals)} />
      </div>
      <section className="card" aria-labelledby="years-findings">
        <h2 id="years-findings">跨年度检查（{yearFindings.length}）</h2>
        {yearFindings.length === 0 ? (
          <p className="ok-note">跨年度数据衔接无问题。</p>
        ) : (
          <ul className="cell-findings">
            {yearFindings.map(({ f, year }, i) => (
              <li key={i} className={`sev-${f.severity}`}>
                {year}年度【{SEVERITY_NAMES[f.severity]}】{f.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {prev && (
        <section aria-labelledby="changes-title">
          <div className="section-head">
            <h2 id="changes-title">
              逐项变化：{cur.year}年度 与 {prev.year}年度 比较
            </h2>
            {years.length > 2 && (
              <label>
                比较年度
                <select value={pair} onChange={(e) => setPair(Number(e.target.value))}>
                  {years.slice(1).map((y, i) => (
                    <option key={y.year} value={i + 1}>
                      {y.year} 对 {years[i]!.year}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <ChangeTables cur={cur} prev={prev} />
        </section>
      )}
    </div>
  );
}

function describeSeries(categories: string[], series: { name: string; data: (number | null)[] }[]): string {
  return series.map((s) => `${s.name} ${s.data.map((v, i) => `${categories[i]} ${v ?? '无'}`).join('，')}`).join('；');
}

/** This year's tables, each number followed by its change from the year before. */
function ChangeTables({ cur, prev }: { cur: CompareYear; prev: CompareYear }) {
  const tpl = templateForYearOrLatest(cur.year);
  const prevTpl = templateForYearOrLatest(prev.year);
  const changed = new Set<CellKey>();
  const before = (c: CellRef): CellValue | undefined => prev.tables?.[c.table]?.[c.row]?.[c.column];
  // 表二 changed its columns in 2021: comparing across that change would compare unlike things.
  const comparable = (t: TableId) => t !== 'active' || tpl.id === prevTpl.id;
  for (const t of ['active', 'requests', 'appeals'] as const) {
    if (!comparable(t)) continue;
    for (const [row, cols] of Object.entries(cur.tables?.[t] ?? {})) {
      for (const [col, v] of Object.entries(cols)) {
        const c = { table: t, row, column: col };
        if ((before(c) ?? null) !== v) changed.add(cellKey(c));
      }
    }
  }
  const display = (c: CellRef, v: CellValue | undefined) => {
    if (!comparable(c.table)) return undefined;
    const b = before(c);
    if (typeof v !== 'number' || typeof b !== 'number' || v === b) return undefined;
    const d = v - b;
    return `${formatValue(v)} (${d > 0 ? '+' : ''}${formatValue(d)})`;
  };
  return (
    <>
      <p className="legend">
        <span className="swatch cell-changed" /> 与上一年度不同；括号内为增减。共 {changed.size} 项变化。
        {!comparable('active') && ' 表二两年版式不同，不作逐项比较。'}
      </p>
      <ReportTables
        tables={cur.tables}
        templateOf={() => tpl}
        view={{
          findings: indexFindings(cur.findings.filter((f) => f.rule.startsWith('years.'))),
          selected: null,
          highlighted: new Set(),
          changed,
          display,
          describe: (c) => {
            const b = before(c);
            return `${describeCell(() => tpl, c)}（${prev.year}年度 ${b === undefined || b === null ? '空' : formatValue(b)}）`;
          },
        }}
      />
    </>
  );
}
