// scope.test.mjs - the enterprise model of the row scope (issue 7,
// findings 1, 4, 8, 9): what an enterprise may write as employer, general
// contractor, owner or outsider; that it cannot pull another employer's
// worker into its scope; that a bank's PUT on another bank's transaction
// is 404 without the other party's data; that an enterprise cannot learn
// whether a person exists; and that every change of a bank card is
// audited and shown on the worker's page.
//
// Fixtures (helpers.mjs): BH-2026-001 (泰达) and BH-2026-002 (新港) are
// owned by E1 and contracted by E2; E3 employs W2, W3 (current) and W4
// (exited 2026-04-30) on BH-2026-001; E2 employs W1 (BH-2026-001) and W5
// (BH-2026-002). Accounts: the 农业银行 one on BH-2026-001 (the test bank
// token is ABC), the 建设银行 one on BH-2026-002.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, login, postJson, req, startServer } from './helpers.mjs';
import { card, idNumber, table } from './ids.mjs';

const ID = table();
let srv;
let base;
const S = {};
const all = {};

const as = (role) => ({ session: S[role] });
const get = (path, role = 'admin') => req(base, path, as(role));
const post = (path, body, role, method = 'POST') => postJson(base, path, body, method, as(role));
const byKey = (kind, pred) => all[kind].find(pred);

before(async () => {
  srv = await startServer();
  base = srv.base;
  for (const role of ['admin', 'enterprise', 'contractor', 'owner', 'street']) {
    S[role] = await login(base, role);
    assert.equal(S[role].status, 200, role);
  }
  S.bank = bearer(srv.bankToken);
  for (const k of ['workers', 'employments', 'attendance', 'payroll', 'transactions', 'accounts', 'deposits'])
    all[k] = (await get(`/api/v1/${k}?per_page=500`)).json.items;
});
after(async () => { await srv.stop(); });

