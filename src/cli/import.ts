/**
 * `gongkai import <files or directories…>`: bulk import into the store, with a progress bar on
 * stderr. Safe to interrupt and run again: stored files are skipped by their SHA-256.
 */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { isGongkaiError } from '../errors.js';
import { openStore } from '../store/db.js';
import { importFiles, type ImportOutcome } from '../store/import.js';

export async function runImportCommand(argv: string[]): Promise<number> {
  const program = new Command('gongkai import')
    .description('导入年度报告文件（可重复执行：已导入的文件自动跳过）')
    .argument('<paths...>', '文件或目录')
    .option('--db <url>', 'PostgreSQL 连接串（默认 $DATABASE_URL；未设置则使用 ./data/gongkai.sqlite）')
    .option('--sqlite <file>', 'SQLite 文件路径', undefined)
    .option('--json', '在标准输出逐行输出每个文件的结果（JSON）')
    .exitOverride();
  program.parse(argv, { from: 'user' });
  const opts = program.opts<{ db?: string; sqlite?: string; json?: boolean }>();
  const store = await openStore({ ...(opts.db ? { url: opts.db } : {}), ...(opts.sqlite ? { sqliteFile: opts.sqlite } : {}) });
  const bar = new cliProgress.SingleBar(
    { format: '导入 [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const tally = { imported: 0, duplicate: 0, failed: 0, pending: 0 };
  const failures: ImportOutcome[] = [];
  let started = false;
  try {
    await importFiles(store, program.args, {
      onProgress: (p) => {
        if (!started) {
          bar.start(p.total, 0, { file: '' });
          started = true;
        }
        bar.update(p.done, { file: p.current.length > 40 ? '…' + p.current.slice(-39) : p.current });
        const o = p.outcome;
        if (!o) return;
        tally[o.status]++;
        if (o.status === 'imported' && o.agencyMatch.agencyId == null) tally.pending++;
        if (o.status === 'failed') failures.push(o);
        if (opts.json) process.stdout.write(JSON.stringify(o.status === 'imported' ? { name: o.name, status: o.status, reportId: o.reportId, version: o.version, agencyMatch: o.agencyMatch, findings: o.findings.length } : o) + '\n');
      },
    });
  } catch (e) {
    if (started) bar.stop();
    await store.close();
    if (isGongkaiError(e)) {
      process.stderr.write(`错误：${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (started) bar.stop();
  await store.close();
  for (const f of failures) if (f.status === 'failed') process.stderr.write(`未导入 ${f.name}：${f.message}\n`);
  process.stderr.write(`完成：新导入 ${tally.imported} 个（其中 ${tally.pending} 个机关待确认），已存在跳过 ${tally.duplicate} 个，失败 ${tally.failed} 个\n`);
  return tally.failed > 0 ? 1 : 0;
}
