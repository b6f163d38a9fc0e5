/** Findings as CSV/XLSX: of one report, or of every report in a region and year. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findingsCsv, findingsXlsx, type FindingRow } from '../../analyze/export.js';
import { resolveRegion } from '../../analyze/overview.js';
import type { Store } from '../../store/db.js';
import { getFindings, toFinding } from '../../store/reports.js';
import { visibleReport } from '../access.js';
import { requireScope } from '../auth.js';
import { FindingsExportQuery, IdParams } from '../schemas.js';
import { attachment } from '../source.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(reply: FastifyReply, type: string, name: string, body: Buffer) {
  return reply.header('content-type', type).header('content-disposition', attachment(name)).header('x-content-type-options', 'nosniff').send(body);
}

export function exportRoutes(app: FastifyInstance, store: Store): void {
  const oneReport = async (id: number, request: Parameters<typeof requireScope>[0]) => {
    const { scope } = await requireScope(request, store);
    const cur = await visibleReport(store, scope, id);
    const rows: FindingRow[] = (await getFindings(store, id)).map((finding) => ({ agency: cur.summary.agency ?? cur.summary.agencyName, year: cur.summary.year, reportId: id, finding }));
    return { rows, base: `${cur.summary.agency ?? cur.summary.agencyName ?? '报告' + id}-${cur.summary.year ?? ''}-问题清单` };
  };

  app.get<{ Params: IdParams }>('/api/reports/:id/findings.csv', { schema: { tags: ['exports'], summary: '一份报告的问题清单（CSV，UTF-8 BOM）', params: IdParams } }, async (request, reply) => {
    const { rows, base } = await oneReport(request.params.id, request);
    return download(reply, 'text/csv; charset=utf-8', `${base}.csv`, findingsCsv(rows));
  });

  app.get<{ Params: IdParams }>('/api/reports/:id/findings.xlsx', { schema: { tags: ['exports'], summary: '一份报告的问题清单（XLSX）', params: IdParams } }, async (request, reply) => {
    const { rows, base } = await oneReport(request.params.id, request);
    return download(reply, XLSX, `${base}.xlsx`, await findingsXlsx(rows));
  });

  app.get<{ Querystring: FindingsExportQuery }>(
    '/api/findings.xlsx',
    { schema: { tags: ['exports'], summary: '地区某年度全部问题清单（XLSX）', querystring: FindingsExportQuery } },
    async (request, reply) => {
      const { scope } = await requireScope(request, store);
      const region = await resolveRegion(store, scope, request.query.region);
      let q = store.db
        .selectFrom('findings')
        .innerJoin('reports', 'reports.id', 'findings.report_id')
        .innerJoin('agencies', 'agencies.id', 'reports.agency_id')
        .select(['agencies.name as agency', 'reports.year', 'reports.id as report_id', 'findings.rule', 'findings.severity', 'findings.message', 'findings.cells', 'findings.loc', 'findings.data'])
        .where('reports.year', '=', request.query.year)
        .where('agencies.path', 'like', `${region?.path ?? ''}%`)
        .orderBy('agencies.path')
        .orderBy('findings.id');
      if (scope.kind === 'agency') q = q.where('agencies.id', '=', scope.agencyId);
      const rows: FindingRow[] = (await q.execute()).map((r) => ({ agency: r.agency, year: r.year, reportId: r.report_id, finding: toFinding(r) }));
      return download(reply, XLSX, `${region?.name ?? '全部'}-${request.query.year}-问题清单.xlsx`, await findingsXlsx(rows));
    },
  );
}
