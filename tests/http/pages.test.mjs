// pages.test.mjs - the UI's scripts come from one list (web/scripts.list,
// docs/architecture.md "The web UI"): every script of web/ is on it, the
// served index.html loads exactly its entries in its order (after
// ECharts), and each entry is served byte for byte as the file in web/.
// A script added to web/ but not to the list, or a list entry the build
// did not embed, fails here. The workers' public page (GET /report) is
// apart: web/report.html with its own report.js and report.css, served
// without an account and embedded as they are.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './helpers.mjs';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const LIST = readFileSync(join(WEB, 'scripts.list'), 'utf8').split('\n')
  .map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);

/* The public page's own files, not on the list. */
const PUBLIC = ['report.js', 'report.css', 'report.html'];

let srv;
before(async () => { srv = await startServer({ load: [], as: null }); });
after(async () => { await srv.stop(); });

describe('web/scripts.list', () => {
  test('lists every script of web/, each once', () => {
    const files = readdirSync(WEB).filter((f) => f.endsWith('.js') && !PUBLIC.includes(f)).sort();
    assert.deepEqual([...LIST].sort(), files);
    assert.equal(new Set(LIST).size, LIST.length, 'no entry twice');
    assert.equal(LIST.at(-1), 'app.js', 'app.js starts the UI: last');
  });

  test('index.html loads ECharts, then the list in its order', async () => {
    const res = await fetch(srv.base + '/');
    assert.equal(res.status, 200);
    const html = await res.text();
    const srcs = [...html.matchAll(/<script src="\/static\/([^"]+)" defer><\/script>/g)].map((m) => m[1]);
    assert.deepEqual(srcs, ['echarts.min.js', ...LIST]);
    assert.ok(!html.includes('@scripts@'), 'the marker line was replaced');
  });

  test('each entry is served as the file in web/', async () => {
    for (const name of LIST) {
      const r = await fetch(`${srv.base}/static/${name}`);
      assert.equal(r.status, 200, name);
      assert.match(r.headers.get('content-type'), /^text\/javascript; charset=utf-8/, name);
      const body = Buffer.from(await r.arrayBuffer());
      assert.ok(body.equals(readFileSync(join(WEB, name))), `${name}: the embedded bytes`);
    }
  });
});

describe('the public page /report', () => {
  test('is served without an account, with its script and style', async () => {
    const page = await fetch(srv.base + '/report');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html; charset=utf-8/);
    assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
    const html = await page.text();
    assert.ok(html.includes('<script src="/static/report.js" defer></script>'));
    assert.ok(html.includes('href="/static/report.css"'));
    assert.ok(!/<script>|style="/.test(html), 'no inline script or style (CSP)');
    for (const [name, type] of [['report.js', /^text\/javascript/], ['report.css', /^text\/css/]]) {
      const r = await fetch(`${srv.base}/static/${name}`);
      assert.equal(r.status, 200, name);
      assert.match(r.headers.get('content-type'), type, name);
      const body = Buffer.from(await r.arrayBuffer());
      assert.ok(body.equals(readFileSync(join(WEB, name))), `${name}: the embedded bytes`);
    }
    const none = await fetch(srv.base + '/static/report.html');
    assert.equal(none.status, 404, 'the page is /report only');
  });
});
