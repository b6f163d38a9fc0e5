/**
 * Office parse speed: DOCX reports/s for a full parse (read + extract) on one core, with how
 * much of it is the DOCX reader alone, then XLSX for comparison, and peak RSS. DOC/WPS go
 * through LibreOffice (~2 s a file) and are not benchmarked here. Figures only; nothing asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../parse.js';
import { readDocument } from '../read/read.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../test-fixtures/office');

interface Input {
  name: string;
  bytes: Uint8Array;
}

function inputs(ext: string): Input[] {
  return fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith(ext) && f !== 'encrypted.docx')
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(path.join(fixtures, f))) }));
}

/** Reports per second of wall-clock time, and per second of this process's CPU time. */
async function rate(files: Input[], total: number, work: (x: Input) => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  // warm up the JIT (and load SheetJS) so the figure is the steady state a batch sees
  for (let i = 0; i < Math.min(100, total); i++) await work(files[i % files.length]!);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (let i = 0; i < total; i++) await work(files[i % files.length]!);
  const c = process.cpuUsage(c0);
  // CPU time includes the garbage collector's helper threads, so it is the stricter figure on
  // an idle machine and the steadier one on a busy machine, where wall time counts waiting.
  return { wall: total / (Number(process.hrtime.bigint() - t0) / 1e9), cpu: total / ((c.user + c.system) / 1e6) };
}

export async function run(): Promise<void> {
  if (!fs.existsSync(fixtures)) {
    console.log(`office: 没有找到测试文件目录 ${fixtures}，跳过`);
    return;
  }
  const docx = inputs('.docx');
  const xlsx = inputs('.xlsx');
  const total = Number(process.env.BENCH_OFFICE_REPORTS ?? 3000);
  const avg = (xs: Input[]) => xs.reduce((n, x) => n + x.bytes.length, 0) / xs.length / 1024;

  const full = await rate(docx, total, (x) => parseReport(x.bytes, { name: x.name }));
  const readOnly = await rate(docx, total, (x) => readDocument(x.bytes, x.name));
  console.log('== Word（DOCX）：读取 + 抽取（单核）');
  console.log(`   ${total} 份（${docx.length} 个不同的 DOCX 轮换，平均 ${avg(docx).toFixed(1)} KB）`);
  console.log(`   ${full.wall.toFixed(0)} 份/秒 · 每份 ${(1000 / full.wall).toFixed(2)} ms（按 CPU 时间 ${full.cpu.toFixed(0)} 份/CPU 秒）`);
  console.log(`   其中读取 DOCX：每份 ${(1000 / readOnly.wall).toFixed(2)} ms，仅读取 ${readOnly.wall.toFixed(0)} 份/秒（${readOnly.cpu.toFixed(0)} 份/CPU 秒）`);
  console.log(`   机器负载（1 分钟平均）${os.loadavg()[0]!.toFixed(1)}，${os.availableParallelism()} 核：负载高时以上数字偏低`);

  const xTotal = Math.max(100, Math.floor(total / 5));
  const xl = await rate(xlsx, xTotal, (x) => parseReport(x.bytes, { name: x.name }));
  console.log('== Excel（XLSX）：读取 + 抽取（单核）');
  console.log(`   ${xTotal} 份（${xlsx.length} 个不同的 XLSX 轮换，平均 ${avg(xlsx).toFixed(1)} KB）：${xl.wall.toFixed(0)} 份/秒 · 每份 ${(1000 / xl.wall).toFixed(2)} ms（${xl.cpu.toFixed(0)} 份/CPU 秒）`);
  console.log(`   峰值内存（RSS）${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
