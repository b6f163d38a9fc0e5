import { Ajv2020 } from 'ajv/dist/2020.js';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { corpusDocuments, repoRoot } from '../test/corpus.js';
import { reportJsonSchema } from './schema.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(reportJsonSchema());

describe('report/v1 JSON Schema', () => {
  const files = [
    ...fs.readdirSync(path.join(repoRoot, 'examples')).map((f) => path.join(repoRoot, 'examples', f)),
    ...corpusDocuments().map((d) => d.file),
  ];
  for (const file of files) {
    it(`validates the parse of ${path.basename(file)}`, async () => {
      const report = await parseReport(new Uint8Array(fs.readFileSync(file)), { name: file });
      const ok = validate(JSON.parse(JSON.stringify(report)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }
  it('rejects a table row the layouts do not have', () => {
    expect(validate({ schema: 'report/v1', tables: { active: { nope: {} }, requests: {}, appeals: {} } })).toBe(false);
  });
  it('is the file shipped in the package', () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schema', 'report-v1.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
  });
});
