// authz.test.mjs - THE access matrix: every role (admin, inspector, street
// officer of 新港街道, enterprise user of E3, leader, a bank token of ABC,
// anonymous) x every route of the route table, asserting 200 / 401 / 403 /
// 404 (or the handler's own 400 / 422 when access is granted) as designed.
//
// The routes come from `anxin routes` (the server's own table), so a new
// route cannot escape the matrix: a route this file knows gets a designed
// request; one it does not know (a newer endpoint) still gets every role,
// with the expectation derived from the permission it declares and the
// role table below (the design, written down independently of role.c).
// {kind} routes are tried for every kind, {id} routes with records inside
// and outside each scoped role's reach - computed here from the fixture
// data, not from the server's scope SQL - and every list's total is
// compared with the number of records the role should see.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ANXIN, bearer, login, req, startServer, USERS } from './helpers.mjs';
import { table } from './ids.mjs';

const ID = table();

/* ---- the design ------------------------------------------------------------ */

const ALL_KINDS = ['enterprises', 'projects', 'workers', 'employments', 'attendance', 'payroll',
  'accounts', 'transactions', 'deposits', 'min_wages'];
const PERMS = {
  admin: ['read', 'write', 'import', 'export', 'export_unmasked', 'reveal', 'users', 'audit', 'params', 'warnings', 'scan', 'supervise', 'cases'],
  inspector: ['read', 'export', 'export_unmasked', 'reveal', 'warnings', 'scan', 'cases'],
  street: ['read', 'export', 'reveal', 'warnings', 'cases'],
  enterprise: ['read', 'write', 'import', 'export', 'reveal'],
  contractor: ['read', 'write', 'import', 'export', 'reveal'],
  owner: ['read', 'write', 'import', 'export', 'reveal'],
  leader: ['read', 'export', 'supervise', 'cases'],
  bank: ['write', 'import'],
  anonymous: [],
};
const WRITABLE = {
  admin: ALL_KINDS,
  enterprise: ['workers', 'employments', 'attendance', 'payroll'],
  contractor: ['workers', 'employments', 'attendance', 'payroll'],
  owner: ['workers', 'employments', 'attendance', 'payroll'],
  bank: ['transactions'],
};
/* Enterprise accounts: E3 a subcontractor (an employer) on BH-2026-001, E2
 * the general contractor and E1 the owner of every project (helpers.mjs). */
const ENTERPRISES = { enterprise: 'E3', contractor: 'E2', owner: 'E1' };
/* "Currently employed" is judged on the server's today (Asia/Shanghai). */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const SEES_PERSONAL = { admin: true, inspector: true };
const ROLES = Object.keys(PERMS);

/** Whether role may use a route declaring perm (kind: its {kind}, if any). */
function allowed(role, perm, kind) {
  if (perm === '') return true;
  if (role === 'anonymous') return false;
  if (perm === 'auth') return true;
  if (perm === 'session') return role !== 'bank';
  if (!PERMS[role].includes(perm)) return false;
  if ((perm === 'write' || perm === 'import') && kind && ALL_KINDS.includes(kind))
    return (WRITABLE[role] || []).includes(kind);
  return true;
}

/* ---- fixture facts: who sees which record ------------------------------------ */

let srv;
let base;
const S = {}; // role -> session-like (null for anonymous)
const all = {}; // kind -> every record (as admin)
const kinds = {}; // kind -> descriptor
let scopeOf; // role -> Set of project codes, or null (everything)

function projectsOf(role) {
  const p = all.projects;
  if (role === 'street') return new Set(p.filter((x) => x.street === USERS.street.street).map((x) => x.code));
  if (ENTERPRISES[role]) {
    const u = ID[`uscc:${ENTERPRISES[role]}`];
    return new Set([...p.filter((x) => x.owner_uscc === u || x.contractor_uscc === u).map((x) => x.code),
      ...all.employments.filter((e) => e.employer_uscc === u).map((e) => e.project_code)]);
  }
  return null;
}

/** Whether employment e covers day d (YYYY-MM-DD). */
const covers = (e, d) => e.entry_date <= d && (!e.exit_date || e.exit_date >= d);

