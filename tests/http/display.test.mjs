// display.test.mjs - issue 8, items 2 and 3 over HTTP: what a person reads
// is Chinese (API error messages, import reasons, audit labels and actor
// names, warnings' people by name, evidence code labels, parameters in the
// unit people think in), and exports an official can use in Excel/WPS
// (display form by default, the exchange form on request and round trip,
// the list's filters / search / sort, the masked role's personal-field
// rule, Chinese RFC 5987 file names, XLSX widths / frozen header / number
// formats, the warning centre's export, the XLSX import templates).
//
// Data: the fixtures of helpers.mjs plus attendance_warn.csv, scanned as of
// AS_OF (WAGE_UNPAID and COMPLETION-free warnings of BH-2026-001).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, postJson, req, startWarnServer } from './helpers.mjs';

let srv;
let base;
let S;

before(async () => {
  srv = await startWarnServer(['admin', 'street']);
  ({ base, S } = srv);
});
after(async () => { await srv.stop(); });

const get = (path, role) => srv.get(path, role);
const CJK = /[\u4e00-\u9fff]/;
/** The raw bytes of a download. */
async function download(path, role = 'admin') {
  const res = await fetch(base + path, { headers: S[role].headers() });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
/** One file of an XLSX (a zip) as text, through unzip -p. */
function xlsxPart(buf, part) {
  const f = join(srv.dir, `x${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(f, buf);
  return execFileSync('unzip', ['-p', f, part], { encoding: 'utf8' });
}
/** Rows of a CSV download (BOM removed; no quoted commas in these fixtures). */
const csvRows = (buf) => buf.toString('utf8').replace(/^\ufeff/, '').trim().split(/\r\n/).map((l) => l.split(','));

describe('item 2: Chinese everywhere a person reads', () => {
  test('API error messages are Chinese; the code stays machine', async () => {
    for (const [path, code] of [['/api/v1/projects/99999', 'not_found'], ['/api/v1/projects?page=abc', 'bad_request'],
      ['/api/v1/projects?status=flying', 'bad_request'], ['/api/v1/nothing/1/2/3', 'not_found']]) {
      const r = await get(path);
      assert.equal(r.json.error.code, code, path);
      assert.match(r.json.error.message, CJK, `${path}: ${r.json.error.message}`);
      assert.doesNotMatch(r.json.error.message, /record with id|not a whole number|\([a-z][a-z ]+/, path);
    }
    const p = await postJson(base, '/api/v1/params/lookback_months', { value: 'abc' }, 'PUT', { session: S.admin });
    assert.equal(p.status, 422);
    assert.match(p.json.error.message, /回溯月数.*不是整数/);
    assert.doesNotMatch(p.json.error.message, /not an integer/);
  });

  test('the import report\'s reasons are Chinese only', async () => {
    const r = await req(base, '/api/v1/import/payroll?filename=bad.csv', { method: 'POST',
      headers: { ...S.admin.headers(), 'content-type': 'text/csv' }, body: fixture('payroll_bad.csv') });
    assert.equal(r.status, 422);
    assert.ok(r.json.errors.length > 0);
    for (const e of r.json.errors) {
      assert.match(e.reason, CJK, e.reason);
      assert.doesNotMatch(e.reason, /\([A-Za-z]/, e.reason);
    }
  });

  test('the audit log: actions, roles and objects labelled, actors by name, label tables', async () => {
    const r = await get('/api/v1/audit?per_page=100');
    assert.equal(r.status, 200);
    assert.equal(r.json.labels.actions.warning_eliminate, '消除预警');
    assert.equal(r.json.labels.actions.login, '登录');
    assert.equal(r.json.labels.values.inspector, '监察员');
    const login = r.json.items.find((x) => x.action === 'login' && x.actor === 'admin');
    assert.equal(login.action_zh, '登录');
    assert.equal(login.role_zh, '区人社局管理员');
    assert.ok(login.actor_name);
    const imp = r.json.items.find((x) => x.action === 'import');
    assert.equal(imp.action_zh, '导入文件');
    assert.ok(imp.object_zh && CJK.test(imp.object_zh), imp.object_zh);
  });

  test('warnings show people by name; evidence codes have labels', async () => {
    const add = await postJson(base, '/api/v1/users', { username: 'lijc', name: '李监察', role: 'inspector' },
      'POST', { session: S.admin });
    assert.equal(add.status, 200, add.text);
    const list = (await get('/api/v1/warnings?rule=WAGE_UNPAID')).json.items;
    assert.ok(list.length > 0);
    const id = list[0].id;
    const a = await postJson(base, `/api/v1/warnings/${id}/assign`, { to: 'lijc' }, 'POST', { session: S.admin });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.json.assignee, 'lijc');
    assert.equal(a.json.assignee_name, '李监察');
    const ev = a.json.history.find((e) => e.event === 'assigned');
    assert.equal(ev.assignee_name, '李监察');
    assert.equal(a.json.history.find((e) => e.event === 'raised').actor_name, '系统扫描');
    assert.equal(a.json.evidence_labels.unpaid, '未发放');
    assert.equal(a.json.evidence_labels.labor_cost, '人工费用拨付');
    const again = (await get(`/api/v1/warnings?rule=WAGE_UNPAID&assignee=lijc`)).json.items[0];
    assert.equal(again.assignee_name, '李监察');
  });

  test('parameters in the unit people think in, with an explanation', async () => {
    const items = (await get('/api/v1/params')).json.items;
    const d = items.find((p) => p.key === 'deposit_ratio');
    assert.equal(d.value, '0.01');
    assert.equal(d.display_value, '1');
    assert.equal(d.unit, '%');
    assert.equal(d.name, '工资保证金比例');
    assert.match(d.explanation, /合同金额/);
    for (const p of items) assert.ok(p.name && CJK.test(p.explanation), p.key);
    const put = await postJson(base, '/api/v1/params/deposit_ratio', { display_value: '1.5' }, 'PUT', { session: S.admin });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json.item.value, '0.015');
    assert.equal(put.json.item.display_value, '1.5');
    await postJson(base, '/api/v1/params/deposit_ratio', { value: '0.01' }, 'PUT', { session: S.admin });
  });
});

describe('item 3: exports an official can use', () => {
  test('the API\'s export is the display form by default: labels, names beside codes, 是/否', async () => {
    const r = await download('/api/v1/export/projects?format=csv');
    assert.equal(r.status, 200);
    const rows = csvRows(r.body);
    const head = rows[0];
    assert.ok(head.includes('建设单位名称') && head.includes('施工总承包单位名称'), head.join());
    const st = head.indexOf('项目状态');
    assert.ok(rows.slice(1).every((x) => ['未开工', '在建', '停工', '竣工'].includes(x[st])), rows.map((x) => x[st]).join());
    const owner = rows[1][head.indexOf('建设单位名称')];
    assert.match(owner, CJK);
    const pay = csvRows((await download('/api/v1/export/payroll?format=csv')).body);
    assert.ok(pay[0].includes('姓名') && pay[0].includes('项目名称'), pay[0].join());
    const ch = pay[0].indexOf('发放方式');
    assert.ok(pay.slice(1).every((x) => !['bank', 'cash', 'other'].includes(x[ch])));
  });

  test("a list filtered by a field named like the export's own parameters exports that list", async () => {
    // deposits have a field "form" (存储形式): the export's form choice is
    // layout=, so the list's form= filter reaches the list query
    const all = await get('/api/v1/deposits?per_page=500');
    const codes = [...new Set(all.json.items.map((x) => x.form))];
    assert.ok(codes.length >= 1, 'fixture deposits have a form');
    const one = codes[0];
    const n = all.json.items.filter((x) => x.form === one).length;
    const r = await download(`/api/v1/export/deposits?format=csv&layout=exchange&form=${one}`);
    assert.equal(r.status, 200, r.body.toString());
    const rows = csvRows(r.body);
    assert.equal(rows.length - 1, n);
  });

  test('layout=exchange is the machine form and re-imports to the same data', async () => {
    const r = await download('/api/v1/export/projects?format=csv&layout=exchange&unmasked=1');
    const rows = csvRows(r.body);
    assert.equal(rows[0][0], '项目编号');
    assert.ok(!rows[0].includes('建设单位名称'));
    assert.ok(rows.slice(1).some((x) => x.includes('active')));
    const back = await req(base, '/api/v1/import/projects?filename=p.csv', { method: 'POST',
      headers: { ...S.admin.headers(), 'content-type': 'text/csv' }, body: r.body });
    assert.equal(back.status, 200, back.text);
    assert.equal(back.json.inserted + back.json.updated, 0);
    assert.equal(back.json.unchanged, rows.length - 1);
  });

  test('the export is the list on screen: filters, search and sort', async () => {
    const list = (await get('/api/v1/projects?status=active&sort=-contract_amount&per_page=500')).json.items;
    const r = csvRows((await download('/api/v1/export/projects?format=csv&status=active&sort=-contract_amount&page=2&per_page=1')).body);
    assert.deepEqual(r.slice(1).map((x) => x[0]), list.map((x) => x.code));
    const q = (await get('/api/v1/projects?q=泰达')).json.items;
    const rq = csvRows((await download('/api/v1/export/projects?format=csv&q=' + encodeURIComponent('泰达'))).body);
    assert.deepEqual(rq.slice(1).map((x) => x[0]).sort(), q.map((x) => x.code).sort());
    assert.ok(rq.length - 1 < csvRows((await download('/api/v1/export/projects?format=csv')).body).length - 1);
  });

  test('a masked role may not export by a personal field (400 personal_field)', async () => {
    const r = await get('/api/v1/export/workers?id_number=120116198304131036', 'street');
    assert.equal(r.status, 400);
    assert.equal(r.json.error.code, 'personal_field');
    assert.match(r.json.error.message, CJK);
    const s = await get('/api/v1/export/workers?sort=phone', 'street');
    assert.equal(s.status, 400);
  });

  test('Chinese file names with the street and date (RFC 5987)', async () => {
    const r = await download('/api/v1/export/projects?format=xlsx&street=' + encodeURIComponent('新港街道'));
    const cd = r.headers.get('content-disposition');
    const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
    assert.ok(m, cd);
    assert.match(decodeURIComponent(m[1]), /^在建项目_新港街道_\d{4}-\d{2}-\d{2}\.xlsx$/);
    assert.match(cd, /filename="projects_\d{4}-\d{2}-\d{2}\.xlsx"/);
    const s = await download('/api/v1/export/projects?format=csv', 'street');
    assert.match(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(s.headers.get('content-disposition'))[1]),
      /^在建项目_新港街道_/);
    const x = await download('/api/v1/export/payroll?format=csv&layout=exchange');
    assert.match(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(x.headers.get('content-disposition'))[1]),
      /^工资支付表_导入格式_\d{4}-\d{2}-\d{2}\.csv$/);
  });

  test('XLSX: column widths, frozen header, numbers with formats, dates as dates', async () => {
    const r = await download('/api/v1/export/projects?format=xlsx');
    const sheet = xlsxPart(r.body, 'xl/worksheets/sheet1.xml');
    assert.match(sheet, /<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    assert.match(sheet, /<cols><col [^>]*width="/);
    const styles = xlsxPart(r.body, 'xl/styles.xml');
    assert.match(styles, /formatCode="#,##0\.00"/);
    assert.match(styles, /formatCode="yyyy\\?-mm\\?-dd"/);
    // a money cell is a number (no t="s"/"str"): 125000000.00 of BH-2026-001
    assert.match(sheet, /<c r="[A-Z]+\d+" s="\d+"><v>125000000<\/v><\/c>/);
  });

  test('the warning centre\'s list has an export', async () => {
    const list = (await get('/api/v1/warnings?level=red&per_page=500')).json.items;
    const r = await download('/api/v1/export/warnings?format=csv&level=red');
    assert.equal(r.status, 200);
    const rows = csvRows(r.body);
    assert.equal(rows[0][1], '预警等级');
    assert.equal(rows.length - 1, list.length);
    assert.ok(rows.slice(1).every((x) => x[1] === '红色'));
    assert.ok(!r.body.toString('utf8').includes('WAGE_UNPAID'));
    const cd = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(r.headers.get('content-disposition'))[1]);
    assert.match(cd, /^预警清单_\d{4}-\d{2}-\d{2}\.csv$/);
    const x = await download('/api/v1/export/warnings');
    assert.match(r.headers.get('content-type'), /text\/csv/);
    assert.match(x.headers.get('content-type'), /spreadsheetml/);
  });

  test('an XLSX import template per kind, with a 填写说明 sheet', async () => {
    const r = await download('/api/v1/template/payroll');
    assert.equal(r.status, 200);
    assert.match(xlsxPart(r.body, 'xl/workbook.xml'), /name="填写说明"/);
    const strings = xlsxPart(r.body, 'xl/worksheets/sheet1.xml') + xlsxPart(r.body, 'xl/worksheets/sheet2.xml');
    for (const s of ['项目编号', '工资所属期', '银行代发、现金、其他']) assert.ok(strings.includes(s), s);
    const cd = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(r.headers.get('content-disposition'))[1]);
    assert.equal(cd, '工资支付表_导入模板.xlsx');
  });
});
