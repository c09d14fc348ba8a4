// lanes.test.mjs - issue 7, finding 7: one import must not block every
// log-in. While the largest kind of import runs (a payroll file of
// 400,000 rows generated here, several seconds on the build machine),
// log-in, log-out, a password change, a reveal and the warning actions
// (eliminate, assign, escalate) must each answer within 1 s. They write
// the desk file on the short lane; the import holds the main file's write
// lock on the main lane (docs/architecture.md, "Two write lanes").
//
// The import is provably in flight while they are measured: before the
// first and after the last, another process finds the main file's write
// lock taken (sqlite3 CLI, BEGIN IMMEDIATE with no wait; on PostgreSQL the
// main lane's advisory lock held, in pg_locks), and the import's
// answer has not arrived yet. The bound (1 s) is the issue's; the short
// writes take a few milliseconds when nothing else runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANXIN, AS_OF, INITIAL_PASSWORD, ON_PG, USERS, authHeaders, login, pgMainLaneHeld, postJson, req,
  startServer } from './helpers.mjs';
import { card, idNumber, table } from './ids.mjs';

const WORKERS = 40000;
const MONTHS = 10;     // WORKERS x MONTHS payroll rows
const BOUND_MS = 1000;

let srv;
let base;

/** Writes the workers file and the payroll file; returns their paths. */
function generate(dir) {
  const ids = table();
  const workers = ['id_number,name,phone,bank_name,bank_card'];
  const idlist = [];
  for (let i = 0; i < WORKERS; i++) {
    const birth = new Date(Date.UTC(1975, 0, 1) + (i % 1000) * 7 * 86400000)
      .toISOString().slice(0, 10).replace(/-/g, '');
    const id = idNumber('120116', birth, 100 + Math.floor(i / 1000));
    idlist.push(id);
    workers.push(`${id},工人${i},135${String(10000000 + i).slice(-8)},中国农业银行,${card(1000 + i)}`);
  }
  const wf = join(dir, 'many-workers.csv');
  writeFileSync(wf, workers.join('\n') + '\n');
  const parts = ['project_code,worker_id_number,period,employer_uscc,days_worked,amount_due,'
    + 'amount_paid,paid_date,channel,worker_confirmed\n'];
  for (let m = 0; m < MONTHS; m++) {
    const period = `2024-${String(m + 1).padStart(2, '0')}`;
    parts.push(idlist.map((id) => `BH-2026-001,${id},${period},${ids['uscc:E2']},21,6000.00,`
      + '6000.00,2024-12-10,bank,Y\n').join(''));
  }
  const pf = join(dir, 'big-payroll.csv');
  writeFileSync(pf, parts.join(''));
  return { wf, pf };
}

/** Whether another process finds the main file's write lock taken now
 * (PostgreSQL: the main lane's advisory lock held). */
function mainLocked(db) {
  if (ON_PG) return pgMainLaneHeld(db);
  const r = spawnSync('sqlite3', ['-batch', db, '.timeout 0', 'BEGIN IMMEDIATE;', 'ROLLBACK;'],
    { encoding: 'utf8' });
  if (r.status === 0) return false;
  assert.match(r.stderr, /locked|busy/i, `sqlite3: ${r.stderr}`);
  return true;
}

before(async () => {
  srv = await startServer();
  base = srv.base;
  execFileSync(ANXIN, ['scan', '--as-of', AS_OF, '--db', srv.db], { stdio: 'pipe' });
  execFileSync(ANXIN, ['user', 'add', 'newcomer', '--role', 'inspector', '--password-stdin',
    '--db', srv.db], { input: INITIAL_PASSWORD + '\n', env: { ...process.env, ANXIN_TEST_FAST_HASH: '1' } });
});
after(async () => { await srv.stop(); });

