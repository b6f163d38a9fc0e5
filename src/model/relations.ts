/**
 * The arithmetic a correct report satisfies, derived from the layout: the sums of 表三 (its
 * 勾稽关系 included) and 表四. The checker reports a broken relation; the extractor uses the same
 * relations to decide where numbers that ran together split. One declaration, two uses.
 */
import type { CellRef } from './report.js';
import { resultLeafRows, type TableId, type TableSpec, type Template } from './templates.js';

export type RelationRule = 'requests.rowTotal' | 'requests.resultTotal' | 'requests.balance' | 'appeals.total';

/** sum(lhs) = sum(rhs) */
export interface Relation {
  rule: RelationRule;
  table: TableId;
  lhs: CellRef[];
  rhs: CellRef[];
  /** The row or column the relation is about, for messages. */
  along: { row?: string; column?: string };
}

const ref = (table: TableId, row: string, column: string): CellRef => ({ table, row, column });

/**
 * Relations among the rows present. `rows` are the row keys the report actually has (a report
 * may mix layouts); relations that would need an absent row are left out.
 */
export function relationsFor(template: Template, table: TableId, rows: ReadonlySet<string>): Relation[] {
  const spec = template.tables[table];
  if (table === 'requests') return requestRelations(spec, rows);
  if (table === 'appeals') return appealRelations(spec, rows);
  return [];
}

function requestRelations(spec: TableSpec, rows: ReadonlySet<string>): Relation[] {
  const out: Relation[] = [];
  const cols = spec.columns!;
  const parts = cols.filter((c) => c.key !== 'total');
  for (const row of spec.rows) {
    if (!rows.has(row.key)) continue;
    out.push({
      rule: 'requests.rowTotal',
      table: 'requests',
      lhs: [ref('requests', row.key, 'total')],
      rhs: parts.map((c) => ref('requests', row.key, c.key)),
      along: { row: row.key },
    });
  }
  const leaves = resultLeafRows(spec).filter((r) => rows.has(r.key));
  const has = (k: string) => rows.has(k);
  for (const col of cols) {
    if (has('result.total') && leaves.length > 0) {
      out.push({
        rule: 'requests.resultTotal',
        table: 'requests',
        lhs: [ref('requests', 'result.total', col.key)],
        rhs: leaves.map((r) => ref('requests', r.key, col.key)),
        along: { column: col.key },
      });
    }
    if (has('received.new') && has('received.carriedOver') && has('result.total') && has('carriedForward')) {
      out.push({
        rule: 'requests.balance',
        table: 'requests',
        lhs: [ref('requests', 'received.new', col.key), ref('requests', 'received.carriedOver', col.key)],
        rhs: [ref('requests', 'result.total', col.key), ref('requests', 'carriedForward', col.key)],
        along: { column: col.key },
      });
    }
  }
  return out;
}

function appealRelations(spec: TableSpec, rows: ReadonlySet<string>): Relation[] {
  const cols = spec.columns!;
  return spec.rows
    .filter((r) => rows.has(r.key))
    .map((r) => ({
      rule: 'appeals.total' as const,
      table: 'appeals' as const,
      lhs: [ref('appeals', r.key, 'total')],
      rhs: cols.filter((c) => c.key !== 'total').map((c) => ref('appeals', r.key, c.key)),
      along: { row: r.key },
    }));
}

export function cellKey(c: CellRef): string {
  return `${c.table}|${c.row}|${c.column}`;
}
