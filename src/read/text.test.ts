import { describe, expect, it } from 'vitest';
import { readText } from './text.js';

const src = { name: 't.txt', format: 'text', bytes: 0, sha256: '' };

describe('readText recognises the shapes reports take as text', () => {
  it('Word table pasted as text: tab-led cells, continuation lines, blank line between rows', () => {
    const doc = readText('二、主动公开政府信息情况\n\t信息内容\n\t商业\n企业\n\t总计\n\n\t规章\n\t1\n\t\n0\n\n三、收到和处理', src);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const t = doc.blocks[1]!;
    if (t.kind !== 'table') throw new Error('table expected');
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['信息内容', '商业\n企业', '总计'],
      ['规章', '1', '\n0'],
    ]);
    expect(t.rows[1]![1]!.loc).toEqual({ line: 8, column: 2 });
  });
  it('tab-separated rows keep empty cells', () => {
    const doc = readText('一、本年新收\t3\t\t1\n', src);
    const t = doc.blocks[0]!;
    if (t.kind !== 'table') throw new Error('table expected');
    expect(t.rows[0]!.map((c) => c.text)).toEqual(['一、本年新收', '3', '', '1']);
  });
  it('pipe rows, and one-cell-per-line pipes with "|||" for empty cells', () => {
    const rows = readText('| 规章 | 0 | 1 |\n', src).blocks[0]!;
    if (rows.kind !== 'table') throw new Error('table expected');
    expect(rows.rows[0]!.map((c) => c.text.trim())).toEqual(['规章', '0', '1']);
    const flow = readText('规章 |\n0 |\n|||\n1 |\n', src).blocks[0]!;
    if (flow.kind !== 'table') throw new Error('table expected');
    expect(flow.rowsKnown).toBe(false);
    expect(flow.rows[0]!.map((c) => c.text.trim())).toEqual(['规章', '0', '', '', '', '1']);
  });
  it('crawler headers become hints', () => {
    const doc = readText('标题: 某某区2021年度政府信息公开工作年度报告\n发布时间: 2022-01-30 10:00\n发布机构: \n正文', src);
    expect(doc.hints).toEqual({ title: '某某区2021年度政府信息公开工作年度报告', published: '2022-01-30 10:00' });
  });
});
