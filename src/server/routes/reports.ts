/** Reports: upload, list, read, source bytes, corrections, versions, agency confirmation. */
import '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { correctReport } from '../../analyze/corrections.js';
import { checkReport } from '../../check/check.js';
import { GongkaiError } from '../../errors.js';
import { sniffFormat } from '../../read/sniff.js';
import { addAlias, getAgency, type AgencyMatch } from '../../store/agencies.js';
import type { Store } from '../../store/db.js';
import { importOne } from '../../store/import.js';
import { getCurrentReport, getFindings, getVersionReport, listVersions, recheckFollowingYear, reportOf, setReportAgency, summaryQuery, toSummary } from '../../store/reports.js';
import { seesAgency, seesReport } from '../../store/scope.js';
import { requireRole, requireScope } from '../auth.js';
import { forbidden, HttpError } from '../http-error.js';
import { visibleReport } from '../access.js';
import {
  AgencyMatchBody,
  ConfirmAgencyBody,
  CorrectionBody,
  ErrorBody,
  FindingBody,
  IdParams,
  ReportDocument,
  ReportList,
  ReportListQuery,
  UploadQuery,
  VersionParams,
} from '../schemas.js';
import { Type } from '@sinclair/typebox';
import { sendPageImage } from '../page-image.js';
import { sendSource } from '../source.js';

/** Formats a report can arrive in; anything else is refused before parsing. */
const ACCEPTED = new Set(['text', 'html', 'pdf', 'docx', 'xlsx', 'ole', 'png', 'jpeg', 'tiff', 'zip']);

