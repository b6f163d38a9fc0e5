import { describe, expect, it } from 'vitest';
import type { CellRef } from '../model/report.js';
import { relationsFor } from '../model/relations.js';
import { TEMPLATES } from '../model/templates.js';
import { solveSplits, zoneCandidates } from './split.js';

const cols = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const cells = (row: string): CellRef[] => cols.map((column) => ({ table: 'requests', row, column }));
const rel = relationsFor(TEMPLATES['2021'], 'requests', new Set(['received.new']));

describe('splitting digits that ran together', () => {
  it('enumerates cuts without leading zeros', () => {
    const c = zoneCandidates({ cells: cells('x').slice(0, 3), tokens: [{ digits: '105' }] });
    // 10·5 has too few parts and 1·05 a leading zero: only 1·0·5 fills three cells
    expect(c.map((p) => p.map((x) => x.value))).toEqual([[1, 0, 5]]);
  });
  it('the row total settles 640020470 as 64·0·0·2·0·4·70', () => {
    const r = solveSplits([{ cells: cells('received.new'), tokens: [{ digits: '640020470' }] }], new Map(), rel, () => 0);
    expect(r.consistent).toBe(true);
    expect(r.zones[0]!.candidates).toEqual([[64, 0, 0, 2, 0, 4, 70]]);
  });
  it('separate tokens split only as far as needed: "500000 5"', () => {
    const r = solveSplits([{ cells: cells('received.new'), tokens: [{ digits: '500000' }, { value: 5 }] }], new Map(), rel, () => 0);
    expect(r.zones[0]!.candidates).toEqual([[5, 0, 0, 0, 0, 0, 5]]);
  });
  it('several consistent splits are all returned, ranked by plausibility', () => {
    // with no rule to decide, 1234 into three cells has three splits
    const zone = { cells: cells('x').slice(0, 3), tokens: [{ digits: '1234' }] };
    const r = solveSplits([zone], new Map(), [], (_z, v) => -(v[0] as number));
    expect(r.zones[0]!.candidates.length).toBe(3);
    expect(r.zones[0]!.candidates[0]).toEqual([1, 2, 34]);
  });
  it('when no split satisfies the rules, says so and keeps the least wrong', () => {
    const r = solveSplits([{ cells: cells('received.new'), tokens: [{ digits: '1111119' }] }], new Map(), rel, () => 0);
    expect(r.consistent).toBe(false);
    expect(r.zones[0]!.parts.map((p) => p.value)).toEqual([1, 1, 1, 1, 1, 1, 9]);
  });
});
