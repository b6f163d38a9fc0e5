import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, sharedDir } from '../test/corpus.js';
import type { Store } from '../store/db.js';
import { throwawayFactories } from '../store/throwaway.js';
import { login, makeHarness, multipartBody, type Client, type Harness } from './testing/harness.js';

process.env.GONGKAI_SCRYPT_LOG2N ??= '12';

const seed = (name: string) => new Uint8Array(fs.readFileSync(path.join(sharedDir, 'seeds', name)));
const doc = (name: string) => new Uint8Array(fs.readFileSync(path.join(sharedDir, 'corpus', 'docs', name)));

for (const { name, open } of throwawayFactories()) {
  describe.skipIf(!hasCorpus)(`HTTP API (${name})`, () => {
    let store: Store;
    let h: Harness;
    let admin: Client, hegang: Client, fujian: Client, gongnong: Client, pingtan: Client;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      store = await open();
      h = await makeHarness(store, { maxUploadBytes: 2 * 1024 * 1024, loginPerMinute: 5 });
      admin = await login(h.app, 'admin');
      hegang = await login(h.app, 'hegang');
      fujian = await login(h.app, 'fujian');
      gongnong = await login(h.app, 'gongnong');
      pingtan = await login(h.app, 'pingtan');
    });
    afterAll(async () => {
      await h?.app.close();
      await store?.close();
    });

    it('serves the OpenAPI document', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const paths = Object.keys(res.json().paths);
      for (const p of ['/api/reports', '/api/reports/{id}', '/api/overview', '/api/rollup', '/api/compare', '/api/auth/login']) expect(paths).toContain(p);
    });

    it('refuses anonymous reads and writes, and writes without the CSRF token', async () => {
      expect((await h.app.inject({ method: 'GET', url: '/api/reports' })).statusCode).toBe(401);
      const anon = await h.app.inject({ method: 'POST', url: '/api/rollup', payload: { agencyIds: [1], year: 2021 } });
      expect(anon.statusCode).toBe(401);
      expect(anon.json().error.message).toBe('请先登录');
      const noCsrf = await h.app.inject({ method: 'POST', url: '/api/rollup', headers: { cookie: admin.cookie }, payload: { agencyIds: [1], year: 2021 } });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().error.code).toBe('CSRF');
    });

    it('logs in with an httpOnly SameSite=Lax cookie and tells who is logged in', async () => {
      const bad = await h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { username: 'admin', password: 'nope-nope' } });
      expect(bad.statusCode).toBe(401);
      expect(bad.json().error.message).toBe('用户名或密码错误');
      const ok = await h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { username: 'hegang', password: 'pass-word-123' } });
      const cookie = String(ok.headers['set-cookie']);
      expect(cookie).toMatch(/gongkai_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      const me = await hegang.get('/api/auth/me');
      expect(me.json().user).toMatchObject({ username: 'hegang', role: 'reviewer', agencyId: h.agencies.hegang.id });
    });

    it('uploads a report: 201 with findings and the agency match; the same file again is a no-op', async () => {
      const res = await admin.upload('002.txt', seed('002_d37008fbb3c2afee.txt'));
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.agencyMatch).toMatchObject({ method: 'exact', agencyId: h.agencies.gongnong.id });
      expect(body.report.meta.year).toBe(2021);
      expect(Array.isArray(body.findings)).toBe(true);
      ids.gongnong = body.id;
      const again = await admin.upload('002-copy.txt', seed('002_d37008fbb3c2afee.txt'));
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: body.id, duplicate: true });
      const yingshang = await hegang.upload('004.txt', seed('004_f3aa8371343c721c.txt'));
      expect(yingshang.statusCode).toBe(201);
      ids.yingshang = yingshang.json().id;
      // An editor's upload is its own agency's report, whatever name it prints.
      const pt = await pingtan.upload('pingtan-2021.txt', doc('pingtan-2021.txt'));
      expect(pt.statusCode).toBe(201);
      expect(pt.json().agencyMatch).toMatchObject({ method: 'uploader', agencyId: h.agencies.pingtan.id });
      ids.pingtan = pt.json().id;
    });

    it('refuses a file that is not a report (422, Chinese) and a file over the limit (413)', async () => {
      const notReport = await admin.upload('通知.txt', new TextEncoder().encode('关于召开会议的通知：请各单位于明天上午九点参会。'));
      expect(notReport.statusCode).toBe(422);
      expect(notReport.json().error.message).toMatch(/不是政府信息公开工作年度报告/);
      const binary = await admin.upload('x.bin', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
      expect(binary.statusCode).toBe(422);
      const big = await admin.upload('big.txt', new Uint8Array(3 * 1024 * 1024).fill(0x41));
      expect(big.statusCode).toBe(413);
    });

    it('leaves an unknown agency pending with candidates, and a reviewer confirms it', async () => {
      const res = await admin.upload('003.txt', seed('003_402b3c2303c427b2.txt'));
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.agencyMatch.method).toBe('none');
      expect(body.summary.status).toBe('unmatched');
      expect(body.agencyMatch.candidates[0]?.agencyId).toBe(h.agencies.jiadong.id);
      // Not in the 鹤岗 reviewer's region: it cannot see the report nor assign it.
      expect((await hegang.post(`/api/reports/${body.id}/agency`, { agencyId: h.agencies.jiadong.id })).statusCode).toBe(404);
      const ok = await admin.post(`/api/reports/${body.id}/agency`, { agencyId: h.agencies.jiadong.id });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().agencyMatch).toMatchObject({ method: 'confirmed', agencyId: h.agencies.jiadong.id });
      expect(ok.json().summary.status).not.toBe('unmatched');
      // Remembered as an alias: the name now matches exactly.
      const list = await admin.get('/api/agencies');
      expect(list.json().items.find((a: { id: number }) => a.id === h.agencies.jiadong.id).aliases).toContain('东风区佳东街道办事处');
    });

    it('scopes every read and write by role', async () => {
      // The 鹤岗 reviewer sees 鹤岗 reports only.
      const list = (await hegang.get('/api/reports')).json();
      expect(list.items.map((r: { id: number }) => r.id).sort()).toEqual([ids.gongnong, ids.yingshang].sort());
      expect((await hegang.get(`/api/reports/${ids.pingtan}`)).statusCode).toBe(404);
      expect((await hegang.get(`/api/reports/${ids.pingtan}/source`)).statusCode).toBe(404);
      expect((await hegang.get(`/api/reports/${ids.pingtan}/findings.csv`)).statusCode).toBe(404);
      expect((await hegang.post(`/api/reports/${ids.pingtan}/corrections`, { cells: [{ table: 'requests', row: 'received.new', column: 'natural', value: 1 }], reason: '试图越权' })).statusCode).toBe(404);
      // The 工农区 editor sees its own report only, not its sibling's.
      expect((await gongnong.get(`/api/reports/${ids.gongnong}`)).statusCode).toBe(200);
      expect((await gongnong.get(`/api/reports/${ids.yingshang}`)).statusCode).toBe(404);
      expect((await gongnong.get('/api/reports')).json().items.map((r: { id: number }) => r.id)).toEqual([ids.gongnong]);
      expect((await gongnong.get(`/api/overview?year=2021&region=${h.agencies.hegang.id}`)).statusCode).toBe(404);
      expect((await gongnong.post('/api/rollup', { agencyIds: [h.agencies.yingshang.id], year: 2024 })).statusCode).toBe(404);
      expect((await fujian.get(`/api/compare?agency=${h.agencies.gongnong.id}&from=2020&to=2021`)).statusCode).toBe(404);
      expect((await fujian.get(`/api/reports?region=${h.agencies.hegang.id}`)).statusCode).toBe(404);
      // Only an administrator registers agencies.
      expect((await hegang.post('/api/agencies', { name: '新机关', level: 'department', parentId: h.agencies.hegang.id })).statusCode).toBe(403);
      const created = await admin.post('/api/agencies', { name: '鹤岗市司法局', level: 'department', parentId: h.agencies.hegang.id });
      expect(created.statusCode).toBe(201);
      expect((await gongnong.get('/api/agencies')).json().items.map((a: { id: number }) => a.id)).toEqual([h.agencies.gongnong.id]);
    });

    it('serves the source as an inert attachment', async () => {
      const res = await gongnong.get(`/api/reports/${ids.gongnong}/source`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/sandbox/);
      expect(Buffer.from(res.rawPayload).equals(Buffer.from(seed('002_d37008fbb3c2afee.txt')))).toBe(true);
    });

    it('corrects cells into a new immutable version and re-checks', async () => {
      const before = (await gongnong.get(`/api/reports/${ids.gongnong}`)).json();
      const old = before.report.tables.requests['received.new'].natural;
      const res = await gongnong.post(`/api/reports/${ids.gongnong}/corrections`, { cells: [{ table: 'requests', row: 'received.new', column: 'natural', value: old + 1 }], reason: '核对原件后更正' });
      expect(res.statusCode).toBe(201);
      expect(res.json().version).toBe(2);
      expect(res.json().report.tables.requests['received.new'].natural).toBe(old + 1);
      expect(res.json().report.provenance.requests['received.new'].natural.method).toBe('manual');
      const versions = (await gongnong.get(`/api/reports/${ids.gongnong}/versions`)).json().versions;
      expect(versions.map((v: { kind: string }) => v.kind)).toEqual(['import', 'correction']);
      expect(versions[1]).toMatchObject({ reason: '核对原件后更正', createdBy: { username: 'gongnong' } });
      const v1 = (await gongnong.get(`/api/reports/${ids.gongnong}/versions/1`)).json();
      expect(v1.report.tables.requests['received.new'].natural).toBe(old);
      const bad = await gongnong.post(`/api/reports/${ids.gongnong}/corrections`, { cells: [{ table: 'requests', row: 'no.such.row', column: 'natural', value: 1 }], reason: '错误' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/不属于该报告/);
    });

    it('gives the overview of a region with statuses and who has not submitted', async () => {
      const res = await hegang.get('/api/overview?year=2021');
      expect(res.statusCode).toBe(200);
      const o = res.json();
      const byId = new Map(o.agencies.map((a: { id: number }) => [a.id, a]));
      expect(byId.get(h.agencies.gongnong.id)).toMatchObject({ reportId: ids.gongnong });
      expect(['已发布·无问题', '有错误', '有警告']).toContain((byId.get(h.agencies.gongnong.id) as { statusLabel: string }).statusLabel);
      expect(byId.get(h.agencies.yingshang.id)).toMatchObject({ status: 'missing', statusLabel: '未提交' });
      expect(o.missing.map((m: { id: number }) => m.id)).toContain(h.agencies.hegang.id);
      expect(byId.has(h.agencies.pingtan.id)).toBe(false);
    });

    it('rolls up cells with their contributing reports, and equals the sum of the reports', async () => {
      const res = await admin.post('/api/rollup', { agencyIds: [h.agencies.gongnong.id, h.agencies.pingtan.id], year: 2021, cell: { table: 'requests', row: 'received.new', column: 'total' } });
      expect(res.statusCode).toBe(200);
      const r = res.json();
      expect(r.reports.map((x: { id: number }) => x.id).sort()).toEqual([ids.gongnong, ids.pingtan].sort());
      const a = (await admin.get(`/api/reports/${ids.gongnong}`)).json().report.tables.requests;
      const b = (await admin.get(`/api/reports/${ids.pingtan}`)).json().report.tables.requests;
      const cell = r.tables.requests['received.new'].total;
      expect(cell.value).toBe((a['received.new'].total ?? 0) + (b['received.new'].total ?? 0));
      expect(cell.reports + cell.missing.length + cell.absent.length).toBe(2);
      const byReport = Object.fromEntries(r.contributions.map((c: { reportId: number; value: number | null }) => [c.reportId, c.value]));
      expect(byReport).toEqual({ [String(ids.gongnong)]: a['received.new'].total, [String(ids.pingtan)]: b['received.new'].total });
    });

    it('compares an agency across years with the years.* findings', async () => {
      // Next year's report of 平潭: the same document with its year moved on.
      const text = new TextDecoder().decode(doc('pingtan-2021.txt')).replaceAll('2021', '2022');
      const up = await pingtan.upload('pingtan-2022.txt', new TextEncoder().encode(text));
      expect(up.statusCode).toBe(201);
      expect(up.json().report.meta.year).toBe(2022);
      const res = await fujian.get(`/api/compare?agency=${h.agencies.pingtan.id}&from=2021&to=2022`);
      expect(res.statusCode).toBe(200);
      const c = res.json();
      expect(c.years.map((y: { reportId: number | null }) => y.reportId)).toEqual([ids.pingtan, up.json().id]);
      expect(c.cells.length).toBeGreaterThan(100);
      expect(c.findings[0]).toMatchObject({ year: 2022, previousYear: 2021 });
      for (const f of c.findings[0].findings) expect(f.rule).toMatch(/^years\./);
    });

    it('exports findings as CSV and XLSX', async () => {
      const csv = await gongnong.get(`/api/reports/${ids.gongnong}/findings.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body.startsWith('\ufeff机关,年度')).toBe(true);
      const xlsx = await gongnong.get(`/api/reports/${ids.gongnong}/findings.xlsx`);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const all = await hegang.get('/api/findings.xlsx?year=2021');
      expect(all.statusCode).toBe(200);
      expect(all.headers['content-disposition']).toMatch(/attachment/);
    });

    it('filters and pages the report list', async () => {
      const page = (await admin.get('/api/reports?year=2021&pageSize=1&page=1')).json();
      expect(page.pageSize).toBe(1);
      expect(page.items.length).toBe(1);
      expect(page.total).toBeGreaterThanOrEqual(2);
      const q = (await admin.get(`/api/reports?q=${encodeURIComponent('工农')}`)).json();
      expect(q.items.map((r: { id: number }) => r.id)).toEqual([ids.gongnong]);
    });

    it('logs out and rate-limits login attempts', async () => {
      const c = await login(h.app, 'fujian');
      expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
      let last = 0;
      for (let i = 0; i < 8; i++) last = (await h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'admin', password: 'wrong-guess' } })).statusCode;
      expect(last).toBe(429);
    });
  });
}

void multipartBody;
