// ops.test.mjs - what operations sees of a running server: GET /metrics in
// the Prometheus text format 0.0.4 (every line parsed: HELP / TYPE / sample
// syntax, histogram buckets cumulative up to +Inf = _count, counters that
// move with requests, imports, scans and the response cache), who may read
// it (a loopback peer, not with --trust-proxy; the metrics token), and
// GET /readyz (the database answers and the last scan is fresh, else 503
// naming the failed check).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, req, postJson, fixture, bearer, dbsql, ON_PG } from './helpers.mjs';

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const VALUE = /^(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?|[-+]Inf|NaN)$/;

/** Parses a label set 'a="x",b="y"' strictly; returns { a: 'x', b: 'y' }. */
function parseLabels(s, where) {
  const out = {};
  let rest = s;
  while (rest.length) {
    const m = rest.match(/^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/);
    assert.ok(m, `bad labels at ${where}: ${rest}`);
    assert.ok(!(m[1] in out), `label ${m[1]} twice at ${where}`);
    out[m[1]] = m[2].replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    rest = rest.slice(m[0].length);
  }
  return out;
}

/**
 * Parses an exposition strictly (every line HELP, TYPE or a sample of a
 * family declared before it) and checks the histograms. Returns
 * { types, samples: [{ name, labels, value }] } and get(name, labels).
 */
