import { useRef, useState } from 'react';
import { uploadReport } from '../api.js';
import { ErrorMessage } from '../components/Feedback.js';
import { AgencyMatchForm } from '../components/AgencyMatchForm.js';
import { DropZone } from '../components/DropZone.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { href } from '../lib/router.js';
import { isZip, unzipReports } from '../lib/zip.js';
import type { UploadResult } from '../types.js';

interface Item {
  key: number;
  name: string;
  blob: Blob;
  state: 'queued' | 'uploading' | 'checking' | 'done' | 'failed';
  progress: number;
  result?: UploadResult;
  error?: string;
  matched?: boolean;
}

/** Two uploads at a time: the server parses and checks each, and the machine is small. */
const CONCURRENCY = 2;

/** 上传: one or many report files, or a ZIP of them; then confirm unsure agency matches. */
export function UploadPage() {
  const [items, setItems] = useState<Item[]>([]);
  const [zipError, setZipError] = useState('');
  const nextKey = useRef(1);
  const queue = useRef<Item[]>([]);
  const running = useRef(0);

  const update = (key: number, patch: Partial<Item>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  const pump = () => {
    while (running.current < CONCURRENCY && queue.current.length > 0) {
      const it = queue.current.shift()!;
      running.current++;
      update(it.key, { state: 'uploading', progress: 0 });
      uploadReport(it.blob, it.name, (p) => update(it.key, { progress: p, state: p >= 1 ? 'checking' : 'uploading' }))
        .then(
          (result) => update(it.key, { state: 'done', progress: 1, result, matched: result.agencyMatch.agencyId !== null }),
          (e: Error) => update(it.key, { state: 'failed', error: e.message }),
        )
        .finally(() => {
          running.current--;
          pump();
        });
    }
  };

  const add = async (files: File[]) => {
    setZipError('');
    const expanded: { name: string; blob: Blob }[] = [];
    for (const f of files) {
      if (isZip(f)) {
        try {
          expanded.push(...(await unzipReports(f)));
        } catch {
          setZipError(`无法解压“${f.name}”，请确认是有效的 ZIP 文件`);
        }
      } else expanded.push({ name: f.name, blob: f });
    }
    const fresh: Item[] = expanded.map((f) => ({ key: nextKey.current++, name: f.name, blob: f.blob, state: 'queued', progress: 0 }));
    setItems((xs) => [...xs, ...fresh]);
    queue.current.push(...fresh);
    pump();
  };

  const done = items.filter((i) => i.state === 'done');
  const unsure = done.filter((i) => !i.matched);
  const busy = items.some((i) => i.state === 'queued' || i.state === 'uploading' || i.state === 'checking');

  return (
    <>
      <div className="page-head">
        <h1>上传报告</h1>
      </div>
      <DropZone onFiles={add} />
      {zipError && <ErrorMessage error={zipError} />}
      {items.length > 0 && (
        <section aria-labelledby="upload-list-title">
          <h2 id="upload-list-title">
            上传进度（{done.length}/{items.length}）{busy && <span className="spinner inline" aria-label="处理中" />}
          </h2>
          <ul className="upload-list">
            {items.map((it) => (
              <UploadRow key={it.key} item={it} />
            ))}
          </ul>
        </section>
      )}
      {unsure.length > 0 && (
        <section aria-labelledby="match-title" className="card">
          <h2 id="match-title">请确认发布机关（{unsure.length}）</h2>
          <p className="muted">以下报告未能确定是哪个机关发布的，请选择正确的机关。</p>
          {unsure.map((it) => (
            <AgencyMatchForm key={it.key} name={it.name} result={it.result!} onConfirmed={() => update(it.key, { matched: true })} />
          ))}
        </section>
      )}
    </>
  );
}

const STATE_TEXT: Record<Item['state'], string> = { queued: '等待上传', uploading: '上传中', checking: '正在识别和检查', done: '完成', failed: '失败' };

function UploadRow({ item }: { item: Item }) {
  const r = item.result;
  const errors = r ? r.findings.filter((f) => f.severity === 'error').length : 0;
  const warnings = r ? r.findings.filter((f) => f.severity === 'warning').length : 0;
  return (
    <li className={`upload-item state-${item.state}`}>
      <span className="file-name">{item.name}</span>
      <progress max={1} value={item.state === 'checking' ? undefined : item.progress} aria-label={`${item.name} ${STATE_TEXT[item.state]}`} />
      <span className="upload-state">{STATE_TEXT[item.state]}</span>
      {item.error && <span className="form-error">{item.error}</span>}
      {r && (
        <span className="upload-summary">
          {r.report.meta.agency ?? '（未识别机关）'} · {r.report.meta.year ?? '？'}年度 ·{' '}
          <StatusBadge status={errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok'} /> 错误 {errors}，警告 {warnings} ·{' '}
          <a href={href(`/reports/${r.id}`)}>打开</a>
        </span>
      )}
    </li>
  );
}