/**
 * Whether an enterprise (USCC u) sees record rec of kind - the table of
 * docs/security.md: rows where it is the employer; its subcontractors'
 * rows on projects it is the general contractor of (read only); the
 * account, transactions, deposits (and warnings) of projects it owns or
 * contracts; a worker while employed now; the projects it takes part in.
 */
function enterpriseSees(role, kind, rec) {
  const u = ID[`uscc:${ENTERPRISES[role]}`];
  const P = scopeOf[role];
  const gc = new Set(all.projects.filter((p) => p.contractor_uscc === u).map((p) => p.code));
  const resp = new Set(all.projects.filter((p) => p.contractor_uscc === u || p.owner_uscc === u).map((p) => p.code));
  switch (kind) {
  case 'projects': return P.has(rec.code);
  case 'employments': case 'payroll': return rec.employer_uscc === u || gc.has(rec.project_code);
  case 'attendance':
    return gc.has(rec.project_code) || all.employments.some((e) => e.project_code === rec.project_code
      && e.worker_id_number === rec.worker_id_number && e.employer_uscc === u && covers(e, rec.date));
  case 'workers':
    return all.employments.some((e) => e.worker_id_number === rec.id_number && covers(e, TODAY)
      && (e.employer_uscc === u || gc.has(e.project_code)));
  case 'accounts': case 'deposits': return resp.has(rec.project_code);
  case 'transactions': {
    const a = all.accounts.find((x) => x.account_no === rec.account_no);
    return !!a && resp.has(a.project_code);
  }
  case 'enterprises': {
    const takes = new Set([u, ...all.projects.filter((p) => P.has(p.code)).flatMap((p) => [p.owner_uscc, p.contractor_uscc]),
      ...all.employments.filter((e) => P.has(e.project_code)).map((e) => e.employer_uscc)]);
    return takes.has(rec.uscc);
  }
  case 'min_wages': return true;
  default: return false;
  }
}

/** Whether an enterprise role may write rec (of a writable kind) it sees. */
function enterpriseWrites(role, kind, rec) {
  const u = ID[`uscc:${ENTERPRISES[role]}`];
  switch (kind) {
  case 'employments': case 'payroll': return rec.employer_uscc === u;
  case 'attendance':
    return all.employments.some((e) => e.project_code === rec.project_code
      && e.worker_id_number === rec.worker_id_number && e.employer_uscc === u && covers(e, rec.date));
  default: return true; // workers: an unchanged rewrite of a worker it sees
  }
}

/** Whether role sees record rec of kind (the design of row-level scope). */
function inScope(role, kind, rec) {
  if (ENTERPRISES[role]) return enterpriseSees(role, kind, rec);
  const P = scopeOf[role];
  if (!P) return true;
  switch (kind) {
  case 'projects': return P.has(rec.code);
  case 'transactions': {
    const a = all.accounts.find((x) => x.account_no === rec.account_no);
    return !!a && P.has(a.project_code);
  }
  case 'workers':
    return all.employments.some((e) => e.worker_id_number === rec.id_number && P.has(e.project_code));
  case 'enterprises': {
    const takes = new Set([...all.projects.filter((p) => P.has(p.code)).flatMap((p) => [p.owner_uscc, p.contractor_uscc]),
      ...all.employments.filter((e) => P.has(e.project_code)).map((e) => e.employer_uscc)]);
    return takes.has(rec.uscc);
  }
  case 'min_wages': return true;
  default: return P.has(rec.project_code);
  }
}

/** The projects whose warnings role sees (null: all). */
function warningProjects(role) {
  if (!ENTERPRISES[role]) return scopeOf[role];
  const u = ID[`uscc:${ENTERPRISES[role]}`];
  return new Set(all.projects.filter((p) => p.contractor_uscc === u || p.owner_uscc === u).map((p) => p.code));
}

