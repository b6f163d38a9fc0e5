import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { diffReport, hasCorpus, loadExpected } from '../test/corpus.js';
import { unpackArchive } from './archive.js';
import { writeZip } from './archive-write.js';
import { fixture } from './docx-testdata.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

const limits = (over: Partial<ReadLimits> = {}): ReadLimits => ({ ...DEFAULT_LIMITS, ...over });
/** 年报.docx in GBK (Node decodes GBK but cannot encode it). */
const GBK_NAME = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8, 0x2e, 0x64, 0x6f, 0x63, 0x78]);

/**
 * `total` zero bytes as one raw deflate stream, built from one flushed 1 MB block repeated, so
 * the test never holds the bomb it makes. Back-references stay within each block, so the blocks
 * can follow one another; a final empty block ends the stream.
 */
function deflatedZeros(total: number): Uint8Array {
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  for (let n = 0; n < total; n += 1 << 20) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00]));
  return new Uint8Array(Buffer.concat(parts));
}

describe('ZIP batches', () => {
  it('lists a batch: GBK names decoded, clutter skipped, a nested zip opened', async () => {
    const entries = await unpackArchive(fixture('batch.zip'), 'batch.zip', limits());
    expect(entries.map((e) => e.name)).toEqual([
      '报告/东风区2021年政府信息公开工作年度报告.docx',
      '上海市2019年报.xlsx',
      '分局报告.zip/内层/001_43d6c315cbc0f57d.docx',
      '分局报告.zip/003_402b3c2303c427b2.xls',
    ]);
  });

  it.skipIf(!hasCorpus)('every report in the batch parses to its expected values', async () => {
    const expectedFor: Record<string, string> = {
      '报告/东风区2021年政府信息公开工作年度报告.docx': '000_daa3a425bc8b9220',
      '上海市2019年报.xlsx': 'shanghai-2019',
      '分局报告.zip/内层/001_43d6c315cbc0f57d.docx': '001_43d6c315cbc0f57d',
      '分局报告.zip/003_402b3c2303c427b2.xls': '003_402b3c2303c427b2',
    };
    for (const e of await unpackArchive(fixture('batch.zip'), 'batch.zip', limits())) {
      const report = await parseReport(e.bytes, { name: e.name });
      expect(diffReport(report, loadExpected(expectedFor[e.name]!)), e.name).toEqual([]);
    }
  });

  it('decodes a GBK name written without the UTF-8 flag', async () => {
    const zip = writeZip([{ name: GBK_NAME, data: 'x' }]);
    expect((await unpackArchive(zip, 'a.zip', limits())).map((e) => e.name)).toEqual(['年报.docx']);
  });

  it('opens nested zips one level deep only', async () => {
    const inner = writeZip([{ name: 'deep.txt', data: '最里层' }]);
    const middle = writeZip([{ name: 'inner.zip', data: inner }, { name: 'b.txt', data: '中间' }]);
    const outer = writeZip([{ name: 'middle.zip', data: middle }, { name: 'a.txt', data: '外层' }]);
    const entries = await unpackArchive(outer, 'outer.zip', limits());
    expect(entries.map((e) => e.name)).toEqual(['middle.zip/inner.zip', 'middle.zip/b.txt', 'a.txt']);
  });

  it('refuses a zip bomb from its declared size, before inflating', async () => {
    const bomb = writeZip([{ name: 'bomb.txt', data: '', compressed: deflatedZeros(64 << 20), declaredSize: 64 << 20, crc32: 0 }]);
    const before = process.memoryUsage().rss;
    await expect(unpackArchive(bomb, 'bomb.zip', limits())).rejects.toMatchObject({ code: 'ARCHIVE_LIMIT', message: expect.stringContaining('压缩包超出限制') });
    expect(process.memoryUsage().rss - before).toBeLessThan(32 << 20);
  });

  it('refuses a bomb whose headers lie, while inflating, without holding it in memory', async () => {
    const total = 1 << 30;
    const bomb = writeZip([{ name: '报告.docx', data: '', compressed: deflatedZeros(total), declaredSize: 1000, crc32: 0 }]);
    const before = process.memoryUsage().rss;
    await expect(unpackArchive(bomb, 'bomb.zip', limits())).rejects.toMatchObject({ code: 'ARCHIVE_LIMIT' });
    // zlib stops one byte past the declared 1000 bytes, far short of 1 GB.
    expect(process.memoryUsage().rss - before).toBeLessThan(32 << 20);
  });

  it('enforces the unpacked total across nested archives and the number of entries', async () => {
    await expect(unpackArchive(fixture('batch.zip'), 'batch.zip', limits({ maxUnpackedBytes: 40_000 }))).rejects.toMatchObject({ code: 'ARCHIVE_LIMIT' });
    await expect(unpackArchive(fixture('batch.zip'), 'batch.zip', limits({ maxEntries: 2 }))).rejects.toMatchObject({ code: 'ARCHIVE_LIMIT' });
  });

  it('refuses encrypted entries', async () => {
    const zip = writeZip([{ name: '年报.docx', data: 'secret', encryptedFlag: true }]);
    await expect(unpackArchive(zip, 'a.zip', limits())).rejects.toMatchObject({ code: 'ENCRYPTED' });
  });

  it('refuses truncated archives and bad checksums as corrupt', async () => {
    const good = fixture('batch.zip');
    await expect(unpackArchive(good.subarray(0, good.length - 30), 'a.zip', limits())).rejects.toMatchObject({ code: 'CORRUPT' });
    const badCrc = writeZip([{ name: 'a.txt', data: 'hello', crc32: 12345 }]);
    await expect(unpackArchive(badCrc, 'a.zip', limits())).rejects.toMatchObject({ code: 'CORRUPT' });
  });
});
