// robust.test.mjs - one request must never stop or stall the server:
// garbage on a raw socket, a client that stops mid-headers (with a single
// HTTP thread), oversized headers, a burst of parallel requests, and a
// long upload import during which other requests are still answered
// promptly (imports run on a worker thread, the connection suspended).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { ON_PG, dbsql, req, startServer } from './helpers.mjs';
import { idNumber } from './ids.mjs';

let srv;
let base;
let port;

before(async () => {
  // One HTTP thread: a stalled handler or client would show at once.
  srv = await startServer({ load: ['enterprises', 'projects'], threads: 1 });
  base = srv.base;
  port = Number(new URL(base).port);
});
after(async () => { await srv.stop(); });

/** Sends bytes on a raw socket and resolves with whatever comes back. */
function raw(bytes, { wait = 300 } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    s.on('data', (d) => { got += d; });
    s.on('error', () => resolve(got));
    s.on('close', () => resolve(got));
    s.on('connect', () => {
      s.write(bytes);
      setTimeout(() => s.end(), wait);
    });
  });
}

async function healthy() {
  const r = await req(base, '/healthz');
  assert.equal(r.status, 200);
  assert.equal(r.json.ok, true);
}

test('garbage bytes get a 400 or a close, and the server lives', async () => {
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
  await raw(junk);
  await raw('\x00\x01\x02GET\r\n\r\n');
  const bad = await raw('GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n');
  assert.ok(bad === '' || /^HTTP\/1\.[01] [45]\d\d/.test(bad), bad);
  await raw('GET /api/v1/projects?q=%00 HTTP/1.1\r\nHost: x\r\n\r\n');
  await healthy();
});

test('a NUL in the path or query is a 400', async () => {
  const r = await raw('GET /api/v1/projects?q=a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.match(r, /^HTTP\/1\.1 400/);
  await healthy();
});

test('oversized headers are refused, the server lives', async () => {
  const r = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(300000)}\r\n\r\n`);
  assert.ok(r === '' || /^HTTP\/1\.1 4\d\d/.test(r), r.slice(0, 80));
  await healthy();
});

test('a client that stops mid-request does not stall the only thread', async () => {
  const slow = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => slow.on('connect', resolve));
  slow.write('POST /api/v1/enterprises HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"us');
  const t0 = Date.now();
  for (let i = 0; i < 5; i++) await healthy();
  assert.ok(Date.now() - t0 < 2000);
  slow.destroy();
});

test('a burst of 100 parallel requests is answered', async () => {
  const rs = await Promise.all(Array.from({ length: 100 }, (_, i) =>
    req(base, i % 2 ? '/healthz' : '/api/v1/projects?per_page=1')));
  for (const r of rs) assert.equal(r.status, 200);
});

test('keep-alive: several requests on one connection', async () => {
  const r = await raw('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n',
    { wait: 500 });
  assert.equal(r.match(/HTTP\/1\.1 200/g).length, 2, r);
});

test('other requests are answered while a long import runs', async () => {
  // ~150,000 attendance rows for one project, unregistered workers allowed.
  const lines = ['project_code,worker_id_number,date,hours'];
  const days = [];
  for (let d = 0; d < 100; d++) {
    const t = new Date(Date.UTC(2025, 0, 1) + d * 86400000);
    days.push(t.toISOString().slice(0, 10));
  }
  for (let w = 0; w < 1500; w++) {
    const id = idNumber('120116', `19${70 + (w % 30)}0${1 + (w % 9)}1${w % 10}`, w % 1000);
    for (const d of days) lines.push(`BH-2026-001,${id},${d},8`);
  }
  const csv = lines.join('\n') + '\n';
  const rows = lines.length - 1;
  let importDone = 0;
  const imp = req(base, '/api/v1/import/attendance?filename=big.csv', {
    method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv,
  }).then((r) => { importDone = Date.now(); return r; });

  // Wait until the upload has reached the server (the import is running),
  // then time other requests against it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const answered = [];
  for (let i = 0; i < 10 && !importDone; i++) {
    const t0 = Date.now();
    const r = await req(base, i % 2 ? '/healthz' : '/api/v1/projects');
    assert.equal(r.status, 200);
    answered.push({ ms: Date.now() - t0, at: Date.now() });
  }
  const r = await imp;
  assert.equal(r.status, 200, r.text.slice(0, 500));
  assert.equal(r.json.inserted, rows);
  const during = answered.filter((a) => a.at < importDone);
  assert.ok(during.length >= 3, `only ${during.length} requests finished during the import`);
  for (const a of during) assert.ok(a.ms < 1000, `a request took ${a.ms} ms during the import`);
  const t = await req(base, '/api/v1/attendance?per_page=1');
  assert.equal(t.json.total, rows);
});

test('a statement that cannot be prepared fails its request, not the server', async () => {
  // Another process renames a table under the running server: the next
  // request that prepares SQL naming it (the warning list, never asked for
  // on any connection yet) meets "no such table" at prepare time. That
  // request answers a 5xx with a message; the process keeps serving.
  // (on SQLite the warnings live in the desk file beside the database; on
  // PostgreSQL the same SQL renames the table in the one database)
  const sql = (s) => (ON_PG ? dbsql(srv.db, s)
    : execFileSync('sqlite3', [srv.db + '-desk', s], { encoding: 'utf8' }));
  sql('ALTER TABLE warnings RENAME TO warnings_gone');
  try {
    const r = await req(base, '/api/v1/warnings');
    assert.ok(r.status >= 500 && r.status < 600, `${r.status} ${r.text}`);
    assert.ok(r.json && r.json.error && r.json.error.message, r.text);
    await healthy();
    assert.equal((await req(base, '/api/v1/projects?per_page=1')).status, 200);
  } finally {
    sql('ALTER TABLE warnings_gone RENAME TO warnings');
  }
  // Once the table is back, the same request works again.
  const again = await req(base, '/api/v1/warnings');
  assert.equal(again.status, 200, again.text);
});
