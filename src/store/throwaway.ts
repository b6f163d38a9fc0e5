/**
 * Throwaway stores for tests and benchmarks: a SQLite file in a temporary directory, and (when
 * GONGKAI_TEST_PG_URL or DATABASE_URL points at a server) a freshly created PostgreSQL database
 * dropped on close.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from './db.js';

export const testPgUrl = (): string | undefined => process.env.GONGKAI_TEST_PG_URL || process.env.DATABASE_URL || undefined;

export async function throwawaySqlite(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-store-'));
  const store = await openStore({ url: '', sqliteFile: path.join(dir, 'test.sqlite') });
  const close = store.close;
  return { ...store, close: async () => { await close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

export async function throwawayPostgres(url: string): Promise<Store> {
  const { default: pg } = await import('pg');
  const name = `gongkai_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const store = await openStore({ url: u.toString() });
  const close = store.close;
  return {
    ...store,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

/** The dialects to test against: SQLite always, PostgreSQL when configured. */
export function throwawayFactories(): { name: string; open: () => Promise<Store> }[] {
  const url = testPgUrl();
  return [{ name: 'sqlite', open: throwawaySqlite }, ...(url ? [{ name: 'postgres', open: () => throwawayPostgres(url) }] : [])];
}
