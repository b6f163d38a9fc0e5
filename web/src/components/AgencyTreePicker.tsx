import { useState } from 'react';
import { descendants } from '../lib/agencies.js';
import { LEVEL_NAMES } from '../lib/agencies.js';
import type { AgencyNode } from '../types.js';

/**
 * Choose agencies from the tree. Ticking a region ticks everything under it ("all departments
 * of a county"); each agency can still be unticked on its own.
 */
export function AgencyTreePicker({ tree, selected, onChange }: { tree: AgencyNode[]; selected: ReadonlySet<string>; onChange: (s: Set<string>) => void }) {
  const toggle = (n: AgencyNode, on: boolean) => {
    const s = new Set(selected);
    for (const a of [n, ...descendants(n)]) {
      if (on) s.add(String(a.id));
      else s.delete(String(a.id));
    }
    onChange(s);
  };
  return (
    <ul className="tree" role="tree" aria-label="选择机关" aria-multiselectable="true">
      {tree.map((n) => (
        <TreeNode key={String(n.id)} node={n} selected={selected} onToggle={toggle} depth={0} />
      ))}
    </ul>
  );
}

function TreeNode({ node, selected, onToggle, depth }: { node: AgencyNode; selected: ReadonlySet<string>; onToggle: (n: AgencyNode, on: boolean) => void; depth: number }) {
  const [open, setOpen] = useState(depth < 1);
  const on = selected.has(String(node.id));
  const kids = node.children;
  return (
    <li role="treeitem" aria-expanded={kids.length > 0 ? open : undefined} aria-selected={on}>
      <div className="tree-row">
        {kids.length > 0 ? (
          <button type="button" className="tree-toggle" aria-label={open ? `收起 ${node.name}` : `展开 ${node.name}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}
        <label>
          <input type="checkbox" checked={on} onChange={(e) => onToggle(node, e.target.checked)} />
          {node.name}
          {LEVEL_NAMES[node.level] && <span className="muted">（{LEVEL_NAMES[node.level]}）</span>}
          {kids.length > 0 && <span className="muted"> · 下级 {descendants(node).length} 个</span>}
        </label>
      </div>
      {kids.length > 0 && open && (
        <ul role="group">
          {kids.map((k) => (
            <TreeNode key={String(k.id)} node={k} selected={selected} onToggle={onToggle} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
