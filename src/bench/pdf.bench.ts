/**
 * PDF parse speed against the native baseline: reports/s and peak RSS for read + extract of the
 * fixture PDFs on one core, and `pdftotext -layout` (poppler) on the same files in the same run.
 * Figures only; timing is not asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../extract/extract.js';
import { readDocument } from '../read/read.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../test-fixtures/pdf');
/** Passes over the fixture set: enough for a few seconds of work per side. */
const ROUNDS = 10;

export async function run(): Promise<void> {
  if (!fs.existsSync(fixtures)) {
    console.log(`pdf: 没有找到测试文件目录 ${fixtures}，跳过`);
    return;
  }
  const files = fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith('.pdf') && f !== 'encrypted.pdf' && f !== 'scanned.pdf')
    .map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(path.join(fixtures, f))) }));
  const pages = files.reduce((n, f) => n + pageCount(f.bytes), 0);

  // warm-up: loads the predefined CMaps (and pdfjs, if a file needs it) once, as a long-running
  // process would have
  for (const f of files) extractReport(await readDocument(f.bytes, f.name));

  let peak = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < ROUNDS; r++) {
    for (const f of files) {
      extractReport(await readDocument(f.bytes, f.name));
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  }
  const ours = Number(process.hrtime.bigint() - t0) / 1e9;
  const reports = files.length * ROUNDS;

  let baseline: number | null = null;
  if (spawnSync('pdftotext', ['-v']).error === undefined) {
    const paths = files.map((f) => path.join(fixtures, f.name));
    const t1 = process.hrtime.bigint();
    for (let r = 0; r < ROUNDS; r++) for (const p of paths) execFileSync('pdftotext', ['-layout', p, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    baseline = Number(process.hrtime.bigint() - t1) / 1e9;
  }

  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  // Shared machines: the figures mean little without the load they were taken under.
  console.log(`pdf: ${files.length} 个 PDF（${pages} 页）× ${ROUNDS} 轮（系统负载 ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}）`);
  console.log(`  gongkai 读取+抽取: ${(reports / ours).toFixed(1)} 份/秒, ${((pages * ROUNDS) / ours).toFixed(0)} 页/秒, 峰值 RSS ${mb(peak)} MB`);
  if (baseline === null) {
    console.log('  pdftotext -layout: 未安装 poppler-utils，无对照');
    return;
  }
  console.log(`  pdftotext -layout: ${(reports / baseline).toFixed(1)} 份/秒, ${((pages * ROUNDS) / baseline).toFixed(0)} 页/秒（每次一个进程）`);
  console.log(`  耗时比 gongkai / pdftotext = ${(ours / baseline).toFixed(2)}（目标 ≤ 1.5）`);
}

function pageCount(bytes: Uint8Array): number {
  // Counting page objects is enough for a rate; the reader itself is not involved.
  const text = Buffer.from(bytes).toString('latin1');
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length || 1;
}
