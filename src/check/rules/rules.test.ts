/**
 * Every rule, a passing and a failing case. The base is an example report we wrote that passes
 * every rule; each failing case changes one thing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../model/report.js';
import { mutate, parseExample } from '../../test/fixtures.js';
import { checkReport } from '../check.js';
import { parseConfig } from '../config.js';
import { RULES, ruleById } from './index.js';

let clean: Report; // 2021 layout, Word paste, no findings at all
let html2019: Report; // 2019 layout, HTML, blank cells
let next: Report; // the same agency one year later

const only = (r: Report, rule: string, previous?: Report) =>
  checkReport(r, previous ? { previous } : {}).filter((f) => f.rule === rule);

beforeAll(async () => {
  clean = await parseExample('明川区发展和改革局-2022.txt');
  html2019 = await parseExample('青禾市人民政府办公室-2020.html');
  next = await parseExample('明川区发展和改革局-2023.txt');
});

describe('the base report', () => {
  it('passes every rule', () => {
    expect(checkReport(clean)).toEqual([]);
  });
  it('every rule has an id, a severity, a Chinese description and a test below', () => {
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.description).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});

describe('structure.sections', () => {
  it('passes with all six', () => expect(only(clean, 'structure.sections')).toEqual([]));
  it('names a missing section', () => {
    const r = mutate(clean, (x) => {
      x.sections = x.sections.filter((s) => s.number !== 5);
    });
    const f = only(r, 'structure.sections');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('第五部分');
    expect(f[0]!.severity).toBe('error');
  });
});

describe('structure.template', () => {
  it('passes when year and layout agree', () => expect(only(clean, 'structure.template')).toEqual([]));
  it('a 2021+ report in the 2019 layout is an error', () => {
    const r = mutate(html2019, (x) => {
      x.meta.year = 2022;
    });
    const f = only(r, 'structure.template');
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('2021 年版');
  });
  it('a mix of layouts is a warning', () => {
    const r = mutate(clean, (x) => {
      x.meta.layout.requests = '2019';
    });
    const f = only(r, 'structure.template');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
  });
  it('a pre-2019 report is said to be one', () => {
    const r = mutate(clean, (x) => {
      x.meta.kind = 'pre2019';
      x.meta.year = 2017;
    });
    expect(only(r, 'structure.template')[0]!.message).toContain('旧《条例》');
  });
});

describe('structure.tables', () => {
  it('passes with every row', () => expect(only(clean, 'structure.tables')).toEqual([]));
  it('names missing rows', () => {
    const r = mutate(clean, (x) => {
      x.extraction.missingRows.push({ table: 'requests', row: 'result.denied.queryMatter', column: '' });
    });
    const f = only(r, 'structure.tables');
    expect(f[0]!.message).toContain('8.属于行政查询事项');
  });
  it('names a row with too few values', () => {
    const r = mutate(clean, (x) => {
      x.extraction.ragged.push({ table: 'requests', row: 'received.new', expected: 7, found: 5, loc: { line: 3 } });
    });
    expect(only(r, 'structure.tables')[0]!.message).toContain('应有 7 个数，实际读到 5 个');
  });
});

describe('structure.title', () => {
  it('passes with agency and year in the title', () => expect(only(clean, 'structure.title')).toEqual([]));
  it('warns when the title lacks the year, and when the period is another year', () => {
    const r = mutate(clean, (x) => {
      x.meta.title = '青禾市明川区发展和改革局政府信息公开工作年度报告';
      x.meta.period = { from: '2021-01-01', to: '2021-12-31' };
    });
    const msgs = only(r, 'structure.title').map((f) => f.message);
    expect(msgs.some((m) => m.includes('未写明年度'))).toBe(true);
    expect(msgs.some((m) => m.includes('统计期限'))).toBe(true);
  });
});

describe('number.format', () => {
  it('passes with whole non-negative counts', () => expect(only(clean, 'number.format')).toEqual([]));
  it('reports a negative count, a fraction and a "—"', () => {
    const r = mutate(clean, (x) => {
      x.tables.requests['received.new']!.natural = -1;
      x.tables.active.licensing!.decisions = 2.5;
      x.extraction.nonNumeric.push({ cell: { table: 'requests', row: 'result.partial', column: 'legal' }, raw: '—', loc: {} });
    });
    const msgs = only(r, 'number.format').map((f) => f.message);
    expect(msgs).toHaveLength(3);
    expect(msgs.join()).toContain('“—”');
  });
});

describe('number.blank', () => {
  it('passes with no blank cell', () => expect(only(clean, 'number.blank')).toEqual([]));
  it('lists the blank cells of a row', () => {
    const f = only(html2019, 'number.blank');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.cells.length).toBeGreaterThan(0);
  });
});

describe('number.unit', () => {
  it('passes with a plain amount in 万元', () => expect(only(clean, 'number.unit')).toEqual([]));
  it('flags 元 written where 万元 is due, and an amount too large for 万元', () => {
    const r = mutate(clean, (x) => {
      x.provenance.active.fees!.amount = { raw: '3500元', loc: {}, method: 'cell', unit: '元' };
    });
    expect(only(r, 'number.unit')[0]!.message).toContain('单位应为万元');
    const big = mutate(clean, (x) => {
      x.tables.active.fees!.amount = 52_000_000;
    });
    expect(only(big, 'number.unit')[0]!.message).toContain('数额异常');
  });
});

describe('requests.rowTotal', () => {
  it('passes when every row adds up', () => expect(only(clean, 'requests.rowTotal')).toEqual([]));
  it('reports a row whose 总计 is not the sum', () => {
    const f = only(next, 'requests.rowTotal');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('表三「（四）1.本机关不掌握相关政府信息」行：总计为 4，但各申请人列之和为 3');
  });
  it('reports a blank 总计 beside non-zero cells, without calling the blank 0 silently', () => {
    const r = mutate(clean, (x) => {
      x.tables.requests['result.granted']!.total = null;
    });
    expect(only(r, 'requests.rowTotal')[0]!.message).toContain('总计为空');
  });
});

describe('requests.resultTotal', () => {
  it('passes when （七）总计 is the sum of the results', () => expect(only(clean, 'requests.resultTotal')).toEqual([]));
  it('reports the column where it is not', () => {
    const f = only(next, 'requests.resultTotal');
    expect(f.map((x) => x.cells[0]!.column)).toEqual(['total']);
  });
});

describe('requests.balance', () => {
  it('passes when 一 + 二 = 三（七） + 四', () => expect(only(clean, 'requests.balance')).toEqual([]));
  it('reports each column that does not balance', () => {
    const r = mutate(clean, (x) => {
      x.tables.requests.carriedForward!.natural = 3;
      x.tables.requests.carriedForward!.total = 3;
    });
    expect(only(r, 'requests.balance').map((f) => f.cells[0]!.column).sort()).toEqual(['natural', 'total']);
  });
});

describe('requests.subtotal', () => {
  it('passes when a report has no subtotal rows, or they add up', () => {
    expect(only(clean, 'requests.subtotal')).toEqual([]);
    const r = mutate(clean, (x) => {
      x.subtotals['result.denied'] = { natural: 1, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 1 };
    });
    expect(only(r, 'requests.subtotal')).toEqual([]);
  });
  it('reports a subtotal that is not the sum of its items', () => {
    const r = mutate(clean, (x) => {
      x.subtotals['result.unavailable'] = { natural: 3, commercial: 1, research: 0, social: 0, legal: 0, other: 0, total: 3 };
    });
    const f = only(r, 'requests.subtotal');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('（四）无法提供');
    expect(f[0]!.message).toContain('自然人');
  });
});

describe('appeals.total', () => {
  it('passes when each group adds up', () => expect(only(clean, 'appeals.total')).toEqual([]));
  it('reports a group that does not', () => {
    const r = mutate(clean, (x) => {
      x.tables.appeals.litigationDirect!.total = 3;
    });
    const f = only(r, 'appeals.total');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('未经复议直接起诉');
  });
});

describe('appeals.plausible', () => {
  it('passes when there were applications', () => expect(only(clean, 'appeals.plausible')).toEqual([]));
  it('notes appeals without any application', () => {
    const r = mutate(clean, (x) => {
      for (const row of Object.values(x.tables.requests)) for (const k of Object.keys(row)) row[k] = 0;
    });
    const f = only(r, 'appeals.plausible');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
  });
});

describe('narrative.requests', () => {
  it('passes when the prose agrees with the table', () => expect(only(clean, 'narrative.requests')).toEqual([]));
  it('reports a figure the prose states differently', () => {
    const r = mutate(clean, (x) => {
      const s = x.sections.find((y) => y.number === 1)!;
      s.text = s.text.replace('办结16件', '办结15件');
    });
    const f = only(r, 'narrative.requests');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('15');
    expect(f[0]!.message).toContain('16');
  });
});

describe('narrative.none', () => {
  it('passes when the prose does not deny what the table has', () => expect(only(clean, 'narrative.none')).toEqual([]));
  it('reports "未收到申请" beside a table with applications', () => {
    const r = mutate(clean, (x) => {
      x.sections.find((y) => y.number === 1)!.text += '\n全年未收到政府信息公开申请。';
    });
    expect(only(r, 'narrative.none')[0]!.message).toContain('未收到');
  });
});

describe('narrative.fee', () => {
  it('passes when 六 states the fee', () => expect(only(clean, 'narrative.fee')).toEqual([]));
  it('warns when a 2021+ report does not', () => {
    const r = mutate(clean, (x) => {
      x.sections.find((y) => y.number === 6)!.text = '无。';
    });
    expect(only(r, 'narrative.fee')).toHaveLength(1);
  });
  it('does not apply before 2021', () => expect(only(html2019, 'narrative.fee')).toEqual([]));
});

describe('narrative.emptySection', () => {
  it('passes when 五 describes problems', () => expect(only(clean, 'narrative.emptySection')).toEqual([]));
  it('warns when 五 is a bare 无', () => {
    const r = mutate(clean, (x) => {
      x.sections.find((y) => y.number === 5)!.text = '无';
    });
    expect(only(r, 'narrative.emptySection')[0]!.message).toContain('第五部分');
  });
});

describe('years.carryOver', () => {
  it('passes when 二、上年结转 equals last year’s 四', () => {
    const r = mutate(next, (x) => {
      x.tables.requests['received.carriedOver'] = { ...clean.tables.requests.carriedForward! };
    });
    expect(only(r, 'years.carryOver', clean)).toEqual([]);
  });
  it('reports each column that does not', () => {
    const f = only(next, 'years.carryOver', clean);
    expect(f.map((x) => x.cells[0]!.column).sort()).toEqual(['natural', 'total']);
    expect(f[0]!.severity).toBe('error');
  });
  it('needs consecutive years', () => {
    const r = mutate(next, (x) => {
      x.meta.year = 2025;
    });
    expect(only(r, 'years.carryOver', clean)).toEqual([]);
  });
});

describe('years.inForce', () => {
  it('passes when 现行有效 follows from last year', () => {
    // 2022: 9 in force; 2023: +1 issued −2 repealed = 8
    expect(only(next, 'years.inForce', clean)).toEqual([]);
  });
  it('warns when it does not', () => {
    const r = mutate(next, (x) => {
      x.tables.active.normativeDocuments!.inForce = 11;
    });
    const f = only(r, 'years.inForce', clean);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('应为 8');
  });
});

describe('years.previousCount', () => {
  const later = () =>
    mutate(html2019, (x) => {
      x.meta.year = 2020;
      x.tables.active.licensing = { previous: 10, change: 0, decisions: 0 };
    });
  const earlier = () =>
    mutate(html2019, (x) => {
      x.meta.year = 2019;
      x.tables.active.licensing = { previous: 7, change: 3, decisions: 0 };
    });
  it('passes when 上一年项目数量 follows from last year', () => expect(only(later(), 'years.previousCount', earlier())).toEqual([]));
  it('warns when it does not', () => {
    const r = mutate(later(), (x) => {
      x.tables.active.licensing!.previous = 12;
    });
    expect(only(r, 'years.previousCount', earlier())[0]!.message).toContain('应为 10');
  });
});

describe('years.duplicateText', () => {
  it('passes when the prose is new', () => expect(only(next, 'years.duplicateText', clean)).toEqual([]));
  it('warns when 一 is last year’s text again', () => {
    const r = mutate(next, (x) => {
      x.sections.find((s) => s.number === 1)!.text = clean.sections.find((s) => s.number === 1)!.text;
    });
    expect(only(r, 'years.duplicateText', clean)[0]!.message).toContain('100%');
  });
});

describe('years.duplicateText across agencies (内容雷同)', () => {
  it('warns when another agency’s report of the year has the same prose, and the batch finds it', async () => {
    const { copyCandidates } = await import('../../analyze/copied.js');
    const copy = mutate(clean, (x) => {
      x.meta.agency = '青禾市明川区财政局';
      x.meta.source.name = 'copy.txt';
    });
    const other = mutate(next, (x) => {
      x.meta.year = 2022;
      x.meta.agency = '青禾市明川区教育局';
    });
    const candidates = copyCandidates([clean, copy, other]);
    expect(candidates.get(clean)).toEqual([copy]);
    const f = only(clean, 'years.duplicateText', undefined).concat(
      checkReport(clean, { peers: candidates.get(clean)! }).filter((x) => x.rule === 'years.duplicateText'),
    );
    expect(f.map((x) => x.message).join()).toContain('青禾市明川区财政局的报告');
  });
  it('passes when the prose of same-year peers differs', () => {
    const other = mutate(next, (x) => {
      x.meta.year = 2022;
      x.meta.agency = '青禾市明川区教育局';
    });
    expect(checkReport(clean, { peers: [other] }).filter((x) => x.rule === 'years.duplicateText')).toEqual([]);
  });
});

describe('extract.ambiguousSplit and extract.inferredSplit', () => {
  it('pass when nothing was split', () => {
    expect(only(clean, 'extract.ambiguousSplit')).toEqual([]);
    expect(only(clean, 'extract.inferredSplit')).toEqual([]);
  });
  it('report splits: settled ones as info, unsettled ones with their candidates', async () => {
    const crawled = await parseExample('石桥镇人民政府-2021.txt');
    const amb = only(crawled, 'extract.ambiguousSplit');
    expect(amb).toHaveLength(1);
    expect(amb[0]!.message).toContain('3·0·17');
    expect(amb[0]!.message).toContain('30·1·7');
    expect(only(crawled, 'extract.inferredSplit').every((f) => f.severity === 'info')).toBe(true);
  });
});

describe('configuration', () => {
  it('switches a rule off and changes a severity', () => {
    const config = parseConfig('{"rules":{"requests.rowTotal":"off","requests.resultTotal":"warning"}}', 'gongkai.config.json');
    const f = checkReport(next, { config });
    expect(f.some((x) => x.rule === 'requests.rowTotal')).toBe(false);
    expect(f.find((x) => x.rule === 'requests.resultTotal')!.severity).toBe('warning');
  });
  it('refuses an unknown rule or setting, with a Chinese message', () => {
    expect(() => parseConfig('{"rules":{"no.such":"off"}}', 'c.json')).toThrow(/没有名为/);
    expect(() => parseConfig('{"rules":{"number.blank":"loud"}}', 'c.json')).toThrow(/应为/);
    expect(() => parseConfig('{', 'c.json')).toThrow(/不是有效的 JSON/);
  });
  it('looks rules up by id', () => {
    expect(ruleById('requests.balance')!.severity).toBe('error');
  });
});
