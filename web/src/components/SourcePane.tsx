import { useEffect, useRef, useState } from 'react';
import { getReportSource, pageImageUrl } from '../api.js';
import { decodeLines, sourceKind } from '../lib/source.js';
import type { Id, Report } from '../types.js';
import type { SourceLocation } from '../../../src/model/report.js';
import { ErrorMessage, Loading } from './Feedback.js';

/** The original file with one place in it located: a line of a text/HTML source, a box on a PDF page. */
export function SourcePane({ reportId, report, loc }: { reportId: Id; report: Report; loc: SourceLocation | undefined }) {
  const kind = sourceKind(report);
  if (!loc) return <p className="muted">该处没有记录原文位置。</p>;
  if (kind === 'text') return <TextSource reportId={reportId} encoding={report.meta.source.encoding} loc={loc} />;
  if (kind === 'pdf' || kind === 'image') return <PageSource reportId={reportId} loc={loc} unitsToPixels={kind === 'pdf' ? PDF_PAGE_DPI / 72 : 1} />;
  return <p className="source-where">{describeLoc(loc)}</p>;
}

/** Lines of the file around the located one; the whole file stays scrollable. */
function TextSource({ reportId, encoding, loc }: { reportId: Id; encoding: string | undefined; loc: SourceLocation }) {
  const [lines, setLines] = useState<string[]>();
  const [error, setError] = useState<Error>();
  const target = useRef<HTMLLIElement>(null);
  useEffect(() => {
    let live = true;
    getReportSource(reportId).then(
      (s) => live && setLines(decodeLines(s.bytes, encoding)),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [reportId, encoding]);
  useEffect(() => {
    target.current?.scrollIntoView({ block: 'center' });
  }, [lines, loc.line, loc.column]);
  if (error) return <ErrorMessage error={error} />;
  if (!lines) return <Loading text="正在读取原文…" />;
  const line = loc.line;
  return (
    <div className="source-text" aria-label={`原文，第 ${line ?? '?'} 行`}>
      <p className="source-where">{describeLoc(loc)}</p>
      <ol className="source-lines" tabIndex={0} aria-label="原文">
        {lines.map((text, i) => {
          const no = i + 1;
          const hit = no === line;
          return (
            <li key={no} ref={hit ? target : undefined} className={hit ? 'hit' : undefined} aria-current={hit ? 'location' : undefined}>
              <span className="line-no" aria-hidden="true">
                {no}
              </span>
              <span className="line-text">{hit ? <MarkedLine text={text} column={loc.column} /> : clip(text)}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

const CLIP = 400;

/** Long lines (minified HTML) are shortened around what matters, so the pane stays readable. */
function clip(text: string): string {
  return text.length > CLIP ? `${text.slice(0, CLIP)}…` : text;
}

function MarkedLine({ text, column }: { text: string; column: number | undefined }) {
  if (!column || column < 1 || column > text.length) return <>{clip(text)}</>;
  const at = column - 1;
  const from = Math.max(0, at - CLIP / 2);
  const to = Math.min(text.length, at + CLIP / 2);
  const m = /^[\s\S]\d*/.exec(text.slice(at))?.[0] ?? text.charAt(at);
  return (
    <>
      {from > 0 && '…'}
      {text.slice(from, at)}
      <mark>{m}</mark>
      {text.slice(at + m.length, to)}
      {to < text.length && '…'}
    </>
  );
}

/** The server renders PDF pages at this resolution; boxes on them are in PDF points. */
const PDF_PAGE_DPI = 96;

/**
 * A PDF or scanned page: the server's page image with the value's box drawn on it, scrolled into
 * view; where the server has no image, where to look.
 */
function PageSource({ reportId, loc, unitsToPixels }: { reportId: Id; loc: SourceLocation; unitsToPixels: number }) {
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState<{ ratio: number } | null>(null);
  const img = useRef<HTMLImageElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setFailed(false);
    setShown(null);
  }, [reportId, loc.page]);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'center' });
  }, [shown, loc.bbox]);
  const measure = () => {
    const el = img.current;
    if (!el || !el.complete || el.naturalWidth === 0) return;
    const ratio = el.clientWidth / el.naturalWidth;
    setShown((prev) => (prev && Math.abs(prev.ratio - ratio) < 1e-6 ? prev : { ratio }));
  };
  // A cached image may be complete before its load event is listened to; the pane may resize.
  useEffect(() => {
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });
  const b = loc.bbox;
  const k = shown ? shown.ratio * unitsToPixels : 0;
  return (
    <div className="source-page">
      <p className="source-where">{describeLoc(loc)}</p>
      {loc.page && !failed && (
        <div className="page-frame" style={{ position: 'relative' }}>
          <img ref={img} src={pageImageUrl(reportId, loc.page)} alt={`原文第 ${loc.page} 页`} onLoad={measure} onError={() => setFailed(true)} className="page-image" />
          {b && shown && (
            <div
              ref={box}
              className="page-box"
              aria-label="该数值在页面上的位置"
              style={{ position: 'absolute', left: b[0] * k - 3, top: b[1] * k - 3, width: (b[2] - b[0]) * k + 6, height: (b[3] - b[1]) * k + 6, border: '2px solid #c62828', borderRadius: 3, pointerEvents: 'none' }}
            />
          )}
        </div>
      )}
      {failed && <p className="muted">服务器未提供页面图像，请按上面的页码和位置在原文件中查看。</p>}
    </div>
  );
}

export function describeLoc(loc: SourceLocation): string {
  const parts: string[] = [];
  if (loc.entry) parts.push(`压缩包内文件“${loc.entry}”`);
  if (loc.sheet) parts.push(`工作表“${loc.sheet}”`);
  if (loc.page) parts.push(`第 ${loc.page} 页`);
  if (loc.line) parts.push(`第 ${loc.line} 行${loc.column ? `第 ${loc.column} 个字符` : ''}`);
  if (loc.table !== undefined) parts.push(`第 ${loc.table + 1} 个表格`);
  if (loc.row !== undefined) parts.push(`表格第 ${loc.row + 1} 行`);
  if (loc.cell !== undefined) parts.push(`第 ${loc.cell + 1} 格`);
  if (loc.bbox) parts.push(`位置 (${loc.bbox.map((n) => Math.round(n)).join(', ')})`);
  return parts.length > 0 ? `原文位置：${parts.join('，')}` : '原文位置不明';
}
