/**
 * End to end: the built workbench (web/dist) served by the real server, driven in headless
 * Chromium. Logs in, uploads the seed and corpus reports, and walks every page a 政务公开办
 * clerk uses: overview, a report with an arithmetic error, its source, a correction, the
 * findings export, the send-back letter, a roll-up and a two-year comparison. Screenshots of the
 * main pages go to docs/screenshots/ when GONGKAI_SCREENSHOTS=1.
 *
 * Run: npx vitest run --config web/vitest.config.ts   (or: npm run test:e2e)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, serverAvailable, type RunningServer } from './server.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const shared = process.env.GONGKAI_SHARED ?? path.resolve(repo, '../shared');
// The README's screenshots are refreshed on request (GONGKAI_SCREENSHOTS=1); otherwise they go to
// a scratch folder, so a test run leaves the work tree as it found it.
const shots = process.env.GONGKAI_SCREENSHOTS ? path.join(repo, 'docs/screenshots') : mkdtempSync(path.join(tmpdir(), 'gongkai-shots-'));
const USER = { username: 'e2e-shenhe', password: 'e2e-password-1' };

const server = serverAvailable(repo);
// The journeys upload the real reports of the shared corpus.
/** Page images of PDFs are rendered by poppler's pdftoppm. */
function hasPoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const available: typeof server = !server.ok
  ? server
  : existsSync(path.join(shared, 'seeds'))
    ? server
    : { ok: false, reason: `找不到共享语料 ${shared}（可用 GONGKAI_SHARED 指定）` };
if (!available.ok) console.warn(`[e2e] 跳过端到端测试：${available.reason}`);

