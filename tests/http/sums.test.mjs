// sums.test.mjs - issue 7, finding 6 (sums overflow) through the real
// server: an older database (written here with SQL directly, as the
// importer now refuses such amounts) holds 10,000 payroll rows of
// 9,999,999,999,999.99 yuan due on one project of 泰达街道 and 10,000
// transfers of that size into its account. SQLite's sum() overflowed and
// the dashboard answered 500 for every role. Now: callers whose scope
// holds the data get a 422 naming project and month; other callers get
// their dashboard with the same figures as before; the project page shows
// the sums it cannot compute as null, never as a wrong figure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AS_OF, ON_PG, dbsql, login, req, startServer } from './helpers.mjs';

let srv;
let base;
const S = {};
const baseline = {};
const FEN = '999999999999999'; // 9,999,999,999,999.99 yuan, allowed before issue 7

before(async () => {
  srv = await startServer();
  base = srv.base;
  for (const role of ['admin', 'inspector', 'leader', 'street']) {
    S[role] = await login(base, role);
    const r = await req(base, `/api/v1/dashboard?as_of=${AS_OF}`, { session: S[role] });
    assert.equal(r.status, 200, r.text);
    baseline[role] = r.json;
  }
  const rows = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)';
  // prefix || i as five digits (PostgreSQL has no printf, SQLite no lpad)
  const id = (prefix) => (ON_PG ? `'${prefix}' || lpad(CAST(i AS text), 5, '0')`
    : `printf('${prefix}%05d', i)`);
  // The sqlite3 shell checks no foreign keys (X00001... are no workers):
  // on PostgreSQL, replica mode skips them the same way (superuser).
  dbsql(srv.db, ...(ON_PG ? ['SET session_replication_role = replica'] : []), `${rows}
    INSERT INTO payroll (project_code, worker_id_number, period, employer_uscc, days_worked,
      amount_due, amount_paid)
    SELECT 'BH-2026-001', ${id('X')}, '2026-04',
      (SELECT contractor_uscc FROM projects WHERE code = 'BH-2026-001'), 0, ${FEN}, 0 FROM n;
    ${rows} INSERT INTO transactions (account_no, txn_id, txn_date, kind, amount)
    SELECT '1202 0100 0001', ${id('BIG')}, '2026-04-01', 'labor_cost', ${FEN} FROM n;`);
});
after(() => srv.stop());

describe('sums overflow (issue 7, finding 6)', () => {
  test('the dashboard names the data for the callers whose scope holds it, never a 500', async () => {
    for (const role of ['admin', 'inspector', 'leader']) {
      const r = await req(base, `/api/v1/dashboard?as_of=${AS_OF}`, { session: S[role] });
      assert.equal(r.status, 422, `${role}: ${r.text}`);
      assert.equal(r.json.error.code, 'out_of_range');
      const m = r.json.error.message;
      assert.match(m, /超出可计算范围/, m);
      assert.match(m, /工资 项目BH-2026-001 2026-04/, m);
      assert.match(m, /专用账户余额 项目BH-2026-001 专用账户1202 0100 0001/, m);
      assert.doesNotMatch(m, /BH-2026-002/, m);
    }
  });

  test('a caller whose scope does not hold the data gets its dashboard, figures unchanged', async () => {
    const r = await req(base, `/api/v1/dashboard?as_of=${AS_OF}`, { session: S.street });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.wages, baseline.street.wages);
    assert.deepEqual(r.json.accounts, baseline.street.accounts);
    assert.deepEqual(r.json.deposits, baseline.street.deposits);
    assert.ok(r.json.wages.due !== '0.00', 'the street has payroll of its own');
  });

  test('the project page shows a sum it cannot compute as null, other months exact', async () => {
    const list = await req(base, '/api/v1/projects?code=BH-2026-001', { session: S.admin });
    const id = list.json.items[0].id;
    const r = await req(base, `/api/v1/projects/${id}?as_of=${AS_OF}`, { session: S.admin });
    assert.equal(r.status, 200, r.text);
    const months = Object.fromEntries(r.json.related.payroll_by_month.map((m) => [m.month, m]));
    assert.equal(months['2026-04'].due, null);
    assert.equal(months['2026-04'].paid, '15600.00'); // 6600 + 4000 + 5000: exact
    assert.equal(months['2026-03'].due, '6000.00');
    assert.equal(r.json.related.accounts[0].balance, null);
  });
});
