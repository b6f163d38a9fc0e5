import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../model/templates.js';
import { readText } from '../read/text.js';
import { findLabel } from './find-label.js';
import { buildStream } from './stream.js';

const rows = TEMPLATES['2021'].tables.requests.rows;
const row = (key: string) => rows.find((r) => r.key === key)!;
const stream = (text: string) => buildStream(readText(text, { name: 't', format: 'text', bytes: 0, sha256: '' }));
const find = (text: string, key: string) => {
  const s = stream(text);
  const m = findLabel(s, row(key), { from: 0, to: s.compact.length, fuzzy: true });
  return m ? s.text.slice(m.start, m.end) : null;
};

describe('findLabel matches the label variants real reports print', () => {
  it('the misprint 其他法律行政止公开', () => expect(find('2.其他法律行政止公开 0 0', 'result.denied.lawForbidden')).toBe('2.其他法律行政止公开'));
  it('spaces inside a label', () => expect(find('三 、本 年 新收政府 信息公开申请数量 1', 'received.new')).not.toBeNull());
  it('full-width digits and punctuation (NFKC)', () => expect(find('（３）危及“三安全一稳定” 0', 'result.denied.safetyStability')).toBe('(3)危及“三安全一稳定”'));
  it('Kangxi radical look-alikes from PDF fonts (⼀ U+2F00)', () => expect(find('⼀、本年新收政府信息公开申请数量 1', 'received.new')).not.toBeNull());
  it('the note after （二）部分公开, with 只记 or 只计', () => {
    expect(find('（二）部分公开（区分处理的，只记这一情形，不计其他情形）5', 'result.partial')).toBe('(二)部分公开(区分处理的,只记这一情形,不计其他情形)');
  });
  it('an ordinal glued to the previous row’s digits belongs to the label', () => {
    expect(find('00000003.其他1000001', 'result.other.other')).toBe('3.其他');
  });
  it('a two-character label needs its ordinal, so a header word is not taken for it', () => {
    expect(find('自然人 其他 总计', 'result.other.other')).toBeNull();
  });
});

describe('values that wrapped onto the next line', () => {
  it('a row whose numbers continue on the next printed line is read whole', async () => {
    const { extractReport } = await import('./extract.js');
    const { TEMPLATES } = await import('../model/templates.js');
    const lines = ['某区2022年度政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况'];
    for (const row of TEMPLATES['2021'].tables.requests.rows) {
      const label = (row.ordinal ? (row.ordinal.style === 'arabic' ? `${row.ordinal.value}.` : row.ordinal.style === 'paren' ? `（${row.ordinal.value}）` : `${row.ordinal.value}、`) : '') + row.label;
      if (row.key === 'received.new') lines.push(`${label} 64 0 0`, '2 0 4 70');
      else lines.push(`${label} 0 0 0 0 0 0 0`);
    }
    const doc = readText(lines.join('\n'), { name: 'wrap.txt', format: 'text', bytes: 0, sha256: '' });
    const report = extractReport(doc);
    expect(report.tables.requests['received.new']).toEqual({ natural: 64, commercial: 0, research: 0, social: 2, legal: 0, other: 4, total: 70 });
    expect(report.extraction.ragged).toEqual([]);
  });
});

describe('a long label with a character or two misread (OCR, typos)', () => {
  it('is still found, from its first character', () => {
    expect(find('1.本机关不拿握相关政府信息 0 0', 'result.unavailable.notHeld')).toBe('1.本机关不拿握相关政府信息');
    expect(find('5.要求行政机关确认或重新出县已获取信患 0', 'result.notProcessed.confirmation')).toBe('5.要求行政机关确认或重新出县已获取信患');
  });
  it('but a short label is never matched loosely', () => {
    expect(find('2.重夏申请 0', 'result.notProcessed.repeated')).toBeNull();
  });
});

describe('a misread label inside a whole report', () => {
  it('is found in the gap its neighbours leave, and its values read', async () => {
    const fs = await import('node:fs');
    const { parseReport } = await import('../parse.js');
    const { examplesDir } = await import('../test/fixtures.js');
    const text = fs.readFileSync(`${examplesDir}/明川区发展和改革局-2022.txt`, 'utf8').replace('本机关不掌握相关政府信息', '本机关不拿握相关政府信患');
    const report = await parseReport(text, { name: 'misread.txt' });
    expect(report.tables.requests['result.unavailable.notHeld']).toMatchObject({ natural: 2, commercial: 1, total: 3 });
    expect(report.extraction.missingRows).toEqual([]);
  });
});
