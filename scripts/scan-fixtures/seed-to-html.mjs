#!/usr/bin/env node
/**
 * Seed text (copied from Word: tab-led cells, continuation lines, blank line between rows) →
 * HTML with ruled tables, as a printed report looks before it is scanned.
 *
 * Long prose after the first section heading is dropped so a scan stays a few pages: the
 * fixtures exist to exercise the tables, and the title and opening paragraph that carry the
 * agency and year are kept.
 *
 * Usage: node seed-to-html.mjs SEED.txt > out.html
 */
import fs from 'node:fs';

const PROSE_LIMIT = 40;
const HEADING = /^\s*[一二三四五六七八九十]+、/;

function parseSeed(text) {
  const blocks = [];
  let table = null;
  let row = null;
  let prevKind = 'blank';
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith('\t')) {
      if (!table) {
        table = { kind: 'table', rows: [] };
        blocks.push(table);
      }
      if (!row) {
        row = [];
        table.rows.push(row);
      }
      row.push(raw.slice(1).trim());
      prevKind = 'cell';
    } else if (raw.trim() === '') {
      row = null;
      prevKind = 'blank';
    } else if (prevKind === 'cell' && row) {
      // A cell's further lines ("商业\n企业") carry no tab.
      row[row.length - 1] += raw.trim();
    } else {
      table = null;
      row = null;
      blocks.push({ kind: 'paragraph', text: raw.trim() });
      prevKind = 'text';
    }
  }
  return blocks;
}

const isNumber = (s) => /^[+\-]?\d+(\.\d+)?$/.test(s);

/**
 * Rows copied from Word lose their merges, so rows have different cell counts. The widest row
 * sets the grid; in a shorter row the last label cell spans the missing columns, which keeps
 * the value columns aligned as they are in the original.
 */
function renderTable(rows) {
  const width = Math.max(...rows.map((r) => r.length));
  const out = ['<table>'];
  for (const r of rows) {
    let spanAt = -1;
    for (let i = 0; i < r.length; i++) if (!isNumber(r[i]) && r[i] !== '') spanAt = i;
    if (spanAt < 0) spanAt = 0;
    const cells = r.map((c, i) => {
      const span = i === spanAt && r.length < width ? ` colspan="${width - r.length + 1}"` : '';
      const cls = isNumber(c) ? ' class="n"' : '';
      return `<td${span}${cls}>${escape(c)}</td>`;
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</table>');
  return out.join('\n');
}

function escape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const seed = fs.readFileSync(process.argv[2], 'utf8');
const blocks = parseSeed(seed);
const body = [];
let seenHeading = false;
for (const b of blocks) {
  if (b.kind === 'table') {
    body.push(renderTable(b.rows));
    continue;
  }
  if (HEADING.test(b.text)) seenHeading = true;
  if (seenHeading && b.text.length > PROSE_LIMIT && !HEADING.test(b.text)) continue;
  body.push(`<p>${escape(b.text)}</p>`);
}

process.stdout.write(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.6; }
p { margin: 0 0 0.4em; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; }
td { border: 1px solid #000; padding: 3px 5px; font-size: 10pt; text-align: left; vertical-align: middle; }
td.n { text-align: center; }
tr { page-break-inside: avoid; }
</style></head><body>
${body.join('\n')}
</body></html>
`);
