// auth.test.mjs - log-in, sessions, CSRF, tokens and the audit trail over
// real HTTP: lock-out after repeated wrong passwords (and the same answers
// for an unknown name), a request without the CSRF token changes nothing,
// the forced password change, log-out invalidates the cookie, cookie
// flags (Secure with --secure-cookies), a bank token writes only its own
// bank's accounts and reads nothing, an enterprise only its projects, a
// street officer's export holds only that street with masked fields,
// reveal and unmasked export are audited, creates carry before/after, the
// audit address honours --trust-proxy, and `anxin audit verify` passes
// after all of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ANXIN, bearer, fixture, login, postJson, req, startServer } from './helpers.mjs';
import { table } from './ids.mjs';

const ID = table();
let srv;
let base;
let admin;

before(async () => {
  srv = await startServer();
  base = srv.base;
  admin = await login(base, 'admin');
});
after(async () => {
  // After all the traffic below, the chain is intact.
  const out = execFileSync(ANXIN, ['audit', 'verify', '--db', srv.db], { encoding: 'utf8' });
  assert.match(out, /audit log OK/);
  await srv.stop();
});

/** Adds a user through the API and gives it its own password. */
async function newUser(username, role, extra = {}, password = 'Fresh-Pass-2026!') {
  const r = await postJson(base, '/api/v1/users', { username, role, ...extra });
  assert.equal(r.status, 200, r.text);
  const first = await login(base, username, r.json.password);
  assert.equal(first.status, 200);
  const c = await postJson(base, '/api/v1/password', { old: r.json.password, new: password }, 'POST', { session: first });
  assert.equal(c.status, 200, c.text);
  return password;
}

async function audit(query) {
  const r = await req(base, `/api/v1/audit?per_page=500&${query}`);
  assert.equal(r.status, 200);
  return r.json.items;
}

