// warn.test.mjs - the warning centre's API (docs/api.md, "Warnings"): list,
// detail and stats with exact expectations on a small data set, scope per
// role, the audited actions (eliminate / assign / escalate), the scan
// endpoint and the parameters.
//
// Data: the fixtures of helpers.mjs plus attendance_warn.csv (W2 worked in
// March and W3 in April on BH-2026-001 without a payroll row: wages owed
// in two due months, so both WAGE_UNPAID warnings are red; W5 worked in
// March on BH-2026-002: one month, orange), imported with the CLI and
// scanned with `anxin scan --as-of 2026-05-20`. The expected set below was
// worked out from warning-rules.md and the fixture rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { postJson, req, startWarnServer } from './helpers.mjs';
import { table } from './ids.mjs';

const ID = table();
const AS_OF = '2026-05-20';

/** Every warning as of AS_OF: rule, project, period, level. */
const EXPECTED = [
  ['WAGE_UNPAID', 'BH-2026-001', '2026-03', 'red'],
  ['WAGE_UNPAID', 'BH-2026-001', '2026-04', 'red'],
  ['BANK_MISMATCH', 'BH-2026-001', '2026-03', 'orange'],
  ['BANK_MISMATCH', 'BH-2026-002', '2026-04', 'orange'],
  ['WAGE_UNPAID', 'BH-2026-002', '2026-03', 'orange'],
  ['DAYS_MISMATCH', 'BH-2026-001', '2026-03', 'yellow'],
  ['DAYS_MISMATCH', 'BH-2026-001', '2026-04', 'yellow'],
  ['DAYS_MISMATCH', 'BH-2026-002', '2026-04', 'yellow'],
  ['LABOR_COST_LATE', 'BH-2026-001', '', 'yellow'],
  ['LABOR_COST_LATE', 'BH-2026-002', '', 'yellow'],
  ['NOT_VIA_BANK', 'BH-2026-001', '2026-04', 'yellow'],
  ['NO_BOARD', 'BH-2026-002', '', 'yellow'],
  ['NO_DEPOSIT', 'BH-2026-001', '', 'yellow'],
  ['NO_DEPOSIT', 'BH-2026-002', '', 'yellow'],
  ['WAGE_SHORT', 'BH-2026-001', '2026-04', 'yellow'],
];
const key = (w) => [w.rule, w.project_code, w.period || '', w.level].join('|');
const keys = (list) => list.map(key).sort();
const want = (pred) => EXPECTED.filter(pred).map((x) => x.join('|')).sort();

let srv;
let base;
let S;
let all; // every warning, as the administrator sees it

before(async () => {
  srv = await startWarnServer(['admin', 'inspector', 'street', 'enterprise', 'leader', 'contractor']);
  ({ base, S } = srv);
  all = (await req(base, '/api/v1/warnings?status=all&per_page=500')).json.items;
});
after(async () => { await srv.stop(); });

const get = (path, role) => srv.get(path, role);
const post = (path, body, role) => srv.post(path, body, role);
const find = (rule, project, period = '') =>
  all.find((w) => w.rule === rule && w.project_code === project && (w.period || '') === period);

