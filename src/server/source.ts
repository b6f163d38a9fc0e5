/**
 * Serving a report's original bytes. Report HTML comes from thousands of websites: it must
 * never run in our origin, so it is always an attachment, never sniffed, and sandboxed.
 */
import type { FastifyReply } from 'fastify';
import { GongkaiError } from '../errors.js';
import { extension } from '../read/sniff.js';
import type { Store } from '../store/db.js';
import { getSourceFile } from '../store/reports.js';

const TYPES: Record<string, string> = {
  text: 'text/plain; charset=utf-8',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  gif: 'image/gif',
  bmp: 'image/bmp',
  rtf: 'application/rtf',
};

function contentType(format: string, name: string): string {
  if (format === 'ole') return extension(name) === 'xls' || extension(name) === 'et' ? 'application/vnd.ms-excel' : 'application/msword';
  // Text may be GBK: declaring UTF-8 would garble it, so only say "text".
  if (format === 'text') return 'text/plain';
  return TYPES[format] ?? 'application/octet-stream';
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name (Chinese file names are the rule here). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function sendSource(store: Store, reportId: number, reply: FastifyReply) {
  const file = await getSourceFile(store, reportId);
  if (!file) throw new GongkaiError('NOT_FOUND', `报告 ${reportId} 没有原始文件（可能为手工录入）`);
  return reply
    .header('content-type', contentType(file.format, file.name))
    .header('content-disposition', attachment(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, max-age=0')
    .send(Buffer.from(file.bytes));
}
