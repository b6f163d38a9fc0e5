#!/usr/bin/env node
/**
 * gongkai — the command line. Exit codes as a linter's: 0 clean, 1 error-severity findings,
 * 2 unreadable input or bad usage.
 */
import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import path from 'node:path';
import { copyCandidates } from '../analyze/copied.js';
import { checkReport, hasErrors } from '../check/check.js';
import { findConfig, loadConfig, type CheckConfig } from '../check/config.js';
import { RULES } from '../check/rules/index.js';
import { isGongkaiError } from '../errors.js';
import type { Finding, Report } from '../model/report.js';
import { cellRows, toCsv } from '../render/cells-csv.js';
import { ANSI, formatFileFindings, NO_COLOR, summary } from '../render/findings-text.js';
import { renderTables } from '../render/terminal.js';
import { readAllStdin, resolveInputs } from './inputs.js';
import { processAll } from './pool.js';
import type { FileResult } from './process.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_UNREADABLE = 2;

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

async function gather(inputs: string[], jobs?: number): Promise<{ results: FileResult[]; missing: string[] }> {
  const { files, missing } = await resolveInputs(inputs, readAllStdin);
  for (const m of missing) err(`gongkai: 找不到文件：${m}`);
  const bar =
    process.stderr.isTTY && files.length > 1
      ? new cliProgress.SingleBar(
          { format: '读取报告 [{bar}] {value}/{total} {percentage}% · 剩余约 {eta_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(files.length, 0);
  const nested = await processAll(files, { ...(jobs ? { jobs } : {}), onDone: (d) => bar?.update(d) });
  bar?.stop();
  return { results: nested.flat(), missing };
}

function reportErrors(results: FileResult[]): number {
  let n = 0;
  for (const r of results) {
    if (r.error) {
      err(`${r.name}: ${r.error.message} [${r.error.code}]`);
      n++;
    }
  }
  return n;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CommanderError(2, 'gongkai.usage', `--jobs 应为正整数，而不是“${v}”`);
  return n;
}

async function parseCommand(inputs: string[], opts: { json?: boolean; jsonl?: boolean; csv?: boolean; jobs?: number }): Promise<number> {
  const { results, missing } = await gather(inputs, opts.jobs);
  const failed = reportErrors(results) + missing.length;
  const ok = results.filter((r): r is FileResult & { report: Report } => r.report !== undefined);
  const single = results.length === 1 && inputs.length === 1 && !inputs[0]!.includes('*');
  if (opts.csv) {
    process.stdout.write(toCsv(ok.flatMap((r) => cellRows(r.name, r.report)), true));
  } else if (opts.json && single) {
    if (ok[0]) process.stdout.write(JSON.stringify(ok[0].report, null, 2) + '\n');
  } else if (opts.json || opts.jsonl) {
    for (const r of ok) process.stdout.write(JSON.stringify(r.report) + '\n');
  } else {
    for (const r of ok) process.stdout.write(`${ok.length > 1 ? `== ${r.name}\n` : ''}${renderTables(r.report)}\n\n`);
  }
  if (results.length === 0 && missing.length === 0) {
    err('gongkai: 没有找到要读取的文件');
    return EXIT_UNREADABLE;
  }
  return failed > 0 ? EXIT_UNREADABLE : EXIT_OK;
}

/** Reports of one agency in consecutive years get the years.* rules. */
function previousOf(reports: { name: string; report: Report }[]): Map<Report, Report> {
  const byAgency = new Map<string, Report[]>();
  for (const { report } of reports) {
    const a = report.meta.agency;
    if (!a || report.meta.year === null) continue;
    const list = byAgency.get(a) ?? [];
    list.push(report);
    byAgency.set(a, list);
  }
  const out = new Map<Report, Report>();
  for (const list of byAgency.values()) {
    for (const r of list) {
      const prev = list.find((p) => p.meta.year === r.meta.year! - 1);
      if (prev) out.set(r, prev);
    }
  }
  return out;
}

async function checkCommand(inputs: string[], opts: { json?: boolean; config?: string; quiet?: boolean; color?: boolean; jobs?: number }): Promise<number> {
  const config: CheckConfig = opts.config ? loadConfig(opts.config) : (() => {
    const f = findConfig(process.cwd());
    return f ? loadConfig(f) : {};
  })();
  const { results, missing } = await gather(inputs, opts.jobs);
  const ok = results.filter((r): r is FileResult & { report: Report } => r.report !== undefined);
  const prev = previousOf(ok);
  const copies = copyCandidates(ok.map((r) => r.report));
  const checked = new Map<FileResult, Finding[]>();
  for (const r of ok) {
    const previous = prev.get(r.report);
    const peers = copies.get(r.report);
    checked.set(r, checkReport(r.report, { config, ...(previous ? { previous } : {}), ...(peers ? { peers } : {}) }));
  }
  const counts = { error: 0, warning: 0, info: 0, files: ok.length, failed: results.length - ok.length + missing.length };
  for (const fs of checked.values()) for (const f of fs) counts[f.severity]++;

  if (opts.json) {
    const out = results.map((r) =>
      r.report
        ? { file: r.name, agency: r.report.meta.agency, year: r.report.meta.year, template: r.report.meta.template, findings: checked.get(r) ?? [] }
        : { file: r.name, error: r.error },
    );
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    const c = opts.color === false || !process.stdout.isTTY || process.env.NO_COLOR ? NO_COLOR : ANSI;
    for (const r of results) {
      if (r.error) {
        process.stdout.write(`${c.underline(r.name)}\n  ${c.red('无法读取')}  ${r.error.message}  ${c.dim(r.error.code)}\n\n`);
        continue;
      }
      const text = formatFileFindings(r.name, checked.get(r) ?? [], c, opts.quiet ? 'error' : 'info');
      if (text) process.stdout.write(text + '\n');
    }
    for (const m of missing) process.stdout.write(`${c.underline(m)}\n  ${c.red('无法读取')}  找不到文件  ${c.dim('NOT_FOUND')}\n\n`);
    process.stdout.write(summary(counts, c) + '\n');
  }
  if (results.length === 0 && missing.length === 0) {
    err('gongkai: 没有找到要检查的文件');
    return EXIT_UNREADABLE;
  }
  if (counts.failed > 0) return EXIT_UNREADABLE;
  return [...checked.values()].some(hasErrors) ? EXIT_FINDINGS : EXIT_OK;
}

function rulesCommand(opts: { json?: boolean }): number {
  if (opts.json) {
    process.stdout.write(JSON.stringify(RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description })), null, 2) + '\n');
    return EXIT_OK;
  }
  const word = { error: '错误', warning: '警告', info: '提示' } as const;
  for (const r of RULES) process.stdout.write(`${r.id.padEnd(26)} ${word[r.severity]}  ${r.description}\n`);
  return EXIT_OK;
}

