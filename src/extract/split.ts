/**
 * Numbers that ran together ("640020470" for 64·0·0·2·0·4·70) are split by the table's own
 * arithmetic: every way to cut each run into the cells it must fill is enumerated, and only the
 * combinations that satisfy the sum rules survive. One survivor is an inference; several are
 * ranked by plausibility and reported; none (the report's own arithmetic is wrong) means the
 * best-ranked split is kept and reported as unsettled. Values themselves are never changed.
 */
import type { CellRef } from '../model/report.js';
import { cellKey, type Relation } from '../model/relations.js';

export type Part = { value: number | null; digits: string | null; token: number };

export interface SplitZone {
  cells: CellRef[];
  /** Tokens as read: a run of digits (splittable) or a fixed value (one cell). */
  tokens: ({ digits: string } | { value: number | null })[];
}

export interface ZoneResult {
  /** The parts chosen for each cell, in order. */
  parts: Part[];
  /** Distinct value lists this zone takes across the surviving solutions (best first). */
  candidates: (number | null)[][];
}

export interface SplitResult {
  zones: ZoneResult[];
  /** Number of joint solutions satisfying every relation (capped). */
  solutions: number;
  consistent: boolean;
}

const MAX_ZONE_CANDIDATES = 20_000;
const MAX_SOLUTIONS = 64;
const MAX_STEPS = 2_000_000;

/** Every way to cut a zone's tokens into exactly `cells.length` parts. */
export function zoneCandidates(zone: SplitZone): Part[][] {
  const n = zone.cells.length;
  const out: Part[][] = [];
  const acc: Part[] = [];
  const minRest = (ti: number) => zone.tokens.length - ti; // each token gives at least one part
  const walk = (ti: number): void => {
    if (out.length >= MAX_ZONE_CANDIDATES) return;
    if (ti === zone.tokens.length) {
      if (acc.length === n) out.push(acc.slice());
      return;
    }
    const tok = zone.tokens[ti]!;
    const room = n - acc.length - (minRest(ti) - 1);
    if (room < 1) return;
    if ('value' in tok) {
      acc.push({ value: tok.value, digits: null, token: ti });
      walk(ti + 1);
      acc.pop();
      return;
    }
    cuts(tok.digits, Math.min(room, tok.digits.length), (pieces) => {
      for (const p of pieces) acc.push({ value: Number(p), digits: p, token: ti });
      walk(ti + 1);
      acc.length -= pieces.length;
    });
  };
  walk(0);
  return out;
}

/** Calls back with each cut of `digits` into 1..maxParts numbers without leading zeros. */
function cuts(digits: string, maxParts: number, cb: (pieces: string[]) => void): void {
  const pieces: string[] = [];
  const rec = (from: number) => {
    if (from === digits.length) {
      cb(pieces);
      return;
    }
    if (pieces.length >= maxParts) return;
    const maxLen = digits[from] === '0' ? 1 : digits.length - from;
    for (let len = 1; len <= maxLen; len++) {
      pieces.push(digits.slice(from, from + len));
      rec(from + len);
      pieces.pop();
    }
  };
  rec(0);
}

/**
 * Choose a split for every zone. `fixed` holds the cells read directly; `plausibility` scores a
 * zone's values (higher is more plausible) to rank candidates the relations cannot separate.
 */
