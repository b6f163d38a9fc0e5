/**
 * PDFs without a text layer (scans) → neutral document: pages rasterised by poppler's pdftoppm
 * (greyscale PGM, quick to write and to parse), then read by OCR. Locations are in PDF points,
 * like the text-layer reader's.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GongkaiError } from '../errors.js';
import type { NeutralDocument, SourceInfo } from './document.js';
import type { ReadLimits } from './limits.js';
import { ocrDocument } from './ocr.js';
import { decodePgm } from './raster.js';

/** Enough for the digits of a 9-pt table cell; higher costs time without reading more. */
export const RASTER_DPI = 200;

const MISSING_POPPLER = '读取扫描版 PDF 需要 poppler-utils（pdftoppm、pdfinfo）：请安装（Debian/Ubuntu：apt-get install poppler-utils）';

function poppler(tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reject(new GongkaiError('MISSING_TOOL', MISSING_POPPLER, `${tool} not found`));
      if (/incorrect password|encrypted/i.test(stderr)) return reject(new GongkaiError('ENCRYPTED', 'PDF 已加密，无法读取', stderr.trim()));
      reject(new GongkaiError('CORRUPT', 'PDF 文件已损坏，无法转换为图片', `${tool}: ${stderr.trim() || err.message}`));
    });
  });
}

export async function ocrPdf(bytes: Uint8Array, source: SourceInfo, limits: ReadLimits): Promise<NeutralDocument> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-pdf-'));
  try {
    const pdf = path.join(dir, 'in.pdf');
    await fs.writeFile(pdf, bytes);
    const info = await poppler('pdfinfo', [pdf]);
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    if (count === 0) throw new GongkaiError('CORRUPT', 'PDF 文件没有页面', 'pdfinfo: no pages');
    if (count > limits.maxPages) {
      throw new GongkaiError('TOO_LARGE', `PDF 页数过多（${count} 页），上限为 ${limits.maxPages} 页`, 'too many pages');
    }
    const prefix = path.join(dir, 'p');
    await poppler('pdftoppm', ['-r', String(RASTER_DPI), '-gray', pdf, prefix]);
    const files = (await fs.readdir(dir)).filter((f) => f.startsWith('p-') && f.endsWith('.pgm')).sort(byPageNumber);
    return await ocrDocument(
      {
        count: files.length,
        load: async (i) => decodePgm(await fs.readFile(path.join(dir, files[i]!)), RASTER_DPI),
        scale: (img) => 72 / img.dpi,
      },
      source,
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function byPageNumber(a: string, b: string): number {
  return Number(/(\d+)\.pgm$/.exec(a)?.[1]) - Number(/(\d+)\.pgm$/.exec(b)?.[1]);
}
