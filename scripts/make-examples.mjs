// Writes the bundled example reports in examples/. The agencies are fictional and the prose is
// ours; the numbers are chosen so that each example shows something (a clean report, an error,
// two consecutive years, the 2019 layout in HTML, digits run together in a crawler dump).
// Run after `npm run build`: node scripts/make-examples.mjs
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES, columnsOf } from '../dist/model/templates.js';

const out = path.resolve(import.meta.dirname, '..', 'examples');
fs.mkdirSync(out, { recursive: true });

const ORD = { cn: (v) => `${v}、`, paren: (v) => `（${v}）`, arabic: (v) => `${v}.` };
const label = (row) => (row.ordinal ? ORD[row.ordinal.style](row.ordinal.value) : '') + row.label;
const NOTE_PARTIAL = '（区分处理的，只计这一情形，不计其他情形）';

/** Table 三 values: row key → [natural, commercial, research, social, legal, other] (total added). */
function withTotals(rows) {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length === 7 ? v : [...v, v.reduce((a, b) => a + b, 0)]]));
}

function requestValues(template, given) {
  const spec = TEMPLATES[template].tables.requests;
  const vals = {};
  for (const row of spec.rows) vals[row.key] = given[row.key] ?? [0, 0, 0, 0, 0, 0, 0];
  return vals;
}

