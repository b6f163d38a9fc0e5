import { getAgencies } from '../api.js';
import { LEVEL_NAMES, regionsOf } from '../lib/agencies.js';
import { useAsync } from '../lib/useAsync.js';
import type { Id } from '../types.js';

export function yearOptions(): number[] {
  const last = new Date().getFullYear() - 1;
  const out: number[] = [];
  for (let y = last; y >= 2019; y--) out.push(y);
  return out;
}

/** Region and statistics year, the two things every region view is about. */
export function RegionYearPicker({ region, year, onChange }: { region: Id | null; year: number; onChange: (region: Id | null, year: number) => void }) {
  const agencies = useAsync(getAgencies, []);
  const regions = agencies.data ? regionsOf(agencies.data) : [];
  return (
    <div className="picker">
      <label>
        地区
        <select value={region === null ? '' : String(region)} onChange={(e) => onChange(e.target.value || null, year)} disabled={agencies.loading}>
          <option value="">全部（本账号可见范围）</option>
          {regions.map(({ node, depth }) => (
            <option key={String(node.id)} value={String(node.id)}>
              {'\u3000'.repeat(depth)}
              {node.name}
              {LEVEL_NAMES[node.level] ? `（${LEVEL_NAMES[node.level]}）` : ''}
            </option>
          ))}
        </select>
      </label>
      <YearSelect label="报告年度" value={year} onChange={(y) => onChange(region, y)} />
    </div>
  );
}

/** A labelled choice of report year. */
export function YearSelect({ label, value, onChange }: { label: string; value: number; onChange: (year: number) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {yearOptions().map((y) => (
          <option key={y} value={y}>
            {y}年度
          </option>
        ))}
      </select>
    </label>
  );
}
