// read.test.mjs - the read side of the API against the fixture data:
// lists (paging, sorting, filters, ranges, q= search), masking, details
// with their related data (exact figures), the dashboard, kinds, OpenAPI,
// static assets, and the 400/404/405 answers with their error JSON.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AS_OF, assertSecurityHeaders, login, req, startServer } from './helpers.mjs';
import { table } from './ids.mjs';

const ID = table();
let srv;
let base;
let admin; // a session that sees personal data in full

before(async () => {
  srv = await startServer({ as: 'leader' }); // district-wide, personal data masked
  base = srv.base;
  admin = await login(base, 'admin');
});
after(async () => { await srv.stop(); });

const MASKED_ID = /^\d{6}\*{8}[\dX]{4}$/;

describe('meta', () => {
  test('healthz', async () => {
    const r = await req(base, '/healthz');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { ok: true, schema: r.json.schema });
    assert.ok(r.json.schema >= 1);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assertSecurityHeaders(r.headers);
  });

  test('kinds lists every kind with typed fields and enum values', async () => {
    const r = await req(base, '/api/v1/kinds');
    assert.equal(r.status, 200);
    const names = r.json.map((k) => k.name);
    assert.deepEqual(names, ['enterprises', 'projects', 'workers', 'employments', 'attendance',
      'payroll', 'accounts', 'transactions', 'deposits', 'min_wages', 'clues', 'clue_reviews']);
    const status = r.json[1].fields.find((f) => f.key === 'status');
    assert.equal(status.type, 'enum');
    assert.equal(status.required, true);
    assert.deepEqual(status.values[1], { code: 'active', label: '在建' });
    const idn = r.json[2].fields.find((f) => f.key === 'id_number');
    assert.equal(idn.personal, true);
    assert.equal(idn.key_part, true);
  });

  test('openapi.json parses and lists every kind path', async () => {
    const r = await req(base, '/api/v1/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.json.openapi, /^3\.0\./);
    for (const p of ['/api/v1/projects', '/api/v1/projects/{id}', '/api/v1/import/payroll',
      '/api/v1/export/workers', '/api/v1/dashboard', '/healthz'])
      assert.ok(r.json.paths[p], `missing path ${p}`);
    assert.ok(r.json.paths['/api/v1/projects'].get);
    assert.ok(r.json.paths['/api/v1/projects'].post);
    const money = r.json.components.schemas.projects.properties.contract_amount;
    assert.equal(money.type, 'string');
  });
});

