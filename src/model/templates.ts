/**
 * The official layouts of the annual report, declared once. Parsers, the checker, the JSON
 * Schema, the database and the renderers all derive from these declarations: adding a layout,
 * a row or a label variant is a change to this file only.
 *
 * 2019: 《政府信息公开工作年度报告格式（试行）》 issued with the 2019 revision of the 条例.
 * 2021: 国办公开办函〔2021〕30号 — 表二 reduced to 制发/废止/现行有效 and 处理决定, 表三（六）
 *       split into three items.
 */
import type { LabelSpec } from './labels.js';

export type TemplateId = '2019' | '2021';
export const TEMPLATE_IDS: readonly TemplateId[] = ['2019', '2021'];

export type TableId = 'active' | 'requests' | 'appeals';
export const TABLE_IDS: readonly TableId[] = ['active', 'requests', 'appeals'];

export const TABLE_NAMES: Record<TableId, string> = {
  active: '表二 主动公开政府信息情况',
  requests: '表三 收到和处理政府信息公开申请情况',
  appeals: '表四 政府信息公开行政复议、行政诉讼情况',
};

/** What a cell holds: counts are non-negative integers; amounts may be decimal; a signed change may be negative. */
export type CellKind = 'count' | 'amount' | 'signed';

export interface ColumnSpec extends LabelSpec {
  key: string;
  kind: CellKind;
  /** The unit the layout prescribes, where it prescribes one. */
  unit?: string;
}

export interface RowSpec extends LabelSpec {
  key: string;
  /** Rows of 表三 that belong to a numbered group (（三）不予公开 …): the group's key. */
  group?: string;
  /** 表二: the article of 第二十条 the row reports under. */
  article?: string;
  /** 表二: each row has its own columns. */
  columns?: readonly ColumnSpec[];
  /**
   * Usually true of a real report, never required: [a, b] means a ≤ b. Used only to rank the
   * splits of digits that ran together when the sum rules cannot tell them apart.
   */
  plausible?: readonly (readonly [string, string])[];
}

export interface GroupSpec extends LabelSpec {
  key: string;
}

export interface TableSpec {
  id: TableId;
  /** Row order as printed. For 表四 these are the three column groups. */
  rows: readonly RowSpec[];
  /** Columns shared by every row (表三, 表四). 表二 rows carry their own. */
  columns?: readonly ColumnSpec[];
  /** Headings that group rows without holding numbers themselves. */
  groups?: readonly GroupSpec[];
  /** Header words printed in the table (not rows): they end a row's run of values. */
  headers: readonly string[];
}

export interface Template {
  id: TemplateId;
  name: string;
  /** First statistics year the layout applies to. */
  from: number;
  /** Last statistics year it applies to, if superseded. */
  until?: number;
  tables: Record<TableId, TableSpec>;
}

// ---------------------------------------------------------------------------------------------
// 表二 主动公开政府信息情况

const count = (key: string, label: string, variants?: string[]): ColumnSpec => ({ key, label, kind: 'count', ...(variants ? { variants } : {}) });

const ACTIVE_2021_DOCS: ColumnSpec[] = [
  count('issued', '本年制发件数', ['本年新制发件数', '本年制发']),
  count('repealed', '本年废止件数', ['本年废止']),
  count('inForce', '现行有效件数', ['现行有效']),
];
const ACTIVE_2021_DECISIONS: ColumnSpec[] = [count('decisions', '本年处理决定数量', ['处理决定数量'])];

const ACTIVE_2019_DOCS: ColumnSpec[] = [
  count('made', '本年新制作数量', ['本年新制作']),
  count('published', '本年新公开数量', ['本年新公开']),
  count('total', '对外公开总数量', ['对外公开总数']),
];
const ACTIVE_2019_ITEMS: ColumnSpec[] = [
  count('previous', '上一年项目数量'),
  { key: 'change', label: '本年增/减', variants: ['本年增减', '本年增(减)'], kind: 'signed' },
  count('decisions', '处理决定数量', ['本年处理决定数量']),
];

