/**
 * Test data for the Office readers: the committed fixtures (test-fixtures/office, made by
 * scripts/make-fixtures-office.sh) and minimal Word packages built around a body.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeZip } from './archive-write.js';

/** Corpus documents rendered into every Office format; named as their expected files. */
export const DOCUMENTS = ['000_daa3a425bc8b9220', '001_43d6c315cbc0f57d', '002_d37008fbb3c2afee', '003_402b3c2303c427b2', '004_f3aa8371343c721c', 'shanghai-2019'];

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-fixtures', 'office');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
}

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';

/** A minimal Word package around a body, with optional numbering and styles parts. */
export function docxOf(body: string, parts: Record<string, string> = {}): Uint8Array {
  return writeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>` },
    ...Object.entries(parts).map(([name, data]) => ({ name, data })),
  ]);
}

