// Seed or corpus document → printable HTML with real <table>s, for rendering test PDFs.
// Reads the source with gongkai's own reader (dist/), so the tables printed are exactly the
// tables the text/HTML readers see.
// usage: node to-html.mjs <source> <out.html> [--font-size=PT] [--letter-space] [--page-footer] [--borderless]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { readDocument } = await import(pathToFileURL(path.join(here, '../../dist/read/read.js')).href);

const [src, out, ...flags] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: node to-html.mjs <source> <out.html> [--font-size=PT] [--letter-space] [--page-footer] [--borderless]');
  process.exit(2);
}
const opt = (name) => flags.find((f) => f.startsWith(`--${name}`));
const fontSize = Number((opt('font-size') ?? '--font-size=10.5').split('=')[1]);
const letterSpace = Boolean(opt('letter-space'));
const pageFooter = Boolean(opt('page-footer'));
// Tables without any ruling lines, as many WPS/Word exports print them.
const borderless = Boolean(opt('borderless'));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Short CJK labels ("总计", "其他") are letter-spaced in many printed reports.
const cellHtml = (text) => {
  const t = text.trim();
  const spaced = letterSpace && /^[\u4e00-\u9fff]{2,4}$/.test(t);
  const body = t.split('\n').map(esc).join('<br>');
  return spaced ? `<span class="ls">${body}</span>` : body;
};

let body = '';
if (src.endsWith('.html')) {
  // A published web page: keep its markup, drop nowrap so wide tables fit the page.
  body = fs.readFileSync(src, 'utf8').replace(/\snowrap(="nowrap")?/g, '').replace(/style="width:\d+px;"/g, '');
} else {
  const doc = await readDocument(fs.readFileSync(src), path.basename(src));
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      body += `<p>${esc(b.text)}</p>\n`;
    } else if (b.rowsKnown) {
      body += '<table>\n';
      for (const row of b.rows) body += `<tr>${row.map((c) => `<td>${cellHtml(c.text)}</td>`).join('')}</tr>\n`;
      body += '</table>\n';
    } else {
      // Row ends unknown: print the cells as the source lists them, one per line.
      for (const row of b.rows) for (const c of row) body += `<p>${esc(c.text)}</p>\n`;
    }
  }
}

const cellBorder = borderless ? 'border: none; padding: 2pt 6pt;' : 'border: 0.75pt solid #000; padding: 2pt 3pt;';
const footer = pageFooter ? '@page { @bottom-center { content: "- " counter(page) " -"; font-size: 10pt; } }' : '';
const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(path.basename(src))}</title>
<style>
@page { size: A4; margin: 20mm 18mm; }
${footer}
body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: ${fontSize}pt; line-height: 1.5; }
p { margin: 0 0 0.3em 0; text-indent: 2em; }
table { border-collapse: collapse; margin: 0.5em auto; width: 100%; ${borderless ? 'border: none;' : ''} }
td, th { ${cellBorder} text-align: center; vertical-align: middle; }
td p { text-indent: 0; margin: 0; }
.ls { letter-spacing: 1em; }
tr { break-inside: avoid; }
</style></head><body>
${body}
</body></html>
`;
fs.writeFileSync(out, html);
