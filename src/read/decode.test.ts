import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';

const SAMPLE = '二、上年结转政府信息公开申请数量\t０\t0\n三、本年度办理结果（一）予以公开';

describe('decodeText detects the encoding', () => {
  it('UTF-8 without BOM', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toMatchObject({ text: SAMPLE, encoding: 'utf-8', bom: false });
  });
  it('UTF-8 with BOM', () => {
    const b = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeText(b)).toMatchObject({ text: SAMPLE, encoding: 'utf-8', bom: true });
  });
  it('GBK and GB18030 without declaration', () => {
    expect(decodeText(iconv.encode(SAMPLE, 'gbk'))).toMatchObject({ text: SAMPLE, encoding: 'gb18030' });
    expect(decodeText(iconv.encode(SAMPLE, 'gb18030'))).toMatchObject({ text: SAMPLE, encoding: 'gb18030' });
  });
  it('UTF-16 LE and BE, with and without BOM', () => {
    const SAMPLE = '一、本年新收政府信息公开申请数量\t12\t0\t0\t1\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\n';
    expect(decodeText(iconv.encode(SAMPLE, 'utf16le'))).toMatchObject({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...iconv.encode(SAMPLE, 'utf16le')]))).toMatchObject({ text: SAMPLE, bom: true });
    expect(decodeText(iconv.encode(SAMPLE, 'utf16be'))).toMatchObject({ text: SAMPLE, encoding: 'utf-16be' });
  });
  it('refuses empty input, binary data and broken UTF-8 with specific messages', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(/文件为空/);
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x00, 0x00, 0x13, 0x00, 0x08]))).toThrow(/二进制/);
    const broken = new TextEncoder().encode('ab' + SAMPLE.repeat(20));
    broken[1] = 0xff;
    expect(() => decodeText(broken)).toThrow(/不是有效的 UTF-8 文本：第 2 字节/);
  });
});