describe('lists', () => {
  test('paging, total and default order', async () => {
    const r = await req(base, '/api/v1/projects?per_page=2&page=2');
    assert.equal(r.status, 200);
    assert.equal(r.json.kind, 'projects');
    assert.equal(r.json.total, 3);
    assert.equal(r.json.page, 2);
    assert.equal(r.json.per_page, 2);
    assert.equal(r.json.items.length, 1);
    assert.equal(r.json.items[0].code, 'BH-2026-002'); // order_by code
  });

  test('sorting descending and field formats', async () => {
    const r = await req(base, '/api/v1/projects?sort=-contract_amount');
    assert.deepEqual(r.json.items.map((p) => p.code), ['BH-2026-001', 'BH-2026-002', 'BH-2025-009']);
    const p = r.json.items[0];
    assert.equal(typeof p.id, 'number');
    assert.equal(p.contract_amount, '125000000.00');
    assert.equal(r.json.items[2].contract_amount, '9000000.50');
    assert.equal(p.status, 'active');
    assert.equal(p.wage_day, 15);
    assert.equal(p.end_date, null);
    assert.equal(p.labor_officer_phone, '136****2222');
  });

  test('exact filters take the file form (labels, codes)', async () => {
    let r = await req(base, '/api/v1/projects?status=' + encodeURIComponent('在建'));
    assert.equal(r.json.total, 2);
    r = await req(base, '/api/v1/projects?status=completed&street=' + encodeURIComponent('泰达街道'));
    assert.equal(r.json.total, 1);
    assert.equal(r.json.items[0].code, 'BH-2025-009');
    r = await req(base, '/api/v1/payroll?period=2026-04&project_code=BH-2026-001');
    assert.equal(r.json.total, 3);
  });

  test('ranges on money and dates', async () => {
    let r = await req(base, '/api/v1/projects?contract_amount_from=48000000&contract_amount_to=125000000');
    assert.equal(r.json.total, 2);
    r = await req(base, '/api/v1/projects?start_date_from=2026-01-01&start_date_to=2026-02-28');
    assert.equal(r.json.total, 1);
    r = await req(base, '/api/v1/attendance?date_from=2026-05-01&date_to=2026-05-31');
    assert.equal(r.json.total, 2);
  });

  test('q= substring search and + / percent decoding', async () => {
    let r = await req(base, '/api/v1/projects?q=' + encodeURIComponent('泰达'));
    assert.equal(r.json.total, 1);
    r = await req(base, '/api/v1/accounts?q=1202+0100+0001');
    assert.equal(r.json.total, 1, 'plus decodes to a space');
    r = await req(base, '/api/v1/accounts?q=1202%200100');
    assert.equal(r.json.total, 1);
  });

  // Issue 7 finding 3: before, a masked role's q= of a full ID number
  // answered total 1 - a look-up oracle for guessed numbers.
  test('q= never matches a personal field for a masked role; a role that sees them finds a full ID number, never a part', async () => {
    let r = await req(base, `/api/v1/workers?q=${ID['id:W2']}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 0, 'a masked role learns nothing from a guessed ID number');
    for (const [kind, idn] of [['employments', ID['id:W2']], ['payroll', ID['id:W2']],
      ['attendance', ID['id:W2']], ['transactions', ID['id:W1']]]) {
      r = await req(base, `/api/v1/${kind}?q=${idn}`);
      assert.equal(r.json.total, 0, `${kind}: q= on worker_id_number`);
    }
    r = await req(base, '/api/v1/workers?q=' + encodeURIComponent('陈小红'));
    assert.equal(r.json.total, 1, 'names are still searchable');
    const w = r.json.items[0];
    assert.match(w.id_number, MASKED_ID);
    assert.equal(w.id_number, ID['id:W2'].slice(0, 6) + '********' + ID['id:W2'].slice(14));
    assert.ok(!r.text.includes(ID['id:W2']), 'the full number never appears');

    r = await req(base, `/api/v1/workers?q=${ID['id:W2']}`, { session: admin });
    assert.equal(r.json.total, 1, 'admin: the exact number');
    assert.equal(r.json.items[0].name, '陈小红');
    r = await req(base, `/api/v1/payroll?q=${ID['id:W2']}`, { session: admin });
    assert.equal(r.json.total, 1, 'admin: a reference by its exact number');
    for (const part of [ID['id:W2'].slice(0, 14), ID['id:W2'].slice(0, 17), ID['id:W2'].slice(6)]) {
      r = await req(base, `/api/v1/workers?q=${part}`, { session: admin });
      assert.equal(r.json.total, 0, `admin: no prefix / substring match on ${part}`);
    }
    r = await req(base, '/api/v1/workers?q=1351234000', { session: admin });
    assert.equal(r.json.total, 0, 'admin: no substring match on phones');
  });

  test('personal fields are masked in every list', async () => {
    const r = await req(base, '/api/v1/workers?per_page=500');
    assert.equal(r.json.total, 5);
    for (const w of r.json.items) {
      assert.match(w.id_number, MASKED_ID);
      assert.match(w.bank_card, /^\d{6}\*+\d{4}$/);
      if (w.phone !== null) assert.match(w.phone, /^\d{3}\*{4}\d{4}$/);
    }
    const e = await req(base, '/api/v1/employments');
    for (const x of e.json.items) assert.match(x.worker_id_number, MASKED_ID);
    for (const k of Object.keys(ID).filter((k) => !k.startsWith('uscc')))
      assert.ok(!r.text.includes(ID[k]) && !e.text.includes(ID[k]), `${k} leaked`);
  });

  test('decimals are numbers, booleans are booleans', async () => {
    // (a filter on an ID number needs a role that sees them in full)
    const r = await req(base, `/api/v1/payroll?worker_id_number=${ID['id:W2']}`, { session: admin });
    assert.equal(r.json.total, 1);
    const p = r.json.items[0];
    assert.equal(p.days_worked, 20.5);
    assert.equal(p.amount_due, '5750.25');
    assert.equal(p.amount_paid, '4000.00');
    assert.equal(p.worker_confirmed, false);
    assert.equal(p.channel, 'bank');
  });
});

describe('details', () => {
  async function projectId(code) {
    const r = await req(base, `/api/v1/projects?code=${code}`);
    return r.json.items[0].id;
  }

  test('project with related figures', async () => {
    const id = await projectId('BH-2026-001');
    const r = await req(base, `/api/v1/projects/${id}?as_of=${AS_OF}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.item.code, 'BH-2026-001');
    const rel = r.json.related;
    assert.equal(rel.owner.uscc, ID['uscc:E1']);
    assert.equal(rel.owner.name, '滨海置业有限公司');
    assert.equal(rel.contractor.uscc, ID['uscc:E2']);
    assert.deepEqual(rel.employers.map((e) => [e.uscc, e.workers]),
      [[ID['uscc:E2'], 1], [ID['uscc:E3'], 3]]);
    assert.equal(rel.employers[1].name, '津南劳务分包有限公司');
    assert.equal(rel.workers_on_site, 3); // W4 left on 2026-04-30
    assert.equal(rel.accounts.length, 1);
    assert.equal(rel.accounts[0].account_no, '1202 0100 0001');
    assert.equal(rel.accounts[0].balance, '89299.50'); // 100000 - 6600 - 4000 - 100.50
    assert.deepEqual(rel.deposits.map((d) => [d.deposit_no, d.amount]), [['BZJ-001', '500000.00']]);
    assert.deepEqual(rel.attendance_by_month, [
      { month: '2026-04', workers: 3, days: 4, hours: 32.75 },
      { month: '2026-05', workers: 2, days: 2, hours: 16 },
    ]);
    // issue 8: the warning rules' figures (stats_wage_months) - May's two
    // workers have attendance and no payroll row yet: owed, not yet due
    const row = (month, workers, onPay, dueW, unpaid, noPay, due, paid) => ({ month, workers,
      on_payroll: onPay, due_workers: dueW, unpaid_workers: unpaid, no_payroll: noPay, due, paid });
    assert.deepEqual(rel.payroll_by_month, [
      row('2026-03', 1, 1, 1, 0, 0, '6000.00', '6000.00'),
      row('2026-04', 3, 3, 3, 1, 0, '17350.25', '15600.00'),
      row('2026-05', 2, 0, 0, 0, 2, '0.00', '0.00'),
    ]);
  });

  test('as_of changes the dated figures', async () => {
    const id = await projectId('BH-2026-001');
    const r = await req(base, `/api/v1/projects/${id}?as_of=2026-06-30`);
    assert.equal(r.json.related.accounts[0].balance, '89349.50'); // + refund 50 on 06-01
    const early = await req(base, `/api/v1/projects/${id}?as_of=2026-03-10`);
    assert.equal(early.json.related.workers_on_site, 2); // W1, W2
  });

  test('worker with age, sex, employments, payroll, attendance', async () => {
    const l = await req(base, `/api/v1/workers?q=${ID['id:W1']}`, { session: admin });
    const r = await req(base, `/api/v1/workers/${l.json.items[0].id}?as_of=${AS_OF}`);
    assert.equal(r.status, 200);
    assert.match(r.json.item.id_number, MASKED_ID);
    const rel = r.json.related;
    // masked role: the birth year only (issue 7 finding 2), the age by year
    assert.equal(rel.birth_date, '1981-**-**');
    assert.equal(r.json.item.birth_date, '1981-**-**');
    assert.equal(rel.age, 45);
    assert.equal(rel.age_by_year, true);
    assert.equal(rel.sex, '男');
    assert.equal(rel.employments.length, 1);
    assert.match(rel.employments[0].worker_id_number, MASKED_ID);
    assert.deepEqual(rel.payroll.map((p) => p.period), ['2026-04', '2026-03']);
    assert.deepEqual(rel.attendance_by_month, [
      { project_code: 'BH-2026-001', month: '2026-04', days: 2 },
      { project_code: 'BH-2026-001', month: '2026-05', days: 1 },
    ]);
    assert.ok(!r.text.includes(ID['id:W1']));
  });

  test('enterprise lists its projects; account its balance and transactions', async () => {
    let l = await req(base, `/api/v1/enterprises?uscc=${ID['uscc:E3']}`);
    let r = await req(base, `/api/v1/enterprises/${l.json.items[0].id}`);
    assert.deepEqual(r.json.related.projects.map((p) => p.code), ['BH-2026-001']);
    l = await req(base, '/api/v1/accounts?project_code=BH-2026-001');
    r = await req(base, `/api/v1/accounts/${l.json.items[0].id}?as_of=${AS_OF}`);
    assert.equal(r.json.related.project.code, 'BH-2026-001');
    assert.equal(r.json.related.balance, '89299.50');
    assert.deepEqual(r.json.related.transactions.map((t) => t.txn_id),
      ['T0005', 'T0004', 'T0003', 'T0002', 'T0001']);
  });

  test('other kinds have an empty related object', async () => {
    const l = await req(base, '/api/v1/deposits');
    const r = await req(base, `/api/v1/deposits/${l.json.items[0].id}`);
    assert.deepEqual(r.json.related, {});
  });
});

