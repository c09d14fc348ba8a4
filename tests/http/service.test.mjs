// service.test.mjs - the server as a service (issue 12, "Service"; this
// machine has no systemd, so the binary's own parts are tested here):
// readiness (READY=1 to $NOTIFY_SOCKET once the port answers, RELOADING=1
// ... READY=1 around a reload, STOPPING=1), the request id of every
// response in the server's log line for it, a reload on SIGHUP that keeps
// a keep-alive connection open and changes what can change live, and a
// stop on SIGTERM during an import that leaves the import whole or absent.
//
// Node has no AF_UNIX datagram sockets, so a small C helper (NOTIFY_SINK,
// tests/http/notify_sink.c) binds the notification socket and prints each
// datagram as a line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANXIN, ON_PG, authHeaders, dbUri, dbsql, pgMainLaneHeld, req, startServer } from './helpers.mjs';
import { card, idNumber } from './ids.mjs';

const SINK = process.env.NOTIFY_SINK || 'build/notify_sink';
const WAIT_MS = 30000; // a guard against hanging, never a timing assertion

/** Resolves when pred() holds, polling; fails after WAIT_MS with what(). */
async function until(pred, what) {
  const deadline = Date.now() + WAIT_MS;
  while (!pred()) {
    assert.ok(Date.now() < deadline, `timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts the notification socket stand-in on addr; returns { lines, stop }.
 *  onLine(line) is called for each datagram as it arrives. */
async function startSink(addr, onLine) {
  const proc = spawn(SINK, [addr], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = [];
  let out = '';
  let bound = false;
  proc.stdout.on('data', (d) => {
    out += d;
    let i;
    while ((i = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, i);
      out = out.slice(i + 1);
      if (line === 'bound') bound = true;
      else { lines.push(line); onLine(line); }
    }
  });
  await until(() => bound, () => 'the notify sink to bind');
  return { lines, stop: () => proc.stdin.end() };
}

/** The log lines of the server (srv.log()) that mention text. */
function logLines(srv, text) {
  return srv.log().split('\n').filter((l) => l.includes(text));
}

/** One HTTP/1.1 request on an open socket; resolves with { status, headers }
 *  once the whole response (Content-Length) has arrived. */
function rawGet(sock, path, extra = '') {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    function onData(d) {
      data = Buffer.concat([data, d]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = data.subarray(0, end).toString();
      const len = Number((head.match(/content-length: *(\d+)/i) || [0, 0])[1]);
      if (data.length < end + 4 + len) return;
      sock.off('data', onData);
      const headers = {};
      for (const l of head.split('\r\n').slice(1)) {
        const c = l.indexOf(':');
        headers[l.slice(0, c).toLowerCase()] = l.slice(c + 1).trim();
      }
      resolve({ status: Number(head.split(' ')[1]), headers });
    }
    sock.on('data', onData);
    sock.once('error', reject);
    sock.write(`GET ${path} HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n${extra}\r\n`);
  });
}

describe('readiness (sd_notify)', () => {
  for (const kind of ['abstract', 'path']) {
    test(`READY=1 once the port answers, RELOADING=1/READY=1 on SIGHUP, STOPPING=1 (${kind} socket)`, async () => {
      const name = `anxin-test-${process.pid}-${Date.now()}`;
      const addr = kind === 'abstract' ? `@${name}` : join(tmpdir(), `${name}.sock`);
      let answered = null;
      const sink = await startSink(addr, (line) => {
        // The moment READY=1 arrives, the URL of its STATUS must answer.
        const m = line.match(/READY=1 STATUS=serving (http:\/\/[^/]+)\//);
        if (m && answered === null) {
          answered = fetch(`${m[1]}/healthz`).then((r) => r.status, (e) => String(e));
        }
      });
      const srv = await startServer({ load: [], env: { NOTIFY_SOCKET: addr } });
      try {
        await until(() => answered !== null, () => `READY=1: ${sink.lines}`);
        assert.equal(await answered, 200, 'the port answers when READY=1 arrives');
        assert.match(sink.lines[0], /^READY=1 STATUS=serving http:\/\/127\.0\.0\.1:\d+\/ \(db /);

        srv.proc.kill('SIGHUP');
        await until(() => sink.lines.length >= 3, () => `reload: ${sink.lines}`);
        assert.match(sink.lines[1], /^RELOADING=1 MONOTONIC_USEC=\d+$/);
        assert.match(sink.lines[2], /^READY=1 /);
      } finally {
        await srv.stop(); // asserts exit status 0
      }
      await until(() => sink.lines.some((l) => /STOPPING=1/.test(l)), () => `stop: ${sink.lines}`);
      sink.stop();
      if (kind === 'path') rmSync(addr, { force: true });
    });
  }
});

describe('request ids in logs', () => {
  test("a response's X-Request-Id is in the server's log line for that request", async () => {
    const srv = await startServer({ load: ['enterprises'] });
    try {
      const r = await req(srv.base, '/api/v1/enterprises?per_page=1', { headers: { 'x-request-id': 'from-client-1' } });
      assert.equal(r.status, 200);
      const id = r.headers.get('x-request-id');
      assert.match(id, /^[0-9a-f]{12}$/, 'a generated id: without --trust-proxy the client\'s is ignored');
      await until(() => logLines(srv, `rid=${id} `).length === 1, () => srv.log().slice(-2000));
      const [line] = logLines(srv, `rid=${id} `);
      assert.match(line, /^<6>anxin: http: rid=[0-9a-f]{12} GET \/api\/v1\/enterprises 200 \d+ms addr=127\.0\.0\.1 caller=admin$/);
      assert.ok(!line.includes('per_page'), 'the query (it may hold personal data) is not logged');
      // Two requests, two ids.
      const r2 = await req(srv.base, '/healthz');
      assert.notEqual(r2.headers.get('x-request-id'), id);
      // An error at level err.
      const r3 = await req(srv.base, '/api/v1/nosuch');
      assert.equal(r3.status, 404);
      await until(() => logLines(srv, `rid=${r3.headers.get('x-request-id')} `).length === 1, () => srv.log());
    } finally {
      await srv.stop();
    }
  });

  test('with --trust-proxy a sane X-Request-Id of the proxy is kept, another replaced', async () => {
    const srv = await startServer({ load: [], args: ['--trust-proxy'] });
    try {
      const r = await req(srv.base, '/healthz', { headers: { 'x-request-id': 'proxy-Abc.123:x_y' } });
      assert.equal(r.headers.get('x-request-id'), 'proxy-Abc.123:x_y');
      await until(() => logLines(srv, 'rid=proxy-Abc.123:x_y GET /healthz 200').length === 1, () => srv.log());
      for (const bad of ['has space', 'x'.repeat(60), 'semi;colon', '<script>']) {
        const b = await req(srv.base, '/healthz', { headers: { 'x-request-id': bad } });
        assert.match(b.headers.get('x-request-id'), /^[0-9a-f]{12}$/, `refused: ${bad}`);
      }
    } finally {
      await srv.stop();
    }
  });
});

describe('reload (SIGHUP)', () => {
  test('re-reads the file, changes what can change live, keeps a keep-alive connection', async () => {
    const dirConf = join(tmpdir(), `anxin-conf-${process.pid}-${Date.now()}.conf`);
    writeFileSync(dirConf, '# test\ntrust_proxy = no\nscan_at = 03:00\n');
    // --scan-at off (a flag, from startServer) overrides the file's 03:00,
    // also after the reload.
    const srv = await startServer({ load: [], args: ['--config', dirConf] });
    const sock = connect(new URL(srv.base).port, '127.0.0.1');
    let closed = false;
    sock.on('close', () => { closed = true; });
    try {
      await new Promise((r) => sock.once('connect', r));
      let r = await rawGet(sock, '/healthz', 'X-Request-Id: proxy-1\r\n');
      assert.equal(r.status, 200);
      assert.notEqual(r.headers['x-request-id'], 'proxy-1', 'trust_proxy = no: not adopted');
      const big = 'id_number,name\n' + 'x,y\n'.repeat(600); // 2.4 KB, not a valid import
      const upload = () => req(srv.base, '/api/v1/import/workers', {
        method: 'POST', headers: { 'content-type': 'text/csv' }, body: big });
      assert.equal((await upload()).status, 422, 'read and refused as data: below the limit');

      writeFileSync(dirConf, 'trust_proxy = yes\nscan_at = 04:00\nlisten = 127.0.0.1:1\n'
        + 'max_upload = 1K\n');
      srv.proc.kill('SIGHUP');
      await until(() => logLines(srv, 'reload: done').length === 1, () => srv.log());
      assert.equal(logLines(srv, 'reload: trust_proxy = yes (was: trust_proxy = no)').length, 1, srv.log());
      assert.equal(logLines(srv, 'needs a restart').length, 0, 'the --listen flag still wins');
      assert.equal(logLines(srv, 'reload: scan_at').length, 0, 'the --scan-at flag still wins');
      r = await rawGet(sock, '/healthz', 'X-Request-Id: proxy-2\r\n');
      assert.equal(r.status, 200);
      assert.equal(r.headers['x-request-id'], 'proxy-2', 'trust_proxy = yes now, on the same connection');
      assert.equal(closed, false, 'the connection stayed open across the reload');
      const refused = await upload();
      assert.equal(refused.status, 413, `max_upload = 1K now: ${refused.text}`);
      assert.match(refused.text, /上限 1024 字节/);

      // A broken file changes nothing: every error logged, settings kept.
      writeFileSync(dirConf, 'trust_proxy = maybe\nthreads = 3\nthreads = 4\n');
      srv.proc.kill('SIGHUP');
      await until(() => logLines(srv, 'reload failed').length === 1, () => srv.log());
      assert.equal(logLines(srv, `<3>anxin: reload: ${dirConf}:1: trust_proxy 'maybe'`).length, 1, srv.log());
      assert.equal(logLines(srv, `${dirConf}:3: threads: `).length, 1, srv.log());
      r = await rawGet(sock, '/healthz', 'X-Request-Id: proxy-3\r\n');
      assert.equal(r.headers['x-request-id'], 'proxy-3', 'the settings in force are kept');
    } finally {
      sock.destroy();
      await srv.stop();
      rmSync(dirConf, { force: true });
    }
  });

  test('listen and db from the file need a restart: logged, kept', async () => {
    const srv = await startServer({ load: [] });
    const conf = join(srv.dir, 'anxin.conf');
    writeFileSync(conf, `listen = 127.0.0.1:0\ndb = ${dbUri(srv.db)}\nscan_at = off\n`);
    const proc = spawn(ANXIN, ['serve', '--config', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let log = '';
    proc.stdout.on('data', (d) => { out += d; });
    proc.stderr.on('data', (d) => { log += d; });
    const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    try {
      await until(() => /serving (http:\/\/\S+)\//.test(out), () => out + log);
      const base = out.match(/serving (http:\/\/\S+?)\//)[1];
      writeFileSync(conf, `listen = 127.0.0.1:1\ndb = ${dbUri(srv.db)}-other\nscan_at = off\n`);
      proc.kill('SIGHUP');
      await until(() => log.includes('reload: done'), () => log);
      assert.match(log, /<4>anxin: reload: listen = 127\.0\.0\.1:1 needs a restart; still on 127\.0\.0\.1:0/);
      assert.match(log, /<4>anxin: reload: db = \S+-other needs a restart; still on /);
      assert.equal((await fetch(`${base}/healthz`)).status, 200, 'still serving where it was');
    } finally {
      proc.kill('SIGTERM');
      assert.equal(await exited, 0, log);
      await srv.stop();
    }
  });
});

describe('stop (SIGTERM) during an import', () => {
  const N = 60000;

  /** A workers file of N rows. */
  function workersFile(dir) {
    const rows = ['id_number,name,phone,bank_name,bank_card'];
    for (let i = 0; i < N; i++) {
      const birth = new Date(Date.UTC(1970, 0, 1) + (i % 5000) * 3 * 86400000)
        .toISOString().slice(0, 10).replace(/-/g, '');
      rows.push(`${idNumber('120116', birth, 100 + Math.floor(i / 5000))},工人${i},`
        + `135${String(10000000 + i).slice(-8)},中国农业银行,${card(5000 + i)}`);
    }
    return rows.join('\n') + '\n';
  }

  /** Whether another process finds the main file's write lock taken now
   * (PostgreSQL: the main lane's advisory lock held). */
  function mainLocked(db) {
    if (ON_PG) return pgMainLaneHeld(db);
    const r = spawnSync('sqlite3', ['-batch', db, '.timeout 0', 'BEGIN IMMEDIATE;', 'ROLLBACK;'],
      { encoding: 'utf8' });
    return r.status !== 0 && /locked|busy/i.test(r.stderr);
  }

  function workers(db) {
    return Number(dbsql(db, 'SELECT count(*) FROM workers;'));
  }

  // 60 s rather than the default 20: the import takes a second or two, but
  // a loaded machine must not turn this into a timing test.
  for (const [name, stopTimeout] of [['finishes within the stop timeout', '60'],
    ['is interrupted and rolled back after a stop timeout of 0', '0']]) {
    test(`an import in flight ${name}; exit 0, nothing half-written`, async (t) => {
      const srv = await startServer({ load: [], args: ['--stop-timeout', stopTimeout] });
      const exited = new Promise((resolve) => srv.proc.on('exit', (code, sig) => resolve({ code, sig })));
      try {
        const before = workers(srv.db);
        const body = workersFile(srv.dir);
        const importing = fetch(`${srv.base}/api/v1/import/workers?filename=w.csv`, {
          method: 'POST', body, headers: { ...authHeaders(srv.base), 'content-type': 'text/csv' },
        }).then(async (r) => ({ status: r.status, text: await r.text() }),
          (e) => ({ status: `no answer: ${e.cause ? e.cause.code : e}`, text: '' }));
        let settled = false;
        importing.then(() => { settled = true; });
        await until(() => mainLocked(srv.db) || settled, () => 'the import to take the main lock');
        assert.equal(settled, false, 'the import was seen in flight');
        srv.proc.kill('SIGTERM');
        const { code, sig } = await exited;
        assert.equal(sig, null, srv.log());
        assert.equal(code, 0, srv.log());
        const { status, text } = await importing;
        const after = workers(srv.db) - before;
        t.diagnostic(`stop timeout ${stopTimeout}: import answered ${status}, ${after} of ${N} rows`);
        if (after === 0) {
          assert.equal(status, 422, `a rolled-back import says so: ${text}`);
          assert.match(text, /服务器正在停止,未写入任何数据/);
        }
        assert.ok(after === 0 || after === N, `all or nothing: ${after} of ${N} rows`);
        if (stopTimeout === '60') {
          assert.equal(after, N, 'the import finished before the stop');
          assert.equal(status, 200, 'and its answer was sent');
        } else {
          // Seen holding the main file's lock (polled every 20 ms) at the
          // start of a transaction of 60,000 rows: the stop comes long
          // before its commit, and a stop timeout of 0 must roll it back.
          assert.equal(after, 0, 'the interrupted import was rolled back');
          assert.equal(logLines(srv, 'interrupting running requests').length, 1, srv.log());
        }
        const verify = execFileSync(ANXIN, ['audit', 'verify', '--db', srv.db], { encoding: 'utf8' });
        assert.match(verify, /audit log OK/);
        if (ON_PG) {
          // PostgreSQL keeps no file of anxin's to check: its equivalent of
          // nothing half-written is that no transaction of the stopped
          // server survives it - the main lane's lock is released (its
          // backends end once the connections close).
          await until(() => !pgMainLaneHeld(srv.db), () => 'the main lane released after the stop');
        } else {
          const integrity = spawnSync('sqlite3', [srv.db, 'PRAGMA integrity_check;'], { encoding: 'utf8' });
          assert.equal(integrity.stdout.trim(), 'ok');
        }
        assert.equal(logLines(srv, 'stopped').length, 1, srv.log());
      } finally {
        rmSync(srv.dir, { recursive: true, force: true });
      }
    });
  }
});
