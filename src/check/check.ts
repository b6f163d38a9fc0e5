/** Report → findings: every rule, with the user's configuration applied. */
import type { CellRef, Finding, Report, Severity, SourceLocation } from '../model/report.js';
import type { CheckConfig } from './config.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';

export interface CheckOptions {
  /** Rule switches and severities, as in a config file. */
  config?: CheckConfig;
  /** Last year's report of the same agency, for the `years.*` rules. */
  previous?: Report;
  /** Same-year reports of other agencies to compare prose with (see analyze/copied.ts). */
  peers?: Report[];
  /** Rules to run instead of the built-in set (tests, plugins). */
  rules?: readonly Rule[];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const settings = options.config?.rules ?? {};
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const setting = settings[rule.id];
    if (setting === 'off') continue;
    if (rule.needs === 'previous' && !options.previous) continue;
    if (rule.needs === 'previousOrPeers' && !options.previous && !options.peers?.length) continue;
    const ctx = { report, ...(options.previous ? { previous: options.previous } : {}), ...(options.peers ? { peers: options.peers } : {}) };
    for (const p of rule.check(ctx)) {
      const f: Finding = {
        rule: rule.id,
        severity: setting ?? p.severity ?? rule.severity,
        message: p.message,
        cells: p.cells.filter((c) => c.column !== '' || c.row !== ''),
      };
      const loc = p.loc ?? firstLoc(report, p.cells);
      if (loc) f.loc = loc;
      if (p.data) f.data = p.data;
      findings.push(f);
    }
  }
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

function firstLoc(report: Report, cells: CellRef[]): SourceLocation | undefined {
  for (const c of cells) {
    const src = report.provenance[c.table]?.[c.row]?.[c.column];
    if (src) return src.loc;
  }
  return undefined;
}

/** Exit status a linter would give: 1 when any finding is an error. */
export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
