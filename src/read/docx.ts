/**
 * DOCX → neutral document, read straight from word/document.xml (about 2.5× faster than going
 * through mammoth's HTML, and it keeps text boxes and automatic numbering that HTML would lose).
 * Cells are located as { table, row, cell } (0-based, physical); paragraphs by their 1-based
 * paragraph number in `line`.
 */
import { GongkaiError } from '../errors.js';
import { ZipError } from './archive-zip.js';
import { readBody, type BodyOptions } from './docx-body.js';
import { numberingLabeler, styleNumbering } from './docx-numbering.js';
import { OoxmlPackage } from './docx-parts.js';
import { formatBytes } from './limits.js';
import type { Reader } from './read.js';

export const readDocx: Reader = (bytes, source, limits) => {
  try {
    const pkg = new OoxmlPackage(bytes, limits);
    const main = pkg.mainPart('word/document.xml');
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const xml = pkg.text(main)!;
    const opts: BodyOptions = {};
    const numbering = pkg.text(`${dir}numbering.xml`);
    if (numbering) opts.label = numberingLabeler(numbering);
    // Styles matter only for numbering, so they are read only when the document has lists.
    const styles = numbering ? pkg.text(`${dir}styles.xml`) : undefined;
    if (styles) opts.styleNumbering = styleNumbering(styles);
    return { source, blocks: readBody(xml, opts), hints: {} };
  } catch (e) {
    throw docxError(e, limits.maxUnpackedBytes);
  }
};

function docxError(e: unknown, maxUnpacked: number): unknown {
  if (e instanceof GongkaiError) return e;
  if (e instanceof ZipError) {
    switch (e.problem) {
      case 'encrypted':
        return new GongkaiError('ENCRYPTED', 'Word 文件已加密（需要密码），无法读取', 'encrypted docx entry');
      case 'limit':
        return new GongkaiError('TOO_LARGE', `Word 文件解压后过大：${e.message}（上限 ${formatBytes(maxUnpacked)}）`, 'docx exceeds unpack limits');
      default:
        return new GongkaiError('CORRUPT', `Word 文件已损坏：${e.message}`, `corrupt docx: ${e.message}`);
    }
  }
  const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new GongkaiError('CORRUPT', `Word 文件已损坏：正文 XML 无法解析（${why}）`, `corrupt docx xml: ${why}`);
}