// Issue 7, findings 2 and 3: personal data that would rebuild a masked
// value, and personal fields as a look-up oracle. The default session is
// the leader's (personal data masked); `admin` sees it in full.
describe('personal data for a masked role (issue 7)', () => {
  const W = [1, 2, 3, 4, 5].map((i) => ID[`id:W${i}`]);
  // The birth date inside each ID number, as YYYY-MM-DD: the 8 digits the
  // mask hides (120116********123X).
  const births = W.map((idn) => `${idn.slice(6, 10)}-${idn.slice(10, 12)}-${idn.slice(12, 14)}`);

  test('a masked role may not filter or sort by a personal field: 400 personal_field', async () => {
    const cases = [
      `/api/v1/workers?phone=13512340002`,
      `/api/v1/workers?phone=13512349999`, // a wrong guess answers the same
      `/api/v1/workers?id_number=${W[1]}`,
      `/api/v1/workers?bank_card=${ID['card:W2']}`,
      `/api/v1/workers?birth_date=${births[1]}`,
      '/api/v1/workers?birth_date_from=1982-01-01',
      '/api/v1/workers?birth_date_to=1982-12-31',
      `/api/v1/employments?worker_id_number=${W[1]}`,
      `/api/v1/payroll?worker_id_number=${W[1]}`,
      `/api/v1/attendance?worker_id_number=${W[1]}`,
      `/api/v1/transactions?worker_id_number=${W[0]}`,
      '/api/v1/projects?labor_officer_phone=13611112222',
      '/api/v1/workers?sort=birth_date',
      '/api/v1/workers?sort=-id_number',
      '/api/v1/workers?sort=phone',
      '/api/v1/workers?sort=bank_card',
      '/api/v1/payroll?sort=worker_id_number',
      '/api/v1/projects?sort=-labor_officer_phone',
    ];
    for (const path of cases) {
      const r = await req(base, path);
      assert.equal(r.status, 400, `${path}: ${r.text}`);
      assert.equal(r.json.error.code, 'personal_field', path);
      assert.match(r.json.error.message, /个人信息已脱敏/, path);
      assert.equal(r.json.total, undefined, `${path}: no count`);
    }
    // the same filters and sorts work, exactly, for a role that sees them
    let r = await req(base, '/api/v1/workers?phone=13512340002', { session: admin });
    assert.equal(r.json.total, 1);
    r = await req(base, `/api/v1/workers?birth_date=${births[2]}`, { session: admin });
    assert.equal(r.json.total, 1);
    r = await req(base, '/api/v1/workers?sort=-birth_date', { session: admin });
    assert.deepEqual(r.json.items.map((w) => w.id_number), [...W].reverse());
    r = await req(base, '/api/v1/workers?phone=1351234000', { session: admin });
    assert.equal(r.status, 400, 'no prefix of a phone');
  });

  test('the birth date shows its year only, wherever a worker leaves the server', async () => {
    const list = await req(base, '/api/v1/workers?per_page=500');
    assert.equal(list.json.total, 5);
    const texts = [list.text];
    for (const w of list.json.items) {
      assert.match(w.birth_date, /^\d{4}-\*\*-\*\*$/);
      assert.ok(['M', 'F'].includes(w.sex), 'sex stays: the mask shows its digit anyway');
      const d = await req(base, `/api/v1/workers/${w.id}?as_of=${AS_OF}`);
      assert.match(d.json.item.birth_date, /^\d{4}-\*\*-\*\*$/);
      assert.match(d.json.related.birth_date, /^\d{4}-\*\*-\*\*$/);
      texts.push(d.text);
    }
    for (const kind of ['employments', 'payroll', 'attendance', 'transactions']) {
      texts.push((await req(base, `/api/v1/${kind}?per_page=500`)).text);
    }
    const ex = await req(base, '/api/v1/export/workers?header=en');
    assert.equal(ex.status, 200);
    texts.push(ex.text);
    for (const [i, b] of births.entries()) {
      const [, mm, dd] = b.split('-');
      for (const t of texts) {
        assert.ok(!t.includes(b), `W${i + 1}'s birth date leaked`);
        assert.ok(!t.includes(W[i].slice(6, 14)), `W${i + 1}'s hidden digits leaked`);
        assert.ok(!t.includes(`${b.slice(0, 4)}-${mm}`), `W${i + 1}'s birth month leaked`);
        assert.ok(!t.includes(`${mm}-${dd}`) || !t.includes(b.slice(0, 4)), `W${i + 1}`);
      }
    }
    // a role that sees personal data gets the date in full
    const a = await req(base, `/api/v1/workers/${list.json.items[0].id}?as_of=${AS_OF}`, { session: admin });
    assert.match(a.json.item.birth_date, /^\d{4}-\d\d-\d\d$/);
    assert.equal(a.json.related.age_by_year, false);
  });

  test('the age at a chosen as_of does not give the birthday away', async () => {
    // W1 was born on 1981-02-11 (ids.mjs)
    assert.equal(births[0], '1981-02-11');
    const l = await req(base, `/api/v1/workers?q=${W[0]}`, { session: admin });
    const id = l.json.items[0].id;
    const ages = [];
    for (const day of ['2026-02-10', '2026-02-11']) {
      const r = await req(base, `/api/v1/workers/${id}?as_of=${day}`);
      ages.push(r.json.related.age);
    }
    assert.deepEqual(ages, [45, 45], 'by year: the same on both sides of the birthday');
    const exact = [];
    for (const day of ['2026-02-10', '2026-02-11']) {
      const r = await req(base, `/api/v1/workers/${id}?as_of=${day}`, { session: admin });
      exact.push(r.json.related.age);
    }
    assert.deepEqual(exact, [44, 45], 'a role that sees the date gets the exact age');
  });

  test('a masked export is not in the order of the hidden ID numbers', async () => {
    const r = await req(base, '/api/v1/export/workers?header=en');
    assert.equal(r.status, 200);
    const rows = r.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
    const names = rows.map((line) => line.split(',')[1]);
    // by name (the list order), not by ID number (W1..W5)
    assert.deepEqual(names, ['刘大山', '吴春花', '孙铁柱', '郑石头', '陈小红']);
    assert.ok(!r.text.split(/\r?\n/)[0].includes('birth_date'), 'no derived column');
    const u = await req(base, '/api/v1/export/workers?header=en&unmasked=1', { session: admin });
    const un = u.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0]);
    assert.deepEqual(un, W, 'unmasked: by key, as before');
    // exports take no filters: a personal one is refused, not applied
    const f = await req(base, `/api/v1/export/workers?phone=13512340002`);
    assert.equal(f.status, 400);
  });
});

