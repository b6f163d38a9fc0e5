import { findingsDownloadUrl, getReport } from '../api.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { SEVERITY_NAMES } from '../lib/format.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import type { Finding, Severity } from '../types.js';

const ORDER: Severity[] = ['error', 'warning', 'info'];
const ASK: Record<Severity, string> = { error: '以下错误必须更正', warning: '以下问题请核实，如确有错误请一并更正', info: '以下情况供参考' };

/** 退回: one agency's findings as a printable letter, in the words of the findings themselves. */
export function SendBackPage({ id }: { id: string }) {
  const detail = useAsync(() => getReport(id), [id]);
  if (detail.loading) return <Loading />;
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} />;
  const d = detail.data!;
  const agency = d.agencyName ?? d.report.meta.agency ?? '（未识别机关）';
  const year = d.year ?? d.report.meta.year;
  const today = new Date();
  let n = 0;
  return (
    <article className="sendback">
      <div className="no-print toolbar">
        <a href={href(`/reports/${d.id}`)}>← 返回报告</a>
        <button type="button" className="primary" onClick={() => window.print()}>
          打印
        </button>
        <a className="button" href={findingsDownloadUrl(d.id, 'xlsx')} download>
          下载 XLSX
        </a>
        <a className="button" href={findingsDownloadUrl(d.id, 'csv')} download>
          下载 CSV
        </a>
      </div>
      <h1 className="sendback-title">政府信息公开工作年度报告问题退回单</h1>
      <table className="sendback-meta">
        <tbody>
          <tr>
            <th scope="row">报送机关</th>
            <td>{agency}</td>
            <th scope="row">报告年度</th>
            <td>{year ?? '未识别'}年度</td>
          </tr>
          <tr>
            <th scope="row">报告标题</th>
            <td colSpan={3}>{d.report.meta.title ?? '（未识别）'}</td>
          </tr>
          <tr>
            <th scope="row">原文件</th>
            <td colSpan={3}>{d.report.meta.source.name}</td>
          </tr>
        </tbody>
      </table>
      {d.findings.length === 0 ? (
        <p>经检查，该报告未发现问题。</p>
      ) : (
        <>
          <p>
            {agency}：经审核，贵单位报送的{year ?? ''}年度政府信息公开工作年度报告存在以下问题，请核实更正后重新报送。
          </p>
          {ORDER.map((sev) => {
            const list = d.findings.filter((f) => f.severity === sev);
            if (list.length === 0) return null;
            return (
              <section key={sev} className="sendback-group">
                <h2>
                  {SEVERITY_NAMES[sev]}（{list.length} 项）：{ASK[sev]}
                </h2>
                <ol start={n + 1}>
                  {list.map((f, i) => {
                    n++;
                    return <SendBackItem key={i} f={f} />;
                  })}
                </ol>
              </section>
            );
          })}
        </>
      )}
      <footer className="sendback-footer">
        <span>审核单位：________________</span>
        <span>经办人：__________</span>
        <span>
          日期：{today.getFullYear()}年{today.getMonth() + 1}月{today.getDate()}日
        </span>
      </footer>
    </article>
  );
}

function SendBackItem({ f }: { f: Finding }) {
  return (
    <li>
      {f.message}
      {(f.loc?.page || f.loc?.line) && <span className="where">（见原文{f.loc.page ? `第 ${f.loc.page} 页` : ''}{f.loc.line ? `第 ${f.loc.line} 行` : ''}）</span>}
    </li>
  );
}