export function solveSplits(
  zones: SplitZone[],
  fixed: ReadonlyMap<string, number | null>,
  relations: Relation[],
  plausibility: (zone: number, values: (number | null)[]) => number,
): SplitResult {
  const keys = zones.map((z) => z.cells.map(cellKey));
  const zoneOf = new Map<string, [number, number]>();
  keys.forEach((ks, zi) => ks.forEach((k, ci) => zoneOf.set(k, [zi, ci])));

  // Relations that touch at least one split cell, with every cell either fixed or in a zone.
  const rels = relations
    .map((r) => ({ lhs: r.lhs.map(cellKey), rhs: r.rhs.map(cellKey) }))
    .filter((r) => [...r.lhs, ...r.rhs].some((k) => zoneOf.has(k)))
    .filter((r) => [...r.lhs, ...r.rhs].every((k) => zoneOf.has(k) || fixed.has(k)));

  const all = zones.map(zoneCandidates);
  const values = all.map((cands) => cands.map((c) => c.map((p) => p.value)));

  const valueOf = (k: string, zi: number, vals: (number | null)[]): number | null => {
    const z = zoneOf.get(k);
    if (z && z[0] === zi) return vals[z[1]]!;
    return fixed.get(k) ?? null;
  };

  // Keep, per zone, the candidates that satisfy the relations local to that zone.
  const local = zones.map((_, zi) => rels.filter((r) => [...r.lhs, ...r.rhs].every((k) => fixed.has(k) || zoneOf.get(k)?.[0] === zi)));
  const filtered = values.map((cands, zi) => {
    const ok: number[] = [];
    cands.forEach((vals, ci) => {
      if (local[zi]!.every((r) => holds(r, (k) => valueOf(k, zi, vals)))) ok.push(ci);
    });
    return ok;
  });

  // Joint search over zones, fewest candidates first.
  const order = zones.map((_, i) => i).sort((a, b) => filtered[a]!.length - filtered[b]!.length);
  const chosen = new Array<number>(zones.length).fill(-1);
  const solutions: number[][] = [];
  let steps = 0;
  const lookup = (k: string): number | null | undefined => {
    const z = zoneOf.get(k);
    if (z) {
      const c = chosen[z[0]]!;
      return c < 0 ? undefined : values[z[0]]![c]![z[1]]!;
    }
    return fixed.get(k) ?? null;
  };
  const jointOk = () =>
    rels.every((r) => {
      const ks = [...r.lhs, ...r.rhs];
      if (ks.some((k) => lookup(k) === undefined)) return true;
      return holds(r, (k) => lookup(k) as number | null);
    });
  const search = (d: number): void => {
    if (solutions.length >= MAX_SOLUTIONS || ++steps > MAX_STEPS) return;
    if (d === order.length) {
      solutions.push(chosen.slice());
      return;
    }
    const zi = order[d]!;
    for (const ci of filtered[zi]!) {
      chosen[zi] = ci;
      if (jointOk()) search(d + 1);
      chosen[zi] = -1;
    }
  };
  if (filtered.every((f) => f.length > 0)) search(0);

  const score = (sol: number[]) => sol.reduce((s, ci, zi) => s + plausibility(zi, values[zi]![ci]!), 0);

  if (solutions.length > 0) {
    const ranked = solutions.map((s) => ({ s, score: score(s) })).sort((a, b) => b.score - a.score);
    const best = ranked[0]!.s;
    return {
      consistent: true,
      solutions: solutions.length,
      zones: zones.map((_, zi) => ({
        parts: all[zi]![best[zi]!]!,
        candidates: distinct(ranked.map((r) => values[zi]![r.s[zi]!]!)),
      })),
    };
  }

  // Nothing satisfies every rule: the report's arithmetic is off somewhere. Rank each zone's
  // candidates by the rules they break, then plausibility, and say the split is unsettled.
  return {
    consistent: false,
    solutions: 0,
    zones: zones.map((_, zi) => {
      const pool = filtered[zi]!.length > 0 ? filtered[zi]! : values[zi]!.map((_, i) => i);
      const ranked = pool
        .map((ci) => {
          const vals = values[zi]![ci]!;
          const broken = rels.filter((r) => {
            const ks = [...r.lhs, ...r.rhs];
            if (!ks.every((k) => fixed.has(k) || zoneOf.get(k)?.[0] === zi)) return false;
            return !holds(r, (k) => valueOf(k, zi, vals));
          }).length;
          return { ci, broken, p: plausibility(zi, vals) };
        })
        .sort((a, b) => a.broken - b.broken || b.p - a.p);
      const best = ranked[0];
      return {
        parts: best ? all[zi]![best.ci]! : [],
        candidates: distinct(ranked.slice(0, 8).map((r) => values[zi]![r.ci]!)),
      };
    }),
  };
}

function holds(r: { lhs: string[]; rhs: string[] }, get: (k: string) => number | null): boolean {
  let l = 0;
  let s = 0;
  for (const k of r.lhs) l += get(k) ?? 0;
  for (const k of r.rhs) s += get(k) ?? 0;
  return Math.abs(l - s) < 1e-9;
}

function distinct(lists: (number | null)[][]): (number | null)[][] {
  const seen = new Set<string>();
  const out: (number | null)[][] = [];
  for (const l of lists) {
    const k = l.join(',');
    if (!seen.has(k)) {
      seen.add(k);
      out.push(l);
    }
  }
  return out;
}
