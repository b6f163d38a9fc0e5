import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { diffReport, hasCorpus, loadExpected } from '../test/corpus.js';
import { writeZip } from './archive-write.js';
import type { TableBlock } from './document.js';
import { readDocument } from './read.js';
import { DOCUMENTS, docxOf, fixture, W } from './docx-testdata.js';

const p = (text: string, pPr = '') => `<w:p>${pPr}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;

describe('DOCX reader: structure', () => {
  it('keeps merged cells once, with spans, in the row where they start', async () => {
    const body =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc('申请人情况', '<w:gridSpan w:val="2"/>')}${tc('总计', '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${tc('自然人')}${tc('法人')}${tc('', '<w:vMerge/>')}</w:tr>` +
      `<w:tr>${tc('1')}<w:tc><w:p/></w:tc>${tc('', '<w:vMerge/>')}</w:tr>` +
      '</w:tbl>';
    const doc = await readDocument(docxOf(body), 'a.docx');
    const t = doc.blocks[0] as TableBlock;
    expect(t.kind).toBe('table');
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([['申请人情况', '总计'], ['自然人', '法人'], ['1', '']]);
    expect(t.rows[0]![0]!.colSpan).toBe(2);
    expect(t.rows[0]![1]!.rowSpan).toBe(3);
    expect(t.rows[0]![1]!.gridColumn).toBe(2);
    expect(t.rows[2]![1]!.loc).toEqual({ table: 0, row: 2, cell: 1 });
  });

  it('reads text boxes once (not their VML fallback), nested tables and paragraphs in order', async () => {
    const box = '<w:txbxContent>' + p('框中文字') + '</w:txbxContent>';
    const body =
      p('标题') +
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>锚点段落</w:t></w:r></w:p>` +
      `<w:tbl><w:tr><w:tc>${p('外层')}<w:tbl><w:tr>${tc('内层A')}${tc('内层B')}</w:tr></w:tbl></w:tc></w:tr></w:tbl>` +
      `<w:p><w:r><w:t>删</w:t></w:r><w:del><w:r><w:delText>去掉的</w:delText></w:r></w:del><w:r><w:tab/><w:t>留</w:t></w:r></w:p>`;
    const doc = await readDocument(docxOf(body), 'b.docx');
    const flat = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : (b as TableBlock).rows.map((r) => r.map((c) => c.text).join('|')).join('/')));
    expect(flat).toEqual(['标题', '锚点段落', '框中文字', '外层', '内层A|内层B', '删\t留']);
    expect(doc.blocks[0]!.loc).toEqual({ line: 1 });
    expect(doc.blocks[4]!.loc).toEqual({ table: 0 });
  });

  it('draws automatic numbering as printed, counting in document order', async () => {
    const numbering =
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">` +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>' +
      '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const num = (lvl: number) => `<w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
    const body = p('总体情况', '<w:pPr><w:pStyle w:val="H1"/></w:pPr>') + p('主动公开', num(1)) + p('依申请公开', num(1)) + p('收到和处理', num(0)) + p('本年新收', num(1));
    const doc = await readDocument(docxOf(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }), 'c.docx');
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['一、总体情况', '（一）主动公开', '（二）依申请公开', '二、收到和处理', '（一）本年新收']);
  });

  it('decodes entities and character references, and finds tag ends past ">" in attribute values', async () => {
    const body = '<w:p><w:r w:rsid="a>b"><w:t>A&amp;B &#x4E00;&#20108; &lt;三&gt;</w:t></w:r><!-- 注释 --><w:r><w:t><![CDATA[<四>]]></w:t></w:r></w:p>';
    const doc = await readDocument(docxOf(body), 'e.docx');
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'A&B 一二 <三><四>', loc: { line: 1 } }]);
  });
  it('refuses unknown entities as not well-formed', async () => {
    await expect(readDocument(docxOf(p('&nbsp;')), 'x.docx')).rejects.toMatchObject({ code: 'CORRUPT' });
  });
});

describe('DOCX reader: bad input', () => {
  it('refuses a truncated file as corrupt', async () => {
    const good = fixture('000_daa3a425bc8b9220.docx');
    await expect(readDocument(good.subarray(0, good.length - 100), 'x.docx')).rejects.toMatchObject({ code: 'CORRUPT' });
  });
  it('refuses malformed XML as corrupt, in Chinese', async () => {
    const bad = docxOf('<w:p><w:r><w:t>未闭合</w:r></w:p>');
    await expect(readDocument(bad, 'x.docx')).rejects.toMatchObject({ code: 'CORRUPT', message: expect.stringContaining('Word 文件已损坏') });
  });
  it('refuses a package without a body as corrupt', async () => {
    const noBody = writeZip([{ name: 'word/styles.xml', data: '<w:styles/>' }]);
    await expect(readDocument(noBody, 'x.docx')).rejects.toMatchObject({ code: 'CORRUPT' });
  });
  it('refuses a body that inflates past the limits', async () => {
    const huge = '<w:p/>'.repeat(200_000);
    await expect(readDocument(docxOf(huge), 'x.docx', { limits: { maxUnpackedBytes: 100_000 } })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});

describe.skipIf(!hasCorpus)('DOCX fixtures parse to the expected report', () => {
  for (const name of DOCUMENTS) {
    it(name, async () => {
      const report = await parseReport(fixture(`${name}.docx`), { name: `${name}.docx` });
      expect(report.meta.source.format).toBe('docx');
      expect(diffReport(report, loadExpected(name))).toEqual([]);
      const prov = report.provenance.requests?.['received.new']?.['natural'];
      expect(prov?.loc.table).toBeTypeOf('number');
      expect(prov?.loc.row).toBeTypeOf('number');
      expect(prov?.loc.cell).toBeTypeOf('number');
    });
  }
});
