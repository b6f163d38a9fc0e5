/**
 * Scanned images (PNG/JPEG/TIFF) → neutral document through OCR. Locations are in image
 * pixels (origin top-left); a multi-page TIFF gives one page per image.
 */
import { GongkaiError } from '../errors.js';
import { ocrDocument } from './ocr.js';
import { ocrPdf } from './ocr-pdf.js';
import { setScannedPdfHandler } from './pdf.js';
import type { Reader } from './read.js';
import { decodeJpeg, decodePng, decodeTiff, type GrayImage } from './raster.js';

// read.ts loads this module with every reader, so scanned PDFs reach OCR wherever PDFs are read.
setScannedPdfHandler(ocrPdf);

export const readImage: Reader = async (bytes, source, limits) => {
  let pages: GrayImage[];
  switch (source.format) {
    case 'png':
      pages = decodePng(bytes);
      break;
    case 'jpeg':
      pages = decodeJpeg(bytes);
      break;
    case 'tiff':
      pages = decodeTiff(bytes, limits.maxPages);
      break;
    default:
      throw new GongkaiError('UNSUPPORTED_FORMAT', '暂不支持读取这种图片格式', `image format ${source.format}`);
  }
  return ocrDocument({ count: pages.length, load: async (i) => pages[i]!, scale: () => 1 }, source);
};