before(async () => {
  srv = await startServer();
  base = srv.base;
  // Rows that must be left out really exist (issue 7, finding 15c): W5,
  // of 新港街道's BH-2026-002, also worked in February on 泰达街道's
  // BH-2026-001 for E4 (neither the street officer's street nor E3).
  for (const [kind, row] of [
    ['employments', { project_code: 'BH-2026-001', worker_id_number: ID['id:W5'], entry_date: '2026-02-01',
      employer_uscc: ID['uscc:E4'], exit_date: '2026-02-28', wage_basis: 'daily', wage_rate: '260' }],
    ['payroll', { project_code: 'BH-2026-001', worker_id_number: ID['id:W5'], period: '2026-02',
      employer_uscc: ID['uscc:E4'], days_worked: '18', amount_due: '4680', amount_paid: '4680',
      paid_date: '2026-03-10' }],
    ['attendance', { project_code: 'BH-2026-001', worker_id_number: ID['id:W5'], date: '2026-02-10' }],
    // E3's worker W2 worked for E2 on BH-2026-002 before joining E3.
    ['employments', { project_code: 'BH-2026-002', worker_id_number: ID['id:W2'], entry_date: '2026-01-05',
      employer_uscc: ID['uscc:E2'], exit_date: '2026-02-20' }],
  ]) {
    const r = await req(base, `/api/v1/${kind}`, { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(row) });
    assert.equal(r.status, 200, `${kind}: ${r.text}`);
  }
  for (const k of ALL_KINDS) {
    const r = await req(base, `/api/v1/${k}?per_page=500`);
    assert.equal(r.status, 200);
    all[k] = r.json.items;
  }
  for (const k of (await req(base, '/api/v1/kinds')).json) kinds[k.name] = k;
  for (const role of ROLES) {
    if (role === 'anonymous') S[role] = null;
    else if (role === 'bank') S[role] = bearer(srv.bankToken);
    else {
      S[role] = await login(base, role);
      assert.equal(S[role].status, 200, `log-in ${role}`);
    }
  }
  scopeOf = Object.fromEntries(ROLES.map((r) => [r, projectsOf(r)]));
  // The fixture facts the matrix relies on.
  assert.deepEqual([...scopeOf.street], ['BH-2026-002']);
  assert.deepEqual([...scopeOf.enterprise], ['BH-2026-001']);
  assert.equal(scopeOf.contractor.size, 3);
  assert.equal(scopeOf.owner.size, 3);
});
after(async () => { await srv.stop(); });

/** Whether the test bank (ABC, 中国农业银行) holds the transaction's account. */
function bankHolds(txn) {
  const a = all.accounts.find((x) => x.account_no === txn.account_no);
  return !!a && a.bank_name.startsWith('中国农业银行');
}

/* ---- concrete requests per route --------------------------------------------- */

/** The first personal field of kind, or null. */
function personalField(kind) {
  const f = kinds[kind].fields.find((x) => x.personal);
  return f ? f.key : null;
}

/**
 * The concrete requests of one route: [{label, path, init, kind, rec,
 * expect(role) -> status when access is granted}].
 */
