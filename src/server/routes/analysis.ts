/** Overview of a region, roll-ups, year-on-year comparison. */
import type { FastifyInstance } from 'fastify';
import { compare } from '../../analyze/compare.js';
import { overview } from '../../analyze/overview.js';
import { rollup } from '../../analyze/rollup.js';
import type { Store } from '../../store/db.js';
import { requireScope } from '../auth.js';
import { CompareQuery, ErrorBody, OverviewQuery, RollupBody } from '../schemas.js';

export function analysisRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: OverviewQuery }>(
    '/api/overview',
    { schema: { tags: ['analysis'], summary: '地区概览：各机关报告状态、规则命中数、未提交名单', querystring: OverviewQuery, response: { 404: ErrorBody } } },
    async (request) => {
      const { scope } = await requireScope(request, store);
      return overview(store, scope, { year: request.query.year, ...(request.query.region != null ? { region: request.query.region } : {}) });
    },
  );

  app.post<{ Body: RollupBody }>(
    '/api/rollup',
    { schema: { tags: ['analysis'], summary: '汇总：所选机关某年度三张表逐格求和，附每格的来源报告', body: RollupBody, response: { 404: ErrorBody } } },
    async (request) => {
      const { scope } = await requireScope(request, store);
      return rollup(store, scope, request.body);
    },
  );

  app.get<{ Querystring: CompareQuery }>(
    '/api/compare',
    { schema: { tags: ['analysis'], summary: '同一机关跨年度对比：逐格变化与跨年度校验（years.*）', querystring: CompareQuery, response: { 404: ErrorBody } } },
    async (request) => {
      const { scope } = await requireScope(request, store);
      return compare(store, scope, { agencyId: request.query.agency, from: request.query.from, to: request.query.to });
    },
  );
}
