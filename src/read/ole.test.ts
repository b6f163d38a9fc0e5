import fs from 'node:fs';
import os from 'node:os';
import { CFB } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { diffReport, hasCorpus, loadExpected } from '../test/corpus.js';
import { DOCUMENTS, fixture } from './docx-testdata.js';
import { convertWithLibreOffice, findSoffice } from './libreoffice.js';
import { readDocument } from './read.js';

const hasSoffice = findSoffice() !== null;
if (!hasSoffice) console.warn('[gongkai tests] 找不到 LibreOffice（soffice）：跳过 DOC/WPS 转换测试（apt-get install libreoffice-writer-nogui）');

interface Entry {
  name: string;
  type: number;
  content: Uint8Array;
}

/** An OLE compound file holding the given streams. */
function oleOf(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, name, Buffer.from(data));
  return new Uint8Array(CFB.write(c, { type: 'buffer' }) as Buffer);
}

/** The DOC fixture with the FIB's fEncrypted bit set, as Word writes a password-protected DOC. */
function encryptedDoc(): Uint8Array {
  const c = CFB.read(Buffer.from(fixture('000_daa3a425bc8b9220.doc')), { type: 'buffer' });
  const word = (c.FileIndex as Entry[]).find((e) => e.name === 'WordDocument')!;
  const fib = Buffer.from(word.content);
  fib[11] = fib[11]! | 0x01;
  word.content = fib;
  return new Uint8Array(CFB.write(c, { type: 'buffer' }) as Buffer);
}

describe('OLE reader: what the container holds', () => {
  it('refuses a DOCX saved with a password (fixture encrypted.docx) as encrypted, in Chinese', async () => {
    await expect(readDocument(fixture('encrypted.docx'), '加密年报.docx')).rejects.toMatchObject({
      code: 'ENCRYPTED',
      message: 'Word 文件已加密（需要密码），无法读取',
    });
  });
  it('refuses a password-protected DOCX (EncryptedPackage) as encrypted, in Chinese', async () => {
    const enc = oleOf({ EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: new Uint8Array(64).fill(7) });
    await expect(readDocument(enc, '年报.docx')).rejects.toMatchObject({ code: 'ENCRYPTED', message: 'Word 文件已加密（需要密码），无法读取' });
    await expect(readDocument(enc, '年报.xlsx')).rejects.toMatchObject({ code: 'ENCRYPTED', message: expect.stringContaining('Excel') });
  });
  it('refuses an encrypted DOC before converting it', async () => {
    await expect(readDocument(encryptedDoc(), '年报.doc')).rejects.toMatchObject({ code: 'ENCRYPTED' });
  });
  it('refuses a broken compound file as corrupt', async () => {
    const bad = fixture('000_daa3a425bc8b9220.doc').slice(0, 1024);
    await expect(readDocument(bad, '年报.doc')).rejects.toMatchObject({ code: 'CORRUPT' });
  });
  it('does not guess at other OLE files', async () => {
    const ppt = oleOf({ 'PowerPoint Document': new Uint8Array(16) });
    await expect(readDocument(ppt, 'slides.ppt')).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });
  it('asks for LibreOffice by package name when it is missing', async () => {
    const saved = { path: process.env.PATH, soffice: process.env.GONGKAI_SOFFICE };
    process.env.PATH = '/nonexistent';
    delete process.env.GONGKAI_SOFFICE;
    try {
      await expect(readDocument(fixture('000_daa3a425bc8b9220.doc'), '年报.doc')).rejects.toMatchObject({
        code: 'MISSING_TOOL',
        message: expect.stringContaining('libreoffice-writer-nogui'),
      });
    } finally {
      process.env.PATH = saved.path;
      if (saved.soffice !== undefined) process.env.GONGKAI_SOFFICE = saved.soffice;
    }
  });
});

describe.skipIf(!hasCorpus)('XLS fixtures parse to the expected report', () => {
  for (const name of ['003_402b3c2303c427b2', 'shanghai-2019']) {
    it(name, async () => {
      const report = await parseReport(fixture(`${name}.xls`), { name: `${name}.xls` });
      expect(report.meta.source.format).toBe('ole');
      expect(diffReport(report, loadExpected(name))).toEqual([]);
      expect(report.provenance.requests?.['received.new']?.['natural']?.loc.sheet).toBe('Sheet1');
    });
  }
});

describe.skipIf(!hasCorpus || !hasSoffice)('DOC and WPS fixtures parse to the expected report (LibreOffice)', () => {
  // 004 has no DOC: its row-less tables exceed the 63 columns a Word 97 row can hold.
  for (const name of DOCUMENTS.filter((n) => !n.startsWith('004'))) {
    it(name, { timeout: 180_000 }, async () => {
      const report = await parseReport(fixture(`${name}.doc`), { name: `${name}.doc` });
      expect(report.meta.source.format).toBe('ole');
      expect(diffReport(report, loadExpected(name))).toEqual([]);
      expect(report.provenance.requests?.['received.new']?.['natural']?.loc.table).toBeTypeOf('number');
    });
  }
  it('a WPS file (Word binary format under .wps)', { timeout: 180_000 }, async () => {
    const name = '003_402b3c2303c427b2';
    const report = await parseReport(fixture(`${name}.doc`), { name: '佳东街道2020年报.wps' });
    expect(diffReport(report, loadExpected(name))).toEqual([]);
  });
  it('kills a conversion that runs out of time and leaves no files behind', { timeout: 60_000 }, async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`gongkai-lo-${process.pid}-`));
    const opts = { inputExtension: 'doc', target: 'docx:MS Word 2007 XML', outputExtension: 'docx', timeoutMs: 200 };
    await expect(convertWithLibreOffice(fixture('000_daa3a425bc8b9220.doc'), opts)).rejects.toMatchObject({ timedOut: true });
    const after = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`gongkai-lo-${process.pid}-`));
    expect(after).toEqual(before);
  });
  it('refuses a Word binary LibreOffice cannot open as corrupt', { timeout: 180_000 }, async () => {
    const junk = oleOf({ WordDocument: new Uint8Array(600).fill(0x40) });
    await expect(readDocument(junk, '坏.doc')).rejects.toMatchObject({ code: 'CORRUPT' });
  });
});