// ---- Word table pasted as text: tab-led cells, blank line between rows ------------------------
function wordCopy({ title, intro, sections, template, active, requests, appeals }) {
  const L = [];
  L.push(...title, ...intro, '一、总体情况', ...sections.overview, '二、主动公开政府信息情况');
  const t2 = TEMPLATES[template].tables.active;
  let article = '';
  for (const row of t2.rows) {
    if (row.article !== article) {
      article = row.article;
      L.push(`\t第二十条第${article}项`, '', '\t信息内容', ...columnsOf(t2, row).map((c) => `\t${c.label}${c.unit ? `（单位：${c.unit}）` : ''}`), '');
    }
    L.push(`\t${row.label}`, ...columnsOf(t2, row).map((c) => `\t${fmtSigned(active[row.key][c.key], c.kind)}`), '');
  }
  L.push('', '三、收到和处理政府信息公开申请情况');
  L.push('\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '\t申请人情况', '');
  L.push('\t', '\t自然人', '\t法人或其他组织', '\t总计', '');
  L.push('\t', '\t', '\t商业', '企业', '\t科研', '机构', '\t社会公益组织', '\t法律服务机构', '\t其他', '\t', '');
  const t3 = TEMPLATES[template].tables.requests;
  let group = '';
  for (const row of t3.rows) {
    const cells = [];
    if (row.group && row.group !== group && row.group !== 'result') {
      const g = t3.groups.find((x) => x.key === row.group);
      cells.push('\t', `\t${label(g)}`);
      group = row.group;
    } else if (row.key === 'result.granted') {
      cells.push('\t三、本年度办理结果');
    } else if (row.group === 'result.denied' || row.group === 'result.unavailable' || row.group === 'result.notProcessed' || row.group === 'result.other') {
      cells.push('\t', '\t');
    } else if (row.group === 'result') {
      cells.push('\t');
    }
    cells.push(`\t${label(row)}${row.key === 'result.partial' ? NOTE_PARTIAL : ''}`);
    L.push(...cells, ...requests[row.key].map((v) => `\t${v}`), '');
  }
  L.push('', '四、政府信息公开行政复议、行政诉讼情况');
  L.push('\t行政复议', '\t行政诉讼', '', '\t结果维持', '\t结果', '纠正', '\t其他', '结果', '\t尚未', '审结', '\t总计', '\t未经复议直接起诉', '\t复议后起诉', '');
  L.push('\t', '\t', '\t', '\t', '\t', ...Array(2).fill(['\t结果维持', '\t结果纠正', '\t其他结果', '\t尚未审结', '\t总计']).flat(), '');
  L.push(...appeals.map((v) => `\t${v}`), '', '');
  L.push('五、存在的主要问题及改进情况', ...sections.problems, '六、其他需要报告的事项', ...sections.other, '');
  return L.join('\n');
}

function fmtSigned(v, kind) {
  return kind === 'signed' && v > 0 ? `+${v}` : String(v);
}

// ---- tab-separated rows -------------------------------------------------------------------------
function tsv({ title, intro, sections, template, active, requests, appeals }) {
  const L = [...title, ...intro, '一、总体情况', ...sections.overview, '二、主动公开政府信息情况'];
  const t2 = TEMPLATES[template].tables.active;
  let article = '';
  for (const row of t2.rows) {
    if (row.article !== article) {
      article = row.article;
      L.push(`第二十条第${article}项`, ['信息内容', ...columnsOf(t2, row).map((c) => c.label)].join('\t'));
    }
    L.push([row.label, ...columnsOf(t2, row).map((c) => fmtSigned(active[row.key][c.key], c.kind))].join('\t'));
  }
  L.push('三、收到和处理政府信息公开申请情况', ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'].join('\t'));
  L.push(['', '自然人', '法人或其他组织', '', '', '', '', '总计'].join('\t'));
  L.push(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''].join('\t'));
  for (const row of TEMPLATES[template].tables.requests.rows) {
    L.push([label(row) + (row.key === 'result.partial' ? NOTE_PARTIAL : ''), ...requests[row.key]].join('\t'));
  }
  L.push('四、政府信息公开行政复议、行政诉讼情况');
  L.push(['行政复议', '', '', '', '', '行政诉讼'].join('\t'));
  L.push(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'].join('\t'));
  L.push(['', '', '', '', '', ...Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat()].join('\t'));
  L.push(appeals.join('\t'));
  L.push('五、存在的主要问题及改进情况', ...sections.problems, '六、其他需要报告的事项', ...sections.other, '');
  return L.join('\n');
}

// ---- HTML with spans (2019 layout) --------------------------------------------------------------
function html({ title, intro, sections, template, active, requests, appeals, published }) {
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (v) => `<td>${v === null ? '&nbsp;' : esc(v)}</td>`;
  const P = (s) => `<p>${esc(s)}</p>`;
  const parts = [`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title.join(''))}</title></head><body>`];
  parts.push('<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>');
  parts.push(`<h1>${esc(title.join(''))}</h1><p class="date">发布日期：${published}</p>`, ...intro.map(P), P('一、总体情况'), ...sections.overview.map(P), P('二、主动公开政府信息情况'));
  const t2 = TEMPLATES[template].tables.active;
  parts.push('<table border="1">');
  let article = '';
  for (const row of t2.rows) {
    const cols = columnsOf(t2, row);
    if (row.article !== article) {
      article = row.article;
      parts.push(`<tr><td colspan="4">第二十条第${article}项</td></tr>`, `<tr><td>信息内容</td>${cols.map((c) => `<td>${esc(c.label)}</td>`).join('')}</tr>`);
    }
    parts.push(`<tr><td>${esc(row.label)}</td>${cols.map((c) => cell(fmtSigned(active[row.key][c.key], c.kind))).join('')}</tr>`);
  }
  parts.push('</table>', P('三、收到和处理政府信息公开申请情况'), '<table border="1">');
  parts.push('<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>');
  parts.push('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>');
  parts.push('<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>');
  for (const row of TEMPLATES[template].tables.requests.rows) {
    parts.push(`<tr><td colspan="3">${esc(label(row))}${row.key === 'result.partial' ? esc(NOTE_PARTIAL) : ''}</td>${requests[row.key].map(cell).join('')}</tr>`);
  }
  parts.push('</table>', P('四、政府信息公开行政复议、行政诉讼情况'), '<table border="1">');
  parts.push('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>');
  parts.push('<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>');
  parts.push(`<tr>${Array(2).fill('<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>').join('')}</tr>`);
  parts.push(`<tr>${appeals.map(cell).join('')}</tr></table>`);
  parts.push(P('五、存在的主要问题及改进情况'), ...sections.problems.map(P), P('六、其他需要报告的事项'), ...sections.other.map(P));
  parts.push('<div class="footer">主办单位：青禾市人民政府办公室</div></body></html>');
  return parts.join('\n');
}

// ---- a crawler's text dump: every table cell run together ---------------------------------------
function crawler({ title, intro, sections, template, active, requests, appeals, published }) {
  const t2 = TEMPLATES[template].tables.active;
  let body = `当前位置：首页 > 政务公开 > 政府信息公开年报 ${title.join('')} 来源：石桥镇人民政府 ${intro.join('')}一、总体情况${sections.overview.join('')}二、主动公开政府信息情况 `;
  let article = '';
  for (const row of t2.rows) {
    const cols = columnsOf(t2, row);
    if (row.article !== article) {
      article = row.article;
      body += `第二十条第${article}项信息内容${cols.map((c) => c.label + (c.unit ? `（单位：${c.unit}）` : '')).join('')}`;
    }
    body += row.label + cols.map((c) => active[row.key][c.key]).join('');
  }
  body += '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他';
  const t3 = TEMPLATES[template].tables.requests;
  let group = '';
  for (const row of t3.rows) {
    if (row.key === 'result.granted') body += '三、本年度办理结果';
    if (row.group && row.group !== 'result' && row.group !== group) {
      group = row.group;
      body += label(t3.groups.find((g) => g.key === row.group));
    }
    body += label(row) + (row.key === 'result.partial' ? NOTE_PARTIAL : '') + requests[row.key].join('');
  }
  body += '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';
  body += appeals.join('');
  body += `五、存在的主要问题及改进情况${sections.problems.join('')}六、其他需要报告的事项${sections.other.join('')} 附件下载`;
  return [`标题: ${title.join('')}`, `发布时间: ${published} 09:30`, '发布机构: ', '栏目: 政府信息公开年报', '==================== 正文 ====================', body, ''].join('\n');
}

// ---------------------------------------------------------------------------------------------
const mingchuan2022 = {
  title: ['青禾市明川区发展和改革局', '2022年政府信息公开工作年度报告'],
  intro: ['本报告依据《中华人民共和国政府信息公开条例》第五十条编制，所列数据的统计期限为2022年1月1日至12月31日。'],
  template: '2021',
  sections: {
    overview: [
      '（一）主动公开。全年在区政府门户网站发展改革专栏发布项目审批、价格监测、粮食储备等信息186条，及时更新机构职能和办事指南。',
      '（二）依申请公开。全年新收政府信息公开申请16件，上年结转2件，办结16件，2件结转下年度继续办理。',
      '（三）政府信息管理。落实公开属性源头认定，发文时同步明确公开方式。',
      '（四）平台建设。优化专栏栏目设置，清理过期链接。',
      '（五）监督保障。将政务公开纳入科室年度考核。',
    ],
    problems: ['一是政策解读形式较为单一，图解和视频解读偏少；二是部分办事指南更新不够及时。下一步，我局将增加图解解读比重，建立办事指南季度核查机制。'],
    other: ['本年度未收取信息处理费。'],
  },
  active: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 2, repealed: 1, inForce: 9 },
    licensing: { decisions: 341 },
    punishment: { decisions: 12 },
    enforcement: { decisions: 0 },
    fees: { amount: 0 },
  },
  requests: requestValues(
    '2021',
    withTotals({
      'received.new': [12, 3, 0, 0, 1, 0],
      'received.carriedOver': [2, 0, 0, 0, 0, 0],
      'result.granted': [8, 2, 0, 0, 0, 0],
      'result.partial': [1, 0, 0, 0, 0, 0],
      'result.denied.thirdParty': [1, 0, 0, 0, 0, 0],
      'result.unavailable.notHeld': [2, 1, 0, 0, 0, 0],
      'result.notProcessed.repeated': [0, 0, 0, 0, 1, 0],
      'result.total': [12, 3, 0, 0, 1, 0],
      carriedForward: [2, 0, 0, 0, 0, 0],
    }),
  ),
  appeals: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
};