describe('list', () => {
  test('the open warnings are exactly the expected set, red first', async () => {
    const r = await get('/api/v1/warnings?per_page=100');
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 15);
    assert.deepEqual(keys(r.json.items), want(() => true));
    const lv = r.json.items.map((w) => w.level);
    assert.deepEqual(lv.slice(0, 2), ['red', 'red']);
    assert.ok(lv.indexOf('yellow') > lv.lastIndexOf('orange'), 'severity order');
    const w = r.json.items[0];
    assert.equal(w.rule_name, '拖欠工资(未按月发放)');
    assert.equal(w.level_zh, '红色');
    assert.equal(w.status_zh, '待处置');
    assert.equal(w.project_name, '泰达智慧园一期');
    assert.equal(w.street, '泰达街道');
    assert.ok(w.project_id > 0);
    assert.equal(w.evidence, undefined, 'no evidence in lists');
  });

  test('filters: level, rule, street, project, period, raised dates', async () => {
    const cases = [
      ['level=red', (x) => x[3] === 'red'],
      ['level=orange', (x) => x[3] === 'orange'],
      ['rule=DAYS_MISMATCH', (x) => x[0] === 'DAYS_MISMATCH'],
      [`street=${encodeURIComponent('新港街道')}`, (x) => x[1] === 'BH-2026-002'],
      ['project_code=BH-2026-001&level=yellow', (x) => x[1] === 'BH-2026-001' && x[3] === 'yellow'],
      ['period=2026-03', (x) => x[2] === '2026-03'],
      ['raised_from=2026-05-20&raised_to=2026-05-20', () => true],
      ['raised_from=2026-05-21', () => false],
    ];
    for (const [q, pred] of cases) {
      const r = await get(`/api/v1/warnings?per_page=100&${q}`);
      assert.equal(r.status, 200, q);
      assert.deepEqual(keys(r.json.items), want(pred), q);
      assert.equal(r.json.total, want(pred).length, q);
    }
  });

  test('sort and paging', async () => {
    const r = await get('/api/v1/warnings?sort=rule&per_page=100');
    const rules = r.json.items.map((w) => w.rule);
    assert.deepEqual(rules, [...rules].sort());
    const d = await get('/api/v1/warnings?sort=-period&per_page=100');
    const periods = d.json.items.map((w) => w.period || '');
    assert.deepEqual(periods, [...periods].sort().reverse());
    const pages = [];
    for (let p = 1; p <= 4; p++) {
      const x = await get(`/api/v1/warnings?sort=id&per_page=4&page=${p}`);
      assert.equal(x.json.total, 15);
      assert.equal(x.json.page, p);
      pages.push(...x.json.items.map((w) => w.id));
    }
    assert.equal(pages.length, 15);
    assert.deepEqual(pages, [...pages].sort((a, b) => a - b));
  });

  test('bad parameters are 400 naming the parameter', async () => {
    for (const q of ['level=purple', 'rule=NOPE', 'status=closed', 'period=2026-13', 'sort=summary',
      'raised_from=20260501', 'per_page=501', 'colour=red']) {
      const r = await get(`/api/v1/warnings?${q}`);
      assert.equal(r.status, 400, q);
      assert.match(r.json.error.message, new RegExp(q.split('=')[0]), q);
    }
  });
});