function instances(rt) {
  const { method, pattern } = rt;
  const out = [];
  const json = (body) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const kindList = pattern.includes('{kind}')
    ? (pattern.startsWith('/api/v1/import/') ? [...ALL_KINDS, 'auto'] : ALL_KINDS) : [null];
  for (const kind of kindList) {
    const fill = (p, id) => p.replace('{kind}', kind).replace('{id}', id).replace('{username}', 'nosuchuser')
      .replace('{asset}', 'app.js');
    const key = `${method} ${pattern}`;
    // Records for {id}: inside and outside each scoped role's reach.
    const recs = [];
    if (pattern.includes('{kind}/{id}')) {
      for (const role of ['street', ...Object.keys(ENTERPRISES)]) {
        const i = all[kind].find((x) => inScope(role, kind, x));
        const o = all[kind].find((x) => !inScope(role, kind, x));
        for (const x of [i, o]) if (x && !recs.includes(x)) recs.push(x);
      }
      if (!recs.length && all[kind].length) recs.push(all[kind][0]);
      if (!recs.length) recs.push({ id: 999999, missing: true });
    }
    const each = recs.length ? recs : [null];
    for (const rec of each) {
      const path = fill(pattern, rec ? rec.id : '999999');
      const seen = (role) => rec && !rec.missing && inScope(role, kind, rec);
      let init = { method };
      let expect;
      switch (key) {
      case 'GET /healthz': case 'GET /api/v1/openapi.json': case 'GET /api/v1/kinds':
      case 'GET /api/v1/dashboard': case 'GET /api/v1/me': case 'GET /': case 'GET /static/{asset}':
      case 'GET /api/v1/users': case 'GET /api/v1/tokens': case 'GET /api/v1/audit':
      case 'GET /api/v1/audit/verify': case 'GET /api/v1/{kind}': case 'GET /api/v1/export/{kind}':
        expect = () => 200;
        break;
      case 'GET /api/v1/{kind}/{id}':
        expect = (role) => (seen(role) ? 200 : 404);
        break;
      case 'PUT /api/v1/{kind}/{id}':
        init = json({}); // rewrites the record as it is: "unchanged"
        // A bank reads nothing but writes its own accounts' transactions:
        // another bank's is a row error.
        // Another bank's transaction (any record out of scope) is 404
        // before any other check (issue 7, finding 8); a record an
        // enterprise reads but does not write (a general contractor's
        // view of its subcontractors' rows) is a row error.
        expect = (role) => (role === 'bank' ? (bankHolds(rec) ? 200 : 404) : !seen(role) ? 404
          : ENTERPRISES[role] && !enterpriseWrites(role, kind, rec) ? 422 : 200);
        break;
      case 'POST /api/v1/{kind}/{id}/reveal':
        init = json({ field: personalField(kind) || 'name' });
        expect = (role) => (!seen(role) ? 404 : personalField(kind) ? 200 : 400);
        break;
      case 'POST /api/v1/{kind}':
        init = json({}); // required fields missing: the import report
        expect = () => 422;
        break;
      case 'POST /api/v1/import/{kind}':
        init = { method, headers: { 'content-type': 'text/csv' }, body: '' };
        expect = () => 400; // empty body
        break;
      case 'POST /api/v1/login': case 'POST /api/v1/password':
        init = json({});
        expect = () => 400;
        break;
      case 'POST /api/v1/users': case 'POST /api/v1/tokens':
        init = json({});
        expect = () => 422;
        break;
      case 'POST /api/v1/users/{username}/disable': case 'POST /api/v1/users/{username}/enable':
      case 'POST /api/v1/users/{username}/reset-password': case 'POST /api/v1/users/{username}/unlock':
      case 'POST /api/v1/tokens/{id}/revoke':
        expect = () => 404;
        break;
      case 'POST /api/v1/logout':
        expect = () => 200; // with a session of its own, see below
        break;
      case 'GET /api/v1/warnings': case 'GET /api/v1/warnings/stats': case 'GET /api/v1/params':
        expect = () => 200;
        break;
      case 'GET /api/v1/warnings/{id}': case 'POST /api/v1/warnings/{id}/eliminate':
      case 'POST /api/v1/warnings/{id}/assign': case 'POST /api/v1/warnings/{id}/escalate':
      case 'POST /api/v1/warnings/{id}/supervise':
        if (method !== 'GET') init = json({ reason: '误报', to: 'inspector', note: '转执法检查' });
        expect = () => 404; // warning 999999 does not exist
        break;
      case 'POST /api/v1/scan':
        init = json({ as_of: '2026-05-20' });
        expect = () => 200;
        break;
      case 'PUT /api/v1/params/{key}':
        init = json({ value: '30' });
        expect = () => 404; // parameter 'x' does not exist
        break;
      default:
        // A route this file does not know yet: every role is still tried;
        // granted access is anything but 401/403.
        if (method !== 'GET') init = json({});
        expect = null;
      }
      out.push({ label: `${method} ${path}`, path: path.replace(/\{[a-z_]+\}/g, 'x'), init, kind, key, rt, expect });
    }
  }
  return out;
}

/** The session a role uses for route key (logout gets a fresh one). */
async function sessionFor(role, key) {
  if (key === 'POST /api/v1/logout' && role !== 'anonymous' && role !== 'bank') return login(base, role);
  return S[role];
}

/* ---- the matrix ---------------------------------------------------------------- */

const routes = JSON.parse(execFileSync(ANXIN, ['routes'], { encoding: 'utf8' }));