describe('finding 4: an enterprise writes as employer, reads as general contractor / owner', () => {
  // A row of E2 (W1 on BH-2026-001) and one of E3 (W2), per kind.
  const rowOf = (kind, w) => byKey(kind, (x) => x.worker_id_number === ID[`id:${w}`] && x.project_code === 'BH-2026-001');

  test('read cells: employer, general contractor, owner, other', async () => {
    for (const kind of ['employments', 'attendance', 'payroll']) {
      const e2 = rowOf(kind, 'W1');
      const e3 = rowOf(kind, 'W2');
      assert.ok(e2 && e3, `${kind}: fixture rows`);
      // E3 (employer of W2, subcontractor): its own row, not E2's.
      assert.equal((await get(`/api/v1/${kind}/${e3.id}`, 'enterprise')).status, 200, `${kind} E3 own`);
      assert.equal((await get(`/api/v1/${kind}/${e2.id}`, 'enterprise')).status, 404, `${kind} E3 other`);
      // E2 (general contractor): its own and its subcontractor's.
      assert.equal((await get(`/api/v1/${kind}/${e2.id}`, 'contractor')).status, 200, `${kind} E2 own`);
      assert.equal((await get(`/api/v1/${kind}/${e3.id}`, 'contractor')).status, 200, `${kind} E2 sub`);
      // E1 (owner, employs nobody): neither.
      assert.equal((await get(`/api/v1/${kind}/${e2.id}`, 'owner')).status, 404, `${kind} E1`);
      assert.equal((await get(`/api/v1/${kind}/${e3.id}`, 'owner')).status, 404, `${kind} E1`);
    }
    // Account, transactions, deposits: owner and general contractor, not
    // a subcontractor.
    for (const kind of ['accounts', 'transactions', 'deposits']) {
      const x = all[kind][0];
      assert.equal((await get(`/api/v1/${kind}/${x.id}`, 'owner')).status, 200, `${kind} owner`);
      assert.equal((await get(`/api/v1/${kind}/${x.id}`, 'contractor')).status, 200, `${kind} contractor`);
      assert.equal((await get(`/api/v1/${kind}/${x.id}`, 'enterprise')).status, 404, `${kind} subcontractor`);
    }
    // Workers: an employer's current workers; the contractor's projects'
    // current workers; not an exited one (W4), not another employer's (W1).
    const names = async (role) => (await get('/api/v1/workers?per_page=500', role)).json.items.map((w) => w.name).sort();
    assert.deepEqual(await names('enterprise'), ['孙铁柱', '陈小红']);
    assert.deepEqual(await names('contractor'), ['刘大山', '孙铁柱', '郑石头', '陈小红']);
    assert.deepEqual(await names('owner'), []);
  });

  test('write cells: only the employer writes; the contractor\'s view is read-only', async () => {
    const e3pay = rowOf('payroll', 'W2');
    const e2pay = rowOf('payroll', 'W1');
    // The employer rewrites its own row.
    let r = await post(`/api/v1/payroll/${e3pay.id}`, { worker_confirmed: true }, 'enterprise', 'PUT');
    assert.equal(r.status, 200, r.text);
    // A subcontractor cannot see, so cannot write, the contractor's row.
    r = await post(`/api/v1/payroll/${e2pay.id}`, { amount_paid: '1' }, 'enterprise', 'PUT');
    assert.equal(r.status, 404);
    // ... nor create a row on it by key, nor claim another employer.
    r = await post('/api/v1/payroll', { project_code: 'BH-2026-001', worker_id_number: ID['id:W1'], period: '2026-04',
      employer_uscc: ID['uscc:E2'], days_worked: '1', amount_due: '1', amount_paid: '0' }, 'enterprise');
    assert.equal(r.status, 422);
    assert.ok(!r.text.includes('6600'), 'no data of the other row');
    // The general contractor reads E3's row but may not change it.
    r = await post(`/api/v1/payroll/${e3pay.id}`, { amount_paid: '1' }, 'contractor', 'PUT');
    assert.equal(r.status, 422);
    assert.match(r.json.errors[0].reason, /只读|read only/);
    const e3att = rowOf('attendance', 'W2');
    r = await post(`/api/v1/attendance/${e3att.id}`, { hours: '1' }, 'contractor', 'PUT');
    assert.equal(r.status, 422);
    const e3emp = rowOf('employments', 'W2');
    r = await post(`/api/v1/employments/${e3emp.id}`, { team: '改' }, 'contractor', 'PUT');
    assert.equal(r.status, 422);
    // The owner sees none of them: 404.
    r = await post(`/api/v1/payroll/${e3pay.id}`, { amount_paid: '1' }, 'owner', 'PUT');
    assert.equal(r.status, 404);
    // Attendance of a day no employment of the employer covers: refused.
    r = await post('/api/v1/attendance', { project_code: 'BH-2026-001', worker_id_number: ID['id:W4'],
      date: '2026-05-10' }, 'enterprise');
    assert.equal(r.status, 422, 'W4 left E3 on 2026-04-30');
    r = await post('/api/v1/attendance', { project_code: 'BH-2026-001', worker_id_number: ID['id:W3'],
      date: '2026-05-11' }, 'enterprise');
    assert.equal(r.status, 200, r.text);
    // Nothing of E3's changed what E2 pays.
    assert.equal((await get(`/api/v1/payroll/${e2pay.id}`)).json.item.amount_paid, e2pay.amount_paid);
  });
});

