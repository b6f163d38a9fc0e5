/**
 * Many greyscale images as one uncompressed multi-page TIFF: tesseract reads every page of a
 * TIFF in one run, so a pass over hundreds of cell crops writes and opens one file, not
 * hundreds (the file system's open/close cost more than encoding the pixels).
 */
import type { GrayImage } from './raster.js';

const TAGS = 9;
const IFD_BYTES = 2 + TAGS * 12 + 4;

export function encodeTiffPages(images: readonly Pick<GrayImage, 'width' | 'height' | 'data'>[]): Uint8Array {
  let size = 8;
  for (const img of images) size += IFD_BYTES + even(img.width * img.height);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]); // little-endian TIFF
  let at = 8;
  view.setUint32(4, at, true);
  images.forEach((img, k) => {
    const bytes = img.width * img.height;
    const data = at + IFD_BYTES;
    const next = k + 1 < images.length ? data + even(bytes) : 0;
    let p = at;
    view.setUint16(p, TAGS, true);
    p += 2;
    // Entries in ascending tag order, as TIFF requires: [tag, type (3 SHORT, 4 LONG), value].
    const entries: [number, number, number][] = [
      [256, 4, img.width],
      [257, 4, img.height],
      [258, 3, 8], // bits per sample
      [259, 3, 1], // no compression
      [262, 3, 1], // 0 is black
      [273, 4, data], // strip offset
      [277, 3, 1], // samples per pixel
      [278, 4, img.height], // one strip
      [279, 4, bytes],
    ];
    for (const [tag, type, value] of entries) {
      view.setUint16(p, tag, true);
      view.setUint16(p + 2, type, true);
      view.setUint32(p + 4, 1, true);
      if (type === 3) view.setUint16(p + 8, value, true);
      else view.setUint32(p + 8, value, true);
      p += 12;
    }
    view.setUint32(p, next, true);
    out.set(img.data.subarray(0, bytes), data);
    at = data + even(bytes);
  });
  return out;
}

/** IFDs start on a word boundary. */
function even(n: number): number {
  return n + (n & 1);
}
