import { useMemo, useState } from 'react';
import { getOverview, listReports, regionFindingsDownloadUrl } from '../api.js';
import { EmptyState, ErrorMessage, Loading } from '../components/Feedback.js';
import { RegionYearPicker } from '../components/RegionYearPicker.js';
import { STATUS_TEXT, StatusBadge } from '../components/StatusBadge.js';
import { defaultYear } from '../lib/format.js';
import { LEVEL_NAMES } from '../lib/agencies.js';
import { href, navigate } from '../lib/router.js';
import { ruleDescription } from '../lib/rules.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/useAsync.js';
import type { Id, Overview, OverviewStatus } from '../types.js';

const STATUSES: OverviewStatus[] = ['error', 'warning', 'ok', 'missing'];

/** 总览: every agency of a region for one year, its status, and who has not submitted. */
export function OverviewPage({ params }: { params: URLSearchParams }) {
  const session = useSession();
  const region: Id | null = params.get('region') ?? session.user.regionId ?? null;
  const year = Number(params.get('year')) || defaultYear();
  const status = (params.get('status') ?? '') as OverviewStatus | '';
  const rule = params.get('rule') ?? '';
  const [search, setSearch] = useState('');
  const overview = useAsync(() => getOverview(region, year), [region, year]);
  // Which reports break a rule: asked of the server, since the overview only has counts.
  const ruleReports = useAsync(
    () => (rule ? listReports({ region, year, rule }).then((r) => new Set(r.items.map((i) => String(i.id)))) : Promise.resolve(null)),
    [region, year, rule],
  );

  const set = (p: Record<string, string | number | null>) =>
    navigate('/overview', { region, year, status: status || null, rule: rule || null, ...p });

  return (
    <>
      <div className="page-head">
        <h1>总览</h1>
        <RegionYearPicker region={region} year={year} onChange={(r, y) => set({ region: r, year: y })} />
      </div>
      {overview.loading && <Loading />}
      {overview.error && <ErrorMessage error={overview.error} onRetry={overview.reload} />}
      {overview.data && (
        <OverviewBody
          data={overview.data}
          year={year}
          region={region}
          status={status}
          rule={rule}
          ruleReports={ruleReports.data ?? null}
          search={search}
          onSearch={setSearch}
          onStatus={(s) => set({ status: s || null })}
          onRule={(r) => set({ rule: r || null })}
        />
      )}
    </>
  );
}

interface BodyProps {
  data: Overview;
  year: number;
  region: Id | null;
  status: OverviewStatus | '';
  rule: string;
  ruleReports: Set<string> | null;
  search: string;
  onSearch: (s: string) => void;
  onStatus: (s: OverviewStatus | '') => void;
  onRule: (r: string) => void;
}

function OverviewBody({ data, year, region, status, rule, ruleReports, search, onSearch, onStatus, onRule }: BodyProps) {
  const counts = useMemo(() => {
    const c: Record<OverviewStatus, number> = { ok: 0, error: 0, warning: 0, missing: 0 };
    for (const a of data.agencies) c[a.status]++;
    return c;
  }, [data]);
  const q = search.trim();
  const rows = data.agencies.filter(
    (a) => (!status || a.status === status) && (!q || a.name.includes(q)) && (!ruleReports || (a.reportId !== null && ruleReports.has(String(a.reportId)))),
  );
  const rules = Object.entries(data.ruleCounts).sort((a, b) => b[1] - a[1]);

  if (data.agencies.length === 0) {
    return (
      <EmptyState title={`${year}年度本地区还没有机关或报告`}>
        <a href="#/upload">上传报告</a>
      </EmptyState>
    );
  }

  return (
    <div className="overview">
      <div className="stat-cards" role="group" aria-label="按状态筛选">
        <StatCard label="全部机关" n={data.agencies.length} active={status === ''} onClick={() => onStatus('')} />
        {STATUSES.map((s) => (
          <StatCard key={s} label={STATUS_TEXT[s]} n={counts[s]} tone={s} active={status === s} onClick={() => onStatus(status === s ? '' : s)} />
        ))}
      </div>

      <div className="overview-grid">
        <section aria-labelledby="agency-list-title">
          <div className="section-head">
            <h2 id="agency-list-title">各机关报告</h2>
            <input type="search" placeholder="按机关名称搜索" aria-label="按机关名称搜索" value={search} onChange={(e) => onSearch(e.target.value)} />
            <a className="button" href={regionFindingsDownloadUrl(region, year)} download>
              导出全部问题（XLSX）
            </a>
          </div>
          {rule && (
            <p className="filter-note">
              只显示违反规则「{ruleDescription(rule)}」的报告。
              <button type="button" className="link-button" onClick={() => onRule('')}>
                清除
              </button>
            </p>
          )}
          {rows.length === 0 ? (
            <EmptyState title="没有符合条件的机关" />
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">机关</th>
                  <th scope="col">层级</th>
                  <th scope="col">状态</th>
                  <th scope="col" className="num">错误</th>
                  <th scope="col" className="num">警告</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={String(a.id)}>
                    <th scope="row">{a.reportId !== null ? <a href={href(`/reports/${a.reportId}`)}>{a.name}</a> : a.name}</th>
                    <td>{LEVEL_NAMES[a.level] ?? a.level}</td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td className="num">{a.status === 'missing' ? '' : a.errorCount}</td>
                    <td className="num">{a.status === 'missing' ? '' : a.warningCount}</td>
                    <td className="actions">
                      {a.reportId !== null && <a href={href(`/reports/${a.reportId}`)}>查看</a>}
                      {a.reportId !== null && (a.errorCount > 0 || a.warningCount > 0) && <a href={href(`/reports/${a.reportId}/sendback`)}>退回</a>}
                      <a href={href('/compare', { agency: a.id })}>年度对比</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <aside className="side-col">
          <section aria-labelledby="rule-title" className="card">
            <h2 id="rule-title">按规则统计</h2>
            {rules.length === 0 ? (
              <p className="muted">没有发现问题。</p>
            ) : (
              <ul className="rule-counts">
                {rules.map(([id, n]) => (
                  <li key={id}>
                    <button type="button" className={`rule-filter${rule === id ? ' active' : ''}`} aria-pressed={rule === id} onClick={() => onRule(rule === id ? '' : id)}>
                      <span className="rule-name">{ruleDescription(id)}</span>
                      <code>{id}</code>
                      <span className="count">{n}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="missing-title" className="card">
            <h2 id="missing-title">未提交（{data.missing.length}）</h2>
            {data.missing.length === 0 ? (
              <p className="muted">全部机关均已提交。</p>
            ) : (
              <ul className="missing-list">
                {data.missing.map((m) => (
                  <li key={String(m.id)}>{m.name}</li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

function StatCard({ label, n, tone, active, onClick }: { label: string; n: number; tone?: OverviewStatus; active: boolean; onClick: () => void }) {
  return (
    <button type="button" className={`stat-card${tone ? ` tone-${tone}` : ''}${active ? ' active' : ''}`} aria-pressed={active} onClick={onClick}>
      <span className="stat-n">{n}</span>
      <span className="stat-label">{label}</span>
    </button>
  );
}