describe('references by name', () => {
  test('a record names what its references point at, with their ids', async () => {
    const r = await req(base, '/api/v1/payroll?per_page=500');
    assert.equal(r.status, 200);
    assert.ok(r.json.items.length > 0);
    for (const p of r.json.items) {
      const w = (await req(base, `/api/v1/workers/${p.worker_id}`)).json.item;
      assert.equal(w.name, p.worker_name);
      assert.equal(w.id_number, p.worker_id_number, 'the same (masked) worker');
      const e = (await req(base, `/api/v1/enterprises/${p.employer_id}`)).json.item;
      assert.equal(e.uscc, p.employer_uscc);
      assert.equal(e.name, p.employer_name);
      const pr = (await req(base, `/api/v1/projects/${p.project_id}`)).json.item;
      assert.equal(pr.code, p.project_code);
      assert.equal(pr.name, p.project_name);
    }
    // attendance's worker need not be registered: no reference, no name
    const a = (await req(base, '/api/v1/attendance?per_page=1')).json.items[0];
    assert.equal(a.worker_name, undefined);
    assert.ok(a.project_name);
  });
});

describe('dashboard', () => {
  test('figures as of a date', async () => {
    const r = await req(base, `/api/v1/dashboard?as_of=${AS_OF}`);
    assert.equal(r.status, 200);
    const d = r.json;
    assert.equal(d.as_of, AS_OF);
    assert.equal(d.month, '2026-04');
    assert.deepEqual(d.projects.by_status, { active: 2, completed: 1 });
    assert.equal(d.projects.active, 2);
    assert.equal(d.projects.total, 3);
    assert.deepEqual(d.projects.by_street.map((s) => s.active).sort(), [1, 1]);
    assert.deepEqual(d.workers, { registered: 5, on_site: 4 });
    assert.equal(d.wages.month, '2026-04');
    assert.equal(d.wages.due, '23110.25');
    assert.equal(d.wages.paid, '21360.00');
    assert.equal(d.wages.unpaid_workers, 1);
    // issue 8: each month with the warning rules' worker counts
    const row = (month, workers, onPay, dueW, unpaid, noPay, due, paid) => ({ month, workers,
      on_payroll: onPay, due_workers: dueW, unpaid_workers: unpaid, no_payroll: noPay, due, paid });
    assert.deepEqual(d.wages.by_month, [
      row('2026-03', 1, 1, 1, 0, 0, '6000.00', '6000.00'),
      row('2026-04', 4, 4, 4, 1, 0, '23110.25', '21360.00'),
    ]);
    assert.deepEqual(d.accounts, { open: 2, balance: '119299.50' });
    assert.deepEqual(d.deposits, { count: 2, amount: '740000.00' });
  });

  test('the month shown is the latest due: its deadline (the 15th) before as_of', async () => {
    for (const [asOf, month] of [['2026-05-14', '2026-03'], ['2026-05-15', '2026-03'],
      ['2026-05-16', '2026-04']]) {
      const r = await req(base, `/api/v1/dashboard?as_of=${asOf}`);
      assert.equal(r.json.month, month, `as of ${asOf}`);
    }
  });
});

