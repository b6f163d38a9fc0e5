/** Rule configuration: switch a rule off or change its severity, as with a linter. */
import type { Severity } from '../model/report.js';

export type RuleSetting = Severity | 'off';

export interface CheckConfig {
  rules?: Record<string, RuleSetting>;
}