test('the route table lists every route with a permission the design knows', () => {
  assert.ok(routes.length >= 25, `${routes.length} routes`);
  const known = new Set(['', 'auth', 'session', ...PERMS.admin]);
  for (const rt of routes)
    assert.ok(known.has(rt.perm), `${rt.method} ${rt.pattern} declares unknown permission '${rt.perm}'`);
  // Public: exactly the health and readiness checks, the metrics (which
  // check the peer or their own token: ops.test.mjs), the log-in, the UI's
  // files and the public clue page (flood-limited: cases.test.mjs).
  assert.deepEqual(routes.filter((r) => r.perm === '').map((r) => `${r.method} ${r.pattern}`).sort(),
    ['GET /', 'GET /api/v1/public/form', 'GET /healthz', 'GET /metrics', 'GET /readyz',
      'GET /static/{asset}', 'POST /api/v1/login', 'POST /api/v1/public/clues',
      'POST /api/v1/public/clues/{number}/photos', 'POST /api/v1/public/clues/{number}/status']);
});

describe('access matrix: every role x every route', () => {
  let cells = 0;
  for (const rt of routes) {
    test(`${rt.method} ${rt.pattern} [${rt.perm || 'public'}]`, async () => {
      for (const inst of instances(rt)) {
        for (const role of ROLES) {
          const s = await sessionFor(role, inst.key);
          const r = await req(base, inst.path, { ...inst.init, session: s });
          cells++;
          const where = `${role} ${inst.label}: ${r.status} ${r.text.slice(0, 200)}`;
          const grant = allowed(role, rt.perm, inst.kind);
          if (!grant) {
            assert.equal(r.status, role === 'anonymous' ? 401 : 403, where);
            assert.equal(r.json.error.code, role === 'anonymous' ? 'unauthenticated' : 'forbidden', where);
            continue;
          }
          if (inst.expect) assert.equal(r.status, inst.expect(role), where);
          else assert.ok(r.status !== 401 && r.status !== 403, where);
          if (inst.key === 'POST /api/v1/logout') {
            const again = await req(base, '/api/v1/me', { session: s });
            assert.equal(again.status, 401, `${role}: the logged-out cookie is refused`);
          }
        }
      }
    });
  }
  test('matrix size', () => {
    assert.ok(cells >= ROLES.length * routes.length, `${cells} cells`);
    console.log(`# access matrix: ${ROLES.length} roles x ${routes.length} routes = ${cells} requests`);
  });
});

/* ---- what each role sees ------------------------------------------------------- */

