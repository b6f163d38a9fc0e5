/**
 * Storage and API figures (prints, asserts nothing):
 *  - import throughput of real corpus files into SQLite (and PostgreSQL when configured);
 *  - overview latency for a region of ~1,000 agencies and roll-up latency over 1,000 agencies,
 *    on ~100,000 generated stored reports (targets: overview < 200 ms, roll-up < 500 ms);
 *  - a bounded load test of one GET endpoint over loopback (requests/s, p99).
 * GONGKAI_BENCH_REPORTS scales the generated set (default 100,000).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildServer } from '../server/app.js';
import { layoutCells, cellKeyString } from '../store/cells.js';
import type { Store } from '../store/db.js';
import { importFiles } from '../store/import.js';
import { testPgUrl, throwawayPostgres, throwawaySqlite } from '../store/throwaway.js';
import { createUser } from '../store/users.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sharedDir = path.resolve(process.env.GONGKAI_SHARED ?? path.join(here, '..', '..', '..', 'shared'));

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

function corpusEntries(copies: number): { name: string; bytes: Uint8Array }[] {
  const dirs = [path.join(sharedDir, 'seeds'), path.join(sharedDir, 'corpus', 'docs')].filter((d) => fs.existsSync(d));
  const files = dirs.flatMap((d) => fs.readdirSync(d).map((f) => path.join(d, f)));
  const out: { name: string; bytes: Uint8Array }[] = [];
  // Copies differ by a trailing blank line per copy: distinct SHA-256, same content to parse.
  for (let c = 0; c < copies; c++) for (const f of files) out.push({ name: `${c}-${path.basename(f)}`, bytes: new Uint8Array(Buffer.concat([fs.readFileSync(f), Buffer.from('\n'.repeat(c))])) });
  return out;
}

async function importBench(label: string, store: Store): Promise<void> {
  const entries = corpusEntries(10);
  if (entries.length === 0) {
    console.log(`  [${label}] 导入：找不到共享语料 ${sharedDir}，跳过`);
    return;
  }
  const t0 = process.hrtime.bigint();
  const res = await importFiles(store, entries);
  const t = ms(t0);
  const t1 = process.hrtime.bigint();
  await importFiles(store, entries);
  console.log(`  [${label}] 导入 ${res.length} 个文件：${t.toFixed(0)} ms，${((res.length / t) * 1000).toFixed(1)} 个/秒（解析+校验+入库）；重复导入（全部跳过）${ms(t1).toFixed(0)} ms`);
}

/** ~100,000 reports of 20,020 agencies over 5 years, with all their cells and some findings, in bulk SQL. */
export async function generate(store: Store, target: number): Promise<{ cityId: number; year: number }> {
  const years = [2020, 2021, 2022, 2023, 2024];
  const perYear = Math.ceil(target / years.length);
  const cities = 20;
  const counties = 40;
  const depts = Math.max(1, Math.round(perYear / cities / counties) - 1);
  const now = new Date().toISOString();
  const rows: { id: number; parent_id: number | null; level: 'province' | 'city' | 'county' | 'department'; name: string; path: string; created_at: string }[] = [];
  let id = 1_000_000;
  const prov = { id: id++, parent_id: null, level: 'province' as const, name: '基准省人民政府', path: '', created_at: now };
  prov.path = `/${prov.id}/`;
  rows.push(prov);
  let firstCity = 0;
  for (let c = 0; c < cities; c++) {
    const city = { id: id++, parent_id: prov.id, level: 'city' as const, name: `基准市${c}`, path: '', created_at: now };
    city.path = `${prov.path}${city.id}/`;
    if (c === 0) firstCity = city.id;
    rows.push(city);
    for (let k = 0; k < counties; k++) {
      const county = { id: id++, parent_id: city.id, level: 'county' as const, name: `基准市${c}县${k}`, path: '', created_at: now };
      county.path = `${city.path}${county.id}/`;
      rows.push(county);
      for (let d = 0; d < depts; d++) {
        const dept = { id: id++, parent_id: county.id, level: 'department' as const, name: `基准市${c}县${k}局${d}`, path: '', created_at: now };
        dept.path = `${county.path}${dept.id}/`;
        rows.push(dept);
      }
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await store.db.insertInto('agencies').values(rows.slice(i, i + 1000)).execute();

  const yearsSql = sql.join(years.map((y) => sql`select ${sql.lit(y)} as y`), sql` union all `);
  await sql`insert into reports (agency_id, year, agency_name, title, template, current_version, status, error_count, warning_count, info_count, agency_match, uploaded_by, created_at, updated_at)
    select a.id, yy.y, a.name, null, '2021', 1, 'clean', 0, 0, 0, '{"method":"exact"}', null, ${now}, ${now}
    from agencies a cross join (${yearsSql}) yy where a.level <> 'province' and a.id >= ${prov.id} order by a.id, yy.y`.execute(store.db);

  // Cells of the 2021 layout for every report; values are a cheap deterministic mix.
  const keys = await store.db.selectFrom('cell_keys').select(['id', 'tbl', 'row_key', 'col_key']).execute();
  const wanted = new Set(layoutCells().map(cellKeyString));
  const ids = keys.filter((k) => wanted.has(cellKeyString({ table: k.tbl, row: k.row_key, column: k.col_key }))).map((k) => k.id);
  await sql`insert into cells (report_id, cell_id, value)
    select r.id, k.id, (r.id * 7 + k.id * 13) % 17 from reports r cross join cell_keys k
    where r.agency_id >= ${prov.id} and k.id in (${sql.join(ids)}) order by r.id, k.id`.execute(store.db);

  // A third of the reports with an error, a fifth with a warning.
  await sql`insert into findings (report_id, rule, severity, message, cells, loc, data)
    select id, 'requests.balance', 'error', '表三 总计列：一+二 ≠ 三（七）+四', '[]', null, null from reports where agency_id >= ${prov.id} and id % 3 = 0`.execute(store.db);
  await sql`insert into findings (report_id, rule, severity, message, cells, loc, data)
    select id, 'narrative.fee', 'warning', '未说明信息处理费收取情况', '[]', null, null from reports where agency_id >= ${prov.id} and id % 5 = 0`.execute(store.db);
  await sql`update reports set error_count = case when id % 3 = 0 then 1 else 0 end, warning_count = case when id % 5 = 0 then 1 else 0 end,
    status = case when id % 3 = 0 then 'errors' when id % 5 = 0 then 'warnings' else 'clean' end where agency_id >= ${prov.id}`.execute(store.db);
  // Leave some agencies without a 2022 report ("未提交").
  await sql`delete from reports where agency_id >= ${prov.id} and year = 2022 and agency_id % 11 = 0`.execute(store.db);
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
  else await sql`analyze`.execute(store.db);
  return { cityId: firstCity, year: 2022 };
}

async function apiBench(label: string, store: Store): Promise<void> {
  const target = Number(process.env.GONGKAI_BENCH_REPORTS ?? 100_000);
  const t0 = process.hrtime.bigint();
  const { cityId, year } = await generate(store, target);
  const counts = await store.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const cells = await store.db.selectFrom('cells').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  console.log(`  [${label}] 生成 ${Number(counts.n)} 份报告、${Number(cells.n)} 个单元格：${(ms(t0) / 1000).toFixed(1)} s`);

  process.env.GONGKAI_SCRYPT_LOG2N ??= '12';
  await createUser(store, { username: 'bench', password: 'bench-password', role: 'admin' });
  const app = await buildServer({ store, webDist: null, loginPerMinute: 1000 });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: 'bench-password' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const csrf = login.json().csrfToken as string;

  const overviewTimes: number[] = [];
  let agencies = 0;
  for (let i = 0; i < 15; i++) {
    const t = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url: `/api/overview?region=${cityId}&year=${year}`, headers: { cookie } });
    overviewTimes.push(ms(t));
    agencies = res.json().agencies.length;
  }
  console.log(`  [${label}] 概览（${agencies} 个机关）：中位 ${pct(overviewTimes, 50).toFixed(1)} ms，p95 ${pct(overviewTimes, 95).toFixed(1)} ms（目标 < 200 ms）`);

  const ids = (await store.db.selectFrom('agencies').select('id').where('path', 'like', `%/${cityId}/%`).orderBy('id').limit(1000).execute()).map((r) => r.id);
  const rollupTimes: number[] = [];
  let reports = 0;
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    const res = await app.inject({ method: 'POST', url: '/api/rollup', headers: { cookie, 'x-csrf-token': csrf }, payload: { agencyIds: ids, year } });
    rollupTimes.push(ms(t));
    reports = res.json().reports.length;
  }
  console.log(`  [${label}] 汇总（${ids.length} 个机关，${reports} 份报告）：中位 ${pct(rollupTimes, 50).toFixed(1)} ms，最慢 ${Math.max(...rollupTimes).toFixed(1)} ms（目标 < 500 ms）`);

  await loadTest(label, app, cookie, `/api/reports?region=${cityId}&year=${year}&pageSize=20`);
  await app.close();
}