describe('errors', () => {
  const cases = [
    ['/api/v1/projects?page=abc', 400, 'page'],
    ['/api/v1/projects?page=0', 400, 'page'],
    ['/api/v1/projects?per_page=501', 400, 'per_page'],
    ['/api/v1/projects?colour=red', 400, 'colour'],
    ['/api/v1/projects?sort=-nope', 400, 'nope'],
    ['/api/v1/projects?status=flying', 400, 'status'],
    ['/api/v1/projects?start_date_from=2026-13-01', 400, 'start_date_from'],
    ['/api/v1/projects?name_from=a', 400, 'name_from'],
    ['/api/v1/projects?page=1&page=2', 400, 'page'],
    ['/api/v1/projects?q=%zz', 400, '格式错误'], // issue 8: Chinese (was 'malformed')
    ['/api/v1/dashboard?as_of=yesterday', 400, 'as_of'],
    ['/api/v1/projects/1?bogus=1', 400, 'bogus'],
    ['/api/v1/nokind', 404, 'nokind'],
    ['/api/v1/projects/99999', 404, '99999'],
    ['/api/v1/projects/abc', 404, 'abc'],
    ['/api/v1/projects/1/extra', 404, ''],
    ['/nowhere', 404, ''],
    ['/static/nope.js', 404, ''],
  ];
  for (const [path, status, word] of cases) {
    test(`${path} -> ${status}`, async () => {
      const r = await req(base, path);
      assert.equal(r.status, status);
      assert.equal(r.json.error.status, status);
      assert.equal(r.json.error.code, status === 400 ? 'bad_request' : 'not_found');
      assert.ok(r.json.error.message.includes(word), r.json.error.message);
      assert.ok(!/SELECT|sqlite/i.test(r.text));
      assertSecurityHeaders(r.headers);
    });
  }

  test('405 names the allowed methods', async () => {
    let r = await req(base, '/api/v1/projects', { method: 'DELETE' });
    assert.equal(r.status, 405);
    assert.equal(r.json.error.code, 'method_not_allowed');
    assert.equal(r.headers.get('allow'), 'GET, POST');
    r = await req(base, '/api/v1/import/projects');
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'POST');
    r = await req(base, '/healthz', { method: 'POST', body: 'x' });
    assert.equal(r.status, 405);
  });
});