describe('row-level scope and masking', () => {
  test('every list total is the number of records the role should see', async () => {
    for (const role of ROLES.filter((r) => PERMS[r].includes('read'))) {
      for (const kind of ALL_KINDS) {
        const r = await req(base, `/api/v1/${kind}?per_page=500`, { session: S[role] });
        assert.equal(r.status, 200);
        const want = all[kind].filter((x) => inScope(role, kind, x)).map((x) => x.id).sort();
        assert.deepEqual(r.json.items.map((x) => x.id).sort(), want, `${role} ${kind}`);
        assert.equal(r.json.total, want.length, `${role} ${kind} total`);
      }
    }
  });

  test('every export holds exactly the records the role should see', async () => {
    // The key column of each kind, as the export writes it (header=en).
    const KEY = { enterprises: 'uscc', projects: 'code', workers: 'name', employments: 'entry_date',
      attendance: 'date', payroll: 'period', accounts: 'account_no', transactions: 'txn_id',
      deposits: 'deposit_no', min_wages: 'effective_from' };
    for (const role of ['street', ...Object.keys(ENTERPRISES)]) {
      for (const kind of ALL_KINDS) {
        const r = await req(base, `/api/v1/export/${kind}?format=csv&header=en`, { session: S[role] });
        assert.equal(r.status, 200, `${role} ${kind}`);
        const lines = r.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
        const col = lines[0].split(',').indexOf(KEY[kind]);
        const got = lines.slice(1).map((l) => l.split(',')[col]).sort();
        const want = all[kind].filter((x) => inScope(role, kind, x)).map((x) => String(x[KEY[kind]])).sort();
        assert.deepEqual(got, want, `${role} ${kind}`);
        if (all[kind].length > want.length) assert.ok(got.length < all[kind].length, `${role} ${kind}: rows left out`);
      }
    }
  });

  test('warnings: each role sees the warnings of its projects only, another\'s is 404', async () => {
    const scan = await req(base, '/api/v1/scan', { session: S.admin, method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as_of: '2026-05-20' }) });
    assert.equal(scan.status, 200, scan.text);
    const every = (await req(base, '/api/v1/warnings?status=all&per_page=500', { session: S.admin })).json.items;
    assert.ok(every.length > 0);
    for (const role of ROLES.filter((r) => PERMS[r].includes('read'))) {
      const r = await req(base, '/api/v1/warnings?status=all&per_page=500', { session: S[role] });
      const P = warningProjects(role);
      const want = every.filter((w) => !P || P.has(w.project_code)).map((w) => w.id).sort();
      assert.deepEqual(r.json.items.map((w) => w.id).sort(), want, role);
      assert.equal(r.json.total, want.length, `${role} total`);
      const outside = every.find((w) => P && !P.has(w.project_code));
      if (outside) {
        assert.equal((await req(base, `/api/v1/warnings/${outside.id}`, { session: S[role] })).status, 404, role);
        if (PERMS[role].includes('warnings')) {
          const x = await req(base, `/api/v1/warnings/${outside.id}/eliminate`, { session: S[role], method: 'POST',
            headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: '误报' }) });
          assert.equal(x.status, 404, `${role} eliminates another's warning`);
        }
      }
      const st = (await req(base, '/api/v1/warnings/stats', { session: S[role] })).json;
      assert.equal(st.open.total, want.length, `${role} stats`);
    }
  });

  test('another street\'s project is 404 for a street officer, its own 200', async () => {
    const mine = all.projects.find((p) => p.code === 'BH-2026-002');
    const other = all.projects.find((p) => p.code === 'BH-2026-001');
    assert.equal((await req(base, `/api/v1/projects/${mine.id}`, { session: S.street })).status, 200);
    const r = await req(base, `/api/v1/projects/${other.id}`, { session: S.street });
    assert.equal(r.status, 404);
    assert.equal(r.json.error.code, 'not_found');
  });

  test('an enterprise user sees only its projects, also on enterprise pages', async () => {
    const r = await req(base, '/api/v1/projects', { session: S.enterprise });
    assert.deepEqual(r.json.items.map((p) => p.code), ['BH-2026-001']);
    // The owner E1 takes part in all three projects; E3 sees only the shared one.
    const e1 = all.enterprises.find((e) => e.uscc === ID['uscc:E1']);
    const d = await req(base, `/api/v1/enterprises/${e1.id}`, { session: S.enterprise });
    assert.equal(d.status, 200);
    assert.deepEqual(d.json.related.projects.map((p) => p.code), ['BH-2026-001']);
    const adm = await req(base, `/api/v1/enterprises/${e1.id}`, { session: S.admin });
    assert.equal(adm.json.related.projects.length, 3);
  });

  test('a worker page leaves out another street\'s employments', async () => {
    // W5 works on BH-2026-002 (新港街道) and worked on BH-2026-001
    // (泰达街道, see before()); W1 on BH-2026-001 only.
    const w5 = all.workers.find((w) => w.id_number === ID['id:W5']);
    const full = (await req(base, `/api/v1/workers/${w5.id}`, { session: S.admin })).json.related;
    assert.ok(full.employments.some((e) => e.project_code === 'BH-2026-001'), 'the other street\'s row exists');
    assert.ok(full.payroll.some((e) => e.project_code === 'BH-2026-001'));
    assert.ok(full.attendance_by_month.some((e) => e.project_code === 'BH-2026-001'));
    const r = await req(base, `/api/v1/workers/${w5.id}`, { session: S.street });
    assert.equal(r.status, 200);
    assert.ok(r.json.related.employments.length > 0);
    assert.ok(r.json.related.attendance_by_month.every((e) => e.project_code === 'BH-2026-002'));
    assert.ok(r.json.related.employments.every((e) => e.project_code === 'BH-2026-002'));
    assert.ok(r.json.related.payroll.every((e) => e.project_code === 'BH-2026-002'));
    const w1 = all.workers.find((w) => w.id_number === ID['id:W1']);
    assert.equal((await req(base, `/api/v1/workers/${w1.id}`, { session: S.street })).status, 404);
  });

  test('a worker page leaves out another employer\'s employments (enterprise)', async () => {
    // W2 works for E3 on BH-2026-001 and worked for E2 on BH-2026-002.
    const w2 = all.workers.find((w) => w.id_number === ID['id:W2']);
    const full = (await req(base, `/api/v1/workers/${w2.id}`, { session: S.admin })).json.related;
    assert.ok(full.employments.some((e) => e.employer_uscc === ID['uscc:E2']), 'the other employer\'s row exists');
    const r = await req(base, `/api/v1/workers/${w2.id}`, { session: S.enterprise });
    assert.equal(r.status, 200);
    assert.ok(r.json.related.employments.length > 0);
    assert.ok(r.json.related.employments.every((e) => e.employer_uscc === ID['uscc:E3']));
    assert.ok(r.json.related.payroll.every((e) => e.employer_uscc === ID['uscc:E3']));
    // The general contractor E2 reads both (its own and, read-only, E3's).
    const c = await req(base, `/api/v1/workers/${w2.id}`, { session: S.contractor });
    assert.equal(c.status, 200);
    assert.equal(c.json.related.employments.length, full.employments.length);
  });

  test('personal data: in full for admin and inspector, masked for the others', async () => {
    for (const role of ['admin', 'inspector', 'street', 'enterprise', 'leader']) {
      const r = await req(base, '/api/v1/workers?per_page=500', { session: S[role] });
      for (const w of r.json.items) {
        if (SEES_PERSONAL[role]) assert.match(w.id_number, /^\d{17}[\dX]$/, role);
        else {
          assert.match(w.id_number, /^\d{6}\*{8}[\dX]{4}$/, role);
          if (w.bank_card) assert.match(w.bank_card, /\*/, role);
        }
      }
    }
    // A full ID number finds the worker for a reader who sees ID numbers
    // (inside its scope); for a masked reader q= never matches one, in
    // scope or not - the same answer, so no look-up oracle (issue 7).
    for (const role of ['admin', 'inspector', 'street', 'enterprise', 'leader']) {
      const r = await req(base, `/api/v1/workers?q=${ID['id:W5']}`, { session: S[role] });
      assert.equal(r.status, 200, role);
      assert.equal(r.json.total, SEES_PERSONAL[role] ? 1 : 0, role);
      const f = await req(base, `/api/v1/workers?phone=13512340005`, { session: S[role] });
      assert.equal(f.status, SEES_PERSONAL[role] ? 200 : 400, role);
      if (!SEES_PERSONAL[role]) assert.equal(f.json.error.code, 'personal_field', role);
    }
    const d = await req(base, `/api/v1/workers?q=${ID['id:W1']}`, { session: S.street });
    assert.equal(d.json.total, 0, 'nor outside the scope');
  });

  test('dashboard figures are the scope\'s', async () => {
    const q = '/api/v1/dashboard?as_of=2026-05-20';
    const st = (await req(base, q, { session: S.street })).json;
    const ad = (await req(base, q, { session: S.admin })).json;
    assert.equal(st.projects.total, 1);
    assert.equal(ad.projects.total, 3);
    assert.deepEqual(st.projects.by_street.map((x) => x.street), ['新港街道']);
    assert.equal(st.workers.registered, all.workers.filter((w) => inScope('street', 'workers', w)).length);
    // April payroll: W5 on BH-2026-002 only, 5760.00.
    assert.equal(st.wages.by_month.find((m) => m.month === '2026-04').due, '5760.00');
    assert.equal(st.accounts.open, 1);
    assert.equal(st.deposits.count, 1);
    assert.equal(st.deposits.amount, '240000.00');
  });

  test('leader: read-only, masked, no reveal', async () => {
    const w = all.workers[0];
    const r = await req(base, `/api/v1/workers/${w.id}/reveal`, {
      session: S.leader, method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ field: 'id_number' }),
    });
    assert.equal(r.status, 403);
    for (const [m, p] of [['POST', '/api/v1/enterprises'], ['PUT', `/api/v1/workers/${w.id}`],
      ['POST', '/api/v1/import/workers'], ['POST', '/api/v1/users']]) {
      const x = await req(base, p, { session: S.leader, method: m, headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(x.status, 403, `${m} ${p}`);
    }
  });
});
