/**
 * OCR speed over the scan fixtures: seconds per page, wall clock and per core (wall × cores /
 * pages), and CPU seconds per page (ours plus tesseract's, from /proc: on a machine shared with
 * other work the wall clock overstates the cost). A long image (a "long screenshot" of several
 * pages) counts as as many A4 pages as its height holds, so its figures compare with a PDF's.
 * Figures only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../extract/extract.js';
import { ocrAvailable } from '../read/ocr-available.js';
import { readDocument } from '../read/read.js';
import { decodeJpeg, decodePng } from '../read/raster.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../test-fixtures/scan');

export async function run(): Promise<void> {
  if (!ocrAvailable()) {
    console.log('ocr: 未安装 tesseract-ocr / tesseract-ocr-chi-sim，跳过');
    return;
  }
  if (!fs.existsSync(fixtures)) {
    console.log(`ocr: 没有找到测试文件目录 ${fixtures}，跳过`);
    return;
  }
  const files = fs.readdirSync(fixtures).filter((f) => /\.scan\.(pdf|png|jpe?g|tiff?)$/.test(f));
  const cores = os.availableParallelism();
  let pages = 0;
  let total = 0;
  let cpuTotal = 0;
  for (const f of files) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(fixtures, f)));
    const c0 = cpuSeconds();
    const t0 = process.hrtime.bigint();
    const doc = await readDocument(bytes, f);
    extractReport(doc);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = cpuSeconds() - c0;
    cpuTotal += cpu;
    const n = Math.max(1, ...doc.blocks.map((b) => b.loc.page ?? 1), a4Pages(f, bytes));
    pages += n;
    total += s;
    console.log(`ocr: ${f}  ${n} 页  ${s.toFixed(1)} s  ${(s / n).toFixed(2)} s/页  ${((s * cores) / n).toFixed(2)} s/页/核  CPU ${(cpu / n).toFixed(2)} s/页`);
  }
  console.log(`ocr: 合计 ${pages} 页  ${(total / pages).toFixed(2)} s/页（墙钟）  ${((total * cores) / pages).toFixed(2)} s/页/核（${cores} 核，目标 ≤3）  CPU ${(cpuTotal / pages).toFixed(2)} s/页  负载 ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

/** A4 pages one long PNG/JPEG holds (1 for other files): height over an A4 page's at its width. */
function a4Pages(file: string, bytes: Uint8Array): number {
  const decode = /\.png$/i.test(file) ? decodePng : /\.jpe?g$/i.test(file) ? decodeJpeg : null;
  if (!decode) return 1;
  const [img] = decode(bytes);
  return img ? Math.max(1, Math.round(img.height / ((img.width * 297) / 210))) : 1;
}

/** User + system time of this process and its finished children (tesseract), where /proc has it. */
function cpuSeconds(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14–17 of stat (utime, stime, cutime, cstime), counted from the state field (3)
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0);
    return ticks / 100;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
}
