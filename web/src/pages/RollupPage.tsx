import { useEffect, useState } from 'react';
import { getAgencies, rollup, rollupCell } from '../api.js';
import { AgencyTreePicker } from '../components/AgencyTreePicker.js';
import { EmptyState, ErrorMessage, Loading } from '../components/Feedback.js';
import { YearSelect } from '../components/RegionYearPicker.js';
import { ReportTables } from '../components/tables/ReportTables.js';
import { flatten } from '../lib/agencies.js';
import { cellKey } from '../lib/cells.js';
import { defaultYear, formatValue } from '../lib/format.js';
import { downloadRollupXlsx } from '../lib/exportXlsx.js';
import { describeCell, templateForYearOrLatest } from '../lib/layout.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import type { CellRef, Rollup } from '../types.js';

/** 汇总: the three tables summed over chosen agencies; each sum opens to its contributions. */
export function RollupPage({ params }: { params: URLSearchParams }) {
  const agencies = useAsync(getAgencies, []);
  const [year, setYear] = useState(Number(params.get('year')) || defaultYear());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<{ year: number; data: Rollup }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [cell, setCell] = useState<CellRef | null>(null);

  const run = () => {
    setBusy(true);
    setError(undefined);
    setCell(null);
    rollup([...selected].map((s) => (/^\d+$/.test(s) ? Number(s) : s)), year).then(
      (data) => {
        setResult({ year, data });
        setBusy(false);
      },
      (e: Error) => {
        setError(e);
        setBusy(false);
      },
    );
  };

  const tpl = templateForYearOrLatest(result?.year ?? year);
  const names = agencies.data ? flatten(agencies.data).filter((a) => selected.has(String(a.id))).map((a) => a.name) : [];
  const [fetched, setFetched] = useState<{ key: string; list: { reportId: string | number; agencyName: string; value: number | null }[] }>();
  const chosenIds = [...selected].map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const cellId = cell ? cellKey(cell) : '';
  useEffect(() => {
    if (!cell || !result) return;
    let live = true;
    rollupCell(chosenIds, result.year, cell).then(
      (list) => live && setFetched({ key: cellId, list }),
      () => live && setFetched({ key: cellId, list: [] }),
    );
    return () => {
      live = false;
    };
    // chosenIds follows `selected`, which only changes with a new roll-up (which clears `cell`)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cellId, result]);
  const known = cell && result ? (result.data.contributions[cell.table]?.[cell.row]?.[cell.column] ?? []) : [];
  const contributions = fetched && fetched.key === cellId && fetched.list.length > 0 ? fetched.list : known;
  const title = `${result?.year ?? year}年度 ${names.length} 个机关汇总`;

  return (
    <>
      <div className="page-head">
        <h1>汇总</h1>
      </div>
      <div className="rollup-layout">
        <section className="card rollup-choose" aria-labelledby="choose-title">
          <h2 id="choose-title">选择机关（已选 {selected.size} 个）</h2>
          {agencies.loading && <Loading />}
          {agencies.error && <ErrorMessage error={agencies.error} onRetry={agencies.reload} />}
          {agencies.data && agencies.data.length === 0 && <EmptyState title="还没有机关名录" />}
          {agencies.data && <AgencyTreePicker tree={agencies.data} selected={selected} onChange={setSelected} />}
          <div className="form-row">
            <YearSelect label="报告年度" value={year} onChange={setYear} />
            <button type="button" className="primary" disabled={selected.size === 0 || busy} onClick={run}>
              {busy ? '正在汇总…' : '汇总'}
            </button>
            {selected.size > 0 && (
              <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
                清空
              </button>
            )}
          </div>
        </section>
        <div className="rollup-result">
          {busy && <Loading text="正在汇总…" />}
          {error && <ErrorMessage error={error} />}
          {!result && !busy && <EmptyState title="选择机关和年度后点击“汇总”">勾选上级地区会同时勾选其下全部机关。</EmptyState>}
          {result && (
            <>
              <div className="section-head">
                <h2>{title}</h2>
                <button type="button" onClick={() => void downloadRollupXlsx(result.data, () => tpl, title, `汇总-${result.year}.xlsx`)}>
                  导出 XLSX
                </button>
              </div>
              <p className="legend">
                共汇总 {result.data.reports.length} 份报告。点击单元格查看由哪些报告汇总而来。
              </p>
              {result.data.missingAgencies.length > 0 && (
                <p className="filter-note">
                  以下 {result.data.missingAgencies.length} 个机关本年度没有报告，未计入汇总：{result.data.missingAgencies.map((a) => a.name).join('、')}
                </p>
              )}
              <div className="rollup-tables">
                <div>
                  <ReportTables
                    tables={result.data.tables}
                    templateOf={() => tpl}
                    view={{
                      findings: new Map(),
                      selected: cell ? cellKey(cell) : null,
                      highlighted: new Set(),
                      describe: (c) => describeCell(() => tpl, c),
                      onSelect: setCell,
                    }}
                  />
                </div>
                <aside className="side-pane" aria-label="汇总来源">
                  {cell ? (
                    <>
                      <h3>{describeCell(() => tpl, cell)}</h3>
                      <p className="big-value">合计 {formatValue(result.data.tables[cell.table]?.[cell.row]?.[cell.column])}</p>
                      {contributions.length === 0 ? (
                        <p className="muted">没有报告填报该项。</p>
                      ) : (
                        <table className="data-table compact">
                          <thead>
                            <tr>
                              <th scope="col">机关</th>
                              <th scope="col" className="num">数值</th>
                            </tr>
                          </thead>
                          <tbody>
                            {contributions.map((c, i) => (
                              <tr key={i}>
                                <th scope="row">
                                  <a href={href(`/reports/${c.reportId}`)}>{c.agencyName}</a>
                                </th>
                                <td className="num">{c.value === null ? '空' : formatValue(c.value)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                    </>
                  ) : (
                    <p className="muted">点击左侧任一数字，查看其来源报告。</p>
                  )}
                </aside>
              </div>
            </>
          )}
        </div>
      </div>
    </>
  );
}
