/**
 * A rule is data: a stable id, a default severity, a Chinese description, and a pure function
 * from the report (and, for `years.*`, last year's report) to problems found.
 */
import type { CellRef, Report, Severity, SourceLocation } from '../model/report.js';
import { columnsOf, TABLE_IDS, TEMPLATES, type ColumnSpec, type RowSpec, type TableId, type Template } from '../model/templates.js';

export interface RuleContext {
  report: Report;
  /** Last year's report of the same agency, when known. */
  previous?: Report;
  /** Same-year reports of other agencies whose prose may have been copied (candidates only). */
  peers?: Report[];
}

export interface Problem {
  message: string;
  cells: CellRef[];
  /** Overrides the rule's default severity for this problem (e.g. structure.template). */
  severity?: Severity;
  loc?: SourceLocation;
  data?: Record<string, unknown>;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  /** Rules that compare reports are skipped without what they compare with. */
  needs?: 'previous' | 'previousOrPeers';
  check(ctx: RuleContext): Problem[];
}

/** The layout a table of the report was read with. */
export function templateOf(report: Report, table: 'active' | 'requests' | 'appeals'): Template | null {
  const id = report.meta.layout?.[table] ?? report.meta.template;
  return id ? TEMPLATES[id] : null;
}

export function value(report: Report, c: CellRef): number | null | undefined {
  return report.tables[c.table]?.[c.row]?.[c.column];
}

export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '空';
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
}

/** Every row of the layout the report has, with its columns, table by table. */
export function* layoutRows(report: Report, tables: readonly TableId[] = TABLE_IDS): Generator<{ table: TableId; row: RowSpec; columns: readonly ColumnSpec[]; data: Record<string, number | null> }> {
  for (const table of tables) {
    const t = templateOf(report, table);
    if (!t) continue;
    const spec = t.tables[table];
    for (const row of spec.rows) {
      const data = report.tables[table][row.key];
      if (data) yield { table, row, columns: columnsOf(spec, row), data };
    }
  }
}