describe('static assets', () => {
  test('index at /, scripts with types and ETags', async () => {
    const r = await req(base, '/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8/);
    assert.match(r.text, /<html/i);
    assertSecurityHeaders(r.headers);
    const js = await fetch(base + '/static/app.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    const etag = js.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]{16}"$/);
    await js.arrayBuffer();
    const again = await fetch(base + '/static/app.js', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const css = await fetch(base + '/static/style.css');
    assert.match(css.headers.get('content-type'), /^text\/css/);
    await css.arrayBuffer();
    const ec = await fetch(base + '/static/echarts.min.js');
    assert.equal(ec.status, 200);
    assert.match(ec.headers.get('cache-control'), /max-age/);
    await ec.arrayBuffer();
  });

  test('a query string on an asset (a cache-buster) is ignored, not a 400', async () => {
    const plain = await fetch(base + '/static/app.js');
    const plainText = await plain.text();
    for (const q of ['?v=2', '?v=2&t=1718000000', '?x']) {
      const r = await fetch(base + '/static/app.js' + q);
      assert.equal(r.status, 200, q);
      assert.match(r.headers.get('content-type'), /^text\/javascript/, q);
      assert.equal(r.headers.get('etag'), plain.headers.get('etag'), q);
      assert.equal(await r.text(), plainText, q);
    }
    const css = await fetch(base + '/static/style.css?v=20260601');
    assert.equal(css.status, 200);
    await css.arrayBuffer();
    const idx = await fetch(base + '/?v=3');
    assert.equal(idx.status, 200);
    assert.match(await idx.text(), /<html/i);
    const missing = await fetch(base + '/static/nope.js?v=2');
    assert.equal(missing.status, 404);
    await missing.arrayBuffer();
  });

  test('every script index.html loads is embedded, typed, revalidated', async () => {
    const html = (await req(base, '/')).text;
    const srcs = [...html.matchAll(/<script src="\/static\/([a-z]+(?:\.min)?\.js)"/g)].map((m) => m[1]);
    assert.ok(srcs.length > 10 && srcs.includes('app.js') && srcs.at(-1) === 'app.js', srcs.join(' '));
    for (const name of srcs) {
      const r = await fetch(base + '/static/' + name);
      assert.equal(r.status, 200, name);
      assert.match(r.headers.get('content-type'), /^text\/javascript; charset=utf-8/, name);
      assert.match(r.headers.get('etag'), /^"[0-9a-f]{16}"$/, name);
      assert.equal(r.headers.get('cache-control'), name === 'echarts.min.js' ? 'public, max-age=86400' : 'no-cache', name);
      const text = await r.text();
      if (name !== 'echarts.min.js') assert.match(text, /^\/\*\n \* [a-z]+\.js - /, name + ' starts with what it owns');
    }
  });

  test('API responses are not cached', async () => {
    const r = await req(base, '/api/v1/projects');
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });
});