// The next year, as a spreadsheet export pasted as text; 上年结转 disagrees with last year's
// 结转下年度, and one row's 总计 is mistyped.
const mingchuan2023 = {
  ...mingchuan2022,
  title: ['青禾市明川区发展和改革局', '2023年政府信息公开工作年度报告'],
  intro: ['本报告依据《中华人民共和国政府信息公开条例》第五十条编制，所列数据的统计期限为2023年1月1日至12月31日。'],
  sections: {
    overview: [
      '（一）主动公开。全年发布各类政府信息203条，重点公开重大项目批准和实施、价格收费等信息。',
      '（二）依申请公开。全年收到政府信息公开申请9件，均已在法定期限内答复。',
      '（三）政府信息管理。开展政策文件清理，及时标注失效文件。',
      '（四）平台建设。专栏与区政务服务网实现办事指南同源发布。',
      '（五）监督保障。组织政务公开业务培训两次。',
    ],
    problems: ['一是依申请公开答复文书的说理还不够充分；二是基层站所信息报送不够及时。下一步将制定答复文书范本，明确信息报送时限。'],
    other: ['本年度未收取信息处理费。'],
  },
  active: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 1, repealed: 2, inForce: 8 },
    licensing: { decisions: 298 },
    punishment: { decisions: 7 },
    enforcement: { decisions: 1 },
    fees: { amount: 0 },
  },
  requests: requestValues('2021', {
    ...withTotals({
      'received.new': [7, 2, 0, 0, 0, 0],
      'received.carriedOver': [1, 0, 0, 0, 0, 0],
      'result.granted': [5, 1, 0, 0, 0, 0],
      'result.unavailable.notHeld': [2, 1, 0, 0, 0, 0],
      'result.other.other': [1, 0, 0, 0, 0, 0],
      'result.total': [8, 2, 0, 0, 0, 0],
      carriedForward: [0, 0, 0, 0, 0, 0],
    }),
    'result.unavailable.notHeld': [2, 1, 0, 0, 0, 0, 4],
  }),
  appeals: [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
};

