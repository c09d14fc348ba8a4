// client.ts - what an integrator (a bank, a city platform) writes against
// anxin: a client generated from GET /api/v1/openapi.json (openapi-typescript
// types in ./schema.js, the openapi-fetch runtime), used against the real
// server. contract.test.mjs generates the types, type-checks this file
// with tsc (a member the document renamed or dropped no longer compiles)
// and runs it; every JSON answer is also checked against the document's
// schema for its operation and status (conform.ts), so an answer the
// server changed without the document fails too. Exits 1 on any problem.
//
// Environment: ANXIN_BASE (http://127.0.0.1:PORT), ANXIN_USER,
// ANXIN_PASSWORD, ANXIN_DOC (the document, as fetched), ANXIN_CSV_GOOD /
// ANXIN_CSV_BAD (a workers file that imports, a payroll file that does not).
import createClient, { type Middleware } from 'openapi-fetch';
import { readFileSync } from 'node:fs';
import type { components, paths } from './schema.js';
import { conforms } from './conform.js';

type Report = components['schemas']['ImportReport'];

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const doc = JSON.parse(readFileSync(env('ANXIN_DOC'), 'utf8'));
const problems: string[] = [];
let checked = 0;
const auth = { cookie: '', csrf: '' };

function expect(cond: unknown, what: string): void {
  if (!cond) problems.push(`expected: ${what}`);
}

// Sends the session (cookie + X-CSRF-Token, docs/api.md) and checks every
// JSON answer against the document.
const middleware: Middleware = {
  onRequest({ request }) {
    if (auth.cookie) {
      request.headers.set('cookie', `anxin_session=${auth.cookie}`);
      request.headers.set('x-csrf-token', auth.csrf);
    }
    return request;
  },
  async onResponse({ request, response, schemaPath }) {
    if (!(response.headers.get('content-type') || '').startsWith('application/json')) return;
    const body = await response.clone().json();
    checked++;
    problems.push(...conforms(doc, request.method, schemaPath, response.status, body));
  },
};

const api = createClient<paths>({ baseUrl: env('ANXIN_BASE') });
api.use(middleware);

