// Seed text (copied out of Word) → an HTML page with real tables, for LibreOffice to render into
// DOCX/DOC/XLSX fixtures. The project's own text reader finds the tables; rows shorter than the
// table get their last cell widened (colspan), as in the Word original's merged header cells.
// Usage: node scripts/office-fixture-html.mjs SEED.txt > OUT.html   (needs a build in dist/)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { readText } = await import(path.join(repo, 'dist/read/text.js'));

const file = process.argv[2];
if (!file) {
  console.error('用法：node scripts/office-fixture-html.mjs 种子文本.txt > 输出.html');
  process.exit(2);
}
const text = fs.readFileSync(file, 'utf8');
const doc = readText(text, { name: path.basename(file), format: 'text', bytes: text.length, sha256: '' });

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cellHtml = (s) => s.split('\n').map((l) => esc(l.trim())).join('<br>');
const out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title></title></head><body>'];
for (const b of doc.blocks) {
  if (b.kind === 'paragraph') {
    out.push(`<p>${esc(b.text.trim())}</p>`);
    continue;
  }
  const width = Math.max(...b.rows.map((r) => r.length));
  out.push('<table border="1" cellspacing="0">');
  for (const row of b.rows) {
    const tds = row.map((c, i) => {
      const span = i === row.length - 1 && row.length < width ? ` colspan="${width - row.length + 1}"` : '';
      return `<td${span}>${cellHtml(c.text)}</td>`;
    });
    out.push(`<tr>${tds.join('')}</tr>`);
  }
  out.push('</table>');
}
out.push('</body></html>');
process.stdout.write(out.join('\n') + '\n');
