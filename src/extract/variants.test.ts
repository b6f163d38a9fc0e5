/**
 * The corpus seeds re-encoded and re-spelled the ways other copies of the same reports come:
 * GBK, UTF-16, CRLF, full-width digits, letter-spaced labels. Each must give the same cells.
 */
import iconv from 'iconv-lite';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { corpusDocuments, diffReport, hasCorpus, loadExpected } from '../test/corpus.js';

const seeds = corpusDocuments().filter((d) => d.file.endsWith('.txt'));

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const SPACED = (s: string) => s.replace(/本年新收政府信息公开申请数量/g, '本 年 新 收 政 府 信 息 公 开 申 请 数 量').replace(/结转下年度继续办理/g, '结转下年度\n继续办理');
const KANGXI = (s: string) => s.replace(/一/g, '\u2f00');

const variants: [string, (text: string) => Uint8Array][] = [
  // GBK has no no-break space: a GBK export writes a plain space where UTF-8 text has U+00A0
  ['GBK', (t) => iconv.encode(t.replace(/\u00a0/g, ' '), 'gbk')],
  ['UTF-16LE with BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16le')])],
  ['CRLF line ends', (t) => Buffer.from(t.replace(/\n/g, '\r\n'))],
  ['full-width digits', (t) => Buffer.from(FULL_WIDTH(t))],
  ['letter-spaced and wrapped labels', (t) => Buffer.from(SPACED(t))],
  ['Kangxi radical look-alikes', (t) => Buffer.from(KANGXI(t))],
];

describe.skipIf(!hasCorpus)('the same reports in other encodings and spellings', () => {
  for (const doc of seeds) {
    const text = fs.readFileSync(doc.file, 'utf8');
    for (const [name, make] of variants) {
      if (name === 'GBK' && /[^\u0000-\uffff]/u.test(text)) continue;
      it(`${doc.name}: ${name}`, async () => {
        const report = await parseReport(new Uint8Array(make(text)), { name: `${doc.name}.txt` });
        expect(diffReport(report, loadExpected(doc.name))).toEqual([]);
      });
    }
  }
});