describe('log-in', () => {
  test('wrong passwords slow this name from this address down (429, Retry-After); nothing is locked', async () => {
    const pw = await newUser('lockme', 'leader');
    const seq = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await login(base, 'lockme', 'Wrong-Pass-2026!');
      seq.push(last.status);
    }
    assert.deepEqual(seq, [401, 401, 401, 401, 401, 429]);
    assert.equal(last.json.error.code, 'too_many_requests');
    assert.match(last.json.error.message, /稍后再试/);
    const right = await login(base, 'lockme', pw);
    assert.equal(right.status, 429, 'the password is not even checked while the delay runs');
    assert.equal(right.cookie, null, 'no session while slowed');
    assert.doesNotMatch(right.json.error.message, /锁定/, 'not a lock');
    // An administrator's unlock clears the delays too.
    const u = await req(base, '/api/v1/users/lockme/unlock', { method: 'POST' });
    assert.equal(u.status, 200);
    assert.equal((await login(base, 'lockme', pw)).status, 200);
    const rows = await audit('actor=lockme&action=login_failed');
    assert.equal(rows.length, 5, 'the 5 wrong passwords checked; the delayed attempts never reach one');
  });

  test('an unknown user name gets exactly the same answers (no existence oracle)', async () => {
    const seqs = [];
    for (const name of ['nosuchuser1', 'lockme2']) {
      if (name === 'lockme2') await newUser(name, 'leader');
      const seq = [];
      for (let i = 0; i < 6; i++) {
        const r = await login(base, name, 'Wrong-Pass-2026!');
        seq.push([r.status, r.json.error.code, r.json.error.message]);
      }
      seqs.push(seq);
    }
    assert.deepEqual(seqs[0], seqs[1]);
  });

  test('missing fields 400; not JSON 415; the password never echoed', async () => {
    let r = await postJson(base, '/api/v1/login', { username: 'admin' }, 'POST', { session: null });
    assert.equal(r.status, 400);
    r = await req(base, '/api/v1/login', { method: 'POST', session: null, body: 'username=admin&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 415, 'a cross-site form cannot log anyone in');
    r = await login(base, 'admin', 'Secret-Guess-2026!');
    assert.ok(!r.text || !JSON.stringify(r.json).includes('Secret-Guess'));
  });

  test('cookie flags: HttpOnly, SameSite=Strict, Path=/, not Secure without --secure-cookies', async () => {
    const s = await login(base, 'inspector');
    assert.match(s.setCookie, /^anxin_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    assert.match(s.csrf, /^[0-9a-f]{64}$/);
  });

  test('log-out ends the session: the cookie is refused afterwards', async () => {
    const s = await login(base, 'inspector');
    assert.equal((await req(base, '/api/v1/projects', { session: s })).status, 200);
    const r = await req(base, '/api/v1/logout', { method: 'POST', session: s });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('set-cookie'), /anxin_session=; .*Max-Age=0/);
    const again = await req(base, '/api/v1/projects', { session: s });
    assert.equal(again.status, 401);
    assert.equal(again.json.error.code, 'unauthenticated');
    assert.equal((await audit('actor=inspector&action=logout')).length, 1);
  });

  test('forced password change: only /me, /password and /logout until done', async () => {
    const r = await postJson(base, '/api/v1/users', { username: 'newbie', role: 'inspector', name: '新人' });
    assert.equal(r.status, 200);
    const tmp = r.json.password;
    assert.match(tmp, /^.{16}$/);
    const s = await login(base, 'newbie', tmp);
    assert.equal(s.status, 200);
    assert.equal(s.json.must_change, true);
    let x = await req(base, '/api/v1/projects', { session: s });
    assert.equal(x.status, 403);
    assert.equal(x.json.error.code, 'password_change_required');
    x = await req(base, '/api/v1/me', { session: s });
    assert.equal(x.status, 200);
    assert.equal(x.json.must_change, true);
    x = await postJson(base, '/api/v1/password', { old: 'Not-It-2026!!', new: 'Novice-Pass-2026!' }, 'POST', { session: s });
    assert.equal(x.status, 400);
    x = await postJson(base, '/api/v1/password', { old: tmp, new: 'short' }, 'POST', { session: s });
    assert.equal(x.status, 400);
    x = await postJson(base, '/api/v1/password', { old: tmp, new: 'Novice-Pass-2026!' }, 'POST', { session: s });
    assert.equal(x.status, 200, x.text);
    assert.equal(x.json.must_change, false);
    // The old cookie is gone (every session ends); the new one works.
    assert.equal((await req(base, '/api/v1/projects', { session: s })).status, 401);
    const m = /anxin_session=([^;]*)/.exec(x.headers.get('set-cookie'));
    const fresh = { ...s, cookie: m[1], csrf: x.json.csrf };
    assert.equal((await req(base, '/api/v1/projects', { session: fresh })).status, 200);
    assert.equal((await audit('actor=newbie&action=password_change')).length, 1);
  });
});

describe('CSRF', () => {
  const ENT = { uscc: '', name: '跨站请求测试公司', kind: 'subcontractor', region_code: '120116' };

  test('a write without the token (or with a wrong one) is 403 and changes nothing', async () => {
    const before = await req(base, '/api/v1/enterprises?per_page=500');
    const ent = { ...ENT, uscc: ID['uscc:E9'] };
    const noToken = { ...admin, headers: () => ({ cookie: `anxin_session=${admin.cookie}` }) };
    const wrong = { ...admin, headers: () => ({ cookie: `anxin_session=${admin.cookie}`, 'x-csrf-token': 'f'.repeat(64) }) };
    for (const s of [noToken, wrong]) {
      let r = await postJson(base, '/api/v1/enterprises', ent, 'POST', { session: s });
      assert.equal(r.status, 403);
      assert.equal(r.json.error.code, 'csrf');
      const w = before.json.items[0];
      r = await postJson(base, `/api/v1/enterprises/${w.id}`, { name: 'changed' }, 'PUT', { session: s });
      assert.equal(r.status, 403);
      // An upload is refused before its body is stored or read.
      r = await req(base, '/api/v1/import/workers', { method: 'POST', session: s,
        headers: { 'content-type': 'text/csv' }, body: fixture('workers_good.csv') });
      assert.equal(r.status, 403);
      assert.equal(r.json.error.code, 'csrf');
      r = await req(base, '/api/v1/users/lockme/disable', { method: 'POST', session: s });
      assert.equal(r.status, 403);
    }
    const afterList = await req(base, '/api/v1/enterprises?per_page=500');
    assert.deepEqual(afterList.json, before.json);
    assert.equal((await req(base, `/api/v1/workers?q=${ID['id:W6']}`)).json.total, 0, 'nothing imported');
    const users = (await req(base, '/api/v1/users')).json.items;
    assert.equal(users.find((u) => u.username === 'lockme').disabled, false);
    // The same write with the token succeeds.
    const ok = await postJson(base, '/api/v1/enterprises', ent);
    assert.equal(ok.status, 200, ok.text);
  });

  test('GETs need no token; a bearer token needs none (no ambient credential)', async () => {
    const s = { headers: () => ({ cookie: `anxin_session=${admin.cookie}` }) };
    assert.equal((await req(base, '/api/v1/projects', { session: s })).status, 200);
  });
});

describe('machine tokens', () => {
  const txn = (account, id) => ({ account_no: account, txn_id: id, txn_date: '2026-05-15', kind: 'labor_cost', amount: '1000.00' });

  test('a bank token writes its own bank\'s accounts, gets a row error for another bank\'s', async () => {
    const bank = bearer(srv.bankToken);
    let r = await postJson(base, '/api/v1/transactions', txn('1202 0100 0001', 'ABC-1'), 'POST', { session: bank });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.result, 'inserted');
    r = await postJson(base, '/api/v1/transactions', txn('1202-0100-0002', 'ABC-2'), 'POST', { session: bank });
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].field, 'account_no');
    assert.match(r.json.errors[0].reason, /银行/);
    // A file: the good row and the foreign one - all rows or none.
    const csv = 'account_no,txn_id,txn_date,kind,amount\n1202 0100 0001,ABC-3,2026-05-16,labor_cost,5\n' +
      '1202-0100-0002,ABC-4,2026-05-16,labor_cost,5\n';
    r = await req(base, '/api/v1/import/transactions', { method: 'POST', session: bank,
      headers: { 'content-type': 'text/csv' }, body: csv });
    assert.equal(r.status, 422);
    assert.deepEqual(r.json.errors.map((e) => [e.row, e.field]), [[3, 'account_no']]);
    assert.equal((await req(base, '/api/v1/transactions?txn_id=ABC-3')).json.total, 0, 'nothing written');
    // Other kinds, and reading anything: 403.
    r = await postJson(base, '/api/v1/workers', { id_number: ID['id:W8'], name: '某人' }, 'POST', { session: bank });
    assert.equal(r.status, 403);
    for (const p of ['/api/v1/workers', '/api/v1/transactions', '/api/v1/dashboard', '/api/v1/export/workers'])
      assert.equal((await req(base, p, { session: bank })).status, 403, p);
    // The write is attributed to the token.
    const rows = await audit('action=create');
    assert.ok(rows.some((x) => x.actor === 'token:1' && x.object_kind === 'transactions' && x.role === 'bank'));
  });

  test('a revoked or unknown token is 401', async () => {
    let r = await req(base, '/api/v1/me', { session: bearer('anx_' + 'A'.repeat(43)) });
    assert.equal(r.status, 401);
    const t = await postJson(base, '/api/v1/tokens', { name: 'gate', uscc: ID['uscc:E3'], kinds: ['attendance'] });
    assert.equal(t.status, 200, t.text);
    assert.match(t.json.value, /^anx_/);
    const gate = bearer(t.json.value);
    // An enterprise token: attendance of its own projects only.
    r = await postJson(base, '/api/v1/attendance', { project_code: 'BH-2026-001', worker_id_number: ID['id:W3'],
      date: '2026-05-07', hours: 8 }, 'POST', { session: gate });
    assert.equal(r.status, 200, r.text);
    r = await postJson(base, '/api/v1/attendance', { project_code: 'BH-2026-002', worker_id_number: ID['id:W5'],
      date: '2026-05-07', hours: 8 }, 'POST', { session: gate });
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].field, 'project_code');
    const list = await req(base, '/api/v1/tokens');
    assert.ok(list.json.items.every((x) => !('value' in x)), 'the value is never listed');
    assert.equal((await req(base, `/api/v1/tokens/${t.json.token.id}/revoke`, { method: 'POST' })).status, 200);
    r = await req(base, '/api/v1/me', { session: gate });
    assert.equal(r.status, 401);
  });
});