/** Subcommands that live in modules of their own (store, server), loaded only when used. */
async function delegate(module: string, fn: string, argv: string[]): Promise<number> {
  const url = new URL(module, import.meta.url).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    err(`gongkai: 此命令尚不可用（${(e as Error).message}）`);
    return EXIT_UNREADABLE;
  }
  const run = mod[fn] as ((argv: string[]) => Promise<number | void>) | undefined;
  if (typeof run !== 'function') {
    err('gongkai: 此命令尚不可用');
    return EXIT_UNREADABLE;
  }
  return (await run(argv)) ?? EXIT_OK;
}

export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const program = new Command();
  program
    .name('gongkai')
    .description('政府信息公开工作年度报告：读取、抽取三张表格、逐条校验\nRead, extract and check annual government information disclosure reports.')
    .version('0.1.0', '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand('help [command]', '显示某个命令的帮助')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('parse')
    .description('读取报告，输出三张表格（默认在终端显示；--json 输出 report/v1）')
    .argument('<inputs...>', '文件、目录、通配符（如 "reports/**/*.pdf"），或 - 表示标准输入')
    .option('--json', '输出 JSON：单个文件为一个 report/v1 对象，多个文件为每行一个（JSON Lines）')
    .option('--jsonl', '输出 JSON Lines：每行一个 report/v1 对象')
    .option('--csv', '输出长表 CSV：每个单元格一行（file, agency, year, table, row, column, value…）')
    .option('-j, --jobs <n>', '并行处理的线程数（默认为 CPU 核数）', positiveInt)
    .action(async (inputs: string[], opts) => {
      code = await parseCommand(inputs, opts);
    });

  program
    .command('check')
    .description('校验报告：按规则逐条列出错误、警告和提示')
    .argument('<inputs...>', '文件、目录、通配符，或 - 表示标准输入')
    .option('--json', '以 JSON 输出全部发现')
    .option('-c, --config <file>', '规则配置文件（默认在当前目录及上级目录查找 gongkai.config.json）')
    .option('-q, --quiet', '只显示错误')
    .option('--no-color', '不使用颜色')
    .option('-j, --jobs <n>', '并行处理的线程数（默认为 CPU 核数）', positiveInt)
    .action(async (inputs: string[], opts) => {
      code = await checkCommand(inputs, opts);
    });

  program
    .command('rules')
    .description('列出全部校验规则')
    .option('--json', '以 JSON 输出')
    .action((opts) => {
      code = rulesCommand(opts);
    });

  for (const [name, module, fn, desc] of [
    ['import', './import.js', 'runImportCommand', '导入报告到数据库（目录、文件或 ZIP）'],
    ['serve', './serve.js', 'runServeCommand', '启动审核工作台（网页界面与 HTTP API）'],
    ['user', './user.js', 'runUserCommand', '管理用户（如首次运行时创建管理员）'],
  ] as const) {
    program
      .command(name)
      .description(desc)
      .allowUnknownOption()
      .helpOption(false)
      .argument('[args...]')
      .action(async (args: string[]) => {
        code = await delegate(module, fn, args);
      });
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      if (e.code === 'gongkai.usage') err(`gongkai: ${e.message}`);
      return EXIT_UNREADABLE;
    }
    if (isGongkaiError(e)) {
      err(`gongkai: ${(e as Error).message}`);
      return EXIT_UNREADABLE;
    }
    throw e;
  }
  return code;
}

const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked.endsWith(path.join('cli', 'main.js')) || invoked.endsWith(`${path.sep}gongkai`)) {
  // `gongkai parse … | head`: the reader has gone, which is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (c) => {
      process.exitCode = c;
    },
    (e: unknown) => {
      err(`gongkai: 内部错误（请报告此问题）：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = EXIT_UNREADABLE;
    },
  );
}
