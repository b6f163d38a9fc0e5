/**
 * Request and response schemas (TypeBox → JSON Schema → validation and the OpenAPI document).
 * Report documents and findings follow report/v1 (schema/report-v1.schema.json) and are left
 * open here rather than declared twice.
 */
// The plugins' type augmentations (route schema tags, per-route rate limits).
import type {} from '@fastify/swagger';
import type {} from '@fastify/rate-limit';
import { Type, type Static } from '@sinclair/typebox';

export const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) }, { $id: 'Error' });

const open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const UserBody = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('reviewer'), Type.Literal('editor')]),
  agencyId: Type.Union([Type.Integer(), Type.Null()]),
  displayName: Type.Union([Type.String(), Type.Null()]),
});

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }) });
export type LoginBody = Static<typeof LoginBody>;
export const SessionBody = Type.Object({ user: UserBody, csrfToken: Type.String() });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type IdParams = Static<typeof IdParams>;
export const VersionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), version: Type.Integer({ minimum: 1 }) });
export type VersionParams = Static<typeof VersionParams>;

export const ReportStatus = Type.Union([Type.Literal('unmatched'), Type.Literal('clean'), Type.Literal('warnings'), Type.Literal('errors')]);

export const ReportListQuery = Type.Object({
  region: Type.Optional(Type.Integer({ minimum: 1, description: '机关 id：只列该机关及其下级' })),
  agency: Type.Optional(Type.Integer({ minimum: 1, description: '机关 id：只列该机关' })),
  year: Type.Optional(Type.Integer()),
  status: Type.Optional(ReportStatus),
  rule: Type.Optional(Type.String({ description: '只列有该规则问题的报告' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: '机关名称或标题包含' })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
export type ReportListQuery = Static<typeof ReportListQuery>;

export const ReportSummary = Type.Object(
  {
    id: Type.Integer(),
    agencyId: Type.Union([Type.Integer(), Type.Null()]),
    agencyName: Type.Union([Type.String(), Type.Null()], { description: '报告中印的发布机关' }),
    agency: Type.Union([Type.String(), Type.Null()], { description: '匹配到的登记机关名称' }),
    year: Type.Union([Type.Integer(), Type.Null()]),
    title: Type.Union([Type.String(), Type.Null()]),
    template: Type.Union([Type.String(), Type.Null()]),
    status: ReportStatus,
    counts: Type.Object({ error: Type.Integer(), warning: Type.Integer(), info: Type.Integer() }),
    currentVersion: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'ReportSummary' },
);

export const ReportList = Type.Object({ items: Type.Array(Type.Ref('ReportSummary')), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const UploadQuery = Type.Object({ agencyId: Type.Optional(Type.Integer({ minimum: 1, description: '指定机关（管理员、审核人员）' })) });
export type UploadQuery = Static<typeof UploadQuery>;

export const CellValue = Type.Union([Type.Number(), Type.Null()]);
export const CorrectionBody = Type.Object({
  cells: Type.Array(Type.Object({ table: Type.String(), row: Type.String(), column: Type.String(), value: CellValue }), { minItems: 1, maxItems: 1000 }),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
});
export type CorrectionBody = Static<typeof CorrectionBody>;

export const OverviewQuery = Type.Object({ region: Type.Optional(Type.Integer({ minimum: 1 })), year: Type.Integer() });
export type OverviewQuery = Static<typeof OverviewQuery>;

export const RollupBody = Type.Object({
  agencyIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 20000 }),
  year: Type.Integer(),
  cell: Type.Optional(Type.Object({ table: Type.String(), row: Type.String(), column: Type.String() }, { description: '同时返回该单元格每份报告的数值（contributions）' })),
});
export type RollupBody = Static<typeof RollupBody>;

export const CompareQuery = Type.Object({ agency: Type.Integer({ minimum: 1 }), from: Type.Integer(), to: Type.Integer() });
export type CompareQuery = Static<typeof CompareQuery>;

export const FindingsExportQuery = Type.Object({ region: Type.Optional(Type.Integer({ minimum: 1 })), year: Type.Integer() });
export type FindingsExportQuery = Static<typeof FindingsExportQuery>;

export const AgencyLevel = Type.Union(['province', 'city', 'county', 'department', 'township'].map((l) => Type.Literal(l)));
export const AgencyBody = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  level: AgencyLevel,
  name: Type.String(),
  path: Type.String(),
  aliases: Type.Array(Type.String()),
});
export const AgencyCreate = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  level: AgencyLevel,
  parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
});
export type AgencyCreate = Static<typeof AgencyCreate>;

export const ConfirmAgencyBody = Type.Object({
  agencyId: Type.Integer({ minimum: 1 }),
  remember: Type.Optional(Type.Boolean({ default: true, description: '把报告中的机关名称记为该机关的别名，下次自动匹配' })),
});
export type ConfirmAgencyBody = Static<typeof ConfirmAgencyBody>;

export const UserCreate = Type.Object({
  username: Type.String({ minLength: 2, maxLength: 64 }),
  password: Type.String({ minLength: 8, maxLength: 1024 }),
  role: Type.Union([Type.Literal('admin'), Type.Literal('reviewer'), Type.Literal('editor')]),
  agencyId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  displayName: Type.Optional(Type.String({ maxLength: 100 })),
});
export type UserCreate = Static<typeof UserCreate>;

export const ReportDocument = open('report/v1 文档（见 schema/report-v1.schema.json）');
export const FindingBody = open('校验问题：rule, severity, message, cells[], loc?, data?');
export const AgencyMatchBody = open('机关匹配：method (exact|alias|uploader|confirmed|created|none), agencyId, name, candidates[{agencyId,name,score}]');
