/**
 * HTML (a saved government web page) → neutral document. parse5 builds the tree as a browser
 * would from malformed markup; tables become grids with their row and column spans; scripts,
 * styles and navigation are dropped; a table that only lays out the page (it holds other tables)
 * is read as the flow of its cells.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { SourceLocation } from '../model/report.js';
import type { Block, NeutralDocument, SourceInfo, TableBlock, TableCell } from './document.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'iframe', 'object', 'svg', 'select', 'button', 'input', 'textarea', 'form']);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'center', 'body', 'html', 'hr', 'address', 'figure', 'figcaption', 'caption',
]);
/** Page chrome by class or id: menus, breadcrumbs, share bars, footers. */
const CHROME = /(^|[\s_-])(nav|menu|breadcrumb|crumb|footer|share|sidebar|topbar|toolbar|login|search)([\s_-]|$)/i;

export function readHtml(html: string, source: SourceInfo): NeutralDocument {
  // parse5's own location tracking triples its parse time; cells get their source line from
  // a scan of the start tags instead (see cellLines), which is what the source pane needs.
  const root = parse(html);
  const lines = cellLines(html, root);
  const blocks: Block[] = [];
  const hints: NeutralDocument['hints'] = {};
  const titleEl = findFirst(root, 'title');
  if (titleEl) {
    const t = textOf(titleEl).trim();
    if (t) hints.title = t;
  }
  let tableIndex = 0;
  let buf = '';
  let bufLoc: SourceLocation | null = null;

  const flush = () => {
    const text = buf.replace(/[ \t\r\f]+/g, ' ').trim();
    if (text && bufLoc) blocks.push({ kind: 'paragraph', text, loc: bufLoc });
    buf = '';
    bufLoc = null;
  };

  const walk = (node: Node): void => {
    if (node.nodeName === '#text') {
      const t = (node as TextNode).value;
      if (t.trim() !== '' && bufLoc === null) bufLoc = {};
      buf += t;
      return;
    }
    if (!('tagName' in node)) {
      for (const child of childrenOf(node)) walk(child);
      return;
    }
    const el = node as Element;
    const tag = el.tagName;
    if (SKIP.has(tag) || isChrome(el)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'table') {
      flush();
      if (findFirst(el, 'table', true)) {
        // a layout table: its cells are page regions
        for (const child of childrenOf(el)) walk(child);
        flush();
        return;
      }
      const t = readTable(el, tableIndex++, lines);
      if (t.rows.length > 0) blocks.push(t);
      return;
    }
    const isBlock = BLOCKS.has(tag) || tag === 'tr' || tag === 'td' || tag === 'th';
    if (isBlock) flush();
    for (const child of childrenOf(el)) walk(child);
    if (isBlock) flush();
  };
  walk(root);
  flush();
  return { source, blocks, hints };
}

