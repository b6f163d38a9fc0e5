/**
 * A report's tables as rows of (report, cell, value), so that roll-ups are SQL sums. The cell
 * list comes from the report's own tables (whose keys follow the layouts in model/templates);
 * cell keys are interned in `cell_keys` so that the big table holds three numbers per row.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CellValue, Report } from '../model/report.js';
import { TABLE_IDS, TEMPLATES, columnsOf, type TableId } from '../model/templates.js';
import type { Store } from './db.js';
import type { Database } from './schema.js';

export interface CellKey {
  table: TableId;
  row: string;
  column: string;
}

export const cellKeyString = (k: { table: string; row: string; column: string }) => `${k.table}\u0000${k.row}\u0000${k.column}`;

/** Every cell the report's tables hold, null ones included (a blank is not a zero). */
export function reportCells(report: Report): (CellKey & { value: CellValue })[] {
  const out: (CellKey & { value: CellValue })[] = [];
  for (const table of TABLE_IDS) {
    for (const [row, cols] of Object.entries(report.tables[table] ?? {})) {
      for (const [column, value] of Object.entries(cols)) out.push({ table, row, column, value: typeof value === 'number' && Number.isFinite(value) ? value : null });
    }
  }
  return out;
}

/** Every cell either layout declares, in printed order. */
export function layoutCells(): CellKey[] {
  const seen = new Set<string>();
  const out: CellKey[] = [];
  for (const tpl of Object.values(TEMPLATES)) {
    for (const table of TABLE_IDS) {
      const spec = tpl.tables[table];
      for (const row of spec.rows) {
        for (const col of columnsOf(spec, row)) {
          const k = { table, row: row.key, column: col.key };
          if (!seen.has(cellKeyString(k))) {
            seen.add(cellKeyString(k));
            out.push(k);
          }
        }
      }
    }
  }
  return out;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Committed key → id; only ever filled from committed rows, so a rolled-back insert cannot poison it. */
const committed = new WeakMap<object, Map<string, number>>();

/**
 * Load (and first intern) the cell keys. Called when a store opens, outside any transaction:
 * SQLite has one connection, so a query on it from inside a transaction would wait forever.
 */
export async function primeCellKeys(store: Store): Promise<Map<string, number>> {
  let m = committed.get(store.db);
  if (!m) {
    // Intern the layouts' cells up front: afterwards only a report's unexpected extra rows need
    // an insert inside an import's transaction.
    const cells = layoutCells();
    for (let i = 0; i < cells.length; i += 200) {
      await store.db
        .insertInto('cell_keys')
        .values(cells.slice(i, i + 200).map((c) => ({ tbl: c.table, row_key: c.row, col_key: c.column })))
        .onConflict((oc) => oc.columns(['tbl', 'row_key', 'col_key']).doNothing())
        .execute();
    }
    m = new Map();
    for (const r of await store.db.selectFrom('cell_keys').select(['id', 'tbl', 'row_key', 'col_key']).execute()) {
      m.set(cellKeyString({ table: r.tbl, row: r.row_key, column: r.col_key }), r.id);
    }
    committed.set(store.db, m);
  }
  return m;
}

/** Ids of the cell keys, inserting unknown ones within the given transaction. */
export async function cellIds(store: Store, tx: Db, keys: CellKey[]): Promise<number[]> {
  const known = committed.get(store.db);
  if (!known) throw new Error('cell keys not loaded: open stores with openStore()');
  const ids: number[] = [];
  for (const k of keys) {
    let id = known.get(cellKeyString(k));
    if (id === undefined) {
      await tx.insertInto('cell_keys').values({ tbl: k.table, row_key: k.row, col_key: k.column }).onConflict((oc) => oc.columns(['tbl', 'row_key', 'col_key']).doNothing()).execute();
      const r = await tx.selectFrom('cell_keys').select('id').where('tbl', '=', k.table).where('row_key', '=', k.row).where('col_key', '=', k.column).executeTakeFirstOrThrow();
      id = r.id;
    }
    ids.push(id);
  }
  return ids;
}

/** All interned keys, id → key (for turning roll-up rows back into tables). */
export async function allCellKeys(store: Store): Promise<Map<number, CellKey>> {
  await primeCellKeys(store);
  const out = new Map<number, CellKey>();
  for (const r of await store.db.selectFrom('cell_keys').select(['id', 'tbl', 'row_key', 'col_key']).execute()) {
    out.set(r.id, { table: r.tbl as TableId, row: r.row_key, column: r.col_key });
  }
  return out;
}

/** Replace the stored cells of a report with those of its current version. */
export async function writeCells(store: Store, tx: Db, reportId: number, report: Report): Promise<void> {
  const cells = reportCells(report);
  const ids = await cellIds(store, tx, cells);
  await tx.deleteFrom('cells').where('report_id', '=', reportId).execute();
  const rows = cells.map((c, i) => ({ report_id: reportId, cell_id: ids[i]!, value: c.value }));
  // A key can repeat only if a parser emitted it twice; the last value wins.
  const unique = [...new Map(rows.map((r) => [r.cell_id, r])).values()];
  for (let i = 0; i < unique.length; i += 500) await tx.insertInto('cells').values(unique.slice(i, i + 500)).execute();
}
