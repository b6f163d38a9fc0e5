/** Findings for a person at a terminal, grouped by file, as eslint prints them. */
import type { Finding, Severity, SourceLocation } from '../model/report.js';
import { displayWidth, padEnd } from './width.js';

const WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  bold(s: string): string;
}

export const NO_COLOR: Colors = { red: (s) => s, yellow: (s) => s, dim: (s) => s, underline: (s) => s, bold: (s) => s };
export const ANSI: Colors = {
  red: (s) => `\x1b[31m${s}\x1b[39m`,
  yellow: (s) => `\x1b[33m${s}\x1b[39m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  underline: (s) => `\x1b[4m${s}\x1b[24m`,
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
};

export function where(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  if (loc.page !== undefined) return `第${loc.page}页`;
  if (loc.sheet !== undefined) return `${loc.sheet}!${(loc.row ?? 0) + 1}:${(loc.cell ?? 0) + 1}`;
  if (loc.line !== undefined) return `${loc.line}:${loc.column ?? 1}`;
  if (loc.table !== undefined) return `表格${loc.table + 1}·${(loc.row ?? 0) + 1}行`;
  return '';
}

export function formatFileFindings(file: string, findings: Finding[], c: Colors, minSeverity: Severity = 'info'): string {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const shown = findings.filter((f) => rank[f.severity] <= rank[minSeverity]);
  if (shown.length === 0) return '';
  const locs = shown.map((f) => where(f.loc));
  const w = Math.max(...locs.map(displayWidth), 1);
  const lines = [c.underline(file)];
  shown.forEach((f, i) => {
    const sev = f.severity === 'error' ? c.red(WORD.error) : f.severity === 'warning' ? c.yellow(WORD.warning) : c.dim(WORD.info);
    lines.push(`  ${c.dim(padEnd(locs[i]!, w))}  ${sev}  ${f.message}  ${c.dim(f.rule)}`);
  });
  return lines.join('\n') + '\n';
}

export function summary(counts: { error: number; warning: number; info: number; files: number; failed: number }, c: Colors): string {
  const problems = counts.error + counts.warning;
  const parts: string[] = [];
  if (problems === 0 && counts.failed === 0) parts.push(`✓ ${counts.files} 份报告，未发现错误或警告${counts.info ? `（${counts.info} 条提示）` : ''}`);
  else {
    if (problems > 0) parts.push(`✖ ${problems} 个问题（${counts.error} 个错误，${counts.warning} 个警告）${counts.info ? `，${counts.info} 条提示` : ''}，共检查 ${counts.files} 份报告`);
    if (counts.failed > 0) parts.push(`✖ ${counts.failed} 个文件无法读取`);
  }
  const text = parts.join('\n');
  return counts.error > 0 || counts.failed > 0 ? c.bold(c.red(text)) : problems > 0 ? c.bold(c.yellow(text)) : c.bold(text);
}