function readTable(table: Element, index: number, lines: Map<Element, SourceLocation>): TableBlock {
  const rows: TableCell[][] = [];
  // occupied[r] = set of grid columns taken by cells spanning down from earlier rows
  const occupied: Set<number>[] = [];
  let r = 0;
  for (const tr of rowsOf(table)) {
    const cells: TableCell[] = [];
    const taken = (occupied[r] ??= new Set());
    let col = 0;
    let c = 0;
    for (const td of childrenOf(tr)) {
      if (!('tagName' in td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      while (taken.has(col)) col++;
      const rowSpan = clampSpan(attr(td, 'rowspan'));
      const colSpan = clampSpan(attr(td, 'colspan'));
      for (let dr = 0; dr < rowSpan; dr++) {
        const set = (occupied[r + dr] ??= new Set());
        for (let dc = 0; dc < colSpan; dc++) set.add(col + dc);
      }
      const at = lines.get(td) ?? {};
      const cell: TableCell = { text: cellText(td), loc: { ...at, table: index, row: r, cell: c }, gridColumn: col };
      if (rowSpan > 1) cell.rowSpan = rowSpan;
      if (colSpan > 1) cell.colSpan = colSpan;
      cells.push(cell);
      col += colSpan;
      c++;
    }
    rows.push(cells);
    r++;
  }
  return { kind: 'table', rows: rows.filter((row) => row.length > 0), rowsKnown: true, loc: { table: index } };
}

function* rowsOf(table: Element): Generator<Element> {
  for (const child of childrenOf(table)) {
    if (!('tagName' in child)) continue;
    if (child.tagName === 'tr') yield child;
    else if (child.tagName === 'tbody' || child.tagName === 'thead' || child.tagName === 'tfoot') yield* rowsOf(child);
  }
}

function clampSpan(v: string | undefined): number {
  const n = v ? parseInt(v, 10) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** Cell text with line breaks where the cell had <br> or paragraphs. */
function cellText(td: Element): string {
  const parts: string[] = [];
  let endsWithBreak = true; // nothing yet: no break needed before a first block
  const lineBreak = () => {
    if (!endsWithBreak) {
      parts.push('\n');
      endsWithBreak = true;
    }
  };
  const walk = (n: Node): void => {
    if (n.nodeName === '#text') {
      const v = (n as TextNode).value;
      const t = v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\t') < 0 ? v : v.replace(/[\r\n\t]+/g, '');
      if (t !== '') {
        parts.push(t);
        endsWithBreak = false;
      }
      return;
    }
    if (!('tagName' in n)) return;
    const el = n as Element;
    if (SKIP.has(el.tagName)) return;
    if (el.tagName === 'br') {
      parts.push('\n');
      endsWithBreak = true;
      return;
    }
    const block = BLOCKS.has(el.tagName);
    if (block) lineBreak();
    for (const c of childrenOf(el)) walk(c);
    if (block) lineBreak();
  };
  for (const c of childrenOf(td)) walk(c);
  let a = 0;
  let b = parts.length;
  while (a < b && parts[a] === '\n') a++;
  while (b > a && parts[b - 1] === '\n') b--;
  return parts.slice(a, b).join('');
}

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as TextNode).value;
  return childrenOf(n).map(textOf).join('');
}

function childrenOf(n: Node): Node[] {
  const el = n as Element;
  if (el.tagName === 'template') return [];
  return ((n as { childNodes?: Node[] }).childNodes ?? []) as Node[];
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function isChrome(el: Element): boolean {
  const cls = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  return cls.trim() !== '' && CHROME.test(cls);
}

function findFirst(n: Node, tag: string, skipSelf = false): Element | null {
  if (!skipSelf && 'tagName' in n && (n as Element).tagName === tag) return n as Element;
  for (const c of childrenOf(n)) {
    const f = findFirst(c, tag);
    if (f) return f;
  }
  return null;
}

/**
 * Line and column of every <td>/<th> start tag, matched to the parsed cells in document order.
 * The parser never reorders cells, so the k-th cell element is the k-th cell tag outside
 * comments, scripts and styles; if the counts differ (markup a browser repairs), no cell gets a
 * line rather than a wrong one.
 */
function cellLines(html: string, root: Node): Map<Element, SourceLocation> {
  const out = new Map<Element, SourceLocation>();
  const cells: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ('tagName' in n && ((n as Element).tagName === 'td' || (n as Element).tagName === 'th')) cells.push(n as Element);
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  const offsets: number[] = [];
  const re = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[\s\S]*?(?:<\/\1\s*>|$)|<t[dh](?=[\s>/])/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    if (m[0].length === 3) offsets.push(m.index);
  }
  if (offsets.length !== cells.length) return out;
  const breaks: number[] = [];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) breaks.push(i);
  let b = 0;
  cells.forEach((el, k) => {
    const at = offsets[k]!;
    while (b < breaks.length && breaks[b]! < at) b++;
    out.set(el, { line: b + 1, column: b === 0 ? at + 1 : at - breaks[b - 1]! });
  });
  return out;
}

/** The charset an HTML page declares in its first bytes (<meta charset> or http-equiv). */
export function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}