describe('detail and stats', () => {
  test('a warning page: rule, project, evidence, legal basis, action, history, actions', async () => {
    const red = find('WAGE_UNPAID', 'BH-2026-001', '2026-04');
    const r = await get(`/api/v1/warnings/${red.id}`);
    assert.equal(r.status, 200);
    const w = r.json;
    assert.equal(w.rule_name, '拖欠工资(未按月发放)');
    assert.equal(w.level, 'red');
    assert.equal(w.period, '2026-04');
    assert.equal(w.project_name, '泰达智慧园一期');
    assert.match(w.enterprise_uscc, /^[0-9A-Z]{18}$/);
    assert.ok(w.enterprise_name);
    assert.equal(w.responsible, 'contractor');
    assert.match(w.legal_basis, /第十二条/);
    assert.ok(w.legal_text.length > 10);
    assert.ok(w.suggested_action.length > 5);
    // W3 worked in April (2026-04-02) and has no payroll row.
    const items = w.evidence.items;
    assert.equal(items.length, 1);
    assert.equal(items[0].id_number, ID['id:W3'], 'in full for an administrator');
    assert.ok(items[0].worker_name);
    assert.deepEqual(w.history.map((e) => [e.event, e.on_date, e.actor]), [['raised', AS_OF, 'scan']]);
    // issue 8: an administrator holds every permission, 督办 (supervise) too
    assert.deepEqual(w.actions, ['eliminate', 'assign', 'escalate', 'attach', 'supervise']);
    assert.ok(w.assignees.some((u) => u.username === 'inspector'));
    assert.ok(!w.assignees.some((u) => u.username === 'street'), 'the 新港街道 officer is not for 泰达街道');
  });

  test('evidence ID numbers are masked for roles that do not see them; leader only supervises, enterprise gets no actions', async () => {
    const own = find('WAGE_UNPAID', 'BH-2026-002', '2026-03');
    const st = (await get(`/api/v1/warnings/${own.id}`, 'street')).json;
    assert.match(st.evidence.items[0].id_number, /^\d{6}\*{8}[\dX]{4}$/);
    assert.deepEqual(st.actions, ['eliminate', 'assign', 'escalate', 'attach']);
    assert.ok(st.assignees.some((u) => u.username === 'street'));
    const ld = (await get(`/api/v1/warnings/${own.id}`, 'leader')).json;
    assert.match(ld.evidence.items[0].id_number, /\*/);
    assert.deepEqual(ld.actions, ['supervise']); // issue 8: 督办, none of the handling actions
    const e1 = find('WAGE_SHORT', 'BH-2026-001', '2026-04');
    // A project's warnings are its owner's and general contractor's
    // (issue 7, finding 4): E2 reads them, without actions.
    const en = (await get(`/api/v1/warnings/${e1.id}`, 'contractor')).json;
    assert.deepEqual(en.actions, []);
    assert.match(en.evidence.items[0].id_number, /\*/);
    const ins = (await get(`/api/v1/warnings/${own.id}`, 'inspector')).json;
    assert.equal(ins.evidence.items[0].id_number, ID['id:W5']);
  });

  test('the rule catalogue: all 14 rules of warning-rules.md with their legal basis', async () => {
    const r = await get('/api/v1/warnings/rules');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.map((x) => x.code), ['NO_ACCOUNT', 'LABOR_COST_LATE', 'WAGE_UNPAID',
      'WAGE_SHORT', 'NOT_VIA_BANK', 'BANK_MISMATCH', 'BALANCE_LOW', 'NO_DEPOSIT', 'NO_CONTRACT',
      'UNREGISTERED', 'NO_BOARD', 'BELOW_MIN_WAGE', 'COMPLETION_UNSETTLED', 'DAYS_MISMATCH']);
    const unpaid = r.json.find((x) => x.code === 'WAGE_UNPAID');
    assert.equal(unpaid.name, '拖欠工资(未按月发放)');
    assert.equal(unpaid.per_month, true);
    assert.equal(unpaid.level, 'orange');
    assert.match(unpaid.basis, /第十二条/);
    assert.equal(r.json.find((x) => x.code === 'NO_BOARD').per_month, false);
  });

  test('stats: open by level, rule and street, and the trend', async () => {
    const r = await get('/api/v1/warnings/stats');
    assert.equal(r.status, 200);
    const s = r.json;
    assert.deepEqual(s.open, { red: 2, orange: 3, yellow: 10, total: 15 });
    assert.equal(s.last_scan, AS_OF);
    assert.deepEqual(s.by_street.map((x) => [x.street, x.n]), [['泰达街道', 9], ['新港街道', 6]]);
    const rule = Object.fromEntries(s.by_rule.map((x) => [x.rule, x.n]));
    assert.deepEqual(rule, { WAGE_UNPAID: 3, DAYS_MISMATCH: 3, BANK_MISMATCH: 2, LABOR_COST_LATE: 2,
      NO_DEPOSIT: 2, NOT_VIA_BANK: 1, NO_BOARD: 1, WAGE_SHORT: 1 });
    assert.equal(s.by_rule.find((x) => x.rule === 'NO_BOARD').name, '未设立维权信息告示牌');
    assert.equal(s.trend.unit, 'day');
    assert.equal(s.trend.to, AS_OF);
    assert.equal(s.trend.points.length, 30);
    assert.deepEqual(s.trend.points.at(-1), { key: AS_OF, raised: 15, eliminated: 0, eliminated_manual: 0 });
    assert.equal(s.trend.points.slice(0, -1).reduce((n, p) => n + p.raised, 0), 0);
    const m = (await get('/api/v1/warnings/stats?trend=month&span=3')).json.trend;
    assert.deepEqual(m.points.map((p) => [p.key, p.raised]), [['2026-03', 0], ['2026-04', 0], ['2026-05', 15]]);
    assert.equal((await get('/api/v1/warnings/stats?trend=week')).status, 400);
  });

  test('scope: a street officer sees its street only; another street\'s warning is 404', async () => {
    const r = await get('/api/v1/warnings?per_page=100', 'street');
    assert.deepEqual(keys(r.json.items), want((x) => x[1] === 'BH-2026-002'));
    assert.ok(r.json.items.every((w) => w.street === '新港街道'));
    const other = find('WAGE_UNPAID', 'BH-2026-001', '2026-03');
    const d = await get(`/api/v1/warnings/${other.id}`, 'street');
    assert.equal(d.status, 404);
    assert.equal(d.json.error.code, 'not_found');
    // The general contractor E2 sees its projects' warnings; the
    // subcontractor E3 none (it answers for its own rows, not the project).
    const gc = await get('/api/v1/warnings?per_page=100', 'contractor');
    assert.deepEqual(keys(gc.json.items), want(() => true));
    const en = await get('/api/v1/warnings?per_page=100', 'enterprise');
    assert.deepEqual(en.json.items, []);
    assert.equal((await get(`/api/v1/warnings/${other.id}`, 'enterprise')).status, 404);
    const st = (await get('/api/v1/warnings/stats', 'street')).json;
    assert.deepEqual(st.open, { red: 0, orange: 2, yellow: 4, total: 6 });
    assert.deepEqual(st.by_street.map((x) => x.street), ['新港街道']);
    const dash = (await get(`/api/v1/dashboard?as_of=${AS_OF}`, 'street')).json;
    assert.deepEqual(dash.warnings.open, { red: 0, orange: 2, yellow: 4, total: 6 });
    assert.deepEqual((await get(`/api/v1/dashboard?as_of=${AS_OF}`)).json.warnings.open,
      { red: 2, orange: 3, yellow: 10, total: 15 });
  });

  test('the project page carries its open warnings', async () => {
    const p = (await get('/api/v1/projects?code=BH-2026-002', 'street')).json.items[0];
    const r = await get(`/api/v1/projects/${p.id}`, 'street');
    assert.deepEqual(keys(r.json.related.warnings), want((x) => x[1] === 'BH-2026-002'));
  });
});

