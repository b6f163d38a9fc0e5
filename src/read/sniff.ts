/**
 * What kind of file this is, from its first bytes (the name's extension only breaks ties):
 * reports arrive misnamed often enough ("报告.doc" that is really HTML).
 */
export type Format = 'text' | 'html' | 'pdf' | 'docx' | 'xlsx' | 'zip' | 'ole' | 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'rtf' | 'unknown-binary';

export function sniffFormat(bytes: Uint8Array, name: string): Format {
  const b = bytes;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    const ext = extension(name);
    if (ext === 'docx' || ext === 'wps' || ext === 'docm') return 'docx';
    if (ext === 'xlsx' || ext === 'xlsm' || ext === 'et') return 'xlsx';
    const head = latin1(b.subarray(0, Math.min(b.length, 4096)));
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
    return 'zip';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x42, 0x4d) && ['bmp'].includes(extension(name))) return 'bmp';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'rtf';
  const head = latin1(b.subarray(0, Math.min(b.length, 2048))).toLowerCase();
  if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<table[\s>]|<p[\s>]|<div[\s>]/.test(head)) return 'html';
  const ext = extension(name);
  if ((ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') && !/[\x00-\x08]/.test(head)) return 'html';
  return 'text';
}

export function extension(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

const LATIN1 = new TextDecoder('latin1');

function latin1(b: Uint8Array): string {
  return LATIN1.decode(b);
}
