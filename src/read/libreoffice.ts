/**
 * Converting legacy documents through LibreOffice headless. Each conversion gets its own profile
 * directory (two soffice processes sharing one wait on each other's lock, then fail); a fresh
 * profile costs no more than a reused one here (~2 s either way) and leaves nothing behind when
 * the process is killed. The number of conversions at once is capped, and each has a time limit
 * after which its whole process group is killed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class ConversionError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'ConversionError';
  }
}

/** The soffice executable ($GONGKAI_SOFFICE, else on PATH), or null when not installed. */
export function findSoffice(): string | null {
  const candidates = process.env.GONGKAI_SOFFICE ? [process.env.GONGKAI_SOFFICE] : [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) candidates.push(path.join(dir, 'soffice'), path.join(dir, 'libreoffice'));
  }
  // Looked up on every call (a few stat calls beside a conversion that takes a second), so an
  // installation made while a server runs is found without a restart.
  return candidates.find((f) => isExecutable(f)) ?? null;
}

function isExecutable(f: string): boolean {
  try {
    fs.accessSync(f, fs.constants.X_OK);
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
}

export interface ConvertOptions {
  /** Extension the input is given, which LibreOffice uses to pick its import filter ("doc"). */
  inputExtension: string;
  /** --convert-to argument, e.g. "docx:MS Word 2007 XML". */
  target: string;
  /** Extension of the file LibreOffice writes ("docx"). */
  outputExtension: string;
  timeoutMs?: number;
}

const slots = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
const freeSlots: number[] = Array.from({ length: slots }, (_, i) => i);
const waiting: ((slot: number) => void)[] = [];
let conversions = 0;

async function acquire(): Promise<number> {
  const slot = freeSlots.pop();
  if (slot !== undefined) return slot;
  return new Promise((resolve) => waiting.push(resolve));
}

function release(slot: number): void {
  const next = waiting.shift();
  if (next) next(slot);
  else freeSlots.push(slot);
}

export async function convertWithLibreOffice(bytes: Uint8Array, opts: ConvertOptions): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new ConversionError('soffice not found');
  const slot = await acquire();
  const work = path.join(os.tmpdir(), `gongkai-lo-${process.pid}-${++conversions}`);
  try {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true, mode: 0o700 });
    const profile = path.join(work, 'profile');
    const input = path.join(work, `input.${opts.inputExtension}`);
    const outDir = path.join(work, 'out');
    fs.writeFileSync(input, bytes);
    const args = [
      '--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to', opts.target, '--outdir', outDir, input,
    ];
    await run(soffice, args, opts.timeoutMs ?? 120_000);
    const output = path.join(outDir, `input.${opts.outputExtension}`);
    if (!fs.existsSync(output)) throw new ConversionError('LibreOffice wrote no output');
    return new Uint8Array(fs.readFileSync(output));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    release(slot);
  }
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout also ends the soffice.bin the wrapper script starts.
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ConversionError(e.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new ConversionError(`timed out after ${timeoutMs} ms`, true));
      else if (code !== 0) reject(new ConversionError(`soffice exited with ${code}: ${stderr.trim().slice(0, 300)}`));
      else resolve();
    });
  });
}