describe('scoped writes and exports', () => {
  test('an enterprise user writes payroll of its projects only', async () => {
    const ent = await login(base, 'enterprise');
    const row = (code, w) => ({ project_code: code, worker_id_number: ID[w], period: '2026-05',
      employer_uscc: ID['uscc:E3'], days_worked: 10, amount_due: '3000', amount_paid: '3000', paid_date: '2026-06-10' });
    let r = await postJson(base, '/api/v1/payroll', row('BH-2026-002', 'id:W5'), 'POST', { session: ent });
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].field, 'project_code');
    r = await postJson(base, '/api/v1/payroll', row('BH-2026-001', 'id:W3'), 'POST', { session: ent });
    assert.equal(r.status, 200, r.text);
    r = await postJson(base, '/api/v1/projects', { code: 'X' }, 'POST', { session: ent });
    assert.equal(r.status, 403, 'projects are not an enterprise\'s to write');
    // Its create is audited with the record as written.
    const rows = await audit('actor=enterprise&action=create');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].object_kind, 'payroll');
    assert.equal(JSON.parse(rows[0].after).amount_due, '3000.00');
  });

  test('update audit rows carry before and after', async () => {
    const w = (await req(base, `/api/v1/workers?q=${ID['id:W4']}`)).json.items[0];
    const r = await postJson(base, `/api/v1/workers/${w.id}`, { bank_name: '渤海银行' }, 'PUT');
    assert.equal(r.status, 200);
    const row = (await audit('action=update')).find((x) => x.object_key === String(w.id));
    assert.equal(JSON.parse(row.before).bank_name, w.bank_name);
    assert.equal(JSON.parse(row.after).bank_name, '渤海银行');
    assert.equal(row.actor, 'admin');
    assert.equal(row.address, '127.0.0.1');
  });

  test('a street officer\'s export holds only that street, masked; unmasked is refused', async () => {
    const st = await login(base, 'street');
    let r = await req(base, '/api/v1/export/projects?header=en', { session: st });
    assert.equal(r.status, 200);
    const rows = r.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
    const si = rows[0].indexOf('street');
    assert.ok(rows.length > 1);
    assert.ok(rows.slice(1).every((x) => x[si] === '新港街道'), 'only 新港街道');
    r = await req(base, '/api/v1/export/workers?header=en', { session: st });
    const lines = r.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.equal(lines.length - 1, 1, 'only W5 works in 新港街道');
    assert.ok(lines[1].includes(ID['id:W5'].slice(0, 6) + '********'), lines[1]);
    assert.ok(!r.text.includes(ID['id:W5']), 'masked');
    assert.ok(!r.text.includes(ID['card:W5']), 'card masked');
    r = await req(base, '/api/v1/export/workers?unmasked=1', { session: st });
    assert.equal(r.status, 403);
  });

  test('unmasked export: inspector only, audited', async () => {
    const ins = await login(base, 'inspector');
    const r = await req(base, '/api/v1/export/workers?unmasked=1', { session: ins });
    assert.equal(r.status, 200);
    assert.ok(r.text.includes(ID['id:W1']));
    const rows = await audit('action=export_unmasked');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].actor, 'inspector');
    assert.equal(rows[0].object_kind, 'workers');
    // Masked by default, even for roles that see personal data on screen.
    const m = await req(base, '/api/v1/export/workers', { session: ins });
    assert.ok(!m.text.includes(ID['id:W1']));
  });

  test('reveal returns the full value and is audited (without the value)', async () => {
    const st = await login(base, 'street');
    const w = (await req(base, '/api/v1/workers', { session: st })).json.items[0];
    assert.match(w.bank_card, /\*/);
    const r = await postJson(base, `/api/v1/workers/${w.id}/reveal`, { field: 'bank_card' }, 'POST', { session: st });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.value, ID['card:W5']);
    const rows = await audit('actor=street&action=reveal');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].object_kind, 'workers');
    assert.equal(rows[0].object_key, String(w.id));
    assert.equal(JSON.parse(rows[0].after).field, 'bank_card');
    assert.ok(!JSON.stringify(rows[0]).includes(ID['card:W5']), 'the value is not in the log');
    // Not a personal field: 400; another street's worker: 404.
    let x = await postJson(base, `/api/v1/workers/${w.id}/reveal`, { field: 'name' }, 'POST', { session: st });
    assert.equal(x.status, 400);
    const w1 = (await req(base, `/api/v1/workers?q=${ID['id:W1']}`)).json.items[0];
    x = await postJson(base, `/api/v1/workers/${w1.id}/reveal`, { field: 'id_number' }, 'POST', { session: st });
    assert.equal(x.status, 404);
  });
});

