// helpers.mjs - starts the real anxin binary (env ANXIN) against a fresh
// temp database loaded from the fixture templates, on 127.0.0.1 and a
// port the server picks itself (--listen 127.0.0.1:0; the port is read
// from its "serving http://..." line), and stops it with SIGTERM,
// asserting a clean exit.
//
// Access control: the database gets one account per role (USERS, made
// with `anxin init --admin-password-stdin` / `anxin user add
// --password-stdin`, fast hashing for tests) and a bank token; startServer
// logs in as one of them (`as`, default admin) and req()/postJson() send
// that session's cookie and X-CSRF-Token unless given { session: null }
// (anonymous) or another session from login().
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { fill, table } from './ids.mjs';

export const ANXIN = process.env.ANXIN || 'build/anxin';
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const AS_OF = '2026-05-20';

/** The test accounts: the fixtures' streets and enterprises (ids.mjs). */
export const USERS = {
  admin: { password: 'Bureau-Pass-2026!', role: 'admin' },
  inspector: { password: 'Inspect-Pass-2026!', role: 'inspector' },
  street: { password: 'Xingang-Pass-2026!', role: 'street', street: '新港街道' },
  enterprise: { password: 'Firm-Pass-2026!', role: 'enterprise', uscc: 'E3' },
  leader: { password: 'Chief-Pass-2026!', role: 'leader' },
  // The other relations of an enterprise to a project (scope.test.mjs):
  // E2 is the general contractor of every project, E1 their owner.
  contractor: { password: 'Builder-Pass-2026!', role: 'enterprise', uscc: 'E2' },
  owner: { password: 'Jianshe-Unit-2026!', role: 'enterprise', uscc: 'E1' },
};

/** What `anxin user add --password-stdin` is given (to change at log-in). */
export const INITIAL_PASSWORD = 'Temp-Start-2026#';

const TEST_ENV = { ...process.env, ANXIN_TEST_FAST_HASH: '1' };

/** tests/pg/dbsql: SQL on a suite's database on either backend. */
export const DBSQL = join(dirname(fileURLToPath(import.meta.url)), '..', 'pg', 'dbsql');

/** Whether the suite runs on PostgreSQL (through tests/pg/anxin-pg). */
export const ON_PG = spawnSync(DBSQL, ['--pg']).status === 0;

/**
 * Runs SQL (each argument one statement) on the database db of a test, on
 * either backend, and returns its output (sqlite3's default format).
 */
export function dbsql(db, ...sql) {
  return execFileSync(DBSQL, [db, ...sql], { encoding: 'utf8' });
}
const sessions = new Map(); // base -> the default session

/** The kinds loaded by default, in dependency order. */
export const LOAD = ['enterprises', 'projects', 'workers', 'employments', 'attendance',
  'payroll', 'accounts', 'transactions', 'deposits'];

/** A fixture with its identifiers filled in, as text. */
export function fixture(name) {
  return fill(readFileSync(join(FIXTURES, name), 'utf8'));
}

/**
 * The database a configuration file's `db = ` line names for the test
 * database at path db: the path itself on SQLite; on PostgreSQL the URI
 * tests/pg/anxin-pg maps it to (a config file is not mapped):
 * $ANXIN_PG_BASE/t_ + the first 16 hex digits of the sha1 of its
 * absolute path.
 */
export function dbUri(db) {
  if (!ON_PG) return db;
  const hash = createHash('sha1').update(resolve(db)).digest('hex');
  return `${process.env.ANXIN_PG_BASE}/t_${hash.slice(0, 16)}`;
}

/**
 * PostgreSQL: whether a connection holds the main lane's lock on the
 * database of db now - the advisory lock db_begin_main takes (db_pg.c,
 * LANE_MAIN), the PostgreSQL form of SQLite's main-file write lock. A
 * bigint key shows in pg_locks as classid (high 32 bits) and objid (low
 * 32 bits) with objsubid 1.
 */
export function pgMainLaneHeld(db) {
  const key = 0x616e78696e01n; // LANE_MAIN of db_pg.c
  const n = dbsql(db, 'SELECT count(*) FROM pg_catalog.pg_locks'
    + " WHERE locktype = 'advisory' AND granted"
    + ' AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())'
    + ` AND classid = ${key >> 32n} AND objid = ${key & 0xffffffffn} AND objsubid = 1`);
  return Number(n) > 0;
}

/**
 * Creates a database in a temp dir, imports the fixtures of `load` with the
 * CLI, starts `anxin serve` (with `env` added to its environment; `bin`: another
 * build of anxin, e.g. the test kind's) and returns { base, dir, db, files, proc, stop,
 * log } (files: the evidence-files folder).
 */
