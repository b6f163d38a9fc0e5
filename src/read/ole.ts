/**
 * Legacy binary Office/WPS files → neutral document. The OLE directory says what the file is:
 * Word and WPS documents go through LibreOffice to DOCX and are read as DOCX (provenance then
 * counts tables and paragraphs as Word shows them); Excel workbooks SheetJS reads itself; a
 * password-protected DOCX/XLSX is an OLE file too, and is refused as encrypted.
 */
import { GongkaiError } from '../errors.js';
import { readDocx } from './docx.js';
import { convertWithLibreOffice, ConversionError, findSoffice } from './libreoffice.js';
import { inspectOle, type OleInfo } from './ole-kind.js';
import type { Reader } from './read.js';
import { extension } from './sniff.js';
import { readWorkbook } from './xlsx.js';

const EXCEL_EXTENSIONS = new Set(['xls', 'xlsx', 'xlsm', 'et', 'ett']);

export const readOle: Reader = async (bytes, source, limits) => {
  let info: OleInfo;
  try {
    info = await inspectOle(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GongkaiError('CORRUPT', `文件已损坏：无法读取 DOC/XLS/WPS 文件的内部目录（${why}）`, `corrupt OLE: ${why}`);
  }
  switch (info.kind) {
    case 'encrypted-ooxml':
      if (EXCEL_EXTENSIONS.has(extension(source.name))) {
        throw new GongkaiError('ENCRYPTED', 'Excel 文件已加密（需要密码），无法读取', 'encrypted OOXML package');
      }
      throw new GongkaiError('ENCRYPTED', 'Word 文件已加密（需要密码），无法读取', 'encrypted OOXML package');
    case 'excel':
      return readWorkbook(bytes, source);
    case 'word': {
      if (info.encrypted) throw new GongkaiError('ENCRYPTED', 'Word 文件已加密（需要密码），无法读取', 'encrypted Word binary');
      const docx = await toDocx(bytes);
      return readDocx(docx, source, limits);
    }
    default:
      throw new GongkaiError(
        'UNSUPPORTED_FORMAT',
        `暂不支持读取此类旧版 Office 文件（内含：${info.streams.slice(0, 5).join('、') || '无'}）`,
        'OLE file is neither Word nor Excel',
      );
  }
};

async function toDocx(bytes: Uint8Array): Promise<Uint8Array> {
  if (!findSoffice()) {
    throw new GongkaiError(
      'MISSING_TOOL',
      '读取 DOC/WPS 文件需要 LibreOffice：请安装 libreoffice-writer-nogui（Debian/Ubuntu：apt-get install libreoffice-writer-nogui）',
      'soffice not found',
    );
  }
  try {
    // Kingsoft WPS writes its .wps files in Word's binary format, so both go in as .doc.
    return await convertWithLibreOffice(bytes, { inputExtension: 'doc', target: 'docx:MS Word 2007 XML', outputExtension: 'docx' });
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    if (e.timedOut) throw new GongkaiError('CORRUPT', 'Word 文件无法转换：LibreOffice 转换超时（文件可能已损坏或过于复杂）', e.message);
    throw new GongkaiError('CORRUPT', 'Word 文件已损坏：LibreOffice 无法打开此文件', e.message);
  }
}
