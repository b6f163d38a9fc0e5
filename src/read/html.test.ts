/**
 * Saved web pages: the encodings government sites use, reports laid out inside layout tables,
 * and page chrome that must not leak into the report.
 */
import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { diffReport, hasCorpus, loadExpected, sharedDir } from '../test/corpus.js';
import { readDocument } from './read.js';

const shanghai = hasCorpus ? fs.readFileSync(path.join(sharedDir, 'corpus', 'docs', 'shanghai-2019.html'), 'utf8') : '';
const page = (body: string, head = '<meta charset="utf-8">') => `<!DOCTYPE html><html><head>${head}<title>上海市人民政府办公厅2019年政府信息公开工作年度报告_中国上海</title></head><body>${body}</body></html>`;

describe.skipIf(!hasCorpus)('HTML pages as government sites publish them', () => {
  const expected = () => loadExpected('shanghai-2019');

  it('GBK with <meta charset="gb2312">', async () => {
    const bytes = iconv.encode(page(shanghai, '<meta charset="gb2312">'), 'gbk');
    const report = await parseReport(new Uint8Array(bytes), { name: 'gbk.html' });
    expect(report.meta.source.encoding).toBe('gb18030');
    expect(diffReport(report, expected())).toEqual([]);
  });

  it('GBK with an http-equiv declaration', async () => {
    const bytes = iconv.encode(page(shanghai, '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'), 'gbk');
    expect(diffReport(await parseReport(new Uint8Array(bytes), { name: 'gbk2.htm' }), expected())).toEqual([]);
  });

  it('GBK with no declaration at all, by the bytes', async () => {
    const bytes = iconv.encode(page(shanghai, ''), 'gbk');
    expect(diffReport(await parseReport(new Uint8Array(bytes), { name: 'plain.html' }), expected())).toEqual([]);
  });

  it('the report inside a layout table, with navigation, scripts and a footer around it', async () => {
    const wrapped = page(
      `<div class="top-nav"><a href="/">首页</a> 政务公开 一、总体情况 二、主动公开</div>` +
        `<script>var x = "三、收到和处理政府信息公开申请情况 1 2 3";</script>` +
        `<table width="100%"><tr><td class="side">栏目导航</td><td>${shanghai}</td></tr></table>` +
        `<div id="footer">主办单位：某某 版权所有 四、政府信息公开行政复议、行政诉讼情况</div>`,
    );
    const report = await parseReport(new TextEncoder().encode(wrapped), { name: 'layout.html' });
    expect(diffReport(report, expected())).toEqual([]);
    expect(report.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('the page title without the site name', async () => {
    const report = await parseReport(new TextEncoder().encode(page(shanghai)), { name: 't.html' });
    expect(report.meta.title).toBe('上海市人民政府办公厅2019年政府信息公开工作年度报告');
    expect(report.meta.agency).toBe('上海市人民政府办公厅');
  });

  it('cells keep their table, row and cell, and the source line and column', async () => {
    const doc = await readDocument(new TextEncoder().encode(shanghai), 'shanghai.html');
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(3);
    const t3 = tables[1]!;
    if (t3.kind !== 'table') throw new Error('table expected');
    // the 勾稽关系 header spans three columns and three rows
    expect(t3.rows[0]![0]).toMatchObject({ rowSpan: 3, colSpan: 3, gridColumn: 0 });
    expect(t3.rows[3]![1]).toMatchObject({ text: '821', gridColumn: 3, loc: { table: 1, row: 3, cell: 1, line: 1 } });
  });
});
