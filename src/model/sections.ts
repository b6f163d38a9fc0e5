/**
 * The six narrative sections 第五十条 of the 条例 requires, in order. Headings vary in real
 * reports ("6、", "五、政务公开工作存在的主要问题"), so a heading is recognised by its ordinal
 * and any one of its keywords.
 */
export interface SectionSpec {
  number: number;
  key: SectionKey;
  /** The heading as the official layout prints it. */
  label: string;
  keywords: readonly string[];
}

export type SectionKey = 'overview' | 'active' | 'requests' | 'appeals' | 'problems' | 'other';

export const SECTIONS: readonly SectionSpec[] = [
  { number: 1, key: 'overview', label: '总体情况', keywords: ['总体情况', '基本情况', '概述'] },
  { number: 2, key: 'active', label: '主动公开政府信息情况', keywords: ['主动公开'] },
  {
    number: 3,
    key: 'requests',
    label: '收到和处理政府信息公开申请情况',
    keywords: ['收到和处理', '依申请公开', '政府信息公开申请'],
  },
  {
    number: 4,
    key: 'appeals',
    label: '政府信息公开行政复议、行政诉讼情况',
    keywords: ['行政复议', '行政诉讼'],
  },
  {
    number: 5,
    key: 'problems',
    label: '存在的主要问题及改进情况',
    keywords: ['存在的主要问题', '主要问题', '存在问题', '改进情况'],
  },
  { number: 6, key: 'other', label: '其他需要报告的事项', keywords: ['其他需要报告', '其他需要说明'] },
];
