/**
 * The shared corpus of real reports and their expected values, read in place from ../shared
 * (or $GONGKAI_SHARED). Tests that need it skip, with a printed notice, where it is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report, ReportTables } from '../model/report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

export const sharedDir = path.resolve(process.env.GONGKAI_SHARED ?? path.join(repoRoot, '..', 'shared'));
export const hasCorpus = fs.existsSync(path.join(sharedDir, 'corpus', 'expected'));
if (!hasCorpus) console.warn(`[gongkai tests] 找不到共享语料 ${sharedDir}（可用 GONGKAI_SHARED 指定）：跳过依赖语料的测试`);

export interface Expected {
  meta: { agency: string; year: number; template: '2019' | '2021' };
  tables: ReportTables;
  expected: { blankCells: string[]; anomalies: string[]; uncertain: string[] };
}

/** Every corpus document with the name of its expected file. */
export function corpusDocuments(): { name: string; file: string }[] {
  if (!hasCorpus) return [];
  const seeds = fs.readdirSync(path.join(sharedDir, 'seeds')).map((f) => ({ name: f.replace(/\.[^.]+$/, ''), file: path.join(sharedDir, 'seeds', f) }));
  const docs = fs.readdirSync(path.join(sharedDir, 'corpus', 'docs')).map((f) => ({ name: f.replace(/\.[^.]+$/, ''), file: path.join(sharedDir, 'corpus', 'docs', f) }));
  return [...seeds, ...docs].sort((a, b) => a.name.localeCompare(b.name));
}

export function loadExpected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(sharedDir, 'corpus', 'expected', `${name}.json`), 'utf8')) as Expected;
}

/** The corpus's names for 表三 rows (label notation) → report/v1 keys. */
const BLANK_ROWS: Record<string, string> = {
  newReceived: 'received.new',
  carriedOver: 'received.carriedOver',
  granted: 'result.granted',
  partialGrant: 'result.partial',
  'denied.stateSecret': 'result.denied.stateSecret',
  'denied.lawForbidden': 'result.denied.lawForbidden',
  'denied.safetyStability': 'result.denied.safetyStability',
  'denied.thirdPartyRights': 'result.denied.thirdParty',
  'denied.internalAffairs': 'result.denied.internalAffairs',
  'denied.processInfo': 'result.denied.processInfo',
  'denied.enforcementCase': 'result.denied.enforcementFile',
  'denied.adminQuery': 'result.denied.queryMatter',
  'unable.noInfo': 'result.unavailable.notHeld',
  'unable.needCreation': 'result.unavailable.needsCreation',
  'unable.unclear': 'result.unavailable.unclear',
  'ignored.complaint': 'result.notProcessed.complaint',
  'ignored.repeat': 'result.notProcessed.repeated',
  'ignored.publication': 'result.notProcessed.publication',
  'ignored.massRequests': 'result.notProcessed.excessive',
  'ignored.confirmInfo': 'result.notProcessed.confirmation',
  other: 'result.other',
  total: 'result.total',
  carriedForward: 'carriedForward',
};
const REQUEST_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const APPEAL_ROWS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
const APPEAL_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** The cells the corpus marks as empty in the source, as "table.row.column". */
export function blankCells(exp: Expected): Set<string> {
  const out = new Set<string>();
  for (const b of exp.expected.blankCells) {
    const t3 = /^table3\.(.+)\[(\d)\]$/.exec(b);
    const t4 = /^table4\[(\d+)\]$/.exec(b);
    if (t3 && BLANK_ROWS[t3[1]!]) out.add(`requests.${BLANK_ROWS[t3[1]!]}.${REQUEST_COLS[Number(t3[2])]}`);
    else if (t4) out.add(`appeals.${APPEAL_ROWS[Math.floor(Number(t4[1]) / 5)]}.${APPEAL_COLS[Number(t4[1]) % 5]}`);
    else throw new Error(`unknown blank cell notation: ${b}`);
  }
  return out;
}

/**
 * Differences between a parsed report and the expected values: year, template and every
 * expected cell (null only where the source cell is empty: a blank cell may be null or 0),
 * plus rows the parse has that are not expected.
 */
export function diffReport(report: Report, exp: Expected): string[] {
  const diffs: string[] = [];
  const blanks = blankCells(exp);
  if (report.meta.year !== exp.meta.year) diffs.push(`meta.year: got ${report.meta.year}, expected ${exp.meta.year}`);
  if (report.meta.template !== exp.meta.template) diffs.push(`meta.template: got ${report.meta.template}, expected ${exp.meta.template}`);
  for (const t of ['active', 'requests', 'appeals'] as const) {
    for (const [row, cols] of Object.entries(exp.tables[t])) {
      for (const [col, want] of Object.entries(cols)) {
        const got = report.tables[t][row]?.[col];
        const blankOk = got === null && want === 0 && blanks.has(`${t}.${row}.${col}`);
        if (!(got === want || blankOk)) diffs.push(`${t}.${row}.${col}: got ${got}, expected ${want}`);
      }
    }
    for (const row of Object.keys(report.tables[t])) if (!(row in exp.tables[t])) diffs.push(`${t}.${row}: unexpected row`);
  }
  return diffs;
}
