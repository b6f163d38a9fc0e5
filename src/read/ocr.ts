/**
 * Scanned pages → neutral document: each page read by `ocrPage`, pages in order, a few at a
 * time (tesseract processes are limited to the number of cores in any case; this bounds the
 * decoded pages held in memory).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Block, NeutralDocument, SourceInfo } from './document.js';
import { ocrPage } from './ocr-page.js';
import { cores, requireTesseract } from './ocr-tesseract.js';
import type { GrayImage } from './raster.js';

export interface ScannedPages {
  count: number;
  /** Decodes page `i` (0-based) when it is its turn. */
  load(i: number): Promise<GrayImage>;
  /** Pixel → location units: 72/dpi where locations are PDF points, 1 for image pixels. */
  scale(img: GrayImage): number;
}

export async function ocrDocument(pages: ScannedPages, source: SourceInfo): Promise<NeutralDocument> {
  await requireTesseract();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-ocr-'));
  try {
    const perPage: Block[][] = new Array<Block[]>(pages.count);
    let next = 0;
    const worker = async () => {
      while (next < pages.count) {
        const i = next++;
        const img = await pages.load(i);
        perPage[i] = await ocrPage(img, { page: i + 1, scale: pages.scale(img), dir });
      }
    };
    await Promise.all(Array.from({ length: Math.min(cores(), pages.count) }, worker));
    const blocks = perPage.flat();
    let table = 0;
    for (const b of blocks) {
      if (b.kind !== 'table') continue;
      b.loc.table = table;
      for (const row of b.rows) for (const cell of row) cell.loc.table = table;
      table++;
    }
    return { source, blocks, hints: {} };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
