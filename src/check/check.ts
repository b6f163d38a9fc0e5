/** Report → findings. (The rule set is being written; the signature is final.) */
import type { Finding, Report } from '../model/report.js';
import type { CheckConfig } from './config.js';

export interface CheckOptions {
  /** Rule switches and severities, as in a config file. */
  config?: CheckConfig;
  /** Last year's report of the same agency, for the `years.*` rules. */
  previous?: Report;
}

export function checkReport(_report: Report, _options: CheckOptions = {}): Finding[] {
  return [];
}
