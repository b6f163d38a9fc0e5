/**
 * One input → its parsed reports (an archive holds many). Runs in worker threads for batches,
 * in the main thread for a single file. Every failure becomes a result with a code and a Chinese
 * message: one bad file never stops the others.
 */
import fs from 'node:fs/promises';
import { isGongkaiError } from '../errors.js';
import type { Report } from '../model/report.js';
import { parseReport } from '../parse.js';
import { unpackArchive } from '../read/archive.js';
import { DEFAULT_LIMITS, formatBytes } from '../read/limits.js';
import { sniffFormat } from '../read/sniff.js';
import type { InputFile } from './inputs.js';

export interface FileResult {
  name: string;
  report?: Report;
  error?: { code: string; message: string };
}

export async function processInput(input: InputFile): Promise<FileResult[]> {
  let bytes: Uint8Array;
  try {
    bytes = input.bytes ?? (await readLimited(input.path!));
  } catch (e) {
    return [{ name: input.name, error: toError(e) }];
  }
  if (sniffFormat(bytes, input.name) === 'zip') {
    try {
      const entries = await unpackArchive(bytes, input.name, DEFAULT_LIMITS);
      const out: FileResult[] = [];
      for (const entry of entries) out.push(await parseOne(`${input.name}:${entry.name}`, entry.bytes));
      return out;
    } catch (e) {
      return [{ name: input.name, error: toError(e) }];
    }
  }
  return [await parseOne(input.name, bytes)];
}

async function parseOne(name: string, bytes: Uint8Array): Promise<FileResult> {
  try {
    return { name, report: await parseReport(bytes, { name }) };
  } catch (e) {
    return { name, error: toError(e) };
  }
}

async function readLimited(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await fs.stat(path)).size;
  } catch {
    throw Object.assign(new Error(`找不到文件 ${path}`), { name: 'GongkaiError', code: 'NOT_FOUND' });
  }
  if (size > DEFAULT_LIMITS.maxBytes) {
    throw Object.assign(new Error(`文件过大（${formatBytes(size)}），上限为 ${formatBytes(DEFAULT_LIMITS.maxBytes)}`), { name: 'GongkaiError', code: 'TOO_LARGE' });
  }
  try {
    return new Uint8Array(await fs.readFile(path));
  } catch (e) {
    throw Object.assign(new Error(`无法读取文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`), { name: 'GongkaiError', code: 'CORRUPT' });
  }
}

function toError(e: unknown): { code: string; message: string } {
  if (isGongkaiError(e)) return { code: (e as { code: string }).code, message: (e as Error).message };
  // A bug in gongkai, not in the file: say so plainly, with the detail for a bug report.
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: `读取时发生内部错误（请报告此问题）：${msg}` };
}