// New documents are mostly still in force, and an agency rarely repeals more than it issues.
const DOCS_2021_PLAUSIBLE = [['issued', 'inForce'], ['repealed', 'inForce'], ['repealed', 'issued']] as const;
const DOCS_2019_PLAUSIBLE = [['made', 'total'], ['published', 'total'], ['published', 'made']] as const;

const ACTIVE_HEADERS = ['第二十条第(一)项', '第二十条第(五)项', '第二十条第(六)项', '第二十条第(八)项', '第二十条第(九)项', '信息内容'];

const ACTIVE_2021: TableSpec = {
  id: 'active',
  headers: [...ACTIVE_HEADERS, ...ACTIVE_2021_DOCS.map((c) => c.label), '本年处理决定数量', '本年收费金额'],
  rows: [
    { key: 'regulations', label: '规章', article: '（一）', columns: ACTIVE_2021_DOCS, plausible: DOCS_2021_PLAUSIBLE },
    { key: 'normativeDocuments', label: '行政规范性文件', variants: ['规范性文件'], article: '（一）', columns: ACTIVE_2021_DOCS, plausible: DOCS_2021_PLAUSIBLE },
    { key: 'licensing', label: '行政许可', article: '（五）', columns: ACTIVE_2021_DECISIONS },
    { key: 'punishment', label: '行政处罚', article: '（六）', columns: ACTIVE_2021_DECISIONS },
    { key: 'enforcement', label: '行政强制', article: '（六）', columns: ACTIVE_2021_DECISIONS },
    {
      key: 'fees',
      label: '行政事业性收费',
      article: '（八）',
      columns: [{ key: 'amount', label: '本年收费金额', variants: ['收费金额'], kind: 'amount', unit: '万元' }],
    },
  ],
};

