/**
 * A small strict XML tokenizer for Office parts. General SAX parsers validate every character
 * and build every attribute map: saxes read a 190 KB document.xml in ~11 ms, most of it spent on
 * run properties nobody reads, which alone would cap DOCX at well under 100 reports/s. This one
 * finds tags with indexOf, hands attributes over as the raw string (read on demand with `attr`),
 * and decodes text only where it has an entity. It still refuses what is not well-formed:
 * mismatched or unclosed tags, unknown entities, unterminated markup. No DTDs are processed, so
 * no entity expansion.
 */

export interface XmlHandler {
  /**
   * Returning true asks the scanner to pass over the element's content unread (it still calls
   * `close`): run properties and the like are most of a Word document and none of its text.
   */
  open(name: string, rawAttrs: string): boolean | void;
  close(name: string): void;
  text(text: string): void;
}

export class XmlError extends Error {
  constructor(message: string, at: number) {
    super(`${message}（位置 ${at}）`);
    this.name = 'XmlError';
  }
}

export function scanXml(xml: string, h: XmlHandler): void {
  const stack: string[] = [];
  let pos = 0;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      if (stack.length > 0) h.text(decodeText(xml.slice(pos), pos));
      break;
    }
    if (lt > pos && stack.length > 0) h.text(decodeText(xml.slice(pos, lt), pos));
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new XmlError('结束标签未闭合', lt);
      const name = xml.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (open !== name) throw new XmlError(`结束标签 </${name}> 与 <${open ?? ''}> 不匹配`, lt);
      h.close(name);
      pos = gt + 1;
    } else if (c === 63 /* ? */) {
      pos = skipPast(xml, '?>', lt);
    } else if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) pos = skipPast(xml, '-->', lt);
      else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt);
        if (end < 0) throw new XmlError('CDATA 未闭合', lt);
        if (stack.length > 0) h.text(xml.slice(lt + 9, end));
        pos = end + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        // Office parts carry no DTD; one with an internal subset is skipped unread.
        const bracket = xml.indexOf('[', lt);
        const gt = xml.indexOf('>', lt);
        pos = bracket >= 0 && bracket < gt ? skipPast(xml, ']>', lt) : skipPast(xml, '>', lt);
      } else throw new XmlError('无法识别的标记', lt);
    } else {
      const gt = tagEnd(xml, lt);
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const stop = selfClosing ? gt - 1 : gt;
      let i = lt + 1;
      while (i < stop && !isSpace(xml.charCodeAt(i))) i++;
      const name = xml.slice(lt + 1, i);
      if (name === '') throw new XmlError('元素缺少名称', lt);
      const skip = h.open(name, i < stop ? xml.slice(i, stop) : '');
      if (selfClosing) {
        h.close(name);
        pos = gt + 1;
      } else if (skip === true && (pos = skipElement(xml, name, gt + 1)) > 0) {
        h.close(name);
      } else {
        stack.push(name);
        pos = gt + 1;
      }
    }
  }
  if (stack.length > 0) throw new XmlError(`元素 <${stack[stack.length - 1]}> 未闭合`, n);
}

/**
 * Offset just past the element's end tag, found directly; -1 (read it normally) when an element
 * of the same name opens inside it, since the first end tag would then not be its own.
 */
function skipElement(xml: string, name: string, from: number): number {
  const end = xml.indexOf(`</${name}>`, from);
  if (end < 0) throw new XmlError(`元素 <${name}> 未闭合`, from);
  const inner = xml.indexOf(`<${name}`, from);
  if (inner >= 0 && inner < end) {
    const c = xml.charCodeAt(inner + name.length + 1);
    if (c === 62 || c === 47 || isSpace(c)) return -1;
  }
  return end + name.length + 3;
}

/** The value of one attribute from a raw attribute string, decoded; undefined when absent. */
export function attr(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = raw.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    if (i > 0 && !isSpace(raw.charCodeAt(i - 1))) continue;
    let j = from;
    while (isSpace(raw.charCodeAt(j))) j++;
    if (raw.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (isSpace(raw.charCodeAt(j))) j++;
    const q = raw[j];
    if (q !== '"' && q !== "'") return undefined;
    const end = raw.indexOf(q, j + 1);
    if (end < 0) return undefined;
    return decodeText(raw.slice(j + 1, end), 0);
  }
}

/** The '>' that ends a start tag, skipping any inside quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) break;
  }
  throw new XmlError('开始标签未闭合', lt);
}

function skipPast(xml: string, end: string, from: number): number {
  const i = xml.indexOf(end, from);
  if (i < 0) throw new XmlError(`缺少 ${end}`, from);
  return i + end.length;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(s: string, at: number): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&\s]*);?/g, (m, ent: string) => {
    if (!m.endsWith(';')) throw new XmlError('实体引用缺少分号', at);
    if (ent in NAMED) return NAMED[ent]!;
    const code = ent.startsWith('#x') ? parseInt(ent.slice(2), 16) : ent.startsWith('#') ? parseInt(ent.slice(1), 10) : NaN;
    if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new XmlError(`未知实体 &${ent};`, at);
    return String.fromCodePoint(code);
  });
}
