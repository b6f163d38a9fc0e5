import { useMemo, useState } from 'react';
import { findingsDownloadUrl, getReport } from '../api.js';
import { CellDetail } from '../components/CellDetail.js';
import { CorrectionForm } from '../components/CorrectionForm.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { FindingsList } from '../components/FindingsList.js';
import { SectionsView } from '../components/SectionsView.js';
import { SourcePane, describeLoc } from '../components/SourcePane.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { ReportTables } from '../components/tables/ReportTables.js';
import { VersionHistory } from '../components/VersionHistory.js';
import { cellKey, indexFindings, type CellKey } from '../lib/cells.js';
import { describeCell, templateOfTable } from '../lib/layout.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import type { CellRef, CorrectionResult, Finding, ReportDetail } from '../types.js';
import type { SourceLocation } from '../../../src/model/report.js';

/** 报告: the three tables as printed, findings on them, the source beside, and corrections. */
export function ReportPage({ id }: { id: string; params: URLSearchParams }) {
  const detail = useAsync(() => getReport(id), [id]);
  if (detail.loading && !detail.data) return <Loading text="正在加载报告…" />;
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return null;
  return <ReportView key={id} detail={detail.data} onChange={(r) => detail.setData({ ...detail.data!, ...r })} />;
}

function ReportView({ detail, onChange }: { detail: ReportDetail; onChange: (r: CorrectionResult & { status?: string }) => void }) {
  const { report, findings } = detail;
  const [selected, setSelected] = useState<CellRef | null>(null);
  const [activeFinding, setActiveFinding] = useState<number | null>(null);
  const [changed, setChanged] = useState<Set<CellKey>>(new Set());
  const [notice, setNotice] = useState('');
  const index = useMemo(() => indexFindings(findings), [findings]);
  const highlighted = useMemo(() => {
    const f = activeFinding === null ? undefined : findings[activeFinding];
    return new Set((f?.cells ?? []).map(cellKey));
  }, [activeFinding, findings]);
  const prov = report.provenance;
  const describe = (c: CellRef) => describeCell((t) => templateOfTable(report, t), c);

  const select = (c: CellRef) => {
    setSelected(c);
    setActiveFinding(null);
  };
  const chooseFinding = (i: number) => {
    setActiveFinding(i);
    const first = findings[i]?.cells[0];
    setSelected(first ?? null);
  };
  const saved = (r: CorrectionResult) => {
    if (selected) setChanged((s) => new Set(s).add(cellKey(selected)));
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    const warnings = r.findings.filter((f) => f.severity === 'warning').length;
    setNotice(`已保存更正并重新检查：错误 ${errors} 条，警告 ${warnings} 条。`);
    setActiveFinding(null);
    onChange({ ...r, status: errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'clean' });
  };

  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const finding: Finding | undefined = activeFinding === null ? undefined : findings[activeFinding];
  const loc: SourceLocation | undefined = selected ? prov?.[selected.table]?.[selected.row]?.[selected.column]?.loc ?? finding?.loc : finding?.loc;

  return (
    <div className="report-page">
      <div className="page-head">
        <div>
          <h1>{detail.agencyName ?? report.meta.agency ?? '（未识别机关）'} · {detail.year ?? report.meta.year ?? '？'}年度</h1>
          <p className="muted">
            {report.meta.title ?? report.meta.source.name} · {report.meta.template ? `${report.meta.template}年版表格` : '表格版式未识别'} · 原文件 {report.meta.source.name}
          </p>
        </div>
        <div className="head-actions">
          <StatusBadge status={errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok'} />
          <a className="button" href={href(`/reports/${detail.id}/sendback`)}>
            退回单
          </a>
          <a className="button" href={findingsDownloadUrl(detail.id, 'xlsx')} download>
            问题清单 XLSX
          </a>
          <a className="button" href={findingsDownloadUrl(detail.id, 'csv')} download>
            CSV
          </a>
          {detail.agencyId !== null && (
            <a className="button" href={href('/compare', { agency: detail.agencyId, to: detail.year ?? report.meta.year })}>
              年度对比
            </a>
          )}
        </div>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="report-layout">
        <div className="report-main">
          <section aria-labelledby="findings-title" className="card">
            <h2 id="findings-title">
              检查结果：错误 {errors} 条，警告 {warnings} 条
            </h2>
            <FindingsList findings={findings} active={activeFinding} onChoose={chooseFinding} />
          </section>
          <section aria-label="统计表" className="forms">
            <p className="legend no-print">
              <span className="swatch cell-error" /> 错误 <span className="swatch cell-warning" /> 警告 <span className="swatch cell-changed" /> 已更正 · 点击单元格查看原文和更正
            </p>
            <ReportTables
              tables={report.tables}
              templateOf={(t) => templateOfTable(report, t)}
              view={{
                findings: index,
                selected: selected ? cellKey(selected) : null,
                highlighted,
                changed,
                rawOf: (c) => prov?.[c.table]?.[c.row]?.[c.column]?.raw,
                describe,
                onSelect: select,
              }}
            />
          </section>
          <section aria-labelledby="sections-title" className="card">
            <h2 id="sections-title">正文</h2>
            <SectionsView sections={report.sections} />
          </section>
        </div>
        <aside className="side-pane" aria-label="单元格详情与原文">
          {selected ? (
            <>
              <CellDetail name={describe(selected)} value={report.tables[selected.table]?.[selected.row]?.[selected.column]} source={prov?.[selected.table]?.[selected.row]?.[selected.column]} findings={index.get(cellKey(selected))} />
              <h3>原文</h3>
              <SourcePane reportId={detail.id} report={report} loc={loc} />
              <h3>更正</h3>
              <CorrectionForm reportId={detail.id} cell={selected} value={report.tables[selected.table]?.[selected.row]?.[selected.column]} name={describe(selected)} onSaved={saved} />
            </>
          ) : finding?.loc ? (
            <>
              <h3>{finding.message}</h3>
              <p className="muted">{describeLoc(finding.loc)}</p>
              <SourcePane reportId={detail.id} report={report} loc={finding.loc} />
            </>
          ) : (
            <p className="muted">点击表格中的单元格，或点击一条检查结果，在这里查看原文位置并更正。</p>
          )}
          <h3>版本记录</h3>
          <VersionHistory versions={detail.versions} />
        </aside>
      </div>
    </div>
  );
}
