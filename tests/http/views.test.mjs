// views.test.mjs - issue 8, items 1, 5 and 7 at the API: figures that
// agree with the warnings, lists that answer questions, role views.
//
// Data: the fixtures of helpers.mjs plus attendance_warn.csv (as in
// warn.test.mjs: W2 worked in March and W3 in April on BH-2026-001 without
// a payroll row, W5 in March on BH-2026-002), scanned with `anxin scan
// --as-of 2026-05-20`.
//   1. the paid-rate / unpaid figures of the dashboard and of a project's
//      payroll_by_month count what WAGE_UNPAID and WAGE_SHORT count; the
//      WAGE_UNPAID summary says its workers are not on the payroll
//      instead of "工资表应发合计0.00元"; the accounts list sends each
//      account's balance; the dashboard's open warnings and 在建 count
//      move with as_of.
//   5. projects: active=1 (在建 on as_of, the dashboard's count) and
//      warn_level= (highest open level), each item with warn_level and
//      warnings_open; workers: project= and employer= (parts of names),
//      never a partial ID number; warnings: enterprise_uscc=.
//   7. 督办: a leader's supervise action (audited, in the history, read by
//      the assignee), and none of the inspector's actions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { req, startWarnServer } from './helpers.mjs';
import { table } from './ids.mjs';

const ID = table();
const AS_OF = '2026-05-20';

let srv;
let base;
let S;

before(async () => {
  srv = await startWarnServer(['admin', 'inspector', 'street', 'leader']);
  ({ base, S } = srv);
});
after(async () => { await srv.stop(); });

