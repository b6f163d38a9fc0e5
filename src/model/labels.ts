/**
 * A label as printed in the official layout, plus the spellings real reports use instead.
 * Matching is done on the compact form (see `compact` in text.ts): NFKC, no whitespace,
 * so "三 、本 年 度办 理 结果", "商业\n企业" and full-width punctuation need no variant.
 */
export interface LabelSpec {
  /** The official wording, without its ordinal ("属于国家秘密", not "1.属于国家秘密"). */
  label: string;
  /** Other wordings seen in published reports (misprints included). */
  variants?: readonly string[];
  /**
   * The ordinal printed before the label in the official layout: "一" for "一、",
   * "（一）" style is `paren`, "1." style is `arabic`.
   */
  ordinal?: { value: string; style: OrdinalStyle };
}

export type OrdinalStyle = 'cn' | 'paren' | 'arabic';

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function cnOrdinal(n: number): string {
  const s = CN_DIGITS[n];
  if (s === undefined || s === '') throw new RangeError(`ordinal out of range: ${n}`);
  return s;
}

/** All spellings of a label, the official one first. */
export function spellings(spec: LabelSpec): string[] {
  return [spec.label, ...(spec.variants ?? [])];
}
