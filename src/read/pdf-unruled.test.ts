import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test/corpus.js';
import type { TableBlock } from './document.js';
import { readDocument } from './read.js';
import type { TextRun } from './pdf-text.js';
import { unruledTables } from './pdf-unruled.js';

const run = (text: string, x0: number, y0: number, size = 10): TextRun => ({ text, x0, x1: x0 + [...text].length * size * (/^[\d,]+$/.test(text) ? 0.55 : 1), y0, y1: y0 + size, size });
const texts = (rows: { text: string }[][]) => rows.map((r) => r.map((c) => c.text));

describe('tables without ruling lines', () => {
  it('keeps blank cells, joins a label wrapped beside its numbers, finds a column blank in every row', () => {
    const runs = [
      run('三、收到和处理政府信息公开申请情况', 50, 80),
      // header: the middle column ("社会组织") has no number anywhere below it
      run('申请人情况', 60, 100),
      run('自然人', 200, 100),
      run('社会', 260, 95),
      run('组织', 260, 108),
      run('总计', 320, 100),
      run('一、本年新收申请数量', 60, 130),
      run('12', 205, 130),
      run('12', 322, 130),
      // a label over two lines, its numbers set between them (vertically centred)
      run('二、上年结转政府信息', 60, 150),
      run('3', 207, 158),
      run('3', 324, 158),
      run('公开申请数量', 60, 166),
      // a label with no number beside it: a row of blanks
      run('三、本年度办理结果', 60, 190),
      run('（一）予以公开', 60, 210),
      run('9', 207, 210),
      run('9', 324, 210),
      run('- 1 -', 230, 780),
    ];
    const { tables, rest } = unruledTables(1, 842, runs);
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]!.rows)).toEqual([
      ['申请人情况', '自然人', '社会组织', '总计'],
      ['一、本年新收申请数量', '12', '', '12'],
      ['二、上年结转政府信息公开申请数量', '3', '', '3'],
      ['三、本年度办理结果', '', '', ''],
      ['（一）予以公开', '9', '', '9'],
    ]);
    // the heading above and the page number stay outside the table
    expect(rest.map((r) => r.text).sort()).toEqual(['- 1 -', '三、收到和处理政府信息公开申请情况']);
  });

  it('leaves prose alone', () => {
    const runs = [run('本年度共受理申请 12 件，比上年增加 3 件，均已按期答复。这是一个很长的句子用来占满整行。', 50, 100), run('下一段。', 70, 118)];
    expect(unruledTables(1, 842, runs).tables).toEqual([]);
  });

  it('a borderless PDF: 表三 runs on to the next page with no header and stays one table', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(repoRoot, 'test-fixtures', 'pdf', 'shanghai-2019.borderless.pdf')));
    const doc = await readDocument(bytes, 'x.pdf');
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const requests = tables.find((t) => t.rows.some((r) => r.some((c) => c.text.includes('本年新收'))))!;
    expect(new Set(requests.rows.flat().map((c) => c.loc.page)).size).toBe(2);
    const row = (label: string) => texts(requests.rows).find((r) => r.some((c) => c.startsWith(label)));
    expect(row('一、本年新收')).toEqual([expect.stringContaining('本年新收'), '821', '35', '', '', '2', '1', '859']);
    // wrapped over three lines, beside one number
    expect(row('(二)部分公开')).toEqual(['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '3', '', '', '', '', '', '']);
    expect(row('2.其他法律行政法规')).toEqual(['2.其他法律行政法规禁止公开', '', '', '', '', '', '', '']);
    // rows from the second page, re-cut to the first page's seven columns
    expect(row('(七)总计')).toEqual(['(七)总计', '767', '35', '', '', '2', '1', '805']);
    for (const r of requests.rows) for (const c of r) expect(c.loc.bbox).toHaveLength(4);
  });
});
