/** Display helpers for numbers, dates and labels in Chinese. */
import type { LabelSpec } from '../../../src/model/labels.js';
import type { CellValue, Severity } from '../types.js';

export function formatValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
}

/** The ordinal as the official layout prints it: "一、", "（三）", "1.". */
export function ordinalText(spec: LabelSpec): string {
  const o = spec.ordinal;
  if (!o) return '';
  if (o.style === 'cn') return `${o.value}、`;
  if (o.style === 'paren') return `（${o.value}）`;
  return `${o.value}.`;
}

export function labelText(spec: LabelSpec): string {
  return `${ordinalText(spec)}${spec.label}`;
}

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Parse what a clerk types into a cell: "" is empty, "+5" and "1,234" are numbers. */
export function parseCellInput(text: string): { ok: true; value: CellValue } | { ok: false; message: string } {
  const t = text.trim().replace(/[，,]/g, '').replace(/^＋/, '+').replace(/^－/, '-');
  if (t === '') return { ok: true, value: null };
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return { ok: false, message: '请输入数字（留空表示该格为空）' };
  return { ok: true, value: Number(t) };
}

/** The statistics year most reports being reviewed now are about: last year. */
export function defaultYear(): number {
  return new Date().getFullYear() - 1;
}