const get = async (path, role = 'admin') => {
  const r = await srv.get(path, role);
  assert.equal(r.status, 200, `GET ${path} as ${role}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
};
const post = (path, body, role) => srv.post(path, body, role);

/** Open warnings of rule on project (and month), from the warning list. */
async function warnings(rule, project, period) {
  const q = new URLSearchParams({ rule, per_page: '500' });
  if (project) q.set('project_code', project);
  if (period) q.set('period', period);
  return (await get('/api/v1/warnings?' + q)).items;
}
const items = (list) => list.reduce((n, w) => n + w.items, 0);

describe('1. numbers that agree', () => {
  test('a project\'s payroll_by_month counts unpaid workers as WAGE_UNPAID + WAGE_SHORT do', async () => {
    const p = (await get('/api/v1/projects?code=BH-2026-001')).items[0];
    const d = await get(`/api/v1/projects/${p.id}?as_of=${AS_OF}`);
    let checked = 0;
    for (const month of ['2026-03', '2026-04']) {
      const row = d.related.payroll_by_month.find((m) => m.month === month);
      const want = items(await warnings('WAGE_UNPAID', 'BH-2026-001', month)) +
        items(await warnings('WAGE_SHORT', 'BH-2026-001', month));
      assert.ok(want > 0, `warnings of ${month}`);
      assert.equal(row.unpaid_workers, want, `${month}: ${JSON.stringify(row)}`);
      // the worker who worked without a payroll row is owed, and counted
      assert.ok(row.no_payroll >= 1 && row.workers === row.on_payroll + row.no_payroll, JSON.stringify(row));
      checked++;
    }
    assert.equal(checked, 2);
  });

  test('the dashboard\'s unpaid count of its month is the warnings\' count, its rate by worker', async () => {
    const d = await get(`/api/v1/dashboard?as_of=${AS_OF}`);
    assert.equal(d.wages.month, '2026-04');
    const want = items(await warnings('WAGE_UNPAID', null, '2026-04')) + items(await warnings('WAGE_SHORT', null, '2026-04'));
    assert.equal(d.wages.unpaid_workers, want);
    assert.ok(d.wages.due_workers >= d.wages.unpaid_workers && d.wages.no_payroll >= 1, JSON.stringify(d.wages));
    const last = d.wages.by_month.at(-1);
    assert.deepEqual([last.month, last.unpaid_workers], ['2026-04', want]);
  });

  test('WAGE_UNPAID of workers without a payroll row says so, not "应发合计0.00元"', async () => {
    const [w] = await warnings('WAGE_UNPAID', 'BH-2026-002', '2026-03');
    assert.ok(w, 'the warning');
    assert.doesNotMatch(w.summary, /应发合计0\.00元/);
    assert.match(w.summary, /未列入工资表/);
  });

  test('the accounts list sends each account\'s balance on as_of, as its page does', async () => {
    const list = await get(`/api/v1/accounts?as_of=${AS_OF}&per_page=500`);
    assert.ok(list.items.length >= 2);
    for (const a of list.items) {
      assert.match(String(a.balance), /^-?\d+\.\d{2}$/, `balance of ${a.account_no}`);
      const one = await get(`/api/v1/accounts/${a.id}?as_of=${AS_OF}`);
      assert.equal(a.balance, one.related.balance, a.account_no);
    }
  });

  test('the dashboard\'s open warnings and 在建 count move with as_of', async () => {
    const now = await get(`/api/v1/dashboard?as_of=${AS_OF}`);
    const before = await get('/api/v1/dashboard?as_of=2026-05-19');
    assert.equal(now.warnings.open.total, (await get('/api/v1/warnings?per_page=1')).total);
    assert.ok(now.warnings.open.total > 0);
    assert.equal(before.warnings.open.total, 0, 'no warning was open before the scan day');
    // the list answers the same question with open_on=
    assert.equal((await get('/api/v1/warnings?open_on=2026-05-19')).total, 0);
    assert.equal((await get(`/api/v1/warnings?open_on=${AS_OF}`)).total, now.warnings.open.total);
    const early = await get('/api/v1/dashboard?as_of=2020-01-01');
    assert.ok(now.projects.active > 0);
    assert.equal(early.projects.active, 0, 'no project had started in 2020');
  });
});

describe('5. lists that answer questions', () => {
  test('projects: warn_level= filters by the highest open level; items carry it', async () => {
    const all = await get(`/api/v1/warnings?per_page=500`);
    const rank = { red: 3, orange: 2, yellow: 1 };
    const top = new Map();
    for (const w of all.items)
      if ((rank[w.level] || 0) > (rank[top.get(w.project_code)] || 0)) top.set(w.project_code, w.level);
    const red = await get(`/api/v1/projects?warn_level=red&as_of=${AS_OF}`);
    assert.deepEqual(red.items.map((p) => p.code).sort(), [...top].filter(([, l]) => l === 'red').map(([c]) => c).sort());
    assert.ok(red.total >= 1);
    for (const p of red.items) {
      assert.equal(p.warn_level, 'red');
      assert.equal(p.warnings_open, all.items.filter((w) => w.project_code === p.code).length);
    }
    const none = await get(`/api/v1/projects?warn_level=none&as_of=${AS_OF}`);
    for (const p of none.items) assert.equal(p.warn_level, null);
    const every = await get(`/api/v1/projects?as_of=${AS_OF}`);
    const any = await get(`/api/v1/projects?warn_level=any&as_of=${AS_OF}`);
    assert.equal(any.total + none.total, every.total);
    assert.equal((await req(base, '/api/v1/projects?warn_level=pink')).status, 400);
  });

  test('projects: active=1 lists what is 在建 on as_of, as the dashboard counts it', async () => {
    for (const day of [AS_OF, '2020-01-01']) {
      const d = await get(`/api/v1/dashboard?as_of=${day}`);
      const l = await get(`/api/v1/projects?active=1&as_of=${day}`);
      assert.equal(l.total, d.projects.active, day);
      for (const p of l.items) {
        assert.ok(['active', 'suspended'].includes(p.status) && p.start_date <= day && (!p.end_date || p.end_date > day), p.code);
      }
    }
  });

  test('workers: by part of a project\'s or an employer\'s name; a masked role finds no partial ID', async () => {
    const p = (await get('/api/v1/projects?code=BH-2026-001')).items[0];
    const part = p.name.slice(1, 4);
    const byName = await get('/api/v1/workers?project=' + encodeURIComponent(part));
    const emps = await get('/api/v1/employments?per_page=500&project_code=BH-2026-001');
    const want = new Set(emps.items.map((e) => e.worker_id_number));
    assert.ok(byName.total >= want.size && want.size > 0);
    const byCode = await get('/api/v1/workers?project=BH-2026-001&per_page=500');
    assert.deepEqual(new Set(byCode.items.map((w) => w.id_number)), want);
    const e = emps.items[0];
    const ent = (await get('/api/v1/enterprises?uscc=' + e.employer_uscc)).items[0];
    const byEmp = await get('/api/v1/workers?per_page=500&employer=' + encodeURIComponent(ent.name.slice(0, 4)));
    assert.ok(byEmp.items.some((w) => w.id_number === e.worker_id_number));
    // the leader may use them too (not personal fields)...
    assert.equal((await get('/api/v1/workers?project=BH-2026-001', 'leader')).total, want.size);
    // ...but neither a full nor a partial ID number
    const idn = ID['id:W1'];
    assert.equal((await get('/api/v1/workers?q=' + idn, 'leader')).total, 0);
    assert.equal((await get('/api/v1/workers?q=' + idn.slice(0, 10))).total, 0, 'a part of an ID finds nothing');
    assert.equal((await get('/api/v1/workers?q=' + idn)).total, 1, 'a full role: the exact ID');
  });

  test('warnings: enterprise_uscc= gives the warnings of an enterprise\'s projects', async () => {
    const uscc = (await get('/api/v1/projects?code=BH-2026-002')).items[0].owner_uscc;
    const projects = (await get('/api/v1/projects?per_page=500')).items;
    const emps = (await get('/api/v1/employments?per_page=500&employer_uscc=' + uscc)).items;
    const mine = new Set([...projects.filter((p) => p.owner_uscc === uscc || p.contractor_uscc === uscc).map((p) => p.code),
      ...emps.map((e) => e.project_code)]);
    const all = (await get('/api/v1/warnings?per_page=500')).items;
    const want = all.filter((x) => mine.has(x.project_code) || x.enterprise_uscc === uscc).map((x) => x.id).sort();
    const w = await get('/api/v1/warnings?per_page=500&enterprise_uscc=' + uscc);
    assert.ok(w.total >= 1 && w.total < all.length + 1);
    assert.deepEqual(w.items.map((x) => x.id).sort(), want);
  });
});

describe('7. role views: 督办', () => {
  test('a leader may supervise (recorded, audited, read by the assignee), not eliminate', async () => {
    const [w] = await warnings('WAGE_UNPAID', 'BH-2026-001', '2026-04');
    const asLeader = await get(`/api/v1/warnings/${w.id}`, 'leader');
    assert.deepEqual(asLeader.actions, ['supervise']);
    const asInspector = await get(`/api/v1/warnings/${w.id}`, 'inspector');
    assert.deepEqual(asInspector.actions, ['eliminate', 'assign', 'escalate', 'attach']);
    assert.equal((await post(`/api/v1/warnings/${w.id}/eliminate`, { reason: 'x' }, 'leader')).status, 403);
    assert.equal((await post(`/api/v1/warnings/${w.id}/supervise`, { note: ' ' }, 'leader')).status, 422);
    assert.equal((await post(`/api/v1/warnings/${w.id}/supervise`, { note: 'x' }, 'inspector')).status, 403);
    assert.equal((await post(`/api/v1/warnings/${w.id}/assign`, { to: 'inspector' }, 'admin')).status, 200);
    const r = await post(`/api/v1/warnings/${w.id}/supervise`, { note: '请本周内约谈总包单位' }, 'leader');
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.status, 'handling', 'the status stays');
    const seen = await get(`/api/v1/warnings/${w.id}`, 'inspector');
    const ev = seen.history.find((e) => e.event === 'supervised');
    assert.ok(ev, 'in the history');
    assert.deepEqual([ev.event_zh, ev.actor, ev.reason], ['领导督办', 'leader', '请本周内约谈总包单位']);
    const audit = await get('/api/v1/audit?action=warning_supervise');
    assert.equal(audit.items.length, 1);
    assert.deepEqual([audit.items[0].actor, audit.items[0].object_key], ['leader', String(w.id)]);
    assert.match(audit.items[0].after, /请本周内约谈总包单位/);
  });
});
