/** The agency register and user accounts (administration). */
import type { FastifyInstance } from 'fastify';
import { createAgency, listAgencies } from '../../store/agencies.js';
import type { Store } from '../../store/db.js';
import { createUser } from '../../store/users.js';
import { publicUser, requireRole, requireScope } from '../auth.js';
import { AgencyBody, AgencyCreate, ErrorBody, UserBody, UserCreate } from '../schemas.js';
import { Type } from '@sinclair/typebox';

export function agencyRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/agencies', { schema: { tags: ['agencies'], summary: '机关列表（权限范围内，按层级排序）', response: { 200: Type.Object({ items: Type.Array(AgencyBody) }) } } }, async (request) => {
    const { scope } = await requireScope(request, store);
    const all = await listAgencies(store, scope.kind === 'all' ? null : scope.path);
    return { items: scope.kind === 'agency' ? all.filter((a) => a.id === scope.agencyId) : all };
  });

  app.post<{ Body: AgencyCreate }>(
    '/api/agencies',
    { schema: { tags: ['agencies'], summary: '新增机关（管理员）', body: AgencyCreate, response: { 201: AgencyBody, 400: ErrorBody, 403: ErrorBody } } },
    async (request, reply) => {
      requireRole(request, 'admin');
      const a = await createAgency(store, { name: request.body.name, level: request.body.level as never, parentId: request.body.parentId ?? null, aliases: request.body.aliases ?? [] });
      const [withAliases] = (await listAgencies(store, a.path)).filter((x) => x.id === a.id);
      return reply.status(201).send(withAliases);
    },
  );

  app.get('/api/users', { schema: { tags: ['users'], summary: '用户列表（管理员）' } }, async (request) => {
    requireRole(request, 'admin');
    const rows = await store.db.selectFrom('users').select(['id', 'username', 'role', 'agency_id', 'display_name']).orderBy('id').execute();
    return { items: rows.map((r) => publicUser({ id: r.id, username: r.username, role: r.role, agencyId: r.agency_id, displayName: r.display_name })) };
  });

  app.post<{ Body: UserCreate }>(
    '/api/users',
    { schema: { tags: ['users'], summary: '新增用户（管理员）', body: UserCreate, response: { 201: UserBody, 400: ErrorBody, 403: ErrorBody } } },
    async (request, reply) => {
      requireRole(request, 'admin');
      const u = await createUser(store, { ...request.body, agencyId: request.body.agencyId ?? null, displayName: request.body.displayName ?? null });
      return reply.status(201).send(publicUser(u));
    },
  );
}
