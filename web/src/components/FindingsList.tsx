import { useState } from 'react';
import { SEVERITY_NAMES } from '../lib/format.js';
import { ruleDescription } from '../lib/rules.js';
import type { Finding, Severity } from '../types.js';

const ORDER: Severity[] = ['error', 'warning', 'info'];
/** A report with a blank column can have dozens of warnings: show the first few of each kind. */
const FOLD = 8;

/** Findings, worst first; choosing one highlights its cells and shows where it is in the source. */
export function FindingsList({ findings, active, onChoose }: { findings: Finding[]; active: number | null; onChoose: (index: number) => void }) {
  const [open, setOpen] = useState<ReadonlySet<Severity>>(new Set());
  if (findings.length === 0) return <p className="ok-note">未发现问题。</p>;
  const indexed = findings.map((f, i) => ({ f, i }));
  return (
    <div className="findings">
      {ORDER.map((sev) => {
        const all = indexed.filter((x) => x.f.severity === sev);
        if (all.length === 0) return null;
        const folded = all.length > FOLD && !open.has(sev);
        const list = folded ? all.filter((x, n) => n < FOLD || x.i === active) : all;
        return (
          <div key={sev}>
            <h3 className={`sev-head sev-${sev}`}>
              {SEVERITY_NAMES[sev]}（{all.length}）
            </h3>
            <ol className="finding-list">
              {list.map(({ f, i }) => (
                <li key={i}>
                  <button type="button" className={`finding sev-${sev}${active === i ? ' active' : ''}`} aria-pressed={active === i} onClick={() => onChoose(i)}>
                    <span className="finding-message">{f.message}</span>
                    <span className="finding-rule" title={ruleDescription(f.rule)}>
                      {f.rule}
                      {f.cells.length > 0 ? ` · ${f.cells.length} 个单元格` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
            {folded && (
              <button type="button" className="link-button" onClick={() => setOpen(new Set(open).add(sev))}>
                显示全部 {all.length} 条{SEVERITY_NAMES[sev]}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