function parseMetrics(text) {
  assert.ok(text.endsWith('\n'), 'ends with a newline');
  const types = {}, helps = {}, samples = [];
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, i) => {
    const where = `line ${i + 1}: ${line}`;
    let m;
    if ((m = line.match(/^# HELP (\S+) (.+)$/))) {
      assert.match(m[1], NAME, where);
      assert.ok(!(m[1] in helps), `HELP twice, ${where}`);
      helps[m[1]] = m[2];
    } else if ((m = line.match(/^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/))) {
      assert.match(m[1], NAME, where);
      assert.ok(!(m[1] in types), `TYPE twice, ${where}`);
      assert.ok(m[1] in helps, `HELP before TYPE, ${where}`);
      types[m[1]] = m[2];
    } else {
      m = line.match(/^([^{ ]+)(?:\{(.*)\})? (\S+)$/);
      assert.ok(m, `not a sample, ${where}`);
      assert.match(m[1], NAME, where);
      assert.match(m[3], VALUE, where);
      const name = m[1];
      const family = types[name] ? name : name.replace(/_(bucket|sum|count)$/, '');
      assert.ok(family in types, `sample before its TYPE, ${where}`);
      if (types[family] === 'histogram') assert.notEqual(family, name, `histogram sample needs a suffix, ${where}`);
      if (types[family] === 'counter') assert.match(name, /_total$/, `counter name, ${where}`);
      samples.push({ name, family, labels: parseLabels(m[2] || '', where), value: Number(m[3]) });
    }
  });
  // Histograms: per label set, le ascending, counts cumulative, +Inf last = _count.
  for (const [family, type] of Object.entries(types)) {
    if (type !== 'histogram') continue;
    const series = new Map();
    for (const s of samples.filter((x) => x.family === family)) {
      const { le, ...rest } = s.labels;
      const key = JSON.stringify(rest);
      if (!series.has(key)) series.set(key, { buckets: [], sum: null, count: null });
      const h = series.get(key);
      if (s.name === family + '_bucket') h.buckets.push([le, s.value]);
      else if (s.name === family + '_sum') h.sum = s.value;
      else h.count = s.value;
    }
    for (const [key, h] of series) {
      const where = `${family}${key}`;
      assert.ok(h.buckets.length >= 2, `buckets of ${where}`);
      assert.equal(h.buckets.at(-1)[0], '+Inf', `last bucket +Inf, ${where}`);
      for (let i = 1; i < h.buckets.length; i++) {
        const [le0, c0] = h.buckets[i - 1], [le1, c1] = h.buckets[i];
        assert.ok(le1 === '+Inf' || Number(le1) > Number(le0), `le ascending, ${where}`);
        assert.ok(c1 >= c0, `cumulative, ${where}`);
      }
      assert.equal(h.count, h.buckets.at(-1)[1], `+Inf = _count, ${where}`);
      assert.ok(h.sum !== null && h.sum >= 0, `_sum, ${where}`);
    }
  }
  const get = (name, labels = {}) => samples.filter((s) => s.name === name &&
    Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((a, s) => a + s.value, 0);
  return { types, samples, get };
}

async function scrape(base, opts = {}) {
  const r = await req(base, '/metrics', { session: null, ...opts });
  return r;
}

describe('metrics and readiness', () => {
  let srv;
  before(async () => { srv = await startServer(); });
  after(async () => { await srv.stop(); });

  test('/readyz before any scan: 503, the database fine, the scan check says why', async () => {
    const r = await req(srv.base, '/readyz', { session: null });
    assert.equal(r.status, 503, r.text);
    assert.equal(r.json.ready, false);
    assert.equal(r.json.checks.database.ok, true);
    assert.equal(r.json.checks.scan.ok, false);
    assert.match(r.json.checks.scan.error, /no warning scan/);
  });

  test('/metrics from loopback: the text format, every line valid', async () => {
    const r = await scrape(srv.base);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    const m = parseMetrics(r.text);
    for (const [name, type] of [['anxin_http_requests_total', 'counter'],
      ['anxin_http_request_duration_seconds', 'histogram'], ['anxin_imports_total', 'counter'],
      ['anxin_import_rows_total', 'counter'], ['anxin_scan_duration_seconds', 'histogram'],
      ['anxin_warnings_raised_total', 'counter'], ['anxin_cache_hits_total', 'counter'],
      ['anxin_cache_misses_total', 'counter'], ['anxin_db_size_bytes', 'gauge'],
      ['process_start_time_seconds', 'gauge']])
      assert.equal(m.types[name], type, name);
    assert.ok(m.get('anxin_db_size_bytes', { file: 'main' }) > 0, 'main file size');
    assert.ok(m.get('anxin_db_size_bytes', { file: 'desk' }) > 0, 'desk file size');
    const started = m.get('process_start_time_seconds');
    assert.ok(started > 1.7e9 && started <= Date.now() / 1000 + 1, `start time ${started}`);
  });

  test('counters move: requests by route and status, latency, imports, cache, scans', async () => {
    const m0 = parseMetrics((await scrape(srv.base)).text);
    const key = { route: '/api/v1/{kind}', method: 'GET', status: '200' };
    for (let i = 0; i < 3; i++)
      assert.equal((await req(srv.base, '/api/v1/projects')).status, 200);
    assert.equal((await req(srv.base, '/no/such/path')).status, 404);
    const body = fixture('workers.csv');
    let r = await req(srv.base, '/api/v1/import/workers', { method: 'POST',
      headers: { 'content-type': 'text/csv' }, body });
    assert.equal(r.status, 200, r.text);
    const rows = r.json.rows;
    assert.ok(rows > 0);
    r = await req(srv.base, '/api/v1/import/auto', { method: 'POST',
      headers: { 'content-type': 'text/csv' }, body: 'not,a,known,header\n1,2,3,4\n' });
    assert.notEqual(r.status, 200);
    r = await postJson(srv.base, '/api/v1/scan', { as_of: '2026-05-20' });
    assert.equal(r.status, 200, r.text);
    const raised = r.json.scan.raised;

    const m1 = parseMetrics((await scrape(srv.base)).text);
    const d = (name, labels) => m1.get(name, labels) - m0.get(name, labels);
    assert.equal(d('anxin_http_requests_total', key), 3, 'three list requests');
    assert.equal(d('anxin_http_requests_total', { route: 'unmatched', status: '404' }), 1);
    assert.equal(d('anxin_http_request_duration_seconds_count', { route: '/api/v1/{kind}' }), 3);
    assert.ok(d('anxin_http_request_duration_seconds_sum', { route: '/api/v1/{kind}' }) > 0);
    assert.equal(d('anxin_http_requests_total', { route: '/metrics', status: '200' }), 1,
      'the previous scrape counted');
    assert.equal(d('anxin_imports_total', { kind: 'workers', result: 'ok' }), 1);
    assert.equal(d('anxin_import_rows_total', { kind: 'workers' }), rows);
    assert.equal(d('anxin_imports_total', { kind: 'unknown', result: 'error' }), 1,
      'a file of no known kind');
    assert.equal(d('anxin_imports_total', { kind: 'workers', result: 'error' }), 0);
    assert.ok(d('anxin_cache_hits_total') >= 1, 'the same list again is a cache hit');
    assert.ok(d('anxin_cache_misses_total') >= 1, 'the first is a miss');
    assert.equal(d('anxin_scan_duration_seconds_count'), 1);
    assert.equal(d('anxin_warnings_raised_total'), raised);
    assert.ok(raised > 0, 'the fixtures raise warnings');
  });

  test('/readyz after a scan: 200; a stale last scan: 503 naming it', async () => {
    let r = await req(srv.base, '/readyz', { session: null });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.json.ready, r.json.checks.database.ok, r.json.checks.scan.ok], [true, true, true]);
    assert.ok(r.json.checks.scan.age_seconds < r.json.checks.scan.max_age_seconds);
    // (SQLite: the desk file attached, as anxin does; PostgreSQL: one database)
    dbsql(srv.db, ...(ON_PG ? [] : ["ATTACH '" + srv.db + "-desk' AS desk;"]),
      "UPDATE warn_scans SET started_at = '2026-01-01T00:00:00Z'");
    r = await req(srv.base, '/readyz', { session: null });
    assert.equal(r.status, 503, r.text);
    assert.equal(r.json.checks.database.ok, true);
    assert.equal(r.json.checks.scan.last, '2026-01-01T00:00:00Z');
    assert.match(r.json.checks.scan.error, /older than the bound/);
  });

  test('/healthz stays public and cheap', async () => {
    const r = await req(srv.base, '/healthz', { session: null });
    assert.equal(r.status, 200);
    assert.equal(r.json.ok, true);
    assert.ok(r.json.schema > 0);
  });
});