describe('administration', () => {
  test('disable ends the sessions; reset shows a password once; audit verify over HTTP', async () => {
    const pw = await newUser('temp1', 'leader');
    const s = await login(base, 'temp1', pw);
    let r = await req(base, '/api/v1/users/temp1/disable', { method: 'POST' });
    assert.equal(r.status, 200);
    assert.equal(r.json.user.disabled, true);
    assert.equal((await req(base, '/api/v1/me', { session: s })).status, 401);
    assert.equal((await login(base, 'temp1', pw)).status, 403);
    assert.equal((await req(base, '/api/v1/users/admin/disable', { method: 'POST' })).status, 422, 'not oneself');
    r = await req(base, '/api/v1/users/temp1/enable', { method: 'POST' });
    assert.equal(r.status, 200);
    r = await req(base, '/api/v1/users/temp1/reset-password', { method: 'POST' });
    assert.equal(r.status, 200);
    assert.match(r.json.password, /^.{16}$/);
    const again = await login(base, 'temp1', r.json.password);
    assert.equal(again.json.must_change, true);
    const v = await req(base, '/api/v1/audit/verify');
    assert.equal(v.status, 200);
    assert.equal(v.json.ok, true);
    assert.ok(v.json.rows > 10);
    const list = await req(base, '/api/v1/audit?action=user_disable&since=2000-01-01&until=2999-12-31');
    assert.equal(list.json.items.length, 1);
    assert.equal(list.json.items[0].actor, 'admin');
  });

  test('error bodies carry no SQL or internals', async () => {
    for (const p of ['/api/v1/projects?sort=nosuch', '/api/v1/projects?status=flying', '/api/v1/nosuchkind',
      '/api/v1/audit?since=yesterday']) {
      const r = await req(base, p);
      assert.ok(r.status >= 400 && r.status < 500, p);
      assert.doesNotMatch(r.text, /SELECT|sqlite|FROM |\.c:\d+/i, p);
    }
  });
});

