/**
 * Greyscale pages in memory: decoding PNG/JPEG/TIFF and PGM into one 8-bit shape, and writing
 * PGM for tesseract (leptonica reads it without any conversion cost).
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { GongkaiError } from '../errors.js';

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black, row-major. */
  data: Uint8Array;
  /** Resolution the page was scanned or rendered at (estimated where the file does not say). */
  dpi: number;
}

/** A4 is 8.27 in wide; most scans are of A4 pages, so an undeclared resolution is taken from that. */
const A4_WIDTH_IN = 8.27;
/** Decoded pixels are capped so one image cannot take the machine's memory (≈ A4 at 600 dpi ×4). */
const MAX_PIXELS = 140_000_000;

export function estimateDpi(width: number): number {
  return Math.min(600, Math.max(72, Math.round(width / A4_WIDTH_IN)));
}

function corrupt(what: string, e?: unknown): GongkaiError {
  return new GongkaiError('CORRUPT', `${what}图片已损坏或无法解码`, `cannot decode ${what}: ${e instanceof Error ? e.message : String(e ?? '')}`);
}

function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw corrupt('');
  if (width * height > MAX_PIXELS) {
    throw new GongkaiError('TOO_LARGE', `图片尺寸过大（${width}×${height} 像素）`, 'image too large');
  }
}

/** RGBA (or RGB-in-RGBA) → luminance, alpha laid over white. */
function rgbaToGray(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    const a = rgba[p + 3]! / 255;
    const y = 0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!;
    out[i] = Math.round(y * a + 255 * (1 - a));
  }
  return out;
}

export function decodePng(bytes: Uint8Array): GrayImage[] {
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw corrupt('PNG ', e);
  }
  checkSize(png.width, png.height);
  return [{ width: png.width, height: png.height, data: rgbaToGray(png.data, png.width, png.height), dpi: estimateDpi(png.width) }];
}

export function decodeJpeg(bytes: Uint8Array): GrayImage[] {
  let img: { width: number; height: number; data: Uint8Array };
  try {
    img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
  } catch (e) {
    throw corrupt('JPEG ', e);
  }
  checkSize(img.width, img.height);
  return [{ width: img.width, height: img.height, data: rgbaToGray(img.data, img.width, img.height), dpi: estimateDpi(img.width) }];
}

export function decodeTiff(bytes: Uint8Array, maxPages: number): GrayImage[] {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buf);
  } catch (e) {
    throw corrupt('TIFF ', e);
  }
  // Thumbnails and masks (NewSubfileType bit 0/2) are not pages.
  const pages = ifds.filter((ifd) => ((ifd['t254'] as number[] | undefined)?.[0] ?? 0) % 2 === 0);
  if (pages.length === 0) throw corrupt('TIFF ');
  if (pages.length > maxPages) {
    throw new GongkaiError('TOO_LARGE', `图片页数过多（${pages.length} 页），上限为 ${maxPages} 页`, 'too many pages');
  }
  return pages.map((ifd) => {
    const width = (ifd['t256'] as number[] | undefined)?.[0] ?? 0;
    const height = (ifd['t257'] as number[] | undefined)?.[0] ?? 0;
    checkSize(width, height);
    try {
      UTIF.decodeImage(buf, ifd);
    } catch (e) {
      throw corrupt('TIFF ', e);
    }
    const rgba = UTIF.toRGBA8(ifd);
    const xres = ifd['t282'] as number[] | undefined;
    const unit = (ifd['t296'] as number[] | undefined)?.[0] ?? 2;
    const declared = xres?.[0] ? (unit === 3 ? xres[0] * 2.54 : xres[0]) : 0;
    const dpi = declared >= 72 && declared <= 1200 && unit !== 1 ? Math.round(declared) : estimateDpi(width);
    return { width, height, data: rgbaToGray(rgba, width, height), dpi };
  });
}

/** Binary 8-bit PGM (P5), as pdftoppm -gray writes it. */
export function decodePgm(bytes: Uint8Array, dpi: number): GrayImage {
  const fields: string[] = [];
  let i = 0;
  const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  while (fields.length < 4 && i < bytes.length) {
    while (i < bytes.length && isSpace(bytes[i]!)) i++;
    if (bytes[i] === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++;
      continue;
    }
    const start = i;
    while (i < bytes.length && !isSpace(bytes[i]!)) i++;
    fields.push(String.fromCharCode(...bytes.subarray(start, i)));
  }
  const [magic, w, h, max] = fields;
  const width = Number(w);
  const height = Number(h);
  if (magic !== 'P5' || max !== '255' || bytes.length < i + 1 + width * height) throw corrupt('PGM ');
  // A copy, not a view: Buffer.slice shares memory, and pages are painted on later.
  return { width, height, data: new Uint8Array(bytes.subarray(i + 1, i + 1 + width * height)), dpi };
}

export function encodePgm(img: { width: number; height: number; data: Uint8Array }): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header);
  out.set(img.data, header.length);
  return out;
}

/** Copy of a rectangle (clipped to the image), framed by `pad` white pixels on every side. */
export function crop(img: GrayImage, x0: number, y0: number, x1: number, y1: number, pad = 0): GrayImage {
  const cx0 = Math.max(0, Math.floor(x0));
  const cy0 = Math.max(0, Math.floor(y0));
  const cx1 = Math.min(img.width, Math.ceil(x1));
  const cy1 = Math.min(img.height, Math.ceil(y1));
  const w = Math.max(0, cx1 - cx0);
  const h = Math.max(0, cy1 - cy0);
  const width = w + 2 * pad;
  const height = h + 2 * pad;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < h; y++) {
    const src = (cy0 + y) * img.width + cx0;
    data.set(img.data.subarray(src, src + w), (y + pad) * width + pad);
  }
  return { width, height, data, dpi: img.dpi };
}

/**
 * Bilinear enlargement by an integer factor: tesseract reads best at about 300 dpi, and a
 * 150 dpi scan's 10-pt digits are too small for it to tell "+" from "4".
 */
export function upscale(img: GrayImage, factor: number): GrayImage {
  if (factor <= 1) return img;
  const width = img.width * factor;
  const height = img.height * factor;
  const data = new Uint8Array(width * height);
  // Source columns and weights are the same on every row: worked out once.
  const xs0 = new Int32Array(width);
  const xs1 = new Int32Array(width);
  const fxs = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(img.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
    xs0[x] = Math.floor(sx);
    xs1[x] = Math.min(img.width - 1, xs0[x]! + 1);
    fxs[x] = sx - xs0[x]!;
  }
  const src = img.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(img.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const r0 = y0 * img.width;
    const r1 = Math.min(img.height - 1, y0 + 1) * img.width;
    const fy = sy - y0;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const fx = fxs[x]!;
      const x0 = xs0[x]!;
      const x1 = xs1[x]!;
      const top = src[r0 + x0]! * (1 - fx) + src[r0 + x1]! * fx;
      const bottom = src[r1 + x0]! * (1 - fx) + src[r1 + x1]! * fx;
      data[row + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data, dpi: img.dpi * factor };
}
