/**
 * Opening the store: SQLite in ./data by default (nothing to configure), PostgreSQL when a URL
 * is given (or DATABASE_URL is set). Both run the same Kysely migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { primeCellKeys } from './cells.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the SQLite file lives (SQLite only). */
  file?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; defaults to $DATABASE_URL. Empty/absent → SQLite. */
  url?: string;
  /** SQLite file; defaults to ./data/gongkai.sqlite. ':memory:' for a throwaway store. */
  sqliteFile?: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
}

export const DEFAULT_SQLITE_FILE = path.join('data', 'gongkai.sqlite');

export async function openStore(options: OpenOptions = {}): Promise<Store> {
  const url = options.url ?? process.env.DATABASE_URL;
  const store = url ? await openPostgres(url) : await openSqlite(options.sqliteFile ?? DEFAULT_SQLITE_FILE);
  if (options.migrate !== false) {
    await migrateToLatest(store);
    await primeCellKeys(store);
  }
  return store;
}

async function openSqlite(file: string): Promise<Store> {
  // Loaded on demand so that a PostgreSQL deployment never needs the native module to load.
  const { default: SQLite } = await import('better-sqlite3');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  // WAL: readers (the web UI) are not blocked while an import writes; NORMAL sync is durable
  // across process crashes, which is what resumable import needs.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  // Region queries are `path LIKE '/1/5/%'`; SQLite uses an index for LIKE only when it is
  // case-sensitive (paths are digits and slashes; Chinese names have no case either).
  database.pragma('case_sensitive_like = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', file, close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<Store> {
  const { default: pg } = await import('pg');
  // Integer aggregates (count, sum of integers) come back as bigint strings: parse them, the
  // counts here never approach 2^53.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  pg.types.setTypeParser(1700, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