test('log-in, log-out, password, reveal and warning actions answer within 1 s during a large import', async (t) => {
  const { wf, pf } = generate(srv.dir);
  execFileSync(ANXIN, ['import', 'workers', wf, '--db', srv.db, '--quiet'], { stdio: 'pipe' });
  const worker = (await req(base, '/api/v1/workers?per_page=1')).json.items[0];
  const open = (await req(base, '/api/v1/warnings?status=open&per_page=10')).json.items;
  assert.ok(open.length >= 3, `open warnings to act on: ${open.length}`);
  assert.equal(mainLocked(srv.db), false, 'nothing holds the main file before the import');

  // The import: its answer is awaited only at the end.
  let finished = null;
  const t0 = Date.now();
  const body = readFileSync(pf);
  const importing = fetch(`${base}/api/v1/import/payroll?filename=big-payroll.csv`, {
    method: 'POST', body, headers: { ...authHeaders(base), 'content-type': 'text/csv' },
  }).then(async (res) => { finished = Date.now(); return { status: res.status, json: await res.json() }; });

  // Wait until the import holds the main file's write lock (the upload
  // is read first); a loaded machine may take a while, so up to 60 s.
  const deadline = Date.now() + 60000;
  while (!mainLocked(srv.db)) {
    assert.equal(finished, null, 'the import ended before it was seen in flight');
    assert.ok(Date.now() < deadline, 'the import never took the main file\'s lock');
    await new Promise((r) => setTimeout(r, 20));
  }
  const inFlightAt = Date.now() - t0;

  const timings = {};
  async function timed(name, fn, check) {
    const s = performance.now();
    const r = await fn();
    const ms = performance.now() - s;
    timings[name] = Math.round(ms);
    check(r);
    assert.ok(ms < BOUND_MS, `${name} took ${ms.toFixed(0)} ms while an import ran (bound ${BOUND_MS} ms)`);
    assert.equal(finished, null, `${name}: the import must still be running`);
  }
  const ok = (name) => (r) => assert.equal(r.status, 200, `${name}: ${r.text || JSON.stringify(r.json)}`);

  let s;
  await timed('login', async () => (s = await login(base, 'inspector')), ok('login'));
  await timed('logout', () => postJson(base, '/api/v1/logout', {}, 'POST', { session: s }), ok('logout'));
  let n;
  await timed('login (must change)', async () => (n = await login(base, 'newcomer', INITIAL_PASSWORD)), ok('login'));
  await timed('password', () => postJson(base, '/api/v1/password',
    { old: INITIAL_PASSWORD, new: 'Quiet-Harbour-2026!' }, 'POST', { session: n }), ok('password'));
  await timed('reveal', () => postJson(base, `/api/v1/workers/${worker.id}/reveal`, { field: 'bank_card' }),
    (r) => { ok('reveal')(r); assert.match(r.json.value, /^\d{16,19}$/); });
  await timed('eliminate', () => postJson(base, `/api/v1/warnings/${open[0].id}/eliminate`,
    { reason: '已约谈整改' }), ok('eliminate'));
  await timed('assign', () => postJson(base, `/api/v1/warnings/${open[1].id}/assign`,
    { to: 'inspector' }), ok('assign'));
  await timed('escalate', () => postJson(base, `/api/v1/warnings/${open[2].id}/escalate`, {}),
    ok('escalate'));

  assert.equal(mainLocked(srv.db), true, 'the import still holds the main file after the short writes');
  const res = await importing;
  assert.equal(res.status, 200, JSON.stringify(res.json).slice(0, 500));
  assert.equal(res.json.inserted, WORKERS * MONTHS);
  t.diagnostic(`import ${finished - t0} ms (holding the main file's lock from ${inFlightAt} ms); `
    + `short writes meanwhile (ms): ${JSON.stringify(timings)}`);

  // Everything is attributed, in one intact chain.
  const verify = execFileSync(ANXIN, ['audit', 'verify', '--db', srv.db], { encoding: 'utf8' });
  assert.match(verify, /audit log OK/);
  const actions = JSON.parse(execFileSync(ANXIN, ['audit', 'list', '--format', 'json', '--db', srv.db],
    { encoding: 'utf8' })).map((a) => a.action);
  for (const a of ['login', 'logout', 'password_change', 'reveal', 'warning_eliminate',
    'warning_assign', 'warning_escalate', 'import'])
    assert.ok(actions.includes(a), `audited: ${a} (have ${[...new Set(actions)].join(' ')})`);
});