async function main(): Promise<void> {
  // Public: liveness, then a wrong log-in (401 login_failed, the Error schema).
  const health = await api.GET('/healthz');
  expect(health.data?.ok === true && health.data.schema > 0, 'healthz ok');
  const wrong = await api.POST('/api/v1/login', {
    body: { username: env('ANXIN_USER'), password: 'not-the-password' },
  });
  expect(wrong.response.status === 401 && wrong.error?.error.code === 'login_failed',
    `wrong password: 401 login_failed, got ${wrong.response.status}`);

  // Log in: the session cookie and the CSRF token for writes.
  const login = await api.POST('/api/v1/login', {
    body: { username: env('ANXIN_USER'), password: env('ANXIN_PASSWORD') },
  });
  if (!login.data) throw new Error(`log-in failed: ${login.response.status}`);
  const set = login.response.headers.get('set-cookie') || '';
  auth.cookie = (set.match(/anxin_session=([^;]*)/) || [])[1] || '';
  auth.csrf = login.data.csrf;
  expect(auth.cookie && auth.csrf, 'a session cookie and a CSRF token');
  expect(login.data.user.role === 'admin', `role admin, got ${login.data.user.role}`);

  const me = await api.GET('/api/v1/me');
  expect(me.data?.user?.username === env('ANXIN_USER'), 'me is the logged-in user');
  expect(me.data?.permissions.includes('import'), 'the admin may import');

  // The kinds, then a page of every kind and one record of each.
  const kinds = await api.GET('/api/v1/kinds');
  const names = (kinds.data || []).map((k) => k.name);
  expect(names.includes('projects') && names.includes('workers'), 'kinds list projects, workers');
  const projects = await api.GET('/api/v1/projects', {
    params: { query: { per_page: 2, sort: '-contract_amount' } },
  });
  const first = projects.data?.items[0];
  expect(projects.data && projects.data.total >= 2 && projects.data.items.length === 2,
    'two projects on the first page');
  expect(first && /^\d+\.\d{2}$/.test(first.contract_amount ?? ''), 'money as yuan with 2 decimals');
  if (first) {
    const one = await api.GET('/api/v1/projects/{id}', { params: { path: { id: first.id } } });
    expect(one.data?.item.code === first.code, 'the project by its id');
  }
  for (const name of names) {
    // Every kind's list and first record (checked against its schemas).
    const list = await api.GET(`/api/v1/${name}` as '/api/v1/workers');
    expect(list.response.status === 200, `list ${name}: ${list.response.status}`);
    const item = list.data?.items[0];
    if (item)
      await api.GET(`/api/v1/${name}/{id}` as '/api/v1/workers/{id}',
        { params: { path: { id: item.id } } });
  }

  // Import a file (the raw CSV as the body) and read the report.
  const good = await api.POST('/api/v1/import/workers', {
    params: { query: { filename: 'w.csv' } },
    body: readFileSync(env('ANXIN_CSV_GOOD'), 'utf8'),
    bodySerializer: (b) => b,
    headers: { 'content-type': 'text/csv' },
  });
  const rep: Report | undefined = good.data;
  expect(rep?.ok === true, `import committed: ${JSON.stringify(good.error)}`);
  expect(rep && rep.kind === 'workers' && rep.file === 'w.csv', 'the report names kind and file');
  expect(rep && rep.rows > 0 && rep.inserted + rep.updated + rep.unchanged === rep.rows &&
    rep.error_count === 0 && rep.errors.length === 0, `counts add up: ${JSON.stringify(rep)}`);
  const found = await api.GET('/api/v1/workers', { params: { query: { q: '钱多多' } } });
  expect(found.data?.total === 1, 'the imported worker is found by name');

  // A file that does not import: 422, every bad row, nothing written.
  const bad = await api.POST('/api/v1/import/payroll', {
    params: { query: { filename: 'pay.csv' } },
    body: readFileSync(env('ANXIN_CSV_BAD'), 'utf8'),
    bodySerializer: (b) => b,
    headers: { 'content-type': 'text/csv' },
  });
  const inv = bad.error;
  expect(bad.response.status === 422 && inv && 'errors' in inv && inv.error.code === 'invalid' &&
    inv.ok === false && inv.errors.length > 0 && inv.errors[0].row > 1 && inv.errors[0].reason,
  `a bad file: 422 with its rows, got ${bad.response.status}`);

  // Error answers, each in the Error schema.
  const missing = await api.GET('/api/v1/projects/{id}', { params: { path: { id: 999999 } } });
  expect(missing.response.status === 404 && missing.error?.error.code === 'not_found', '404');
  const unknown = await api.GET('/api/v1/projects', {
    params: { query: { per_page: 2, flying: 'yes' } as { per_page: number } },
  });
  expect(unknown.response.status === 400 && unknown.error?.error.code === 'bad_request',
    'an unknown parameter is 400');

  // The rest of the read API an integrator uses.
  const dash = await api.GET('/api/v1/dashboard', { params: { query: { as_of: '2026-05-20' } } });
  expect(dash.data?.as_of === '2026-05-20', 'dashboard as_of');
  const scan = await api.POST('/api/v1/scan', { body: { as_of: '2026-05-20' } });
  expect(scan.response.status === 200 && scan.data?.scan, 'a scan runs');
  const warnings = await api.GET('/api/v1/warnings', { params: { query: { status: 'all' } } });
  expect(warnings.data && warnings.data.total >= 0, 'warnings list');
  const w = warnings.data?.items[0];
  if (w) {
    const detail = await api.GET('/api/v1/warnings/{id}', { params: { path: { id: w.id } } });
    expect(detail.data?.id === w.id && Array.isArray(detail.data.history), 'warning detail');
  }
  await api.GET('/api/v1/warnings/stats', { params: { query: { trend: 'month' } } });
  await api.GET('/api/v1/warnings/rules');
  await api.GET('/api/v1/params');
  await api.GET('/api/v1/users');
  await api.GET('/api/v1/tokens');
  const audit = await api.GET('/api/v1/audit', { params: { query: { per_page: 5 } } });
  expect(audit.data?.items.some((a) => a.action === 'import'), 'the import is audited');
  await api.GET('/api/v1/audit/verify');

  // Log out: the session is gone (401, the Error schema).
  const out = await api.POST('/api/v1/logout');
  expect(out.data?.ok === true, 'logged out');
  const gone = await api.GET('/api/v1/me');
  expect(gone.response.status === 401 && gone.error?.error.code === 'unauthenticated',
    'after log-out: 401');
}

main().then(() => {
  expect(checked >= 20, `at least 20 answers checked against the document, got ${checked}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`client: ok, ${checked} answers conform to the document`);
}, (e) => {
  console.error(e);
  process.exit(1);
});
