/** Build step: write the JSON Schema of report/v1 to the path given. */
import fs from 'node:fs';
import path from 'node:path';
import { reportJsonSchema } from './schema.js';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: write-schema <file>\n');
  process.exit(2);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(reportJsonSchema(), null, 2) + '\n');
