/** Every rule, in the order findings are listed. Adding a rule: one entry in its family's file. */
import type { Rule } from '../rule.js';
import { appealsRules } from './appeals.js';
import { arithmeticRules } from './arithmetic.js';
import { extractionRules } from './extraction.js';
import { narrativeRules } from './narrative.js';
import { numberRules } from './numbers.js';
import { structureRules } from './structure.js';
import { yearRules } from './years.js';

export const RULES: readonly Rule[] = [
  ...structureRules,
  ...numberRules,
  ...arithmeticRules,
  ...appealsRules,
  ...narrativeRules,
  ...yearRules,
  ...extractionRules,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
