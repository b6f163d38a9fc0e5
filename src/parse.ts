/** The library's front door: bytes or text in, `report/v1` out. */
import { extractReport } from './extract/extract.js';
import type { Report } from './model/report.js';
import { readDocument, type ReadOptions } from './read/read.js';

export interface ParseOptions extends ReadOptions {
  /** File name, used for format detection by extension and in messages. */
  name?: string;
}

/** Parse one report. Throws a GongkaiError (with a Chinese message) when it cannot be read. */
export async function parseReport(input: Uint8Array | string, options: ParseOptions = {}): Promise<Report> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const doc = await readDocument(bytes, options.name ?? 'input.txt', options);
  return extractReport(doc);
}
