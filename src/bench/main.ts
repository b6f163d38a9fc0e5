/**
 * `npm run bench`: parse+check throughput on text reports on one core, then every format's
 * own benchmark (`*.bench.js` beside this file). Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkReport } from '../check/check.js';
import { parseReport } from '../parse.js';
import { hasCorpus, repoRoot, sharedDir } from '../test/corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function textInputs(): { name: string; bytes: Uint8Array }[] {
  const files: string[] = [];
  const ex = path.join(repoRoot, 'examples');
  for (const f of fs.readdirSync(ex)) if (f.endsWith('.txt')) files.push(path.join(ex, f));
  if (hasCorpus) {
    for (const f of fs.readdirSync(path.join(sharedDir, 'seeds'))) files.push(path.join(sharedDir, 'seeds', f));
    files.push(path.join(sharedDir, 'corpus', 'docs', 'pingtan-2021.txt'));
  }
  return files.map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(f)) }));
}

export async function coreBench(total = Number(process.env.BENCH_REPORTS ?? 3000)): Promise<void> {
  const inputs = textInputs();
  // warm up the JIT so the figure is the steady state a batch sees
  for (let i = 0; i < 50; i++) {
    const x = inputs[i % inputs.length]!;
    checkReport(await parseReport(x.bytes, { name: x.name }));
  }
  const t0 = process.hrtime.bigint();
  let findings = 0;
  for (let i = 0; i < total; i++) {
    const x = inputs[i % inputs.length]!;
    findings += checkReport(await parseReport(x.bytes, { name: x.name })).length;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const bytes = inputs.reduce((s, x) => s + x.bytes.length, 0) / inputs.length;
  console.log('== 文本报告：解析 + 校验（单核）');
  console.log(`   ${total} 份（${inputs.length} 个不同的文本报告轮换，平均 ${(bytes / 1024).toFixed(1)} KB）`);
  console.log(`   ${(total / secs).toFixed(0)} 份/秒 · 每份 ${((secs / total) * 1000).toFixed(2)} ms · 共 ${findings} 条发现`);
  console.log(`   峰值内存（RSS）${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

async function main(): Promise<void> {
  await coreBench();
  const only = process.argv.slice(2);
  const benches = fs
    .readdirSync(here)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const f of benches) {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') continue;
    console.log('');
    try {
      await mod.run();
    } catch (e) {
      console.log(`   ${f}: 无法运行（${(e as Error).message}）`);
    }
  }
}

await main();
