/**
 * `gongkai user add <username> --role admin --password-stdin [--agency <id>]`: accounts from the
 * command line (the first administrator in particular). The password is read from stdin so it
 * never appears in the process list or shell history.
 */
import { Command } from 'commander';
import { isGongkaiError } from '../errors.js';
import { openStore } from '../store/db.js';
import type { Role } from '../store/schema.js';
import { createUser } from '../store/users.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  // Only the trailing newline that `echo` adds is stripped; other whitespace is part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function runUserCommand(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('gongkai user').description('管理用户').exitOverride();
  program
    .command('add <username>')
    .description('新增用户')
    .requiredOption('--role <role>', '角色：admin（管理员）| reviewer（审核人员）| editor（填报人员）')
    .option('--agency <id>', '审核人员的所辖地区或填报人员的所属机关（机关 id）')
    .option('--name <displayName>', '显示名称')
    .option('--password-stdin', '从标准输入读取密码')
    .option('--db <url>', 'PostgreSQL 连接串（默认 $DATABASE_URL；未设置则使用 ./data/gongkai.sqlite）')
    .action(async (username: string, o: { role: string; agency?: string; name?: string; passwordStdin?: boolean; db?: string }) => {
      if (!o.passwordStdin) {
        process.stderr.write('错误：请用 --password-stdin 从标准输入提供密码\n');
        code = 2;
        return;
      }
      const password = await readStdin();
      const store = await openStore(o.db ? { url: o.db } : {});
      try {
        const u = await createUser(store, { username, password, role: o.role as Role, agencyId: o.agency ? Number(o.agency) : null, displayName: o.name ?? null });
        process.stderr.write(`已创建用户 ${u.username}（${u.role}）\n`);
      } catch (e) {
        if (!isGongkaiError(e)) throw e;
        process.stderr.write(`错误：${e.message}\n`);
        code = 2;
      } finally {
        await store.close();
      }
    });
  await program.parseAsync(argv, { from: 'user' });
  return code;
}
