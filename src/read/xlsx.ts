/**
 * Spreadsheets (XLSX, and XLS handed over by the OLE reader) → neutral document, through SheetJS
 * as republished by @e965/xlsx (the npm `xlsx` 0.18.5 has known CVEs). The library is loaded on
 * first use: most runs never see a spreadsheet.
 */
import type { WorkBook } from '@e965/xlsx';
import { GongkaiError } from '../errors.js';
import { listZip, readEntry, ZipError } from './archive-zip.js';
import type { NeutralDocument, SourceInfo } from './document.js';
import { formatBytes, type ReadLimits } from './limits.js';
import type { Reader } from './read.js';
import { workbookBlocks } from './xlsx-sheets.js';

export const readXlsx: Reader = async (bytes, source, limits) => {
  checkPackage(bytes, limits);
  return readWorkbook(bytes, source);
};

/** Any workbook SheetJS reads (XLSX, XLS, ET). */
export async function readWorkbook(bytes: Uint8Array, source: SourceInfo): Promise<NeutralDocument> {
  const XLSX = await import('@e965/xlsx');
  let wb: WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(why)) throw new GongkaiError('ENCRYPTED', 'Excel 文件已加密（需要密码），无法读取', why);
    throw new GongkaiError('CORRUPT', `Excel 文件已损坏：${why}`, `corrupt workbook: ${why}`);
  }
  return { source, blocks: workbookBlocks(wb), hints: {} };
}

/**
 * SheetJS inflates every part it wants without a budget, so the package is first inflated
 * here under the limits: a bomb disguised as .xlsx is refused before SheetJS sees it.
 */
function checkPackage(bytes: Uint8Array, limits: ReadLimits): void {
  try {
    const budget = { remaining: limits.maxUnpackedBytes, maxRatio: limits.maxRatio };
    for (const e of listZip(bytes)) readEntry(bytes, e, budget);
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    if (e.problem === 'encrypted') throw new GongkaiError('ENCRYPTED', 'Excel 文件已加密（需要密码），无法读取', 'encrypted xlsx entry');
    if (e.problem === 'limit') {
      throw new GongkaiError('TOO_LARGE', `Excel 文件解压后过大：${e.message}（上限 ${formatBytes(limits.maxUnpackedBytes)}）`, 'xlsx exceeds unpack limits');
    }
    throw new GongkaiError('CORRUPT', `Excel 文件已损坏：${e.message}`, `corrupt xlsx: ${e.message}`);
  }
}
