import { describe, expect, it } from 'vitest';
import { cffFontMatrix, type1FontMatrix } from './pdf-font-program.js';

/** A CFF with one name and a top DICT of the given bytes (no glyphs: only the header is read). */
function cff(topDict: number[]): Uint8Array {
  return Uint8Array.from([1, 0, 4, 1, /* Name INDEX */ 0, 1, 1, 1, 2, 0x41, /* Top DICT INDEX */ 0, 1, 1, 1, 1 + topDict.length, ...topDict]);
}

describe('font matrix from the font program header', () => {
  it('reads a CFF top DICT FontMatrix (reals and small integers)', () => {
    // 0.0005 as a real: nibbles 0 . 0 0 0 5 end
    const half = [30, 0x0a, 0x00, 0x05, 0xff];
    const zero = [139];
    expect(cffFontMatrix(cff([...half, ...zero, ...zero, ...half, ...zero, ...zero, 12, 7]))).toEqual([0.0005, 0, 0, 0.0005, 0, 0]);
  });

  it('gives null when the top DICT has no FontMatrix, skipping other entries', () => {
    // version SID 391 (two-byte integer) op 0, FontBBox -100 -200 1000 900 op 5
    expect(cffFontMatrix(cff([248, 23, 0, 39, 0xfb, 40, 28, 0x03, 0xe8, 28, 0x03, 0x84, 5]))).toBeNull();
  });

  it('refuses what is not a CFF', () => {
    expect(() => cffFontMatrix(Uint8Array.from([0x25, 0x21, 0, 0]))).toThrow();
  });

  it('reads a Type 1 header FontMatrix', () => {
    const header = Buffer.from('%!PS-AdobeFont-1.0: Foo\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n/Encoding StandardEncoding def\n', 'latin1');
    expect(type1FontMatrix(new Uint8Array(header))).toEqual([0.001, 0, 0, 0.001, 0, 0]);
    expect(type1FontMatrix(new Uint8Array(Buffer.from('%!FontType1\n/FontName /Foo def\n')))).toBeNull();
  });
});
