/**
 * Scanned pages → neutral document: pages read a chunk at a time by `ocrPages` (each tesseract
 * model loaded once per pass for the whole chunk), the next chunk decoded and prepared while
 * the current one is read; the chunk size bounds the decoded pages held in memory.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Block, NeutralDocument, SourceInfo } from './document.js';
import { ocrPages, preparePage, type PreparedPage } from './ocr-page.js';
import { requireTesseract } from './ocr-tesseract.js';
import type { GrayImage } from './raster.js';

export interface ScannedPages {
  count: number;
  /** Decodes page `i` (0-based) when it is its turn. */
  load(i: number): Promise<GrayImage>;
  /** Pixel → location units: 72/dpi where locations are PDF points, 1 for image pixels. */
  scale(img: GrayImage): number;
}

/**
 * Pages read together: up to a report's usual length, and up to this many pixels (three bytes
 * each are held per page: rules painted out, ink, prose), about 100 MB: eight A4 pages at
 * 200 dpi, three at 300 dpi, one at 600 dpi.
 */
const CHUNK_PAGES = 8;
const CHUNK_PIXELS = 32_000_000;

export async function ocrDocument(pages: ScannedPages, source: SourceInfo): Promise<NeutralDocument> {
  await requireTesseract();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-ocr-'));
  try {
    const perPage: Block[][] = [];
    let reading: Promise<void> = Promise.resolve();
    for (let i = 0; i < pages.count; ) {
      const chunk: PreparedPage[] = [];
      let pixels = 0;
      while (i < pages.count && chunk.length < CHUNK_PAGES && (chunk.length === 0 || pixels < CHUNK_PIXELS)) {
        const img = await pages.load(i);
        pixels += img.width * img.height;
        chunk.push(preparePage(img, { page: i + 1, scale: pages.scale(img), dir }));
        i++;
      }
      await reading;
      reading = ocrPages(chunk, dir).then((blocks) => void perPage.push(...blocks));
      // Awaited below; this only keeps a failure from going unhandled if preparing the next chunk throws first.
      reading.catch(() => undefined);
    }
    await reading;
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