/** Fixed concurrency for a fixed time over real sockets on loopback; the client shares the CPU. */
async function loadTest(label: string, app: Awaited<ReturnType<typeof buildServer>>, cookie: string, url: string): Promise<void> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const seconds = Number(process.env.GONGKAI_BENCH_LOAD_SECONDS ?? 5);
  const concurrency = 16;
  const until = Date.now() + seconds * 1000;
  const lat: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const t = process.hrtime.bigint();
        const res = await fetch(address + url, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
        lat.push(ms(t));
      }
    }),
  );
  console.log(`  [${label}] 压测 GET ${url.split('?')[0]}（并发 ${concurrency}，${seconds} s）：${(lat.length / seconds).toFixed(0)} 次/秒，p50 ${pct(lat, 50).toFixed(1)} ms，p99 ${pct(lat, 99).toFixed(1)} ms，错误 ${errors}`);
}

export async function run(): Promise<void> {
  console.log('存储与 API 基准');
  const targets: { label: string; open: () => Promise<Store> }[] = [{ label: 'SQLite', open: throwawaySqlite }];
  const url = testPgUrl();
  if (url) targets.push({ label: 'PostgreSQL', open: () => throwawayPostgres(url) });
  else console.log('  （未设置 GONGKAI_TEST_PG_URL / DATABASE_URL：跳过 PostgreSQL）');
  for (const t of targets) {
    const store = await t.open();
    try {
      await importBench(t.label, store);
      await apiBench(t.label, store);
    } finally {
      await store.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
