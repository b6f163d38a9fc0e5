import { useState } from 'react';
import { listReports } from '../api.js';
import { EmptyState, ErrorMessage, Loading } from '../components/Feedback.js';
import { RegionYearPicker } from '../components/RegionYearPicker.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { defaultYear } from '../lib/format.js';
import { href, navigate } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/useAsync.js';
import type { Id } from '../types.js';

const PAGE_SIZE_HINT = 50;

/** 报告 list: every uploaded report of a region and year, searchable, page by page. */
export function ReportsPage({ params }: { params: URLSearchParams }) {
  const session = useSession();
  const region: Id | null = params.get('region') ?? session.user.regionId ?? null;
  const year = Number(params.get('year')) || defaultYear();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page')) || 1;
  const [search, setSearch] = useState(q);
  const list = useAsync(() => listReports({ region, year, status, q, page }), [region, year, status, q, page]);
  const go = (p: Record<string, string | number | null>) => navigate('/reports', { region, year, status: status || null, q: q || null, page: null, ...p });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / Math.max(list.data.items.length, PAGE_SIZE_HINT))) : 1;
  return (
    <>
      <div className="page-head">
        <h1>报告</h1>
        <RegionYearPicker region={region} year={year} onChange={(r, y) => go({ region: r, year: y })} />
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: search.trim() || null });
        }}
      >
        <label>
          状态
          <select value={status} onChange={(e) => go({ status: e.target.value || null })}>
            <option value="">全部</option>
            <option value="errors">有错误</option>
            <option value="warnings">有警告</option>
            <option value="clean">无问题</option>
            <option value="unmatched">待确认机关</option>
          </select>
        </label>
        <input type="search" aria-label="机关名称" placeholder="机关名称" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">搜索</button>
      </form>
      {list.loading && <Loading />}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && (
        <EmptyState title="没有找到报告">
          <a href="#/upload">上传报告</a>
        </EmptyState>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">年度</th>
                <th scope="col">状态</th>
                <th scope="col" className="num">错误</th>
                <th scope="col" className="num">警告</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={String(r.id)}>
                  <th scope="row">
                    <a href={href(`/reports/${r.id}`)}>{r.agencyName ?? '（未识别机关）'}</a>
                  </th>
                  <td>{r.year ?? '？'}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="num">{r.errorCount}</td>
                  <td className="num">{r.warningCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="分页">
            <button type="button" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
              上一页
            </button>
            <span>
              第 {page} 页，共 {list.data.total} 份
            </span>
            <button type="button" disabled={page >= pages} onClick={() => go({ page: page + 1 })}>
              下一页
            </button>
          </nav>
        </>
      )}
    </>
  );
}