describe('who may read /metrics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anxin-metrics-'));
  const token = 'm'.repeat(20) + '0123456789abcdef0123';
  const file = join(dir, 'token');
  writeFileSync(file, token + '\n');
  let srv;
  before(async () => {
    srv = await startServer({ load: [], args: ['--trust-proxy', '--metrics-token-file', file] });
  });
  after(async () => { await srv.stop(); rmSync(dir, { recursive: true, force: true }); });

  test('behind a proxy loopback proves nothing: 404 like an unknown path', async () => {
    const r = await scrape(srv.base);
    assert.equal(r.status, 404);
    const unknown = await req(srv.base, '/no-such', { session: null });
    assert.equal(r.text.replace('/metrics', ''), unknown.text.replace('/no-such', ''));
    const viaProxy = await scrape(srv.base, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    assert.equal(viaProxy.status, 404, 'nor a forwarded loopback address');
    assert.equal((await req(srv.base, '/metrics')).status, 404, 'nor an administrator\'s session');
  });

  test('the metrics token opens it; another token or a bank token does not', async () => {
    assert.equal((await scrape(srv.base, { session: bearer(token) })).status, 200);
    assert.equal((await scrape(srv.base, { session: bearer(token.slice(0, -1) + 'x') })).status, 404);
    assert.equal((await scrape(srv.base, { session: bearer(token + 'x') })).status, 404);
    assert.equal((await scrape(srv.base, { session: bearer(srv.bankToken) })).status, 404);
  });

  test('the token still opens it after a reload (SIGHUP)', async () => {
    const before = srv.log().length;
    srv.proc.kill('SIGHUP');
    for (let i = 0; i < 100 && !srv.log().slice(before).includes('reload: done'); i++)
      await new Promise((r) => setTimeout(r, 50));
    assert.ok(srv.log().slice(before).includes('reload: done'), 'the server reloaded');
    assert.equal((await scrape(srv.base, { session: bearer(token) })).status, 200);
    assert.equal((await scrape(srv.base)).status, 404, 'loopback still proves nothing behind a proxy');
  });

  test('a short or missing token file is refused at start', () => {
    writeFileSync(file + '.short', 'short\n');
    for (const f of [file + '.short', join(dir, 'missing')]) {
      assert.throws(() => execFileSync(process.env.ANXIN || 'build/anxin',
        ['serve', '--db', srv.db, '--metrics-token-file', f], { stdio: 'pipe' }),
      (e) => e.status === 1 && /--metrics-token-file/.test(String(e.stderr)));
    }
  });
});
