/**
 * The parts of an Office Open XML package (DOCX, XLSX) by name, inflated within the limits.
 * The main document is found through the package relationships, because some producers name it
 * other than word/document.xml.
 */
import { listZip, readEntry, ZipError, type InflateBudget, type ZipEntry } from './archive-zip.js';
import type { ReadLimits } from './limits.js';
import { attr, scanXml } from './docx-xml.js';

export class OoxmlPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly budget: InflateBudget;

  constructor(
    private readonly bytes: Uint8Array,
    limits: ReadLimits,
  ) {
    const utf8 = new TextDecoder('utf-8');
    for (const e of listZip(bytes)) this.entries.set(utf8.decode(e.rawName).replace(/^\/+/, ''), e);
    this.budget = { remaining: limits.maxUnpackedBytes, maxRatio: limits.maxRatio };
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part as text (XML parts are UTF-8, or UTF-16 with a byte-order mark). */
  text(name: string): string | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const b = readEntry(this.bytes, e, this.budget);
    if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
    if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
    // Buffer's native decoder is several times faster than TextDecoder on a 200 KB part.
    const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** The target of the package's officeDocument relationship, e.g. "word/document.xml". */
  mainPart(fallback: string): string {
    const rels = this.text('_rels/.rels');
    if (rels) {
      for (const r of relationships(rels)) {
        const name = r.target.replace(/^\/+/, '');
        if (/\/officeDocument$/.test(r.type) && this.entries.has(name)) return name;
      }
    }
    if (this.entries.has(fallback)) return fallback;
    throw new ZipError('corrupt', `缺少正文部分（${fallback}）`);
  }
}

function relationships(xml: string): { type: string; target: string }[] {
  const out: { type: string; target: string }[] = [];
  const open = (name: string, raw: string) => {
    const target = name === 'Relationship' ? attr(raw, 'Target') : undefined;
    if (target) out.push({ type: attr(raw, 'Type') ?? '', target });
  };
  scanXml(xml, { open, close: () => {}, text: () => {} });
  return out;
}
