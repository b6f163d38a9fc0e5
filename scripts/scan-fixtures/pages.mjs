#!/usr/bin/env node
/**
 * Rasterised pages (binary PGM from pdftoppm -gray) → the image shapes scans arrive in:
 *   png  OUT.png  PAGE.pgm…   pages stacked into one long image (a "long screenshot")
 *   tiff OUT.tif  PAGE.pgm…   one multi-page greyscale TIFF, deflate-compressed
 * Written here because Debian's ImageMagick/libtiff-tools would be two more packages for CI.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';

function readPgm(file) {
  const buf = fs.readFileSync(file);
  const fields = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++;
      continue;
    }
    const start = i;
    while (!/\s/.test(String.fromCharCode(buf[i]))) i++;
    fields.push(buf.toString('latin1', start, i));
  }
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`${file}: not an 8-bit binary PGM`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, data: buf.subarray(i + 1, i + 1 + width * height) };
}

function writePng(out, pages) {
  const width = Math.max(...pages.map((p) => p.width));
  const height = pages.reduce((s, p) => s + p.height, 0);
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  png.data = Buffer.alloc(width * height, 255);
  let y0 = 0;
  for (const p of pages) {
    for (let y = 0; y < p.height; y++) p.data.copy(png.data, (y0 + y) * width, y * p.width, (y + 1) * p.width);
    y0 += p.height;
  }
  fs.writeFileSync(out, PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }));
}

/** Little-endian TIFF, one IFD per page, each page one deflated strip. */
function writeTiff(out, pages, dpi) {
  const parts = [];
  let offset = 8;
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  parts.push(header);
  const ifdOffsets = [];
  const patches = [];
  for (const p of pages) {
    const strip = zlib.deflateSync(p.data);
    const stripOffset = offset;
    parts.push(strip);
    offset += strip.length;
    if (offset % 2) {
      parts.push(Buffer.alloc(1));
      offset++;
    }
    const res = Buffer.alloc(16);
    res.writeUInt32LE(dpi, 0);
    res.writeUInt32LE(1, 4);
    res.writeUInt32LE(dpi, 8);
    res.writeUInt32LE(1, 12);
    const resOffset = offset;
    parts.push(res);
    offset += 16;
    const tags = [
      [256, 4, 1, p.width],
      [257, 4, 1, p.height],
      [258, 3, 1, 8],
      [259, 3, 1, 8],
      [262, 3, 1, 1],
      [273, 4, 1, stripOffset],
      [277, 3, 1, 1],
      [278, 4, 1, p.height],
      [279, 4, 1, strip.length],
      [282, 5, 1, resOffset],
      [283, 5, 1, resOffset + 8],
      [296, 3, 1, 2],
    ];
    const ifd = Buffer.alloc(2 + tags.length * 12 + 4);
    ifd.writeUInt16LE(tags.length, 0);
    tags.forEach(([tag, type, count, value], k) => {
      const at = 2 + k * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(count, at + 4);
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    ifdOffsets.push(offset);
    patches.push({ buf: ifd, at: 2 + tags.length * 12 });
    parts.push(ifd);
    offset += ifd.length;
  }
  header.writeUInt32LE(ifdOffsets[0], 4);
  patches.forEach((p, k) => p.buf.writeUInt32LE(ifdOffsets[k + 1] ?? 0, p.at));
  fs.writeFileSync(out, Buffer.concat(parts));
}

const [mode, out, ...inputs] = process.argv.slice(2);
const pages = inputs.map(readPgm);
if (mode === 'png') writePng(out, pages);
else if (mode === 'tiff') writeTiff(out, pages, Number(process.env.DPI ?? 150));
else {
  console.error('usage: pages.mjs png|tiff OUT PAGE.pgm…');
  process.exit(2);
}
