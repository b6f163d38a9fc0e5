/**
 * Sessions and CSRF. The session cookie is httpOnly and SameSite=Lax; every non-GET request
 * must also carry the session's CSRF token in `x-csrf-token` (only login is exempt, and it
 * accepts JSON only, which a cross-site form cannot send).
 */
import { timingSafeEqual } from 'node:crypto';
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/db.js';
import { scopeOf, type Scope } from '../store/scope.js';
import { getSession, SESSION_DAYS, type Session, type User } from '../store/users.js';
import { forbidden, HttpError, unauthorized } from './http-error.js';

export const SESSION_COOKIE = 'gongkai_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    sessionToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function installAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.session = (await getSession(store, token)) ?? null;
      request.sessionToken = request.session ? token : null;
    }
    if (SAFE_METHODS.has(request.method)) return;
    const path = request.url.split('?')[0]!;
    if (CSRF_EXEMPT.has(path)) return;
    // No unauthenticated write, whatever the route.
    if (!request.session) throw unauthorized();
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, request.session.csrfToken)) {
      throw new HttpError(403, 'CSRF', '缺少或错误的 CSRF 令牌（x-csrf-token），请刷新页面后重试');
    }
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Behind HTTPS (directly or via a proxy trusted with --trust-proxy) the cookie must not leak over HTTP.
    secure: request.protocol === 'https',
    maxAge: SESSION_DAYS * 86400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in user, or 401. */
export function requireUser(request: FastifyRequest): User {
  if (!request.session) throw unauthorized();
  return request.session.user;
}

export function requireRole(request: FastifyRequest, ...roles: User['role'][]): User {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

/** The user and what it may see. */
export async function requireScope(request: FastifyRequest, store: Store): Promise<{ user: User; scope: Scope }> {
  const user = requireUser(request);
  return { user, scope: await scopeOf(store, user) };
}

export function publicUser(u: User) {
  return { id: u.id, username: u.username, role: u.role, agencyId: u.agencyId, displayName: u.displayName };
}
