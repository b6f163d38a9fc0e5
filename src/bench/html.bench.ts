/** HTML pages: read + extract on one core (the target: ≥200 reports/s per core). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractReport } from '../extract/extract.js';
import { readDocument } from '../read/read.js';
import { hasCorpus, repoRoot, sharedDir } from '../test/corpus.js';

export async function run(): Promise<void> {
  const files = [path.join(repoRoot, 'examples', '青禾市人民政府办公室-2020.html')];
  if (hasCorpus) files.push(path.join(sharedDir, 'corpus', 'docs', 'shanghai-2019.html'));
  const inputs = files.map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(f)) }));
  const total = Number(process.env.BENCH_HTML_REPORTS ?? 3000);
  for (let i = 0; i < 50; i++) extractReport(await readDocument(inputs[i % inputs.length]!.bytes, inputs[i % inputs.length]!.name));
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < total; i++) {
    const x = inputs[i % inputs.length]!;
    extractReport(await readDocument(x.bytes, x.name));
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const kb = inputs.reduce((s, x) => s + x.bytes.length, 0) / inputs.length / 1024;
  console.log('== HTML 网页：读取 + 抽取（单核）');
  console.log(`   ${total} 份（${inputs.length} 个不同的网页轮换，平均 ${kb.toFixed(1)} KB）`);
  console.log(`   ${(total / secs).toFixed(0)} 份/秒 · 每份 ${((secs / total) * 1000).toFixed(2)} ms（按 CPU 时间 ${(total / cpuSecs).toFixed(0)} 份/CPU 秒）`);
  console.log(`   峰值内存（RSS）${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB · 负载 ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