describe('finding 1: an enterprise cannot pull another employer\'s worker into its scope', () => {
  test('registering an employment of W1 (E2\'s) gives E3 nothing', async () => {
    const w1 = byKey('workers', (w) => w.id_number === ID['id:W1']);
    const r = await post('/api/v1/employments', { project_code: 'BH-2026-001', worker_id_number: ID['id:W1'],
      entry_date: '2026-05-01', employer_uscc: ID['uscc:E3'] }, 'enterprise');
    assert.equal(r.status, 422, r.text);
    assert.equal(r.json.errors[0].field, 'worker_id_number');
    // Still invisible: no list entry, no page, no reveal, no card change.
    const list = await get('/api/v1/workers?per_page=500', 'enterprise');
    assert.ok(!list.json.items.some((w) => w.id === w1.id));
    assert.equal((await get(`/api/v1/workers/${w1.id}`, 'enterprise')).status, 404);
    const rv = await post(`/api/v1/workers/${w1.id}/reveal`, { field: 'bank_card' }, 'enterprise');
    assert.equal(rv.status, 404);
    const put = await post(`/api/v1/workers/${w1.id}`, { bank_card: card(77) }, 'enterprise', 'PUT');
    assert.equal(put.status, 404);
    // Nor for E3's street officer... (W1 is on 泰达街道, the officer's is 新港).
    assert.equal((await get(`/api/v1/workers/${w1.id}`)).json.item.bank_card, ID['card:W1']);
  });

  test('supplying the worker\'s data cannot overwrite what a current employer relies on', async () => {
    // E3 "hires" W1 and sends its own card: W1 works for E2 now, so the
    // register keeps E2's card; the bureau makes such a change.
    const r = await post('/api/v1/workers', { id_number: ID['id:W1'], name: '刘大山', phone: '13512340001',
      bank_name: '中国农业银行', bank_card: card(77) }, 'enterprise');
    assert.equal(r.status, 422, r.text);
    assert.match(r.json.errors[0].reason, /人社局|bureau/);
    assert.ok(!r.text.includes(ID['card:W1'].slice(-4)) || r.text.includes(card(77).slice(-4)));
    const w1 = byKey('workers', (w) => w.id_number === ID['id:W1']);
    assert.equal((await get(`/api/v1/workers/${w1.id}`)).json.item.bank_card, ID['card:W1']);
    // An employment of W1 is still refused: E3 supplied nothing.
    const e = await post('/api/v1/employments', { project_code: 'BH-2026-001', worker_id_number: ID['id:W1'],
      entry_date: '2026-05-01', employer_uscc: ID['uscc:E3'] }, 'enterprise');
    assert.equal(e.status, 422);
  });

  test('a worker nobody employs now takes the new employer\'s own data, audited', async () => {
    // W4 left E3 on 2026-04-30: E3 sees W4 no more.
    const w4 = byKey('workers', (w) => w.id_number === ID['id:W4']);
    assert.equal((await get(`/api/v1/workers/${w4.id}`, 'enterprise')).status, 404, 'not current');
    // E2 hires W4 with the card W4 gives it.
    const r = await post('/api/v1/workers', { id_number: ID['id:W4'], name: '吴春花', bank_name: '中国银行',
      bank_card: card(44) }, 'contractor');
    assert.equal(r.status, 200, r.text);
    const e = await post('/api/v1/employments', { project_code: 'BH-2026-002', worker_id_number: ID['id:W4'],
      entry_date: '2026-05-02', employer_uscc: ID['uscc:E2'] }, 'contractor');
    assert.equal(e.status, 200, e.text);
    const page = await get(`/api/v1/workers/${w4.id}`, 'contractor');
    assert.equal(page.status, 200);
    assert.match(page.json.item.bank_card, /\*/);
    assert.equal((await get(`/api/v1/workers/${w4.id}`)).json.item.bank_card, card(44));
    // The card change is its own audit action, masked, on the worker's page.
    const hist = page.json.related.card_history;
    assert.equal(hist.length, 1);
    assert.equal(hist[0].actor, 'contractor');
    assert.match(hist[0].before.bank_card, /^\d{6}\*+\d{4}$/);
    assert.ok(hist[0].after.bank_card.endsWith(card(44).slice(-4)));
    const audit = (await get('/api/v1/audit?action=bank_card_change')).json;
    const rows = audit.items || audit.rows || audit;
    assert.ok(JSON.stringify(rows).includes('bank_card_change'));
    assert.ok(!JSON.stringify(rows).includes(card(44)), 'masked in the log');
  });

  test('an admin\'s change of a card and a CLI-style import are audited too', async () => {
    const w3 = byKey('workers', (w) => w.id_number === ID['id:W3']);
    const r = await post(`/api/v1/workers/${w3.id}`, { bank_card: card(33) }, 'admin', 'PUT');
    assert.equal(r.status, 200, r.text);
    const csv = `id_number,name,bank_card\n${ID['id:W3']},孙铁柱,${card(34)}\n`;
    const imp = await req(base, '/api/v1/import/workers', { ...as('admin'), method: 'POST',
      headers: { 'content-type': 'text/csv' }, body: csv });
    assert.equal(imp.status, 200, imp.text);
    const page = await get(`/api/v1/workers/${w3.id}`, 'enterprise');
    const hist = page.json.related.card_history;
    assert.equal(hist.length, 2);
    assert.ok(hist[0].after.bank_card.endsWith(card(34).slice(-4)), 'newest first');
    assert.ok(hist[1].after.bank_card.endsWith(card(33).slice(-4)));
  });
});

