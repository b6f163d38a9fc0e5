import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse.js';
import { parseExample } from '../test/fixtures.js';

describe('subtotal rows some reports add to 表三', () => {
  it('a 小计 row after a group is read apart from the layout’s rows', async () => {
    const base = await parseExample('明川区发展和改革局-2023.txt');
    const text = (await import('node:fs')).readFileSync(base.meta.source.name, 'utf8');
    // add "小计" under （四）无法提供, after its third item
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('3.补正后申请内容仍不明确'));
    lines.splice(at + 1, 0, ['小计', 2, 1, 0, 0, 0, 0, 4].join('\t'));
    const report = await parseReport(lines.join('\n'), { name: 'with-subtotal.txt' });
    expect(report.subtotals['result.unavailable']).toEqual({ natural: 2, commercial: 1, research: 0, social: 0, legal: 0, other: 0, total: 4 });
    expect(report.tables.requests['result.unavailable.unclear']!.natural).toBe(0);
    expect(Object.keys(report.tables.requests).some((k) => k.includes('subtotal'))).toBe(false);
  });
});
