/**
 * Rule configuration, as with a linter: `gongkai.config.json` (or `.gongkairc.json`) in the
 * working directory or any parent, or a file named with --config:
 *   { "rules": { "number.blank": "off", "narrative.fee": "info" } }
 */
import fs from 'node:fs';
import path from 'node:path';
import { GongkaiError } from '../errors.js';
import type { Severity } from '../model/report.js';
import { RULES } from './rules/index.js';

export type RuleSetting = Severity | 'off';

export interface CheckConfig {
  rules?: Record<string, RuleSetting>;
}

export const CONFIG_NAMES = ['gongkai.config.json', '.gongkairc.json', '.gongkairc'];
const SETTINGS = new Set(['error', 'warning', 'info', 'off']);

export function parseConfig(text: string, file: string): CheckConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new GongkaiError('USAGE', `配置文件 ${file} 不是有效的 JSON：${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new GongkaiError('USAGE', `配置文件 ${file} 应为一个 JSON 对象`);
  const rules = (raw as { rules?: unknown }).rules;
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new GongkaiError('USAGE', `配置文件 ${file} 的 "rules" 应为对象`);
  const known = new Set(RULES.map((r) => r.id));
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules)) {
    if (!known.has(id)) throw new GongkaiError('USAGE', `配置文件 ${file}：没有名为 “${id}” 的规则（可用 gongkai rules 查看全部规则）`);
    if (typeof setting !== 'string' || !SETTINGS.has(setting)) {
      throw new GongkaiError('USAGE', `配置文件 ${file}：规则 “${id}” 的设置应为 "error"、"warning"、"info" 或 "off"`);
    }
    out[id] = setting as RuleSetting;
  }
  return { rules: out };
}

/** The config file for a directory: its own or the nearest parent's. */
export function findConfig(dir: string): string | null {
  let d = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const f = path.join(d, name);
      if (fs.existsSync(f)) return f;
    }
    const up = path.dirname(d);
    if (up === d) return null;
    d = up;
  }
}

export function loadConfig(file: string): CheckConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new GongkaiError('USAGE', `无法读取配置文件 ${file}`);
  }
  return parseConfig(text, file);
}
