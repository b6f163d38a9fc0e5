/**
 * Rule names for display, taken from the checker's own rule list so a new rule shows up with
 * its description without touching the UI.
 */
import { RULES } from '../../../src/check/rules/index.js';

const byId = new Map(RULES.map((r) => [r.id, r.description]));

export function ruleDescription(id: string): string {
  return byId.get(id) ?? id;
}

export function ruleIds(): string[] {
  return RULES.map((r) => r.id);
}
