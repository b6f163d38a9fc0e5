/** Reports built from the repository's own examples, for tests that mutate a known-good report. */
import fs from 'node:fs';
import path from 'node:path';
import type { Report } from '../model/report.js';
import { parseReport } from '../parse.js';
import { repoRoot } from './corpus.js';

export const examplesDir = path.join(repoRoot, 'examples');

export async function parseExample(name: string): Promise<Report> {
  const file = path.join(examplesDir, name);
  return parseReport(new Uint8Array(fs.readFileSync(file)), { name: file });
}

/** A deep copy changed by `fn`: rules are pure, so each test starts from the same report. */
export function mutate(report: Report, fn: (r: Report) => void): Report {
  const copy = structuredClone(report);
  fn(copy);
  return copy;
}
