/**
 * A server over a throwaway store with a small agency tree and one user per role, and helpers
 * to log in and call it through Fastify's inject (no sockets). Used by the API tests and the
 * load benchmark.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createAgency, type Agency } from '../../store/agencies.js';
import type { Store } from '../../store/db.js';
import { createUser } from '../../store/users.js';
import { buildServer, type ServerOptions } from '../app.js';

export const PASSWORD = 'pass-word-123';

export interface Harness {
  app: FastifyInstance;
  store: Store;
  agencies: Record<'heilongjiang' | 'hegang' | 'gongnong' | 'yingshang' | 'jiamusi' | 'jiadong' | 'fujian' | 'pingtan', Agency>;
}

export async function makeHarness(store: Store, options: Partial<ServerOptions> = {}): Promise<Harness> {
  const heilongjiang = await createAgency(store, { name: '黑龙江省人民政府', level: 'province' });
  const hegang = await createAgency(store, { name: '鹤岗市人民政府', level: 'city', parentId: heilongjiang.id });
  const gongnong = await createAgency(store, { name: '鹤岗市工农区人民政府', level: 'county', parentId: hegang.id });
  const yingshang = await createAgency(store, { name: '鹤岗市营商环境建设监督局', level: 'department', parentId: hegang.id });
  const jiamusi = await createAgency(store, { name: '佳木斯市人民政府', level: 'city', parentId: heilongjiang.id });
  const jiadong = await createAgency(store, { name: '佳木斯市东风区佳东街道办事处', level: 'township', parentId: jiamusi.id });
  const fujian = await createAgency(store, { name: '福建省人民政府', level: 'province' });
  const pingtan = await createAgency(store, { name: '平潭综合实验区管理委员会', level: 'county', parentId: fujian.id, aliases: ['平潭综合实验区'] });
  await createUser(store, { username: 'admin', password: PASSWORD, role: 'admin' });
  await createUser(store, { username: 'hegang', password: PASSWORD, role: 'reviewer', agencyId: hegang.id });
  await createUser(store, { username: 'fujian', password: PASSWORD, role: 'reviewer', agencyId: fujian.id });
  await createUser(store, { username: 'gongnong', password: PASSWORD, role: 'editor', agencyId: gongnong.id });
  await createUser(store, { username: 'pingtan', password: PASSWORD, role: 'editor', agencyId: pingtan.id });
  const app = await buildServer({ store, webDist: null, ...options });
  return { app, store, agencies: { heilongjiang, hegang, gongnong, yingshang, jiamusi, jiadong, fujian, pingtan } };
}

export interface Client {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  upload(name: string, bytes: Uint8Array, query?: string): Promise<LightMyRequestResponse>;
}

let clientNo = 0;

/** Each client logs in from its own address, as separate people would (login is rate-limited per address). */
export async function login(app: FastifyInstance, username: string): Promise<Client> {
  const remoteAddress = `127.0.${Math.floor(++clientNo / 250)}.${(clientNo % 250) + 1}`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, body) => app.inject({ method: 'POST', url, headers, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) }),
    upload: (name, bytes, query = '') => {
      const { payload, contentType } = multipartBody(name, bytes);
      return app.inject({ method: 'POST', url: `/api/reports${query}`, headers: { ...headers, 'content-type': contentType }, payload });
    },
  };
}

export function multipartBody(name: string, bytes: Uint8Array): { payload: Buffer; contentType: string } {
  const boundary = `----gongkai${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(bytes), tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
