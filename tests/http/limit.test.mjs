// limit.test.mjs - the per-caller read limit (issue 7, finding 3): with
// the defaults of `anxin serve` (a bucket of 300 reads per user or token,
// refilled at 120 a minute), a person's page loads go through and a
// script that enumerates guesses gets 429 with Retry-After and a Chinese
// message; the limit is per caller (another user is not slowed, a new
// log-in of the same user is), and `--read-limit off` lifts it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ANXIN, AS_OF, login, req, startServer } from './helpers.mjs';

let srv;
let base;

before(async () => {
  srv = await startServer({ as: 'street' }); // default limit, masked role
  base = srv.base;
});
after(async () => { await srv.stop(); });

/** What the UI asks for on a first load and a few pages after it. */
async function personLikeSession(session) {
  const statuses = [];
  const get = async (path) => {
    const r = await req(base, path, { session });
    statuses.push([path, r.status]);
    return r;
  };
  // first load: the caller, the kinds, the dashboard, the street list,
  // the warning catalogue and figures - at once, as app.js does
  await Promise.all(['/api/v1/me', '/api/v1/kinds', `/api/v1/dashboard?as_of=${AS_OF}`,
    '/api/v1/projects?per_page=500&sort=street', '/api/v1/warnings/rules',
    '/api/v1/warnings/stats'].map(get));
  // a list, a project page with its tabs, a worker page
  const projects = await get('/api/v1/projects?page=1&per_page=50');
  const p = projects.json.items[0];
  await Promise.all([get(`/api/v1/projects/${p.id}`),
    get(`/api/v1/employments?project_code=${encodeURIComponent(p.code)}&per_page=500&sort=entry_date`)]);
  const workers = await get('/api/v1/workers?page=1&per_page=50');
  await get(`/api/v1/workers/${workers.json.items[0].id}`);
  await get('/api/v1/warnings?page=1&per_page=50');
  return statuses;
}

describe('read limit (defaults)', () => {
  test('a person loading pages is never limited', async () => {
    for (let round = 0; round < 3; round++) {
      const statuses = await personLikeSession(undefined);
      for (const [path, status] of statuses) assert.equal(status, 200, `${path}: ${status}`);
    }
  });

  test('a script enumerating guesses gets 429 with Retry-After; others are not slowed', async () => {
    let allowed = 0;
    let refused;
    const t0 = Date.now();
    for (let i = 0; i < 600 && !refused; i++) {
      const guess = `1351234${String(i).padStart(4, '0')}`;
      const r = await req(base, `/api/v1/workers?q=${guess}`);
      if (r.status === 429) refused = r;
      else {
        assert.equal(r.status, 200, r.text);
        allowed++;
      }
    }
    assert.ok(refused, 'a burst of 600 reads must be refused at some point');
    // the burst (less what the page loads above took) plus 2 a second
    const secs = (Date.now() - t0) / 1000;
    assert.ok(allowed >= 250 && allowed <= 300 + Math.ceil(2 * secs) + 2,
      `refused after ${allowed} reads in ${secs} s (burst 300, 120 a minute)`);
    assert.equal(refused.json.error.code, 'too_many_requests');
    assert.match(refused.json.error.message, /请求过于频繁/);
    const after = Number(refused.headers.get('retry-after'));
    assert.ok(Number.isInteger(after) && after >= 1 && after <= 60, `Retry-After ${after}`);

    // per caller: another user reads on; the same user logging in again
    // does not get a fresh bucket
    const other = await login(base, 'leader');
    assert.equal((await req(base, '/api/v1/workers', { session: other })).status, 200);
    const again = await login(base, 'street');
    assert.equal(again.status, 200, 'log-in is not a read');
    const burst = await Promise.all(Array.from({ length: 10 },
      () => req(base, '/api/v1/workers', { session: again })));
    const limited = burst.filter((r) => r.status === 429).length;
    assert.ok(limited >= 5, `a new session of the same user shares its bucket: ${limited} of 10 refused`);

    // after Retry-After the caller may read again
    await new Promise((resolve) => setTimeout(resolve, after * 1000 + 100));
    assert.equal((await req(base, '/api/v1/workers')).status, 200);
  });
});

describe('read limit (flags)', () => {
  test('--read-limit off lifts it (the benchmarks); a malformed value is refused', async () => {
    const s = await startServer({ as: 'leader', load: ['enterprises', 'projects'], args: ['--read-limit', 'off'] });
    try {
      for (let i = 0; i < 400; i++) {
        const r = await req(s.base, '/api/v1/projects?per_page=1');
        assert.equal(r.status, 200, `read ${i}`);
      }
    } finally {
      await s.stop();
    }
    assert.throws(() => execFileSync(ANXIN, ['serve', '--read-limit', '300', '--db', '/nonexistent/x.db'],
      { stdio: 'pipe' }), (e) => /--read-limit '300'/.test(String(e.stderr)));
  });

  test('--read-limit BURST/PER_MINUTE sets the bucket', async () => {
    const s = await startServer({ as: 'leader', load: ['enterprises', 'projects'], args: ['--read-limit', '5/60'] });
    try {
      const st = [];
      for (let i = 0; i < 7; i++) st.push((await req(s.base, '/api/v1/projects?per_page=1')).status);
      assert.deepEqual(st.slice(0, 5), [200, 200, 200, 200, 200]);
      assert.equal(st[6], 429);
    } finally {
      await s.stop();
    }
  });
});