describe('finding 9: no existence oracle for an enterprise', () => {
  test('an employment of an unknown and of a known ID number answer alike', async () => {
    const unknown = idNumber('120116', '19700101', 991);
    const body = (id) => ({ project_code: 'BH-2026-001', worker_id_number: id, entry_date: '2026-05-03',
      employer_uscc: ID['uscc:E3'] });
    const a = await post('/api/v1/employments', body(unknown), 'enterprise');
    const b = await post('/api/v1/employments', body(ID['id:W5']), 'enterprise');
    assert.equal(a.status, 422);
    assert.equal(b.status, a.status);
    const strip = (r) => JSON.stringify(r.json.errors.map((e) => [e.field, e.reason]));
    assert.equal(strip(a), strip(b));
  });

  test('writing a worker that exists out of scope answers like a new one', async () => {
    // W5 exists (E2's on BH-2026-002... but nobody's now? no: E2 employs
    // W5 now), so use a person nobody employs now: register one as admin.
    const known = idNumber('120116', '19750505', 993);
    const adm = await post('/api/v1/workers', { id_number: known, name: '王五', bank_card: card(55) }, 'admin');
    assert.equal(adm.status, 200, adm.text);
    const fresh = idNumber('120116', '19760606', 995);
    const a = await post('/api/v1/workers', { id_number: fresh, name: '赵六', bank_card: card(66) }, 'enterprise');
    const b = await post('/api/v1/workers', { id_number: known, name: '王五', bank_card: card(55) }, 'enterprise');
    assert.equal(a.status, 200, a.text);
    assert.equal(b.status, 200, b.text);
    assert.deepEqual(a.json, { item: null, result: 'accepted' });
    assert.deepEqual(b.json, a.json);
    // Each may now be employed by E3, and then shows E3's own data.
    for (const id of [fresh, known]) {
      const e = await post('/api/v1/employments', { project_code: 'BH-2026-001', worker_id_number: id,
        entry_date: '2026-05-04', employer_uscc: ID['uscc:E3'] }, 'enterprise');
      assert.equal(e.status, 200, e.text);
    }
  });
});

describe('finding 8: another bank\'s transaction is 404, without its data', () => {
  test('PUT by the ABC token on the 建设银行 account\'s transaction', async () => {
    const acct = byKey('accounts', (a) => a.bank_name.startsWith('中国建设银行'));
    const txn = byKey('transactions', (t) => t.account_no === acct.account_no);
    const r = await req(base, `/api/v1/transactions/${txn.id}`, { session: S.bank, method: 'PUT',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount: '1' }) });
    assert.equal(r.status, 404);
    assert.ok(!r.text.includes(acct.account_no), r.text);
    assert.ok(!r.text.includes('30000'), r.text);
    // Its own bank's transaction: accepted.
    const own = byKey('transactions', (t) => t.account_no !== acct.account_no);
    const ok = await req(base, `/api/v1/transactions/${own.id}`, { session: S.bank, method: 'PUT',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({}) });
    assert.equal(ok.status, 200, ok.text);
    // An unknown account and another bank's answer alike.
    const post2 = (no) => req(base, '/api/v1/transactions', { session: S.bank, method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account_no: no, txn_id: 'X1', txn_date: '2026-05-01', kind: 'other_in', amount: '1' }) });
    const x = await post2(acct.account_no);
    const y = await post2('9999-0000');
    assert.equal(x.status, 422);
    assert.equal(y.status, 422);
    assert.equal(x.json.errors[0].reason, y.json.errors[0].reason);
  });
});