const ACTIVE_2019: TableSpec = {
  id: 'active',
  headers: [...ACTIVE_HEADERS, ...ACTIVE_2019_DOCS.map((c) => c.label), ...ACTIVE_2019_ITEMS.map((c) => c.label), '采购项目数量', '采购总金额'],
  rows: [
    { key: 'regulations', label: '规章', article: '（一）', columns: ACTIVE_2019_DOCS, plausible: DOCS_2019_PLAUSIBLE },
    { key: 'normativeDocuments', label: '规范性文件', variants: ['行政规范性文件'], article: '（一）', columns: ACTIVE_2019_DOCS, plausible: DOCS_2019_PLAUSIBLE },
    { key: 'licensing', label: '行政许可', article: '（五）', columns: ACTIVE_2019_ITEMS },
    { key: 'otherServices', label: '其他对外管理服务事项', variants: ['其他对外管理服务'], article: '（五）', columns: ACTIVE_2019_ITEMS },
    { key: 'punishment', label: '行政处罚', article: '（六）', columns: ACTIVE_2019_ITEMS },
    { key: 'enforcement', label: '行政强制', article: '（六）', columns: ACTIVE_2019_ITEMS },
    { key: 'fees', label: '行政事业性收费', article: '（八）', columns: ACTIVE_2019_ITEMS.slice(0, 2) },
    {
      key: 'procurement',
      label: '政府集中采购',
      article: '（九）',
      columns: [count('projects', '采购项目数量'), { key: 'amount', label: '采购总金额', kind: 'amount' }],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 表三 收到和处理政府信息公开申请情况

export const REQUEST_COLUMNS: readonly ColumnSpec[] = [
  count('natural', '自然人'),
  count('commercial', '商业企业'),
  count('research', '科研机构'),
  count('social', '社会公益组织'),
  count('legal', '法律服务机构'),
  count('other', '其他'),
  count('total', '总计'),
];

const cn = (value: string) => ({ value, style: 'cn' as const });
const paren = (value: string) => ({ value, style: 'paren' as const });
const arabic = (value: string) => ({ value, style: 'arabic' as const });

const REQUEST_GROUPS: GroupSpec[] = [
  { key: 'result', label: '本年度办理结果', ordinal: cn('三') },
  { key: 'result.denied', label: '不予公开', ordinal: paren('三') },
  { key: 'result.unavailable', label: '无法提供', ordinal: paren('四') },
  { key: 'result.notProcessed', label: '不予处理', ordinal: paren('五') },
];

const REQUEST_ROWS_HEAD: RowSpec[] = [
  { key: 'received.new', label: '本年新收政府信息公开申请数量', variants: ['本年新收政府信息公开申请', '本年新收'], ordinal: cn('一') },
  { key: 'received.carriedOver', label: '上年结转政府信息公开申请数量', variants: ['上年结转政府信息公开申请', '上年结转'], ordinal: cn('二') },
  { key: 'result.granted', label: '予以公开', ordinal: paren('一'), group: 'result' },
  { key: 'result.partial', label: '部分公开', ordinal: paren('二'), group: 'result' },
  { key: 'result.denied.stateSecret', label: '属于国家秘密', variants: ['国家秘密'], ordinal: arabic('1'), group: 'result.denied' },
  {
    key: 'result.denied.lawForbidden',
    label: '其他法律行政法规禁止公开',
    variants: ['其他法律行政止公开', '其他法律法规禁止公开', '法律行政法规禁止公开'],
    ordinal: arabic('2'),
    group: 'result.denied',
  },
  { key: 'result.denied.safetyStability', label: '危及“三安全一稳定”', variants: ['危及"三安全一稳定"', '危及三安全一稳定', '三安全一稳定'], ordinal: arabic('3'), group: 'result.denied' },
  { key: 'result.denied.thirdParty', label: '保护第三方合法权益', variants: ['第三方合法权益'], ordinal: arabic('4'), group: 'result.denied' },
  { key: 'result.denied.internalAffairs', label: '属于三类内部事务信息', variants: ['三类内部事务信息', '内部事务信息'], ordinal: arabic('5'), group: 'result.denied' },
  { key: 'result.denied.processInfo', label: '属于四类过程性信息', variants: ['四类过程性信息', '过程性信息'], ordinal: arabic('6'), group: 'result.denied' },
  { key: 'result.denied.enforcementFile', label: '属于行政执法案卷', variants: ['行政执法案卷'], ordinal: arabic('7'), group: 'result.denied' },
  { key: 'result.denied.queryMatter', label: '属于行政查询事项', variants: ['行政查询事项'], ordinal: arabic('8'), group: 'result.denied' },
  { key: 'result.unavailable.notHeld', label: '本机关不掌握相关政府信息', variants: ['不掌握相关政府信息', '本机关不掌握'], ordinal: arabic('1'), group: 'result.unavailable' },
  { key: 'result.unavailable.needsCreation', label: '没有现成信息需要另行制作', variants: ['需要另行制作', '没有现成信息'], ordinal: arabic('2'), group: 'result.unavailable' },
  { key: 'result.unavailable.unclear', label: '补正后申请内容仍不明确', variants: ['申请内容仍不明确', '补正后申请内容不明确'], ordinal: arabic('3'), group: 'result.unavailable' },
  { key: 'result.notProcessed.complaint', label: '信访举报投诉类申请', variants: ['信访举报投诉'], ordinal: arabic('1'), group: 'result.notProcessed' },
  { key: 'result.notProcessed.repeated', label: '重复申请', ordinal: arabic('2'), group: 'result.notProcessed' },
  { key: 'result.notProcessed.publication', label: '要求提供公开出版物', variants: ['公开出版物'], ordinal: arabic('3'), group: 'result.notProcessed' },
  { key: 'result.notProcessed.excessive', label: '无正当理由大量反复申请', variants: ['大量反复申请'], ordinal: arabic('4'), group: 'result.notProcessed' },
  {
    key: 'result.notProcessed.confirmation',
    label: '要求行政机关确认或重新出具已获取信息',
    variants: ['确认或重新出具已获取信息', '重新出具已获取信息'],
    ordinal: arabic('5'),
    group: 'result.notProcessed',
  },
];

const REQUEST_ROWS_TAIL: RowSpec[] = [
  { key: 'result.total', label: '总计', variants: ['合计'], ordinal: paren('七'), group: 'result' },
  { key: 'carriedForward', label: '结转下年度继续办理', variants: ['结转下年度'], ordinal: cn('四') },
];

/** The single 三（六） row of 2019. */
export const OTHER_2019: RowSpec = { key: 'result.other', label: '其他处理', ordinal: paren('六'), group: 'result' };

/** The three items 三（六）1–3 of 2021. */
export const OTHER_2021: readonly RowSpec[] = [
  {
    key: 'result.other.noCorrection',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    variants: ['申请人无正当理由逾期不补正', '逾期不补正'],
    ordinal: arabic('1'),
    group: 'result.other',
  },
  {
    key: 'result.other.unpaidFee',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    variants: ['申请人逾期未按收费通知要求缴纳费用', '逾期未按收费通知要求缴纳费用', '未按收费通知要求缴纳费用'],
    ordinal: arabic('2'),
    group: 'result.other',
  },
  { key: 'result.other.other', label: '其他', ordinal: arabic('3'), group: 'result.other' },
];

const REQUEST_HEADERS = ['本列数据的勾稽关系为', '申请人情况', '法人或其他组织', ...REQUEST_COLUMNS.map((c) => c.label)];

function requestsTable(other: readonly RowSpec[], otherGroup: boolean): TableSpec {
  return {
    id: 'requests',
    headers: REQUEST_HEADERS,
    columns: REQUEST_COLUMNS,
    groups: otherGroup ? [...REQUEST_GROUPS, { key: 'result.other', label: '其他处理', ordinal: paren('六') }] : REQUEST_GROUPS,
    rows: [...REQUEST_ROWS_HEAD, ...other, ...REQUEST_ROWS_TAIL],
  };
}

// ---------------------------------------------------------------------------------------------
// 表四 政府信息公开行政复议、行政诉讼情况 — one printed row of 15 cells in three groups

export const APPEAL_COLUMNS: readonly ColumnSpec[] = [
  count('upheld', '结果维持'),
  count('corrected', '结果纠正'),
  count('other', '其他结果'),
  count('pending', '尚未审结'),
  count('total', '总计'),
];

const APPEALS: TableSpec = {
  id: 'appeals',
  headers: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', ...APPEAL_COLUMNS.map((c) => c.label)],
  columns: APPEAL_COLUMNS,
  rows: [
    { key: 'reconsideration', label: '行政复议' },
    { key: 'litigationDirect', label: '未经复议直接起诉', variants: ['直接起诉'] },
    { key: 'litigationAfterReconsideration', label: '复议后起诉' },
  ],
};

// ---------------------------------------------------------------------------------------------

export const TEMPLATES: Record<TemplateId, Template> = {
  '2019': {
    id: '2019',
    name: '2019年版（政府信息公开工作年度报告格式（试行））',
    from: 2019,
    until: 2020,
    tables: { active: ACTIVE_2019, requests: requestsTable([OTHER_2019], false), appeals: APPEALS },
  },
  '2021': {
    id: '2021',
    name: '2021年版（国办公开办函〔2021〕30号）',
    from: 2021,
    tables: { active: ACTIVE_2021, requests: requestsTable(OTHER_2021, true), appeals: APPEALS },
  },
};

/** The layout a report of this statistics year should use. */
export function templateForYear(year: number): TemplateId | null {
  if (year < TEMPLATES['2019'].from) return null;
  return year >= TEMPLATES['2021'].from ? '2021' : '2019';
}

/** Columns of a row: its own (表二) or the table's. */
export function columnsOf(table: TableSpec, row: RowSpec): readonly ColumnSpec[] {
  const cols = row.columns ?? table.columns;
  if (!cols) throw new Error(`table ${table.id} row ${row.key} has no columns`);
  return cols;
}

/** The rows of 表三 whose sum is 三（七）总计: every result row that is not itself a total. */
export function resultLeafRows(table: TableSpec): RowSpec[] {
  return table.rows.filter((r) => r.key.startsWith('result.') && r.key !== 'result.total');
}
