/**
 * The command line as a user runs it: the built `gongkai` on real files, checking output and
 * exit codes (0 clean, 1 error findings, 2 unreadable input or bad usage).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, repoRoot, sharedDir } from '../test/corpus.js';

const bin = path.join(repoRoot, 'dist', 'cli', 'main.js');
const examples = path.join(repoRoot, 'examples');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: tmp, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
});

describe('gongkai parse', () => {
  it('--json on one file prints exactly one report/v1 object', () => {
    const r = run(['parse', path.join(examples, '明川区发展和改革局-2022.txt'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.schema).toBe('report/v1');
    expect(report.meta).toMatchObject({ agency: '青禾市明川区发展和改革局', year: 2022, template: '2021' });
    expect(report.tables.requests['received.new'].total).toBe(16);
  });
  it('many files give JSON Lines, one report per line', () => {
    const r = run(['parse', examples, '--jsonl']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.schema === 'report/v1')).toBe(true);
  });
  it('--csv is one row per cell', () => {
    const r = run(['parse', path.join(examples, '明川区发展和改革局-2022.txt'), '--csv']);
    const rows = r.out.trim().split('\n');
    expect(rows[0]).toBe('file,agency,year,template,table,row,column,value,raw,method');
    // header + 表二 10 cells + 表三 25 rows × 7 + 表四 15
    expect(rows).toHaveLength(1 + 10 + 25 * 7 + 15);
    expect(rows.some((l) => l.includes(',requests,received.new,total,16,'))).toBe(true);
  });
  it('without flags shows the tables readably', () => {
    const r = run(['parse', path.join(examples, '青禾市人民政府办公室-2020.html')]);
    expect(r.out).toContain('表三 收到和处理政府信息公开申请情况');
    expect(r.out).toContain('（七）总计');
  });
  it('reads standard input', () => {
    const text = fs.readFileSync(path.join(examples, '明川区发展和改革局-2022.txt'));
    const r = run(['parse', '-', '--json'], text);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).meta.year).toBe(2022);
  });
  it.skipIf(!hasCorpus)('globs', () => {
    const r = run(['parse', path.join(sharedDir, 'seeds', '00[0-2]*.txt'), '--jsonl']);
    expect(r.out.trim().split('\n')).toHaveLength(3);
  });
});

describe('gongkai check', () => {
  it('exit 0 for a clean report', () => {
    const r = run(['check', path.join(examples, '明川区发展和改革局-2022.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('未发现错误或警告');
  });
  it('exit 1 with errors, eslint-style lines with location, message and rule', () => {
    const r = run(['check', path.join(examples, '明川区发展和改革局-2023.txt')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\d+:\d+\s+错误\s+表三「（四）1\.本机关不掌握相关政府信息」行：总计为 4，但各申请人列之和为 3\s+requests\.rowTotal/);
  });
  it('applies the years.* rules to consecutive years of one agency', () => {
    const r = run(['check', examples, '--json']);
    const out = JSON.parse(r.out) as { file: string; findings: { rule: string }[] }[];
    const later = out.find((o) => o.file.includes('2023'))!;
    expect(later.findings.some((f) => f.rule === 'years.carryOver')).toBe(true);
  });
  it('honours a config file', () => {
    fs.writeFileSync(path.join(tmp, 'gongkai.config.json'), JSON.stringify({ rules: { 'requests.rowTotal': 'off', 'requests.resultTotal': 'warning' } }));
    try {
      const r = run(['check', path.join(examples, '明川区发展和改革局-2023.txt'), '--json']);
      const findings = JSON.parse(r.out)[0].findings as { rule: string; severity: string }[];
      expect(findings.some((f) => f.rule === 'requests.rowTotal')).toBe(false);
      expect(findings.find((f) => f.rule === 'requests.resultTotal')!.severity).toBe('warning');
    } finally {
      fs.rmSync(path.join(tmp, 'gongkai.config.json'));
    }
  });
});

describe('bad input: a specific message naming the file, exit 2, never a stack trace', () => {
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const bad = (args: string[], pattern: RegExp) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err + r.out).toMatch(pattern);
    expect(r.err + r.out).not.toMatch(/at .*\.js:\d+/);
    return r;
  };
  it('an empty file', () => bad(['parse', file('empty.txt', '')], /empty\.txt: 文件为空/));
  it('a binary file', () => bad(['parse', file('blob.txt', Buffer.from([1, 2, 0, 0, 9, 0, 255, 0]))], /blob\.txt: 这是二进制文件/));
  it('a document that is not a report', () => bad(['parse', file('memo.txt', '关于召开春季运动会的通知\n各单位：定于四月举行春季运动会，请做好准备。\n')], /memo\.txt: 不是政府信息公开工作年度报告/));
  it('invalid UTF-8', () => {
    const b = Buffer.from('二、主动公开政府信息情况'.repeat(50));
    b[3] = 0xc3;
    bad(['parse', file('broken.txt', b)], /broken\.txt: 文件不是有效的 UTF-8 文本/);
  });
  it('a 100 MB file is refused without reading it', () => {
    const p = path.join(tmp, 'huge.txt');
    const fd = fs.openSync(p, 'w');
    fs.ftruncateSync(fd, 100 * 1024 * 1024);
    fs.closeSync(fd);
    const t0 = Date.now();
    bad(['parse', p], /huge\.txt: 文件过大（100 MB）/);
    fs.rmSync(p);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
  it('a file that does not exist, and bad usage', () => {
    bad(['parse', path.join(tmp, 'nope.txt')], /找不到文件/);
    bad(['parse', examples, '--jobs', '0'], /--jobs 应为正整数/);
    expect(run(['frobnicate']).code).toBe(2);
  });
  it('one bad file does not stop the others', () => {
    const r = run(['parse', file('empty2.txt', ''), path.join(examples, '明川区发展和改革局-2022.txt'), '--jsonl']);
    expect(r.code).toBe(2);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('empty2.txt: 文件为空');
  });
  it.skipIf(!hasCorpus)('a truncated table is a report with a problem: a finding, exit 1', () => {
    const text = fs.readFileSync(path.join(sharedDir, 'seeds', '001_43d6c315cbc0f57d.txt'), 'utf8');
    const cut = text.slice(0, text.indexOf('5.属于三类内部事务信息'));
    const r = run(['check', file('cut.txt', cut)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/表三缺少 \d+ 行/);
    expect(r.out).toContain('structure.sections');
  });
  it('a pre-2019 report (old 条例) is recognised and said so, not misread into numbers', () => {
    const old = [
      '某某县人民政府2017年政府信息公开工作年度报告',
      '一、概述',
      '2017年，我县认真贯彻《中华人民共和国政府信息公开条例》。',
      '二、主动公开政府信息情况',
      '全年主动公开政府信息1234条。',
      '三、依申请公开政府信息情况',
      '全年共受理申请15件，均已答复。',
      '四、政府信息公开的收费及减免情况',
      '未收取任何费用。',
      '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '无。',
      '六、政府信息公开工作存在的主要问题及改进情况',
      '公开内容有待丰富。',
    ].join('\n');
    const p = file('old.txt', old);
    const parsed = JSON.parse(run(['parse', p, '--json']).out);
    expect(parsed.meta.kind).toBe('pre2019');
    expect(parsed.tables.requests).toEqual({});
    const r = run(['check', p]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('旧《条例》');
  });
});