const qinghe2020 = {
  title: ['2020年青禾市人民政府办公室政府信息公开工作年度报告'],
  intro: ['本年度报告根据《中华人民共和国政府信息公开条例》要求编制，统计期限为2020年1月1日至12月31日。'],
  template: '2019',
  published: '2021-01-29',
  sections: {
    overview: [
      '2020年，市政府办公室围绕疫情防控和复工复产，及时发布防控措施、惠企政策和办事指引。',
      '（一）主动公开方面。发布市政府规章2件、规范性文件14件，开设“复工复产政策汇编”专题。',
      '（二）依申请公开方面。市政府办公室代表市政府共受理政府信息公开申请41件，答复39件，2件结转下年度继续办理。',
    ],
    problems: ['（一）主要问题：政策解读的针对性有待加强，依申请办理的协调机制仍需完善。（二）改进措施：推行解读材料与政策文件同步审核，建立疑难申请会商制度。'],
    other: ['无。'],
  },
  active: {
    regulations: { made: 2, published: 2, total: 57 },
    normativeDocuments: { made: 14, published: 14, total: 133 },
    licensing: { previous: 0, change: 0, decisions: 0 },
    otherServices: { previous: 0, change: 0, decisions: 0 },
    punishment: { previous: 0, change: 0, decisions: 0 },
    enforcement: { previous: 0, change: 0, decisions: 0 },
    fees: { previous: 0, change: 0 },
    procurement: { projects: 4, amount: 86.5 },
  },
  requests: requestValues('2019', {
    'received.new': [35, 4, null, null, 2, null, 41],
    'received.carriedOver': [0, null, null, null, null, null, 0],
    'result.granted': [14, 2, null, null, 1, null, 17],
    'result.partial': [2, null, null, null, null, null, 2],
    'result.denied.processInfo': [1, null, null, null, null, null, 1],
    'result.unavailable.notHeld': [12, 1, null, null, 1, null, 14],
    'result.notProcessed.complaint': [5, null, null, null, null, null, 5],
    'result.other': [null, null, null, null, null, null, null],
    'result.total': [34, 3, null, null, 2, null, 39],
    carriedForward: [1, 1, null, null, null, null, 2],
  }),
  appeals: [2, null, null, 1, 3, 1, null, null, null, 1, null, null, null, null, null],
};

const shiqiao2021 = {
  title: ['石桥镇2021年度政府信息公开工作年度报告'],
  intro: ['根据《中华人民共和国政府信息公开条例》，我镇编制了本报告。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。'],
  template: '2021',
  published: '2022-01-20',
  sections: {
    overview: ['2021年，我镇以村务公开和惠农政策公开为重点，全年公开各类信息412条。本年度共收到12件申请，办结11件，1件结转下年度继续办理。'],
    problems: ['（一）存在的主要问题：村级公开栏更新不及时。（二）改进措施：建立村级公开栏月度巡查制度。'],
    other: ['2021年，本镇未收取信息处理费。'],
  },
  active: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 3, repealed: 0, inForce: 17 },
    licensing: { decisions: 64 },
    punishment: { decisions: 23 },
    enforcement: { decisions: 2 },
    fees: { amount: 1.25 },
  },
  requests: requestValues(
    '2021',
    withTotals({
      'received.new': [10, 2, 0, 0, 0, 0],
      'result.granted': [6, 1, 0, 0, 0, 0],
      'result.partial': [1, 0, 0, 0, 0, 0],
      'result.unavailable.notHeld': [2, 1, 0, 0, 0, 0],
      'result.other.other': [0, 0, 0, 0, 0, 0],
      'result.total': [9, 2, 0, 0, 0, 0],
      carriedForward: [1, 0, 0, 0, 0, 0],
    }),
  ),
  appeals: [0, 0, 0, 0, 0, 1, 0, 1, 0, 2, 0, 0, 0, 0, 0],
};

const files = {
  '明川区发展和改革局-2022.txt': wordCopy(mingchuan2022),
  '明川区发展和改革局-2023.txt': tsv(mingchuan2023),
  '青禾市人民政府办公室-2020.html': html(qinghe2020),
  '石桥镇人民政府-2021.txt': crawler(shiqiao2021),
};
for (const [name, text] of Object.entries(files)) {
  fs.writeFileSync(path.join(out, name), text);
  console.log(`examples/${name}`);
}
