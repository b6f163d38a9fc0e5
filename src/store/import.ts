/**
 * Bulk import: files (or in-memory entries) → stored reports. Each file is parsed, matched to an
 * agency, checked against last year's report and written in its own transaction, so an import
 * killed halfway and started again skips what was stored (same SHA-256) and redoes the rest.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkReport } from '../check/check.js';
import type { CheckConfig } from '../check/config.js';
import { GongkaiError, isGongkaiError } from '../errors.js';
import type { Finding, Report } from '../model/report.js';
import { parseReport } from '../parse.js';
import { createAgency, levelFromName, matchAgency, type AgencyMatch } from './agencies.js';
import type { Store } from './db.js';
import { getFindings, recheckFollowingYear, reportForFile, reportOf, saveImport } from './reports.js';

export interface ImportEntry {
  name: string;
  bytes: Uint8Array;
}

export type ImportOutcome =
  | { name: string; status: 'imported'; reportId: number; version: number; created: boolean; agencyMatch: AgencyMatch; report: Report; findings: Finding[] }
  | { name: string; status: 'duplicate'; reportId: number }
  | { name: string; status: 'failed'; code: string; message: string };

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
  outcome?: ImportOutcome;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Who imports (recorded on the version). */
  userId?: number | null;
  /** Skip matching: the file is this agency's report (an editor uploading its own). */
  agencyId?: number | null;
  /** Match only within this region's path prefix (a reviewer's region). */
  within?: string | null;
  config?: CheckConfig;
}

/** Directories are walked; hidden files and obvious non-documents (.json expected files) skipped. */
async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => undefined);
    if (!st) throw new GongkaiError('NOT_FOUND', `找不到文件或目录：${p}`);
    if (st.isDirectory()) {
      const names = (await fs.readdir(p)).filter((n) => !n.startsWith('.')).sort();
      out.push(...(await expand(names.map((n) => path.join(p, n)))));
    } else out.push(p);
  }
  return out;
}

export async function importFiles(store: Store, inputs: (string | ImportEntry)[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const paths = await expand(inputs.filter((i): i is string => typeof i === 'string'));
  const items: (string | ImportEntry)[] = [...paths, ...inputs.filter((i): i is ImportEntry => typeof i !== 'string')];
  const results: ImportOutcome[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const name = typeof item === 'string' ? item : item.name;
    options.onProgress?.({ done: i, total: items.length, current: name });
    let outcome: ImportOutcome;
    try {
      const bytes = typeof item === 'string' ? new Uint8Array(await fs.readFile(item)) : item.bytes;
      outcome = await importOne(store, { name: typeof item === 'string' ? path.basename(item) : item.name, bytes }, options);
      if (typeof item === 'string') outcome.name = item;
    } catch (e) {
      if (!isGongkaiError(e)) throw e;
      outcome = { name, status: 'failed', code: e.code, message: e.message };
    }
    results.push(outcome);
    options.onProgress?.({ done: i + 1, total: items.length, current: name, outcome });
  }
  return results;
}

/** One file. Throws GongkaiError when the file is not a readable report. */
export async function importOne(store: Store, entry: ImportEntry, options: ImportOptions = {}): Promise<ImportOutcome> {
  const sha256 = createHash('sha256').update(entry.bytes).digest('hex');
  const existing = await reportForFile(store, sha256);
  if (existing !== undefined) return { name: entry.name, status: 'duplicate', reportId: existing };

  const report = await parseReport(entry.bytes, { name: entry.name });
  let match: AgencyMatch =
    options.agencyId != null ? { method: 'uploader', agencyId: options.agencyId, name: report.meta.agency, candidates: [] } : await matchAgency(store, report.meta.agency, options.within);
  // A name like none on file is a new agency, registered so that a first import with no set-up
  // still fills the overview; only near-misses wait for a person. Region-scoped importers cannot
  // add agencies outside their region, so theirs wait too.
  if (match.method === 'none' && match.name && match.candidates.length === 0 && !options.within) {
    const created = await createAgency(store, { name: match.name, level: levelFromName(match.name) }).catch(() => null);
    if (created) match = { method: 'created', agencyId: created.id, name: match.name, candidates: [] };
  }
  const previous = match.agencyId != null && report.meta.year != null ? await reportOf(store, match.agencyId, report.meta.year - 1) : undefined;
  const findings = checkReport(report, { ...(options.config ? { config: options.config } : {}), ...(previous ? { previous: previous.report } : {}) });
  const saved = await saveImport(store, {
    file: { sha256, name: entry.name, format: report.meta.source.format, bytes: entry.bytes },
    report,
    findings,
    match,
    userId: options.userId ?? null,
  });
  // Another importer may have stored the same bytes between our check and our transaction.
  if (saved.duplicate) return { name: entry.name, status: 'duplicate', reportId: saved.id };
  if (match.agencyId != null && report.meta.year != null) await recheckFollowingYear(store, match.agencyId, report.meta.year, report, options.config);
  return { name: entry.name, status: 'imported', reportId: saved.id, version: saved.version, created: saved.created, agencyMatch: match, report, findings: await getFindings(store, saved.id) };
}