describe('actions', () => {
  test('eliminate: reason required, permission, CSRF, scope; audited; history; red count drops', async () => {
    const red = find('WAGE_UNPAID', 'BH-2026-001', '2026-03');
    const path = `/api/v1/warnings/${red.id}/eliminate`;
    let r = await post(path, { reason: '  ' }, 'inspector');
    assert.equal(r.status, 422);
    assert.match(r.json.error.message, /原因|reason/);
    r = await post(path, {}, 'inspector');
    assert.equal(r.status, 422);
    r = await post(path, { reason: '已约谈整改' }, 'leader');
    assert.equal(r.status, 403);
    assert.equal(r.json.error.code, 'forbidden');
    r = await post(path, { reason: '已约谈整改' }, 'enterprise');
    assert.equal(r.status, 403);
    r = await post(path, { reason: '已约谈整改' }, 'street');
    assert.equal(r.status, 404, 'another street\'s warning');
    r = await req(base, path, { session: { headers: () => ({ cookie: `anxin_session=${S.inspector.cookie}`, 'content-type': 'application/json' }) },
      method: 'POST', body: JSON.stringify({ reason: '已约谈整改' }) });
    assert.equal(r.status, 403);
    assert.equal(r.json.error.code, 'csrf');
    assert.equal((await get(`/api/v1/warnings/${red.id}`)).json.status, 'open', 'nothing changed so far');

    r = await post(path, { reason: '已约谈整改，工资已补发' }, 'inspector');
    assert.equal(r.status, 200, r.text);
    // A red warning's elimination waits for a second person's 复核
    // (issue 8; docs/warnings.md): the administrator confirms it.
    assert.equal(r.json.status, 'review');
    r = await post(`/api/v1/warnings/${red.id}/confirm`, {}, 'admin');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'eliminated');
    assert.equal(r.json.status_zh, '已消除');
    assert.equal(r.json.eliminated_how, 'manual');
    assert.equal(r.json.eliminated_reason, '已约谈整改，工资已补发');
    assert.deepEqual(r.json.actions, []);
    const last = r.json.history.at(-1);
    assert.equal(last.event, 'eliminated');
    assert.equal(last.actor, 'admin');
    assert.equal(r.json.history.at(-3).event, 'review_requested');
    assert.equal(r.json.history.at(-3).actor, 'inspector');
    assert.equal(last.reason, '已约谈整改，工资已补发');
    const audit = (await get('/api/v1/audit?action=warning_eliminate')).json.items;
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actor, 'inspector');
    assert.equal(audit[0].object_key, String(red.id));
    assert.match(audit[0].after, /已约谈整改/);
    assert.equal((await get('/api/v1/warnings/stats')).json.open.red, 1);
    assert.equal((await get('/api/v1/warnings?level=red')).json.total, 1);
    assert.equal((await get('/api/v1/warnings?status=eliminated')).json.total, 1);
    r = await post(path, { reason: '再次' }, 'inspector');
    assert.equal(r.status, 409);
    const v = await get('/api/v1/audit/verify');
    assert.equal(v.json.ok, true);
  });

  test('assign: to an inspector or the street\'s officer only; escalate', async () => {
    const taida = find('NO_DEPOSIT', 'BH-2026-001');
    let r = await post(`/api/v1/warnings/${taida.id}/assign`, { to: 'street' }, 'inspector');
    assert.equal(r.status, 422, 'a 新港街道 officer for a 泰达街道 warning');
    r = await post(`/api/v1/warnings/${taida.id}/assign`, { to: 'leader' }, 'inspector');
    assert.equal(r.status, 422);
    const xg = find('NO_BOARD', 'BH-2026-002');
    r = await post(`/api/v1/warnings/${xg.id}/assign`, { to: 'street' }, 'inspector');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'handling');
    assert.equal(r.json.assignee, 'street');
    assert.deepEqual(r.json.history.at(-1).event, 'assigned');
    assert.equal((await get('/api/v1/warnings?status=handling&assignee=street', 'street')).json.total, 1);
    r = await post(`/api/v1/warnings/${xg.id}/escalate`, { note: '拒不整改' }, 'street');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.escalated_on !== null, true);
    assert.deepEqual(r.json.history.map((e) => e.event), ['raised', 'assigned', 'escalated']);
    const audit = (await get('/api/v1/audit?action=warning_escalate')).json.items;
    assert.equal(audit[0].actor, 'street');
    assert.equal((await get('/api/v1/warnings/stats', 'street')).json.handling, 1);
  });
});

