/** Cell addressing shared by the tables, the findings list and the source pane. */
import type { CellRef, Finding, Severity } from '../types.js';

export type CellKey = string;

export function cellKey(c: CellRef): CellKey {
  return `${c.table}|${c.row}|${c.column}`;
}

export function parseCellKey(k: CellKey): CellRef | null {
  const [table, row, column] = k.split('|');
  if (!table || !row || !column) return null;
  return { table: table as CellRef['table'], row, column };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface CellFindings {
  severity: Severity;
  findings: Finding[];
  /**
   * The cell a finding is about (its first cell: the total that disagrees), as opposed to the
   * cells merely summed into it. Drawn strongly; the others are tinted.
   */
  primary: boolean;
}

/** For each cell, the findings that involve it and the worst of their severities. */
export function indexFindings(findings: readonly Finding[]): Map<CellKey, CellFindings> {
  const out = new Map<CellKey, CellFindings>();
  for (const f of findings) {
    for (const [i, c] of f.cells.entries()) {
      const k = cellKey(c);
      const e = out.get(k);
      if (!e) out.set(k, { severity: f.severity, findings: [f], primary: i === 0 });
      else {
        e.findings.push(f);
        if (RANK[f.severity] > RANK[e.severity]) e.severity = f.severity;
        if (i === 0) e.primary = true;
      }
    }
  }
  return out;
}

export function severityRank(s: Severity): number {
  return RANK[s];
}
