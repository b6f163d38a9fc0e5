/**
 * The agency hierarchy (province → city → county → department/township) and the matching of
 * the agency name a report prints to a registered agency.
 */
import { GongkaiError } from '../errors.js';
import type { Store } from './db.js';
import type { AgencyLevel } from './schema.js';
import { now, normalizeName } from './util.js';

export interface Agency {
  id: number;
  parentId: number | null;
  level: AgencyLevel;
  name: string;
  path: string;
}

export interface AgencyCandidate {
  agency: Agency;
  /** 0–1 similarity of the names. */
  score: number;
}

export interface AgencyMatch {
  /**
   * exact: the name; alias: a recorded alias; uploader: an editor's own agency; confirmed: a person
   * chose it; created: a name like no other, registered on import; none: pending confirmation.
   */
  method: 'exact' | 'alias' | 'uploader' | 'confirmed' | 'created' | 'none';
  agencyId: number | null;
  /** The name as printed in the report. */
  name: string | null;
  candidates: { agencyId: number; name: string; score: number }[];
}

type AgencyRow = { id: number; parent_id: number | null; level: AgencyLevel; name: string; path: string };
const toAgency = (r: AgencyRow): Agency => ({ id: r.id, parentId: r.parent_id, level: r.level, name: r.name, path: r.path });

export async function createAgency(store: Store, input: { name: string; level: AgencyLevel; parentId?: number | null; aliases?: string[] }): Promise<Agency> {
  const name = input.name.trim();
  if (!name) throw new GongkaiError('USAGE', '机关名称不能为空');
  return store.db.transaction().execute(async (tx) => {
    let parentPath = '/';
    if (input.parentId != null) {
      const parent = await tx.selectFrom('agencies').select('path').where('id', '=', input.parentId).executeTakeFirst();
      if (!parent) throw new GongkaiError('NOT_FOUND', `上级机关 ${input.parentId} 不存在`);
      parentPath = parent.path;
    }
    const { id } = await tx
      .insertInto('agencies')
      .values({ parent_id: input.parentId ?? null, level: input.level, name, path: '', created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parentPath}${id}/`;
    await tx.updateTable('agencies').set({ path }).where('id', '=', id).execute();
    // The official name is itself an alias: one lookup table serves exact and alias matches.
    for (const alias of new Set([name, ...(input.aliases ?? [])].map(normalizeName))) {
      const taken = await tx.selectFrom('agency_aliases').select('agency_id').where('alias', '=', alias).executeTakeFirst();
      if (taken && taken.agency_id !== id) throw new GongkaiError('USAGE', `名称或别名“${alias}”已属于另一机关（${taken.agency_id}）`);
      if (!taken) await tx.insertInto('agency_aliases').values({ agency_id: id, alias }).execute();
    }
    return { id, parentId: input.parentId ?? null, level: input.level, name, path };
  });
}

export async function addAlias(store: Store, agencyId: number, alias: string): Promise<void> {
  const a = normalizeName(alias);
  if (!a) return;
  const taken = await store.db.selectFrom('agency_aliases').select('agency_id').where('alias', '=', a).executeTakeFirst();
  if (taken) return;
  await store.db.insertInto('agency_aliases').values({ agency_id: agencyId, alias: a }).execute();
}

export async function getAgency(store: Store, id: number): Promise<Agency | undefined> {
  const r = await store.db.selectFrom('agencies').select(['id', 'parent_id', 'level', 'name', 'path']).where('id', '=', id).executeTakeFirst();
  return r && toAgency(r);
}

/** The agency and everything under it. */
export async function subtree(store: Store, rootId: number | null): Promise<Agency[]> {
  let q = store.db.selectFrom('agencies').select(['id', 'parent_id', 'level', 'name', 'path']).orderBy('path');
  if (rootId != null) {
    const root = await getAgency(store, rootId);
    if (!root) throw new GongkaiError('NOT_FOUND', `机关 ${rootId} 不存在`);
    q = q.where('path', 'like', `${root.path}%`);
  }
  return (await q.execute()).map(toAgency);
}

export async function listAgencies(store: Store, pathPrefix: string | null): Promise<(Agency & { aliases: string[] })[]> {
  let q = store.db.selectFrom('agencies').select(['id', 'parent_id', 'level', 'name', 'path']).orderBy('path');
  if (pathPrefix) q = q.where('path', 'like', `${pathPrefix}%`);
  const rows = (await q.execute()).map(toAgency);
  const aliases = await store.db.selectFrom('agency_aliases').select(['agency_id', 'alias']).execute();
  const byAgency = new Map<number, string[]>();
  for (const a of aliases) byAgency.set(a.agency_id, [...(byAgency.get(a.agency_id) ?? []), a.alias]);
  return rows.map((r) => ({ ...r, aliases: (byAgency.get(r.id) ?? []).filter((a) => a !== normalizeName(r.name)) }));
}

/**
 * Exact or alias match of a printed name; otherwise the closest names (character-bigram Dice
 * similarity, which tolerates the 人民政府/政府/办公室 variations of real reports) for a person to
 * confirm. `within` limits candidates to a region's subtree.
 */
export async function matchAgency(store: Store, printed: string | null, within?: string | null): Promise<AgencyMatch> {
  if (!printed) return { method: 'none', agencyId: null, name: null, candidates: [] };
  const key = normalizeName(printed);
  const hit = await store.db
    .selectFrom('agency_aliases')
    .innerJoin('agencies', 'agencies.id', 'agency_aliases.agency_id')
    .select(['agencies.id', 'agencies.name', 'agencies.path'])
    .where('agency_aliases.alias', '=', key)
    .executeTakeFirst();
  if (hit && (!within || hit.path.startsWith(within))) {
    return { method: normalizeName(hit.name) === key ? 'exact' : 'alias', agencyId: hit.id, name: printed, candidates: [] };
  }
  let q = store.db.selectFrom('agency_aliases').innerJoin('agencies', 'agencies.id', 'agency_aliases.agency_id').select(['agencies.id', 'agencies.name', 'agency_aliases.alias']);
  if (within) q = q.where('agencies.path', 'like', `${within}%`);
  const best = new Map<number, { agencyId: number; name: string; score: number }>();
  const mine = bigrams(key);
  for (const row of await q.execute()) {
    const score = dice(mine, bigrams(row.alias));
    const prev = best.get(row.id);
    if (score >= 0.5 && (!prev || prev.score < score)) best.set(row.id, { agencyId: row.id, name: row.name, score: Math.round(score * 1000) / 1000 });
  }
  const candidates = [...best.values()].sort((a, b) => b.score - a.score).slice(0, 5);
  return { method: 'none', agencyId: null, name: printed, candidates };
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let inter = 0;
  let total = 0;
  for (const [g, n] of a) {
    inter += Math.min(n, b.get(g) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * inter) / total;
}

/** The level a name suggests, for agencies registered on import (a person can move them later). */
export function levelFromName(name: string): AgencyLevel {
  if (/(街道办事处|街道|镇人民政府|乡人民政府|镇|乡)$/.test(name)) return 'township';
  if (/省(人民政府)?(办公厅)?$/.test(name)) return 'province';
  if (/(区|县|旗)(人民政府)?$/.test(name)) return 'county';
  if (/(市|州|盟)(人民政府)?$/.test(name)) return 'city';
  return 'department';
}
