/** Runs the migrations in order; each runs once, recorded by Kysely in its own table. */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { GongkaiError } from '../errors.js';
import type { Store } from './db.js';
import { initialSchema } from './migrations/001-initial.js';

function provider(store: Store): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '001-initial': initialSchema(store.dialect) };
    },
  };
}

export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: provider(store) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new GongkaiError('CORRUPT', `数据库迁移失败（${failed}）：${(error as Error).message ?? String(error)}`, 'migration failed');
  }
}