/** Logs in from address addr (the server runs with --trust-proxy). */
async function loginFrom(b, name, password, addr) {
  const r = await fetch(b + '/api/v1/login', { method: 'POST', headers: {
    'content-type': 'application/json', 'x-forwarded-for': addr },
  body: JSON.stringify({ username: name, password }) });
  const text = await r.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: r.status, json, retryAfter: r.headers.get('retry-after'),
    cookie: /anxin_session=([^;]+)/.exec(r.headers.get('set-cookie') || '')?.[1] || null };
}

describe('log-in throttling: no stranger locks anyone out (addresses via --trust-proxy)', () => {
  let p;
  before(async () => {
    p = await startServer({ load: ['enterprises'], args: ['--trust-proxy'] });
  });
  after(async () => {
    const out = execFileSync(ANXIN, ['audit', 'verify', '--db', p.db], { encoding: 'utf8' });
    assert.match(out, /audit log OK/);
    await p.stop();
  });

  test('the administrator: a stranger\'s failures slow the stranger, never the bureau', async () => {
    const pw = 'Bureau-Pass-2026!';
    assert.equal((await loginFrom(p.base, 'admin', pw, '10.0.0.1')).status, 200, 'the usual desk');
    // One stranger: 5 free failures, then growing delays for that address.
    const seq = [];
    let r;
    for (let i = 0; i < 6; i++) {
      r = await loginFrom(p.base, 'admin', 'Wrong-Pass-2026!', '198.51.100.7');
      seq.push(r.status);
    }
    assert.deepEqual(seq, [401, 401, 401, 401, 401, 429]);
    assert.equal(r.retryAfter, '30', 'the first delay');
    r = await loginFrom(p.base, 'admin', pw, '198.51.100.7');
    assert.equal(r.status, 429);
    // ... while the account itself is not locked: any other address logs in.
    r = await loginFrom(p.base, 'admin', pw, '203.0.113.5');
    assert.equal(r.status, 200, `after a stranger's 6 failures: ${JSON.stringify(r.json)}`);
    r = await loginFrom(p.base, 'admin', 'Wrong-Pass-2026!', '198.51.100.7');
    assert.equal(r.status, 429, 'a success elsewhere gives the stranger no fresh attempts');
    // A distributed guess: 4 addresses x 5 = 20 failures, the account's
    // ceiling. Strangers now wait; the address it logged in from does not.
    for (const a of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'])
      for (let i = 0; i < 5; i++)
        assert.equal((await loginFrom(p.base, 'admin', 'Wrong-Pass-2026!', a)).status, 401, a);
    r = await loginFrom(p.base, 'admin', pw, '192.0.2.99');
    assert.equal(r.status, 429, 'a new address is slowed once the account is under attack');
    assert.ok(Number(r.retryAfter) >= 1 && Number(r.retryAfter) <= 30, r.retryAfter);
    assert.equal(r.json.error.code, 'too_many_requests');
    r = await loginFrom(p.base, 'admin', pw, '10.0.0.1');
    assert.equal(r.status, 200, 'the bureau\'s known address logs in during the attack');
    assert.ok(r.cookie);
  });

  test('an unknown name answers exactly like an account, through delays and the ceiling', async () => {
    const mk = await postJson(p.base, '/api/v1/users', { username: 'victim', role: 'leader' });
    assert.equal(mk.status, 200, mk.text);
    const seqs = [];
    for (const name of ['victim', 'nobody-here']) {
      const seq = [];
      const attempt = async (addr) => {
        const r = await loginFrom(p.base, name, 'Wrong-Pass-2026!', addr);
        seq.push([addr, r.status, r.json.error.code, r.json.error.message, r.retryAfter !== null]);
      };
      for (let i = 0; i < 6; i++) await attempt('198.18.0.1');
      for (const a of ['198.18.0.2', '198.18.0.3', '198.18.0.4'])
        for (let i = 0; i < 5; i++) await attempt(a);
      await attempt('198.18.0.5');  // 20 failures so far: slowed
      await attempt('198.18.0.6');
      seqs.push(seq);
    }
    assert.deepEqual(seqs[0], seqs[1]);
    assert.deepEqual(seqs[0].slice(-2).map((x) => x[1]), [429, 429], 'the ceiling reached');
  });

  test('a common password is refused, in any case, when a user sets one', async () => {
    const mk = await postJson(p.base, '/api/v1/users', { username: 'commoner', role: 'leader' });
    assert.equal(mk.status, 200, mk.text);
    const s = await loginFrom(p.base, 'commoner', mk.json.password, '10.0.0.2');
    assert.equal(s.status, 200);
    const sess = { cookie: s.cookie, csrf: s.json.csrf,
      headers() { return { cookie: `anxin_session=${this.cookie}`, 'x-csrf-token': this.csrf }; } };
    for (const pw of ['Password@2026', 'pASSWORD@2026', 'Admin@123456']) {
      const r = await postJson(p.base, '/api/v1/password', { old: mk.json.password, new: pw }, 'POST', { session: sess });
      assert.equal(r.status, 400, `${pw}: ${r.text}`);
      assert.match(r.json.error.message, /常见/);
    }
    const ok = await postJson(p.base, '/api/v1/password', { old: mk.json.password, new: 'Harbour-Lantern-2026' }, 'POST', { session: sess });
    assert.equal(ok.status, 200, ok.text);
  });
});

describe('behind a proxy', () => {
  test('--secure-cookies adds Secure; --trust-proxy takes X-Forwarded-For for the audit log', async () => {
    const p = await startServer({ load: ['enterprises'], as: null, args: ['--secure-cookies', '--trust-proxy'] });
    try {
      const r = await fetch(p.base + '/api/v1/login', { method: 'POST', headers: {
        'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ username: 'admin', password: 'Bureau-Pass-2026!' }) });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('set-cookie'), /; HttpOnly; SameSite=Strict; Secure$/);
      const out = execFileSync(ANXIN, ['audit', 'list', '--action', 'login', '--format', 'json', '--db', p.db],
        { encoding: 'utf8' });
      assert.ok(JSON.parse(out).some((x) => x.actor === 'admin' && x.address === '203.0.113.9'), out);
    } finally {
      await p.stop();
    }
    // Without --trust-proxy the header is ignored: the peer's address.
    const r = await fetch(base + '/api/v1/login', { method: 'POST', headers: {
      'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
    body: JSON.stringify({ username: 'leader', password: 'Chief-Pass-2026!' }) });
    assert.equal(r.status, 200);
    const rows = await audit('actor=leader&action=login');
    assert.ok(rows.length > 0 && rows.every((x) => x.address === '127.0.0.1'));
  });
});