describe('scan and parameters', () => {
  test('POST /api/v1/scan: inspector and admin only; a re-scan keeps a manual elimination', async () => {
    assert.equal((await post('/api/v1/scan', { as_of: AS_OF }, 'street')).status, 403);
    assert.equal((await post('/api/v1/scan', { as_of: AS_OF }, 'leader')).status, 403);
    assert.equal((await post('/api/v1/scan', { as_of: '2026-02-30' }, 'inspector')).status, 422);
    assert.equal((await post('/api/v1/scan', { full: 'yes' }, 'inspector')).status, 422);
    const r = await post('/api/v1/scan', { as_of: AS_OF, full: true }, 'inspector');
    assert.equal(r.status, 200, r.text);
    const s = r.json.scan;
    assert.equal(s.as_of, AS_OF);
    assert.equal(s.full, true);
    assert.equal(s.raised, 0);
    assert.equal(s.eliminated, 0);
    assert.equal(s.kept_eliminated, 1);
    assert.deepEqual(s.open, { red: 1, orange: 3, yellow: 10 });
    const audit = (await get('/api/v1/audit?action=scan')).json.items;
    assert.equal(audit[0].actor, 'inspector');
    assert.equal(audit[0].object_key, AS_OF);
  });

  test('parameters: listed for readers, changed by an administrator only, audited', async () => {
    const r = await get('/api/v1/params', 'leader');
    assert.equal(r.status, 200);
    assert.equal(r.json.items.length, 16); // 11 of the warnings, 5 of the clue deadlines
    const dr = r.json.items.find((p) => p.key === 'deposit_ratio');
    assert.deepEqual([dr.value, dr.default, dr.updated_by], ['0.01', '0.01', null]);
    const put = (k, body, role = 'admin') => postJson(base, `/api/v1/params/${k}`, body, 'PUT', { session: S[role] });
    assert.equal((await put('deposit_ratio', { value: '0.02' }, 'inspector')).status, 403);
    assert.equal((await put('deposit_ratio', { value: '2' })).status, 422);
    assert.equal((await put('no_such', { value: '1' })).status, 404);
    assert.equal((await put('deposit_ratio', {})).status, 422);
    const ok = await put('board_grace_days', { value: 10 });
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual([ok.json.item.value, ok.json.item.updated_by], ['10', 'admin']);
    const audit = (await get('/api/v1/audit?action=param_set')).json.items;
    assert.equal(audit.length, 1);
    assert.equal(audit[0].object_key, 'board_grace_days');
    assert.match(audit[0].after, /10/);
    // The next scan is full (a parameter changed).
    const s = (await post('/api/v1/scan', { as_of: AS_OF }, 'admin')).json.scan;
    assert.equal(s.full, true);
    assert.match(s.why_full, /parameters/);
  });
});
