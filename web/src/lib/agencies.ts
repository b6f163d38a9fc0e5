/** Helpers over the agency tree from /api/agencies. */
import type { AgencyNode, Id } from '../types.js';

export const LEVEL_NAMES: Record<string, string> = { province: '省级', city: '市级', county: '县区', department: '部门', township: '乡镇街道' };

/** Regions are the agencies that have others under them (a city, a county). */
export function regionsOf(tree: AgencyNode[]): { node: AgencyNode; depth: number }[] {
  const out: { node: AgencyNode; depth: number }[] = [];
  const walk = (ns: AgencyNode[], depth: number) => {
    for (const n of ns) {
      if (n.children.length > 0) {
        out.push({ node: n, depth });
        walk(n.children, depth + 1);
      }
    }
  };
  walk(tree, 0);
  return out;
}

export function findNode(tree: AgencyNode[], id: Id | null | undefined): AgencyNode | undefined {
  if (id === null || id === undefined) return undefined;
  for (const n of tree) {
    if (String(n.id) === String(id)) return n;
    const f = findNode(n.children, id);
    if (f) return f;
  }
  return undefined;
}

export function flatten(tree: AgencyNode[]): AgencyNode[] {
  const out: AgencyNode[] = [];
  const walk = (ns: AgencyNode[]) => {
    for (const n of ns) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}

export function descendants(node: AgencyNode): AgencyNode[] {
  return flatten(node.children);
}
