/** Accounts, password hashes (scrypt from node:crypto) and login sessions. */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { GongkaiError } from '../errors.js';
import type { Store } from './db.js';
import { ROLES, type Role } from './schema.js';
import { now } from './util.js';

export interface User {
  id: number;
  username: string;
  role: Role;
  /** Reviewer: region; editor: own agency; admin: null. */
  agencyId: number | null;
  displayName: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

// OWASP's scrypt parameters (N=2^17, r=8, p=1): 128 MB per guess, ~0.3 s per login here.
// GONGKAI_SCRYPT_LOG2N lowers the cost for test suites that create many accounts; the cost is
// stored with each hash, so verification never depends on the setting.
const SCRYPT = { r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const costN = () => 1 << Number(process.env.GONGKAI_SCRYPT_LOG2N ?? 17);
const KEY_LEN = 32;
export const SESSION_DAYS = 7;

function scrypt(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, KEY_LEN, params, (err, key) => (err ? reject(err) : resolve(key))));
}

/** "scrypt$N$r$p$salt$hash": the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const N = costN();
  const key = await scrypt(password, salt, { ...SCRYPT, N });
  return ['scrypt', N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  const want = Buffer.from(hash, 'base64');
  return want.length === key.length && timingSafeEqual(want, key);
}

type UserRow = { id: number; username: string; role: Role; agency_id: number | null; display_name: string | null };
const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, role: r.role, agencyId: r.agency_id, displayName: r.display_name });

export async function createUser(store: Store, input: { username: string; password: string; role: Role; agencyId?: number | null; displayName?: string | null }): Promise<User> {
  const username = input.username.trim();
  if (!/^[\p{L}\p{N}_.@-]{2,64}$/u.test(username)) throw new GongkaiError('USAGE', '用户名须为 2–64 个字母、数字或 _ . @ -');
  if (!ROLES.includes(input.role)) throw new GongkaiError('USAGE', `角色须为 ${ROLES.join(' / ')}`);
  if (input.password.length < 8) throw new GongkaiError('USAGE', '密码至少 8 个字符');
  if (input.role !== 'admin' && input.agencyId == null) {
    throw new GongkaiError('USAGE', input.role === 'reviewer' ? '审核人员须指定所辖地区（机关 id）' : '填报人员须指定所属机关（机关 id）');
  }
  if (input.agencyId != null) {
    const a = await store.db.selectFrom('agencies').select('id').where('id', '=', input.agencyId).executeTakeFirst();
    if (!a) throw new GongkaiError('NOT_FOUND', `机关 ${input.agencyId} 不存在`);
  }
  const exists = await store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (exists) throw new GongkaiError('USAGE', `用户 ${username} 已存在`);
  const row = await store.db
    .insertInto('users')
    .values({
      username,
      password_hash: await hashPassword(input.password),
      role: input.role,
      agency_id: input.role === 'admin' ? null : input.agencyId ?? null,
      display_name: input.displayName ?? null,
      created_at: now(),
    })
    .returning(['id', 'username', 'role', 'agency_id', 'display_name'])
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function countUsers(store: Store): Promise<number> {
  const r = await store.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A valid username and password → the user; anything else → undefined (same time either way, roughly). */
export async function authenticate(store: Store, username: string, password: string): Promise<User | undefined> {
  const row = await store.db.selectFrom('users').selectAll().where('username', '=', username.trim()).executeTakeFirst();
  // Hash even for an unknown user so that response time does not reveal which usernames exist.
  const ok = await verifyPassword(password, row?.password_hash ?? dummyHash());
  return row && ok ? toUser(row) : undefined;
}
const dummyHash = () => `scrypt$${costN()}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LEN).toString('base64')}`;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session: the raw token goes in the cookie, only its hash is stored. */
export async function createSession(store: Store, user: User): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000).toISOString();
  await store.db.insertInto('sessions').values({ id: tokenId(token), user_id: user.id, csrf_token: csrfToken, created_at: now(), expires_at: expiresAt }).execute();
  return { token, session: { user, csrfToken, expiresAt } };
}

export async function getSession(store: Store, token: string): Promise<Session | undefined> {
  const row = await store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.role', 'users.agency_id', 'users.display_name', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', tokenId(token))
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.expires_at < now()) {
    await deleteSession(store, token);
    return undefined;
  }
  return { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(store: Store, token: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
}
