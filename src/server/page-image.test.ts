/** Page images for the workbench's source pane: rendered from the stored PDF, behind the same access rules. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/db.js';
import { throwawayFactories } from '../store/throwaway.js';
import { repoRoot } from '../test/corpus.js';
import { login, makeHarness, type Harness } from './testing/harness.js';

process.env.GONGKAI_SCRYPT_LOG2N ??= '12';

const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler) console.warn('[gongkai tests] 找不到 pdftoppm（poppler-utils）：跳过页面图像测试');

describe.skipIf(!hasPoppler)('GET /api/reports/:id/pages/:n.png', () => {
  let store: Store;
  let h: Harness;
  let id: number;
  beforeAll(async () => {
    store = await throwawayFactories()[0]!.open();
    h = await makeHarness(store);
    const admin = await login(h.app, 'admin');
    const pdf = fs.readdirSync(path.join(repoRoot, 'test-fixtures', 'pdf')).find((f) => f.startsWith('003') && f.endsWith('.pdf'))!;
    const res = await admin.upload(pdf, new Uint8Array(fs.readFileSync(path.join(repoRoot, 'test-fixtures', 'pdf', pdf))), `?agencyId=${h.agencies.jiadong.id}`);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
  });
  afterAll(async () => {
    await h?.app.close();
    await store?.close();
  });

  it('renders a page of the original PDF as PNG, with the box scale', async () => {
    const admin = await login(h.app, 'admin');
    const res = await admin.get(`/api/reports/${id}/pages/1.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(Number(res.headers['x-gongkai-scale'])).toBeCloseTo(96 / 72);
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('says so for a page the file does not have, and hides the report from others', async () => {
    const admin = await login(h.app, 'admin');
    expect((await admin.get(`/api/reports/${id}/pages/99.png`)).statusCode).toBe(404);
    expect((await admin.get(`/api/reports/${id}/pages/x.png`)).statusCode).toBe(400);
    // a reviewer of another province
    const outsider = await login(h.app, 'fujian');
    expect((await outsider.get(`/api/reports/${id}/pages/1.png`)).statusCode).toBe(404);
  });
});
