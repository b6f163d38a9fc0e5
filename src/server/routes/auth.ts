/** Login, logout, and who am I. Login is rate-limited per client address. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/db.js';
import { authenticate, createSession, deleteSession } from '../../store/users.js';
import { clearSessionCookie, publicUser, requireUser, setSessionCookie } from '../auth.js';
import { HttpError } from '../http-error.js';
import { ErrorBody, LoginBody, SessionBody } from '../schemas.js';

export function authRoutes(app: FastifyInstance, store: Store, opts: { loginPerMinute: number }): void {
  app.post<{ Body: LoginBody }>(
    '/api/auth/login',
    {
      config: { rateLimit: { max: opts.loginPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: LoginBody, response: { 200: SessionBody, 401: ErrorBody } },
    },
    async (request, reply) => {
      const user = await authenticate(store, request.body.username, request.body.password);
      if (!user) throw new HttpError(401, 'BAD_CREDENTIALS', '用户名或密码错误');
      // A fresh session on every login: a token planted before login is never promoted.
      if (request.sessionToken) await deleteSession(store, request.sessionToken);
      const { token, session } = await createSession(store, user);
      setSessionCookie(request, reply, token);
      return { user: publicUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (request, reply) => {
    if (request.sessionToken) await deleteSession(store, request.sessionToken);
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: SessionBody, 401: ErrorBody } } }, async (request) => {
    const user = requireUser(request);
    return { user: publicUser(user), csrfToken: request.session!.csrfToken };
  });
}
