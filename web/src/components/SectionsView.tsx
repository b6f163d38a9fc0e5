import { SECTIONS } from '../../../src/model/sections.js';
import type { Section } from '../types.js';

/** The six narrative sections 第五十条 requires, in order, with any that are missing named. */
export function SectionsView({ sections }: { sections: Section[] }) {
  const found = new Set(sections.map((s) => s.key));
  const missing = SECTIONS.filter((s) => !found.has(s.key));
  return (
    <div className="sections">
      {sections.length === 0 && <p className="muted">未识别出正文各部分。</p>}
      {sections.map((s, i) => (
        <details key={i} className="section-text" open={i === 0}>
          <summary>{s.heading}</summary>
          <p>{s.text || <span className="muted">（本部分为空）</span>}</p>
        </details>
      ))}
      {missing.length > 0 && sections.length > 0 && (
        <p className="muted">未找到的部分：{missing.map((s) => `${s.number}. ${s.label}`).join('；')}</p>
      )}
    </div>
  );
}
