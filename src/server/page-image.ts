/**
 * A page of a report's original as a PNG, so the workbench can draw the box of a value on it.
 * PDFs (text layer or scanned) are rendered by poppler's pdftoppm at a fixed resolution; PNG and
 * JPEG originals are their own page. Boxes are in PDF points for PDFs and pixels for images, so
 * the image's pixels per box unit is fixed too: PAGE_DPI / 72 for PDFs, 1 for images.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyReply } from 'fastify';
import { GongkaiError } from '../errors.js';
import type { Store } from '../store/db.js';
import { getSourceFile } from '../store/reports.js';

const run = promisify(execFile);
export const PAGE_DPI = 96;

export async function sendPageImage(store: Store, reportId: number, page: number, reply: FastifyReply) {
  const file = await getSourceFile(store, reportId);
  if (!file) throw new GongkaiError('NOT_FOUND', `报告 ${reportId} 没有原始文件`);
  const send = (png: Buffer, type: string, scale: number) =>
    reply
      .header('content-type', type)
      .header('x-gongkai-scale', String(scale))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .send(png);
  if ((file.format === 'png' || file.format === 'jpeg') && page === 1) {
    return send(Buffer.from(file.bytes), file.format === 'png' ? 'image/png' : 'image/jpeg', 1);
  }
  if (file.format !== 'pdf') throw new GongkaiError('NOT_FOUND', '此格式的原文没有页面图像');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-page-'));
  try {
    const pdf = path.join(dir, 'source.pdf');
    await fs.writeFile(pdf, file.bytes);
    try {
      await run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(PAGE_DPI), '-png', '-singlefile', pdf, path.join(dir, 'page')], { timeout: 30_000 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new GongkaiError('MISSING_TOOL', '生成页面图像需要 poppler-utils（apt-get install poppler-utils）');
      throw new GongkaiError('NOT_FOUND', `原文没有第 ${page} 页，或该页无法渲染`);
    }
    return send(await fs.readFile(path.join(dir, 'page.png')), 'image/png', PAGE_DPI / 72);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
