/** `gongkai serve [--port 8080] [--host 127.0.0.1]`: the HTTP API and the web UI. */
import { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../server/app.js';
import { openStore } from '../store/db.js';
import { countUsers } from '../store/users.js';

export async function runServeCommand(argv: string[]): Promise<number> {
  const program = new Command('gongkai serve')
    .description('启动审核工作台（HTTP API 与网页界面）')
    .option('--port <port>', '端口', '8080')
    .option('--host <host>', '监听地址（默认仅本机；对外服务请放在 HTTPS 反向代理之后）', '127.0.0.1')
    .option('--db <url>', 'PostgreSQL 连接串（默认 $DATABASE_URL；未设置则使用 ./data/gongkai.sqlite）')
    .option('--web <dir>', '网页界面目录（默认为本软件包自带的 web/dist）', fileURLToPath(new URL('../../web/dist', import.meta.url)))
    .option('--trust-proxy', '信任反向代理的 X-Forwarded-* 头（HTTPS 判断、客户端地址）')
    .option('--log', '输出请求日志')
    .exitOverride();
  program.parse(argv, { from: 'user' });
  const o = program.opts<{ port: string; host: string; db?: string; web: string; trustProxy?: boolean; log?: boolean }>();
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`错误：端口无效：${o.port}\n`);
    return 2;
  }
  const store = await openStore(o.db ? { url: o.db } : {});
  if ((await countUsers(store)) === 0) {
    process.stderr.write('提示：尚无用户，请先创建管理员：echo 密码 | gongkai user add admin --role admin --password-stdin\n');
  }
  const app = await buildServer({ store, webDist: o.web, trustProxy: !!o.trustProxy, logger: !!o.log });
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = await app.listen({ port, host: o.host });
  process.stderr.write(`审核工作台已启动：${address}（数据库：${store.dialect === 'sqlite' ? store.file : 'PostgreSQL'}）\n`);
  // Keep running until a signal arrives.
  await new Promise<never>(() => {});
  return 0;
}
