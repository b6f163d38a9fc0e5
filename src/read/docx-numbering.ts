/**
 * Automatic numbering. Word draws "一、" "（三）" "1." in front of numbered paragraphs but stores
 * only a list reference; reports number their sections and table rows this way, and the
 * extractor needs the labels as printed, so the counters are replayed in document order.
 */
import { attr, scanXml } from './docx-xml.js';
import type { NumberingLabeler, StyleNumbering } from './docx-body.js';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface NumDef {
  abstractId: string;
  /** Levels restarted by this list instance (w:startOverride): it counts on its own. */
  startOverride: Map<number, number>;
}

export function numberingLabeler(xml: string): NumberingLabeler {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, NumDef>();
  let abs: Map<number, Level> | null = null;
  let lvl: Level | null = null;
  let num: NumDef | null = null;
  let overrideLevel = -1;
  const open = (name: string, raw: string) => {
    const val = attr(raw, 'w:val');
    switch (name) {
      case 'w:abstractNum':
        abs = new Map();
        abstracts.set(attr(raw, 'w:abstractNumId') ?? '', abs);
        break;
      case 'w:lvl':
        lvl = { start: 1, format: 'decimal', text: '', suffix: '\t' };
        // a w:lvl inside w:lvlOverride redefines one level for one list; counted like the rest
        if (abs && !num) abs.set(Number(attr(raw, 'w:ilvl') ?? 0), lvl);
        break;
      case 'w:start':
        if (lvl && val !== undefined) lvl.start = Number(val) || 0;
        break;
      case 'w:numFmt':
        if (lvl && val !== undefined) lvl.format = val;
        break;
      case 'w:lvlText':
        if (lvl) lvl.text = val ?? '';
        break;
      case 'w:suff':
        if (lvl) lvl.suffix = val === 'space' ? ' ' : val === 'nothing' ? '' : '\t';
        break;
      case 'w:num':
        num = { abstractId: '', startOverride: new Map() };
        nums.set(attr(raw, 'w:numId') ?? '', num);
        break;
      case 'w:abstractNumId':
        if (num && val !== undefined) num.abstractId = val;
        break;
      case 'w:lvlOverride':
        overrideLevel = Number(attr(raw, 'w:ilvl') ?? 0);
        break;
      case 'w:startOverride':
        if (num && overrideLevel >= 0) num.startOverride.set(overrideLevel, Number(val ?? 1) || 0);
        break;
    }
  };
  const close = (name: string) => {
    if (name === 'w:abstractNum') abs = null;
    else if (name === 'w:lvl') lvl = null;
    else if (name === 'w:num') num = null;
    else if (name === 'w:lvlOverride') overrideLevel = -1;
  };
  scanXml(xml, { open, close, text: () => {} });

  // Instances of one abstract list share their counters unless they restart it.
  const counters = new Map<string, number[]>();
  return (numId, level) => {
    const def = nums.get(numId);
    const levels = def ? abstracts.get(def.abstractId) : undefined;
    const me = levels?.get(level);
    if (!def || !levels || !me) return '';
    const key = def.startOverride.size > 0 ? `n${numId}` : `a${def.abstractId}`;
    let c = counters.get(key);
    const startOf = (l: number) => def.startOverride.get(l) ?? levels.get(l)?.start ?? 1;
    if (!c) {
      c = [];
      counters.set(key, c);
    }
    c[level] = c[level] === undefined ? startOf(level) : c[level]! + 1;
    c.length = level + 1;
    const label = me.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const l2 = levels.get(l);
      const n = c![l] ?? startOf(l);
      return formatNumber(n, l2?.format ?? 'decimal');
    });
    if (me.format === 'none' || label === '') return '';
    return label + me.suffix;
  };
}

/** Numbering carried by paragraph styles (headings numbered through their style), with basedOn. */
export function styleNumbering(xml: string): StyleNumbering {
  const styles = new Map<string, { basedOn?: string; numId?: string; level?: number }>();
  let cur: { basedOn?: string; numId?: string; level?: number } | null = null;
  const names: string[] = [];
  const open = (name: string, raw: string) => {
    const parent = names[names.length - 1];
    names.push(name);
    if (name === 'w:style') {
      cur = attr(raw, 'w:type') === 'paragraph' ? {} : null;
      if (cur) styles.set(attr(raw, 'w:styleId') ?? '', cur);
    } else if (cur && name === 'w:basedOn') cur.basedOn = attr(raw, 'w:val');
    else if (cur && parent === 'w:numPr' && name === 'w:numId') cur.numId = attr(raw, 'w:val');
    else if (cur && parent === 'w:numPr' && name === 'w:ilvl') cur.level = Number(attr(raw, 'w:val') ?? 0) || 0;
  };
  const close = (name: string) => {
    names.pop();
    if (name === 'w:style') cur = null;
  };
  scanXml(xml, { open, close, text: () => {} });
  return (id) => {
    const seen = new Set<string>();
    let s = styles.get(id);
    while (s && !seen.has(id)) {
      seen.add(id);
      // numId 0 in a style switches inherited numbering off
      if (s.numId !== undefined) return s.numId === '0' ? undefined : { numId: s.numId, level: s.level ?? 0 };
      if (s.basedOn === undefined) return undefined;
      id = s.basedOn;
      s = styles.get(id);
    }
    return undefined;
  };
}

const DIGITS = '〇一二三四五六七八九';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCount(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
    case 'upperLetter': {
      const ch = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? ch.toUpperCase() : ch;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const r = roman(n);
      return format === 'lowerRoman' ? r.toLowerCase() : r;
    }
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function chineseCount(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 10–19 are read 十、十一… not 一十一
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  });
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out || String(n);
}
