import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocuments, hasCorpus } from '../test/corpus.js';
import { createAgency, matchAgency } from './agencies.js';
import { reportCells } from './cells.js';
import type { Store } from './db.js';
import { importFiles } from './import.js';
import { getCurrentReport, getFindings, getSourceFile, listVersions } from './reports.js';
import { throwawayFactories } from './throwaway.js';
import { authenticate, createSession, createUser, deleteSession, getSession } from './users.js';

process.env.GONGKAI_SCRYPT_LOG2N ??= '12';

for (const { name, open } of throwawayFactories()) {
  describe(`store (${name})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('builds the agency hierarchy and matches names exactly, by alias and by similarity', async () => {
      const prov = await createAgency(store, { name: '上海市人民政府', level: 'province' });
      const office = await createAgency(store, { name: '上海市人民政府办公厅', level: 'department', parentId: prov.id, aliases: ['上海市政府办公厅'] });
      expect(office.path).toBe(`/${prov.id}/${office.id}/`);
      expect(await matchAgency(store, '上海市人民政府办公厅')).toMatchObject({ method: 'exact', agencyId: office.id });
      expect(await matchAgency(store, '上海市 政府办公厅')).toMatchObject({ method: 'alias', agencyId: office.id });
      const fuzzy = await matchAgency(store, '上海市人民政府办公室');
      expect(fuzzy.method).toBe('none');
      expect(fuzzy.candidates[0]?.agencyId).toBe(office.id);
      // A region limit hides matches outside it.
      const other = await createAgency(store, { name: '福建省人民政府', level: 'province' });
      expect((await matchAgency(store, '上海市人民政府办公厅', other.path)).agencyId).toBeNull();
    });

    it('hashes passwords with scrypt and keeps only a hash of the session token', async () => {
      const u = await createUser(store, { username: 'root', password: 'correct horse', role: 'admin' });
      expect(await authenticate(store, 'root', 'wrong password')).toBeUndefined();
      expect((await authenticate(store, 'root', 'correct horse'))?.id).toBe(u.id);
      const { token, session } = await createSession(store, u);
      const row = await store.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
      expect(row.id).not.toBe(token);
      expect((await getSession(store, token))?.csrfToken).toBe(session.csrfToken);
      await deleteSession(store, token);
      expect(await getSession(store, token)).toBeUndefined();
      const pw = await store.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
      expect(pw.password_hash).toMatch(/^scrypt\$/);
    });

    it.skipIf(!hasCorpus)('imports the corpus idempotently, with cells, findings and source bytes', async () => {
      const files = corpusDocuments().map((d) => d.file);
      const first = await importFiles(store, files);
      const imported = first.filter((r) => r.status === 'imported');
      expect(imported.length).toBe(files.length);
      const again = await importFiles(store, files);
      expect(again.every((r) => r.status === 'duplicate')).toBe(true);
      const counts = await store.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(counts.n)).toBe(files.length);
      const shanghai = first.find((r) => r.name.includes('shanghai'));
      expect(shanghai?.status).toBe('imported');
      if (shanghai?.status !== 'imported') return;
      // Matched by the agency registered in the first test.
      expect(shanghai.agencyMatch.method).toBe('exact');
      const cur = await getCurrentReport(store, shanghai.reportId);
      expect(cur?.summary.year).toBe(2019);
      const cells = await store.db.selectFrom('cells').select((eb) => eb.fn.countAll<number>().as('n')).where('report_id', '=', shanghai.reportId).executeTakeFirstOrThrow();
      expect(Number(cells.n)).toBe(reportCells(cur!.report).length);
      const src = await getSourceFile(store, shanghai.reportId);
      expect(Buffer.from(src!.bytes).equals(fs.readFileSync(files.find((f) => f.includes('shanghai'))!))).toBe(true);
      expect((await listVersions(store, shanghai.reportId)).map((v) => v.kind)).toEqual(['import']);
      expect(await getFindings(store, shanghai.reportId)).toEqual(shanghai.findings);
    });

    it.skipIf(!hasCorpus)('resumes an interrupted import without duplicating anything', async () => {
      const s2 = await open();
      try {
        const files = corpusDocuments().map((d) => d.file);
        // "Killed" after two files: the rest is imported on the second run, nothing twice.
        await importFiles(s2, files.slice(0, 2));
        const res = await importFiles(s2, files);
        expect(res.filter((r) => r.status === 'duplicate').length).toBe(2);
        expect(res.filter((r) => r.status === 'imported').length).toBe(files.length - 2);
        const n = await s2.db.selectFrom('report_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(files.length);
      } finally {
        await s2.close();
      }
    });

    it('reports a file that is not a report as failed, in Chinese', async () => {
      const res = await importFiles(store, [{ name: 'note.txt', bytes: new TextEncoder().encode('会议通知：明天上午九点开会。') }]);
      expect(res[0]).toMatchObject({ status: 'failed', code: 'NOT_A_REPORT' });
      if (res[0]?.status === 'failed') expect(res[0].message).toMatch(/不是政府信息公开工作年度报告/);
    });

    it('registers an unknown agency on import, and re-checks the next year when the year before arrives', async () => {
      const ex = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'examples');
      // an empty store, as on first run
      const store = await open();
      // the later year first: without last year's report, years.carryOver cannot run
      const [later] = await importFiles(store, [path.join(ex, '明川区发展和改革局-2023.txt')]);
      if (later?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(later)}`);
      expect(later.agencyMatch).toMatchObject({ method: 'created' });
      expect((await getFindings(store, later.reportId)).some((f) => f.rule === 'years.carryOver')).toBe(false);
      const [earlier] = await importFiles(store, [path.join(ex, '明川区发展和改革局-2022.txt')]);
      if (earlier?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(earlier)}`);
      expect(earlier.agencyMatch).toMatchObject({ method: 'exact', agencyId: later.agencyMatch.agencyId });
      const after = await getFindings(store, later.reportId);
      expect(after.filter((f) => f.rule === 'years.carryOver').map((f) => f.cells[0]!.column).sort()).toEqual(['natural', 'total']);
      await store.close();
    });
  });
}

void path;
