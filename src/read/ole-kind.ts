/**
 * What an OLE compound file holds, from the names in its directory: a Word/WPS document
 * (WordDocument), an Excel workbook (Workbook, or Book before Excel 97), or an encrypted Office
 * Open XML file (EncryptedPackage: what Word and Excel write when a DOCX/XLSX gets a password).
 */
/** The part of SheetJS's CFB container used here (the bundled CFB is typed `any`). */
interface CfbEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  content?: Uint8Array;
}
interface CfbContainer {
  FileIndex: CfbEntry[];
}

export type OleKind = 'word' | 'excel' | 'encrypted-ooxml' | 'other';

export interface OleInfo {
  kind: OleKind;
  /** A Word binary whose File Information Block says it is encrypted (RC4 or XOR). */
  encrypted: boolean;
  streams: string[];
}

export async function inspectOle(bytes: Uint8Array): Promise<OleInfo> {
  const { CFB } = await import('@e965/xlsx');
  const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' }) as CfbContainer;
  const streams = cfb.FileIndex.filter((e) => e.type === 2).map((e) => e.name);
  const has = (n: string) => streams.some((s) => s.toLowerCase() === n.toLowerCase());
  if (has('EncryptedPackage')) return { kind: 'encrypted-ooxml', encrypted: true, streams };
  if (has('WordDocument')) {
    const word = cfb.FileIndex.find((e) => e.type === 2 && e.name === 'WordDocument');
    const fib = word?.content;
    // FIB base: the flags word at offset 10 has fEncrypted in bit 8.
    const encrypted = !!fib && fib.length > 12 && (fib[11]! & 0x01) !== 0;
    return { kind: 'word', encrypted, streams };
  }
  if (has('Workbook') || has('Book')) return { kind: 'excel', encrypted: false, streams };
  return { kind: 'other', encrypted: false, streams };
}