describe.skipIf(!available.ok)('工作台端到端', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let work: string;
  const base = () => server.url;

  beforeAll(async () => {
    // Test the UI as it is now, not a stale build.
    execFileSync(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
    work = mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-'));
    server = await startServer({ repo, dataDir: work, user: USER });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  it('登录', async () => {
    await page.goto(base());
    await page.getByLabel('用户名').waitFor();
    await shot('login');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByLabel('用户名').fill(USER.username);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('密码').fill(USER.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await page.getByRole('heading', { name: '总览' }).waitFor();
  });

  let reportId = '';

  it('上传多个报告并确认机关', async () => {
    await page.goto(`${base()}/#/upload`);
    const files = uploadFiles(shared, work);
    await page.getByTestId('file-input').setInputFiles(files);
    const items = page.locator('.upload-item');
    await expect.poll(() => items.count()).toBe(files.length);
    await expect
      .poll(async () => page.locator('.upload-item.state-done, .upload-item.state-failed').count(), { timeout: 150_000, interval: 500 })
      .toBe(files.length);
    const done = await page.locator('.upload-item.state-done').count();
    expect(done).toBeGreaterThanOrEqual(files.length - 1);
    // Reports whose agency the server could not settle: confirm its best candidate, where it has one.
    for (;;) {
      const form = page.locator('.match-form').filter({ has: page.locator('optgroup[label="可能的机关"]') }).first();
      if ((await form.count()) === 0) break;
      const value = await form.locator('optgroup[label="可能的机关"] option').first().getAttribute('value');
      await form.locator('select').selectOption(value!);
      const before = await page.locator('.match-form').count();
      await form.getByRole('button', { name: '确认' }).click();
      await expect.poll(() => page.locator('.match-form').count()).toBe(before - 1);
    }
    await shot('upload');
    const row = page.locator('.upload-item', { hasText: '002_d37008fbb3c2afee.txt' });
    const link = await row.getByRole('link', { name: '打开' }).getAttribute('href');
    reportId = /reports\/([^/?]+)/.exec(link ?? '')?.[1] ?? '';
    expect(reportId).not.toBe('');
  });

  it('总览：状态、规则统计、未提交名单', async () => {
    await page.goto(`${base()}/#/overview?year=2021`);
    await page.locator('.stat-cards').waitFor();
    await expect.poll(() => page.locator('.data-table tbody tr').count()).toBeGreaterThan(0);
    await containsText(page.locator('.data-table'), '鹤岗市工农区人民政府');
    await containsText(page.locator('.data-table'), '有错误');
    await containsText(page.locator('#missing-title'), '未提交');
    await containsText(page.locator('.missing-list'), '鹤岗市教育局');
    await shot('overview');
    await page.getByPlaceholder('按机关名称搜索').fill('工农区');
    await expect.poll(() => page.locator('.data-table tbody tr').count()).toBe(1);
  });

  it('报告：算术错误、点击单元格看原文、更正并重新检查', async () => {
    await page.goto(`${base()}/#/reports/${reportId}`);
    await page.getByRole('heading', { name: /检查结果/ }).waitFor();
    const findings = page.locator('.findings');
    await containsText(findings, '（七）总计');
    const errorsBefore = await page.locator('.finding.sev-error').count();
    expect(errorsBefore).toBeGreaterThan(0);

    const cell = page.locator('[data-cell="requests|result.total|natural"] button');
    await expect.poll(() => page.locator('[data-cell="requests|result.total|natural"]').getAttribute('class')).toMatch(/cell-error/);
    await cell.click();
    const hit = page.locator('.source-lines li.hit');
    await hit.waitFor();
    expect(await inView(hit)).toBe(true);
    await containsText(page.locator('.source-where').first(), '行');
    await shot('report');

    // Choosing a finding highlights its cells.
    await page.locator('.finding.sev-error').first().click();
    await expect.poll(() => page.locator('td.cell-highlighted').count()).toBeGreaterThan(1);

    await cell.click();
    await page.getByLabel('更正后的数值').fill('1');
    await page.getByRole('button', { name: '保存更正并重新检查' }).click();
    await page.getByRole('alert').filter({ hasText: '请填写更正理由' }).waitFor();
    await page.getByLabel('更正理由（必填）').fill('与原件核对：（七）总计 自然人 应为 1');
    await page.getByRole('button', { name: '保存更正并重新检查' }).click();
    await page.locator('.notice', { hasText: '已保存更正' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-cell="requests|result.total|natural"] button').textContent()).toBe('1');
    await expect.poll(() => page.locator('.versions li').count()).toBeGreaterThanOrEqual(2);
    await containsText(page.locator('.versions'), '与原件核对');
    expect(await page.locator('.finding.sev-error').count()).toBeLessThan(errorsBefore);
    await shot('report-corrected');
  });

  it('导出问题清单（XLSX、CSV）与退回单', async () => {
    const xlsx = await page.request.get(`${base()}/api/reports/${reportId}/findings.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    const csv = await page.request.get(`${base()}/api/reports/${reportId}/findings.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('表三');

    await page.goto(`${base()}/#/reports/${reportId}/sendback`);
    await page.getByRole('heading', { name: '政府信息公开工作年度报告问题退回单' }).waitFor();
    await containsText(page.locator('.sendback'), '鹤岗市工农区人民政府');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await shot('sendback');
  });

  it('汇总：选择地区下全部机关，点击单元格看来源', async () => {
    await page.goto(`${base()}/#/rollup?year=2021`);
    await page.locator('.tree').waitFor();
    await page.getByRole('checkbox', { name: /^鹤岗市\s*（市级）/ }).check();
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await page.getByRole('heading', { name: /年度 \d+ 个机关汇总/ }).waitFor({ timeout: 30_000 });
    await page.locator('[data-cell="requests|received.new|total"] button').click();
    await containsText(page.locator('.side-pane'), '鹤岗市工农区人民政府');
    await shot('rollup');
  });

  it('年度对比：两个年度，图表与逐项变化', async () => {
    const agencyId = server.agencies['鹤岗市工农区人民政府'];
    await page.goto(`${base()}/#/compare?agency=${agencyId}&from=2021&to=2022`);
    await page.locator('.chart canvas').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(3);
    await page.getByRole('heading', { name: /逐项变化/ }).waitFor();
    await shot('compare');
  });

  it.skipIf(!hasPoppler())('PDF 原文：在页面图像上框出所点的数值', async () => {
    await page.goto(`${base()}/#/upload`);
    const name = '003_402b3c2303c427b2.libreoffice.pdf';
    await page.getByTestId('file-input').setInputFiles([path.join(repo, 'test-fixtures/pdf', name)]);
    const row = page.locator('.upload-item', { hasText: name });
    await expect.poll(() => row.getByRole('link', { name: '打开' }).count(), { timeout: 60_000, interval: 500 }).toBe(1);
    const link = await row.getByRole('link', { name: '打开' }).getAttribute('href');
    const id = /reports\/([^/?]+)/.exec(link ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    await page.goto(`${base()}/#/reports/${id}`);
    await page.locator('[data-cell="requests|received.new|natural"] button').click();
    const box = page.locator('.page-box');
    await box.waitFor({ timeout: 30_000 });
    expect(await inView(box)).toBe(true);
    await shot('report-pdf-source');
  });
});

/**
 * The seed reports and corpus documents, plus a 2022 report of the same agency as seed 002 (its
 * text with the year moved on) so that two consecutive years can be compared.
 */
function uploadFiles(sharedDir: string, work: string): string[] {
  const seeds = readdirSync(path.join(sharedDir, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(sharedDir, 'seeds', f));
  const docsDir = path.join(sharedDir, 'corpus/docs');
  const docs = existsSync(docsDir) ? readdirSync(docsDir).map((f) => path.join(docsDir, f)) : [];
  const next = path.join(work, '工农区-2022.txt');
  writeFileSync(next, readFileSync(path.join(sharedDir, 'seeds/002_d37008fbb3c2afee.txt'), 'utf8').replaceAll('2021', '2022'));
  return [...seeds, ...docs, next];
}

/** Playwright's own matchers are not vitest's: wait for text the way they would. */
async function containsText(locator: Locator, text: string): Promise<void> {
  await expect.poll(async () => (await locator.allTextContents()).join('\n'), { timeout: 15_000 }).toContain(text);
}

/** Whether the element is inside its scrolling container's visible area (scrolled into view). */
function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const list = el.closest('ol');
    const frame = list ? list.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    return box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
  });
}
