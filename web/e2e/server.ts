/**
 * Starting the real server for the end-to-end test: a fresh SQLite store in a temporary
 * directory with an agency tree and one account, then the server (src/server, written
 * separately) on a free port, serving web/dist.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunningServer {
  url: string;
  /** Agency name → id, for pages addressed by agency. */
  agencies: Record<string, number>;
  close(): Promise<void>;
}

/** Whether the server's code is present; the test is skipped (with a notice) until it is. */
export function serverAvailable(repo: string): { ok: true } | { ok: false; reason: string } {
  const dir = path.join(repo, 'src/server');
  if (!existsSync(dir) || readdirSync(dir).filter((f) => f.endsWith('.ts')).length === 0) {
    return { ok: false, reason: 'src/server/ 尚未就绪（HTTP API 由另一位工程师编写），待其代码合入后本测试自动运行' };
  }
  if (!existsSync(path.join(repo, 'src/server/app.ts'))) {
    return { ok: false, reason: '找不到 src/server/app.ts（buildServer），无法启动服务器' };
  }
  const browser = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(browser)) {
    return { ok: false, reason: `找不到 Chromium（${browser}）：请安装 Debian 的 chromium 软件包，或用 CHROMIUM 指定路径` };
  }
  return { ok: true };
}

/**
 * The agencies of the seed and corpus reports, in their real hierarchy, plus one department
 * that files nothing so the overview has someone missing.
 */
const TREE: { name: string; level: 'province' | 'city' | 'county' | 'department' | 'township'; parent?: string; aliases?: string[] }[] = [
  { name: '黑龙江省', level: 'province' },
  { name: '鹤岗市', level: 'city', parent: '黑龙江省' },
  { name: '鹤岗市工农区人民政府', level: 'county', parent: '鹤岗市' },
  { name: '鹤岗市营商环境建设监督局', level: 'department', parent: '鹤岗市' },
  { name: '鹤岗市教育局', level: 'department', parent: '鹤岗市' },
  { name: '佳木斯市', level: 'city', parent: '黑龙江省' },
  { name: '佳木斯市东风区人民政府', level: 'county', parent: '佳木斯市' },
  { name: '佳木斯市东风区营商环境局', level: 'department', parent: '佳木斯市东风区人民政府' },
  { name: '佳木斯市东风区佳东街道办事处', level: 'township', parent: '佳木斯市东风区人民政府', aliases: ['东风区佳东街道办事处'] },
  { name: '河北省', level: 'province' },
  { name: '秦皇岛市', level: 'city', parent: '河北省' },
  { name: '秦皇岛市山海关区人民政府', level: 'county', parent: '秦皇岛市' },
  { name: '山海关区发展和改革局', level: 'department', parent: '秦皇岛市山海关区人民政府' },
];

export async function startServer(opts: { repo: string; dataDir: string; user: { username: string; password: string } }): Promise<RunningServer> {
  // Cheap password hashing for the test account (the cost is stored with the hash).
  process.env.GONGKAI_SCRYPT_LOG2N ??= '10';
  const sqliteFile = path.join(opts.dataDir, 'gongkai.sqlite');
  const { openStore } = await import('../../src/store/db.js');
  const { createAgency } = await import('../../src/store/agencies.js');
  const { createUser } = await import('../../src/store/users.js');
  const store = await openStore({ sqliteFile });
  const agencies: Record<string, number> = {};
  for (const a of TREE) {
    const created = await createAgency(store, { name: a.name, level: a.level, parentId: a.parent ? agencies[a.parent]! : null, ...(a.aliases ? { aliases: a.aliases } : {}) });
    agencies[a.name] = created.id;
  }
  await createUser(store, { username: opts.user.username, password: opts.user.password, role: 'admin' });

  // Imported by path: the module is someone else's and may not exist when this is type-checked.
  const { buildServer } = (await import(path.join(opts.repo, 'src/server/app.ts'))) as {
    buildServer: (o: { store: unknown; webDist: string; loginPerMinute?: number }) => Promise<{ listen(o: { port: number; host: string }): Promise<string>; close(): Promise<void> }>;
  };
  const app = await buildServer({ store, webDist: path.join(opts.repo, 'web/dist'), loginPerMinute: 100 });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/auth/me`);
  return {
    url,
    agencies,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