export function reportRoutes(app: FastifyInstance, store: Store): void {
  // A region as a sub-select: both engines then walk the path index and look reports up by
  // (agency, year), instead of testing every report of the year against the path.
  const agenciesUnder = (prefix: string) => store.db.selectFrom('agencies').select('agencies.id').where('agencies.path', 'like', `${prefix}%`);

  app.post<{ Querystring: UploadQuery }>(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: '上传一份报告（multipart/form-data，字段 file）',
        consumes: ['multipart/form-data'],
        querystring: UploadQuery,
        response: { 413: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { user, scope } = await requireScope(request, store);
      if (!request.isMultipart()) throw new HttpError(415, 'NOT_MULTIPART', '请以 multipart/form-data 上传文件（字段名 file）');
      const part = await request.file();
      if (!part) throw new GongkaiError('USAGE', '没有收到文件（字段名 file）');
      const bytes = new Uint8Array(await part.toBuffer());
      const name = part.filename || 'report';
      if (bytes.length === 0) throw new GongkaiError('EMPTY', '文件为空（0 字节）');
      const format = sniffFormat(bytes, name);
      if (!ACCEPTED.has(format)) throw new GongkaiError('UNSUPPORTED_FORMAT', `不支持的文件类型（${format}）：请上传 PDF、Word、Excel、HTML、文本或图片格式的年度报告`);

      let agencyId: number | null = null;
      if (user.role === 'editor') agencyId = user.agencyId;
      else if (request.query.agencyId != null) {
        const a = await getAgency(store, request.query.agencyId);
        if (!a || !seesAgency(scope, a)) throw new GongkaiError('NOT_FOUND', `机关 ${request.query.agencyId} 不存在或不在您的权限范围内`);
        agencyId = a.id;
      }
      const outcome = await importOne(store, { name, bytes }, { userId: user.id, agencyId, within: scope.kind === 'region' ? scope.path : null });
      if (outcome.status === 'failed') throw new GongkaiError(outcome.code as never, outcome.message);
      const cur = await getCurrentReport(store, outcome.reportId);
      const uploadedBy = (await store.db.selectFrom('reports').select('uploaded_by').where('id', '=', outcome.reportId).executeTakeFirst())?.uploaded_by ?? null;
      if (!cur || !seesReport(scope, { agencyId: cur.summary.agencyId, path: cur.path, uploadedBy })) {
        throw new HttpError(409, 'DUPLICATE', '该文件已由其他单位导入');
      }
      const body = { id: outcome.reportId, summary: cur.summary, report: cur.report, findings: await getFindings(store, outcome.reportId), agencyMatch: cur.match, duplicate: outcome.status === 'duplicate' };
      return reply.status(outcome.status === 'duplicate' ? 200 : 201).send(body);
    },
  );

  app.get<{ Querystring: ReportListQuery }>(
    '/api/reports',
    { schema: { tags: ['reports'], summary: '报告列表（按权限范围过滤）', querystring: ReportListQuery, response: { 200: ReportList } } },
    async (request) => {
      const { scope } = await requireScope(request, store);
      const { region, agency, year, status, rule, q } = request.query;
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 50;
      let query = summaryQuery(store);
      // Scope first: a reviewer's region, an editor's agency; unmatched reports only to their uploader.
      if (scope.kind === 'region') {
        query = query.where((eb) => eb.or([eb('reports.agency_id', 'in', agenciesUnder(scope.path)), eb.and([eb('reports.agency_id', 'is', null), eb('reports.uploaded_by', '=', scope.userId)])]));
      } else if (scope.kind === 'agency') {
        query = query.where((eb) => eb.or([eb('reports.agency_id', '=', scope.agencyId), eb.and([eb('reports.agency_id', 'is', null), eb('reports.uploaded_by', '=', scope.userId)])]));
      }
      if (region != null) {
        const r = await getAgency(store, region);
        if (!r || !seesAgency(scope, r)) throw new GongkaiError('NOT_FOUND', `机关 ${region} 不存在或不在您的权限范围内`);
        query = query.where('reports.agency_id', 'in', agenciesUnder(r.path));
      }
      if (agency != null) query = query.where('reports.agency_id', '=', agency);
      if (year != null) query = query.where('reports.year', '=', year);
      if (status != null) query = query.where('reports.status', '=', status);
      if (rule) query = query.where((eb) => eb.exists(eb.selectFrom('findings').select('findings.id').whereRef('findings.report_id', '=', 'reports.id').where('findings.rule', '=', rule)));
      if (q) {
        const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb('agencies.name', 'like', like), eb('reports.agency_name', 'like', like), eb('reports.title', 'like', like)]));
      }
      const total = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query.orderBy('reports.year', 'desc').orderBy('reports.id').limit(pageSize).offset((page - 1) * pageSize).execute();
      return { items: rows.map(toSummary), total: Number(total.n), page, pageSize };
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: '报告详情：当前版本、问题、版本历史',
        params: IdParams,
        response: {
          200: Type.Object({
            id: Type.Integer(),
            summary: Type.Ref('ReportSummary'),
            report: ReportDocument,
            findings: Type.Array(FindingBody),
            versions: Type.Array(Type.Object({}, { additionalProperties: true })),
            agencyMatch: AgencyMatchBody,
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const { scope } = await requireScope(request, store);
      const cur = await visibleReport(store, scope, request.params.id);
      return { id: cur.summary.id, summary: cur.summary, report: cur.report, findings: await getFindings(store, cur.summary.id), versions: await listVersions(store, cur.summary.id), agencyMatch: cur.match };
    },
  );

  app.get<{ Params: IdParams }>('/api/reports/:id/source', { schema: { tags: ['reports'], summary: '原始文件（附件下载，禁止在浏览器中执行）', params: IdParams } }, async (request, reply) => {
    const { scope } = await requireScope(request, store);
    await visibleReport(store, scope, request.params.id);
    return sendSource(store, request.params.id, reply);
  });

  app.get<{ Params: { id: number; file: string } }>(
    '/api/reports/:id/pages/:file',
    {
      schema: {
        tags: ['reports'],
        summary: '原文某一页的图像（PNG；PDF 按 96 dpi 渲染，x-gongkai-scale 头给出每个坐标单位的像素数）',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), file: Type.String({ pattern: '^[0-9]{1,4}\\.png$' }) }),
      },
    },
    async (request, reply) => {
      const { scope } = await requireScope(request, store);
      await visibleReport(store, scope, request.params.id);
      return sendPageImage(store, request.params.id, Number.parseInt(request.params.file, 10), reply);
    },
  );

  app.get<{ Params: IdParams }>('/api/reports/:id/versions', { schema: { tags: ['reports'], summary: '版本历史', params: IdParams } }, async (request) => {
    const { scope } = await requireScope(request, store);
    await visibleReport(store, scope, request.params.id);
    return { versions: await listVersions(store, request.params.id) };
  });

  app.get<{ Params: VersionParams }>('/api/reports/:id/versions/:version', { schema: { tags: ['reports'], summary: '某一版本的报告文档', params: VersionParams } }, async (request) => {
    const { scope } = await requireScope(request, store);
    await visibleReport(store, scope, request.params.id);
    const report = await getVersionReport(store, request.params.id, request.params.version);
    if (!report) throw new GongkaiError('NOT_FOUND', `报告 ${request.params.id} 没有第 ${request.params.version} 版`);
    return { version: request.params.version, report };
  });

  app.post<{ Params: IdParams; Body: CorrectionBody }>(
    '/api/reports/:id/corrections',
    { schema: { tags: ['reports'], summary: '更正单元格：生成新版本并重新校验', params: IdParams, body: CorrectionBody, response: { 404: ErrorBody, 409: ErrorBody } } },
    async (request, reply) => {
      const { user, scope } = await requireScope(request, store);
      await visibleReport(store, scope, request.params.id);
      const res = await correctReport(store, { reportId: request.params.id, cells: request.body.cells, reason: request.body.reason, userId: user.id });
      const cur = await getCurrentReport(store, request.params.id);
      return reply.status(201).send({ id: request.params.id, version: res.version, summary: cur!.summary, report: res.report, findings: res.findings });
    },
  );

  app.post<{ Params: IdParams; Body: ConfirmAgencyBody }>(
    '/api/reports/:id/agency',
    { schema: { tags: ['reports'], summary: '确认报告的发布机关（管理员、审核人员）', params: IdParams, body: ConfirmAgencyBody, response: { 404: ErrorBody, 409: ErrorBody } } },
    async (request) => {
      const user = requireRole(request, 'admin', 'reviewer');
      const { scope } = await requireScope(request, store);
      const cur = await visibleReport(store, scope, request.params.id);
      const agency = await getAgency(store, request.body.agencyId);
      if (!agency || !seesAgency(scope, agency)) throw new GongkaiError('NOT_FOUND', `机关 ${request.body.agencyId} 不存在或不在您的权限范围内`);
      if (user.role !== 'admin' && !seesAgency(scope, agency)) throw forbidden();
      const previous = cur.summary.year != null ? await reportOf(store, agency.id, cur.summary.year - 1) : undefined;
      const findings = checkReport(cur.report, previous ? { previous: previous.report } : {});
      const match: AgencyMatch = { method: 'confirmed', agencyId: agency.id, name: cur.report.meta.agency, candidates: cur.match.candidates };
      await setReportAgency(store, cur.summary.id, agency.id, match, findings);
      if (cur.report.meta.year != null) await recheckFollowingYear(store, agency.id, cur.report.meta.year, cur.report);
      if (request.body.remember !== false && cur.report.meta.agency) await addAlias(store, agency.id, cur.report.meta.agency);
      const after = await getCurrentReport(store, cur.summary.id);
      return { id: cur.summary.id, summary: after!.summary, findings: await getFindings(store, cur.summary.id), agencyMatch: after!.match };
    },
  );
}
