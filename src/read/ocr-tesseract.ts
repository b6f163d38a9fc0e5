/**
 * Running the tesseract command: one process per page or per batch of cells, never through a
 * shell, each limited to one OpenMP thread (tesseract's own threading is six times slower on a
 * busy machine than one thread per process), as many processes at once as there are cores.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import { GongkaiError } from '../errors.js';

export const MISSING_OCR_MESSAGE =
  '读取扫描件需要 OCR：请安装 tesseract-ocr 和 tesseract-ocr-chi-sim（Debian/Ubuntu：apt-get install tesseract-ocr tesseract-ocr-chi-sim）';

export interface OcrWord {
  /** 1-based image number within one run (one per line of a list file). */
  image: number;
  block: number;
  par: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–100, as tesseract gives it. */
  conf: number;
  text: string;
}

const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
const MAX_OUTPUT = 64 * 1024 * 1024;

/** Processes running now, across every document being read; the rest wait their turn. */
let running = 0;
const waiting: (() => void)[] = [];

async function run(args: string[]): Promise<string> {
  if (running >= cores()) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await spawnTesseract(args);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function spawnTesseract(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('tesseract', args, { env, maxBuffer: MAX_OUTPUT, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') reject(new GongkaiError('MISSING_TOOL', MISSING_OCR_MESSAGE, 'tesseract not found'));
        else reject(new GongkaiError('CORRUPT', '图片无法识别（OCR 失败）', `tesseract failed: ${stderr || err.message}`));
        return;
      }
      resolve(stdout);
    });
  });
}

let languages: Promise<Set<string>> | null = null;

/** Throws MISSING_TOOL unless tesseract and the languages needed are installed. */
export async function requireTesseract(needed: readonly string[] = ['chi_sim', 'eng']): Promise<void> {
  languages ??= run(['--list-langs']).then((out) => new Set(out.split('\n').slice(1).map((l) => l.trim()).filter(Boolean)));
  let have: Set<string>;
  try {
    have = await languages;
  } catch (e) {
    languages = null;
    throw e instanceof GongkaiError && e.code === 'MISSING_TOOL' ? e : new GongkaiError('MISSING_TOOL', MISSING_OCR_MESSAGE, String(e));
  }
  const missing = needed.filter((l) => !have.has(l));
  if (missing.length > 0) throw new GongkaiError('MISSING_TOOL', MISSING_OCR_MESSAGE, `tesseract languages missing: ${missing.join(', ')}`);
}

export interface TesseractOptions {
  lang: string;
  psm: number;
  dpi: number;
  whitelist?: string;
  /**
   * Whether to try each unsure line again inverted (light text on dark): tesseract's default,
   * useless on a cell cropped to its dark ink, and a tenth of the time of a cell pass.
   */
  invert?: boolean;
}

/**
 * OCR one image file, or a list file naming several (one process, the model loaded once),
 * and return the recognised words.
 */
export async function tesseractWords(input: string, o: TesseractOptions): Promise<OcrWord[]> {
  const args = [input, '-', '-l', o.lang, '--psm', String(o.psm), '--dpi', String(o.dpi)];
  if (o.whitelist) args.push('-c', `tessedit_char_whitelist=${o.whitelist}`);
  if (o.invert === false) args.push('-c', 'tessedit_do_invert=0');
  args.push('tsv');
  const t0 = performance.now();
  const out = parseTsv(await run(args));
  if (process.env.GONGKAI_OCR_TRACE) console.error(`[ocr] ${o.lang} psm${o.psm} ${input.split('/').pop()} ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
}

export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').trim();
    if (text === '') continue;
    words.push({
      image: Number(f[1]),
      block: Number(f[2]),
      par: Number(f[3]),
      line: Number(f[4]),
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf: Math.max(0, Number(f[10])),
      text,
    });
  }
  return words;
}

export function cores(): number {
  return Math.max(1, os.availableParallelism());
}