export async function startServer({ load = LOAD, threads = 2, as = 'admin', args = [], env = {},
  bin = ANXIN } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'anxin-http-'));
  const db = join(dir, 'test.db');
  const ids = table();
  execFileSync(bin, ['init', '--db', db, '--admin', 'admin', '--admin-password-stdin'],
    { stdio: 'pipe', input: USERS.admin.password + '\n', env: TEST_ENV });
  for (const [name, u] of Object.entries(USERS)) {
    if (name === 'admin') continue;
    const extra = u.street ? ['--street', u.street] : u.uscc ? ['--uscc', ids[`uscc:${u.uscc}`]] : [];
    execFileSync(bin, ['user', 'add', name, '--role', u.role, ...extra, '--password-stdin',
      '--db', db], { stdio: 'pipe', input: INITIAL_PASSWORD + '\n', env: TEST_ENV });
  }
  const bankToken = execFileSync(bin, ['token', 'create', '--name', 'abc-test', '--scope-bank',
    'ABC', '--kinds', 'transactions', '--db', db], { encoding: 'utf8', env: TEST_ENV })
    .match(/anx_[A-Za-z0-9_-]{43}/)[0];
  for (const kind of load) {
    const file = join(dir, `${kind}.csv`);
    writeFileSync(file, fixture(`${kind}.csv`));
    execFileSync(bin, ['import', kind, file, '--db', db, '--quiet'], { stdio: 'pipe' });
  }
  // No start-up / scheduled warning scan unless a test asks for one: the
  // tests scan with `anxin scan --as-of` or POST /api/v1/scan themselves.
  const scanAt = args.includes('--scan-at') ? [] : ['--scan-at', 'off'];
  // The evidence files: FILE-files beside a SQLite database; on PostgreSQL
  // $ANXIN_FILES, a folder of this test's own.
  const files = ON_PG ? join(dir, 'anxin-files') : db + '-files';
  const proc = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0',
    '--threads', String(threads), ...scanAt, ...args], { stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...TEST_ENV, ...(ON_PG ? { ANXIN_FILES: files } : {}), ...env } });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => proc.on('exit', (code, sig) => resolve({ code, sig })));
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${log}`)), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+)\/ \(db /);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', () => reject(new Error(`server exited: ${log}`)));
  });
  // An account made by the CLI must change its password first.
  for (const name of Object.keys(USERS)) {
    if (name === 'admin') continue;
    const s = await login(base, name, INITIAL_PASSWORD);
    assert.equal(s.json && s.json.must_change, true, `first log-in of ${name}`);
    const r = await postJson(base, '/api/v1/password',
      { old: INITIAL_PASSWORD, new: USERS[name].password }, 'POST', { session: s });
    assert.equal(r.status, 200, `password change of ${name}: ${r.text}`);
  }
  if (as) {
    const s = await login(base, as);
    assert.equal(s.status, 200, `log-in as ${as}: ${JSON.stringify(s.json)}`);
    sessions.set(base, s);
  }
  async function stop() {
    sessions.delete(base);
    proc.kill('SIGTERM');
    const { code, sig } = await exited;
    rmSync(dir, { recursive: true, force: true });
    assert.equal(sig, null, `server killed by ${sig}: ${log}`);
    assert.equal(code, 0, `server exit status ${code}: ${log}`);
  }
  return { base, dir, db, files, proc, stop, bankToken, log: () => log };
}

/**
 * Logs in as user name (password from USERS unless given). Returns
 * { status, json, cookie, csrf, headers() } - headers() being what a
 * request of that session sends.
 */
export async function login(base, name, password = USERS[name] && USERS[name].password) {
  const res = await fetch(base + '/api/v1/login', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: name, password }),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  const set = res.headers.get('set-cookie') || '';
  const m = set.match(/anxin_session=([^;]*)/);
  const s = {
    status: res.status, json, setCookie: set, cookie: m ? m[1] : null,
    csrf: json && json.csrf,
    headers() { return { cookie: `anxin_session=${this.cookie}`, 'x-csrf-token': this.csrf }; },
  };
  return s;
}

/** A bearer token as a session-like object for req(). */
export function bearer(token) {
  return { headers: () => ({ authorization: `Bearer ${token}` }) };
}

/** The headers of the default session of base (for a raw fetch). */
export function authHeaders(base) {
  const s = sessions.get(base);
  return s ? s.headers() : {};
}

/**
 * GET/POST helper: returns { status, headers, json, text }. Sends the
 * default session of base, or opts.session (null = anonymous).
 */
export async function req(base, path, opts = {}) {
  const { session, ...init } = opts;
  const s = session === undefined ? sessions.get(base) : session;
  init.headers = { ...(s ? s.headers() : {}), ...(init.headers || {}) };
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

/** POSTs a JSON value (opts: session, as for req). */
export function postJson(base, path, value, method = 'POST', opts = {}) {
  return req(base, path, {
    ...opts, method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value),
  });
}

/** Asserts the security headers every response carries. */
export function assertSecurityHeaders(headers) {
  assert.equal(headers.get('content-security-policy'),
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  assert.equal(headers.get('x-content-type-options'), 'nosniff');
  assert.equal(headers.get('referrer-policy'), 'same-origin');
}

/**
 * The warning suites' server: startServer() with attendance_warn.csv
 * imported too (W2 and W3 on BH-2026-001 and W5 on BH-2026-002 without a
 * payroll row) and `anxin scan --as-of AS_OF` run, logged in as each of
 * roles (asserting 200). Returns startServer's answer plus S (the
 * sessions by role) and get(path, role = 'admin') / post(path, body,
 * role = 'admin'): req() / postJson() as that role.
 */
export async function startWarnServer(roles) {
  const srv = await startServer();
  const f = join(srv.dir, 'attendance_warn.csv');
  writeFileSync(f, fixture('attendance_warn.csv'));
  execFileSync(ANXIN, ['import', 'attendance', f, '--db', srv.db, '--quiet'], { stdio: 'pipe' });
  execFileSync(ANXIN, ['scan', '--as-of', AS_OF, '--db', srv.db], { stdio: 'pipe' });
  const S = {};
  for (const role of roles) {
    S[role] = await login(srv.base, role);
    assert.equal(S[role].status, 200, role);
  }
  const get = (path, role = 'admin') => req(srv.base, path, { session: S[role] });
  const post = (path, body, role = 'admin') => postJson(srv.base, path, body, 'POST', { session: S[role] });
  return { ...srv, S, get, post };
}
