/**
 * The JSON Schema of `report/v1`, derived from the layout declarations so it can never drift
 * from them. Written to schema/report-v1.schema.json at build time and shipped in the package.
 */
import { columnsOf, REQUEST_COLUMNS, TEMPLATES, type TableId } from './templates.js';

type Json = Record<string, unknown>;

const cellValue: Json = { type: ['number', 'null'] };

function tableSchema(table: TableId): Json {
  // A row key may come from either layout (a report may mix them), with that layout's columns.
  const rows = new Map<string, Set<string>>();
  for (const t of Object.values(TEMPLATES)) {
    const spec = t.tables[table];
    for (const row of spec.rows) {
      const cols = rows.get(row.key) ?? new Set<string>();
      for (const c of columnsOf(spec, row)) cols.add(c.key);
      rows.set(row.key, cols);
    }
  }
  const properties: Json = {};
  for (const [key, cols] of rows) {
    properties[key] = {
      type: 'object',
      properties: Object.fromEntries([...cols].map((c) => [c, cellValue])),
      additionalProperties: false,
    };
  }
  return { type: 'object', properties, additionalProperties: false };
}

const location: Json = {
  type: 'object',
  properties: {
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    page: { type: 'integer', minimum: 1 },
    bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 },
    table: { type: 'integer', minimum: 0 },
    row: { type: 'integer', minimum: 0 },
    cell: { type: 'integer', minimum: 0 },
    sheet: { type: 'string' },
    entry: { type: 'string' },
  },
  additionalProperties: false,
};

const cellSource: Json = {
  type: 'object',
  required: ['raw', 'loc', 'method'],
  properties: {
    raw: { type: 'string' },
    part: { type: 'string' },
    loc: { $ref: '#/$defs/location' },
    method: { enum: ['cell', 'token', 'split', 'guess', 'ocr', 'manual'] },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    unit: { type: 'string' },
  },
  additionalProperties: false,
};

const cellRef: Json = {
  type: 'object',
  required: ['table', 'row', 'column'],
  properties: { table: { enum: ['active', 'requests', 'appeals'] }, row: { type: 'string' }, column: { type: 'string' } },
  additionalProperties: false,
};

const provenanceTable: Json = { type: 'object', additionalProperties: { type: 'object', additionalProperties: { $ref: '#/$defs/cellSource' } } };
const templateId: Json = { enum: ['2019', '2021', null] };

export function reportJsonSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://gongkai.dev/schema/report-v1.schema.json',
    title: 'report/v1 — 政府信息公开工作年度报告',
    description: `Tables follow the official layouts (2019, 2021). 表三 columns: ${REQUEST_COLUMNS.map((c) => `${c.key} ${c.label}`).join(', ')}.`,
    type: 'object',
    required: ['schema', 'meta', 'tables', 'sections', 'subtotals', 'provenance', 'extraction'],
    properties: {
      schema: { const: 'report/v1' },
      meta: {
        type: 'object',
        required: ['title', 'agency', 'year', 'template', 'kind', 'layout', 'published', 'period', 'evidence', 'source'],
        properties: {
          title: { type: ['string', 'null'] },
          agency: { type: ['string', 'null'] },
          year: { type: ['integer', 'null'] },
          template: templateId,
          kind: { enum: ['report', 'pre2019'] },
          layout: { type: 'object', properties: { active: templateId, requests: templateId, appeals: templateId }, required: ['active', 'requests', 'appeals'], additionalProperties: false },
          published: { type: ['string', 'null'] },
          period: { oneOf: [{ type: 'null' }, { type: 'object', required: ['from', 'to'], properties: { from: { type: 'string' }, to: { type: 'string' } } }] },
          evidence: { type: 'object', properties: { agency: { type: 'string' }, year: { type: 'string' } }, additionalProperties: false },
          source: {
            type: 'object',
            required: ['name', 'format', 'bytes', 'sha256'],
            properties: { name: { type: 'string' }, format: { type: 'string' }, encoding: { type: 'string' }, bytes: { type: 'integer' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      tables: {
        type: 'object',
        required: ['active', 'requests', 'appeals'],
        properties: { active: tableSchema('active'), requests: tableSchema('requests'), appeals: tableSchema('appeals') },
        additionalProperties: false,
      },
      sections: {
        type: 'array',
        items: {
          type: 'object',
          required: ['number', 'key', 'heading', 'text', 'loc'],
          properties: {
            number: { type: 'integer', minimum: 1, maximum: 6 },
            key: { enum: ['overview', 'active', 'requests', 'appeals', 'problems', 'other'] },
            heading: { type: 'string' },
            text: { type: 'string' },
            loc: { $ref: '#/$defs/location' },
          },
          additionalProperties: false,
        },
      },
      subtotals: {
        type: 'object',
        propertyNames: { enum: ['result.denied', 'result.unavailable', 'result.notProcessed', 'result.other'] },
        additionalProperties: { type: 'object', additionalProperties: cellValue },
      },
      provenance: {
        type: 'object',
        required: ['active', 'requests', 'appeals'],
        properties: { active: provenanceTable, requests: provenanceTable, appeals: provenanceTable },
        additionalProperties: false,
      },
      extraction: {
        type: 'object',
        required: ['splits', 'missingRows', 'ragged', 'nonNumeric'],
        properties: {
          splits: {
            type: 'array',
            items: {
              type: 'object',
              required: ['table', 'cells', 'raw', 'loc', 'candidates', 'consistent'],
              properties: {
                table: { enum: ['active', 'requests', 'appeals'] },
                cells: { type: 'array', items: { $ref: '#/$defs/cellRef' } },
                raw: { type: 'string' },
                loc: { $ref: '#/$defs/location' },
                candidates: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
                consistent: { type: 'boolean' },
              },
            },
          },
          missingRows: { type: 'array', items: { $ref: '#/$defs/cellRef' } },
          ragged: { type: 'array' },
          nonNumeric: { type: 'array' },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    $defs: { location, cellSource, cellRef },
  };
}
