/**
 * The initial schema. Column types are chosen to mean the same in SQLite and PostgreSQL; the
 * few that differ (auto-increment ids, binary content) are switched on the dialect.
 */
import { sql, type Kysely, type Migration, type CreateTableBuilder } from 'kysely';
import type { Dialect } from '../db.js';

export function initialSchema(dialect: Dialect): Migration {
  const pg = dialect === 'postgres';
  // A table builder with an auto-increment integer primary key named id.
  const withId = <T extends string>(b: CreateTableBuilder<T, never>) =>
    pg ? b.addColumn('id', 'serial', (c) => c.primaryKey()) : b.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  return {
    async up(db: Kysely<any>): Promise<void> {
      await withId(db.schema.createTable('agencies'))
        .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('agencies_parent').on('agencies').column('parent_id').execute();
      // text_pattern_ops lets PostgreSQL use the index for `path LIKE '/1/5/%'` in any locale.
      if (pg) await sql`create index agencies_path on agencies (path text_pattern_ops)`.execute(db);
      else await db.schema.createIndex('agencies_path').on('agencies').column('path').execute();

      await withId(db.schema.createTable('agency_aliases'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
        .addColumn('alias', 'text', (c) => c.notNull().unique())
        .execute();

      await db.schema
        .createTable('files')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('users'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
        .addColumn('display_name', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('reports'))
        .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
        .addColumn('year', 'integer')
        .addColumn('agency_name', 'text')
        .addColumn('title', 'text')
        .addColumn('template', 'text')
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('info_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('agency_match', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One report per agency and year: a second file for the same pair becomes a new version.
      await db.schema.createIndex('reports_agency_year').on('reports').columns(['agency_id', 'year']).unique().execute();
      await db.schema.createIndex('reports_year_status').on('reports').columns(['year', 'status']).execute();

      await withId(db.schema.createTable('report_versions'))
        .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.references('files.sha256'))
        .addColumn('report_json', 'text', (c) => c.notNull())
        .addColumn('changes', 'text')
        .addColumn('reason', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('report_versions_report_version', ['report_id', 'version'])
        .execute();
      await db.schema.createIndex('report_versions_file').on('report_versions').column('file_sha256').execute();

      await withId(db.schema.createTable('findings'))
        .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('cells', 'text', (c) => c.notNull())
        .addColumn('loc', 'text')
        .addColumn('data', 'text')
        .execute();
      await db.schema.createIndex('findings_report').on('findings').column('report_id').execute();
      await db.schema.createIndex('findings_rule').on('findings').columns(['rule', 'report_id']).execute();

      await withId(db.schema.createTable('cell_keys'))
        .addColumn('tbl', 'text', (c) => c.notNull())
        .addColumn('row_key', 'text', (c) => c.notNull())
        .addColumn('col_key', 'text', (c) => c.notNull())
        .addUniqueConstraint('cell_keys_natural', ['tbl', 'row_key', 'col_key'])
        .execute();

      // Clustered on (report, cell) in both engines: a roll-up reads each report's cells as one
      // contiguous range, and no second index is needed.
      let cells = db.schema
        .createTable('cells')
        .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('cell_id', 'integer', (c) => c.notNull().references('cell_keys.id'))
        .addColumn('value', 'double precision')
        .addPrimaryKeyConstraint('cells_pk', ['report_id', 'cell_id']);
      if (!pg) cells = cells.modifyEnd(sql`without rowid`);
      await cells.execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['cells', 'cell_keys', 'findings', 'report_versions', 'reports', 'sessions', 'users', 'files', 'agency_aliases', 'agencies']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
