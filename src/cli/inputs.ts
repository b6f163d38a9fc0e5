/**
 * What the user named on the command line → the files to read: plain files, directories
 * (walked for report files), glob patterns, "-" for standard input, and the entries of ZIP
 * archives. A name that matches nothing is reported, not ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { GongkaiError } from '../errors.js';

export interface InputFile {
  /** What to call it in messages: the path, or "archive.zip:entry.txt", or "<stdin>". */
  name: string;
  /** A path to read, or the bytes themselves (stdin, archive entries). */
  path?: string;
  bytes?: Uint8Array;
}

/** Extensions taken from directories; explicitly named files are read whatever their name. */
export const REPORT_EXTENSIONS = ['txt', 'text', 'html', 'htm', 'shtml', 'pdf', 'docx', 'doc', 'wps', 'xlsx', 'xls', 'et', 'zip', 'png', 'jpg', 'jpeg', 'tif', 'tiff'];

export async function resolveInputs(args: string[], readStdin: () => Promise<Uint8Array>): Promise<{ files: InputFile[]; missing: string[] }> {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const abs = path.resolve(p);
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push({ name: p, path: abs });
  };
  for (const arg of args) {
    if (arg === '-') {
      files.push({ name: '<stdin>', bytes: await readStdin() });
      continue;
    }
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const found = await glob(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, { cwd: arg, caseSensitiveMatch: false, dot: false, onlyFiles: true });
      found.sort().forEach((f) => add(path.join(arg, f)));
      continue;
    }
    if (stat?.isFile()) {
      add(arg);
      continue;
    }
    if (isDynamicPattern(arg)) {
      const found = await glob(arg, { onlyFiles: true, caseSensitiveMatch: false });
      if (found.length === 0) missing.push(arg);
      found.sort().forEach(add);
      continue;
    }
    missing.push(arg);
  }
  return { files, missing };
}

export async function readAllStdin(): Promise<Uint8Array> {
  if (process.stdin.isTTY) throw new GongkaiError('USAGE', '参数“-”表示从标准输入读取，但标准输入是终端：请用管道或重定向提供文件内容');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
