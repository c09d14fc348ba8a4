// kind.test.mjs - a kind that only a test build has: site_checks (现场检查
// 记录), declared by tests/kind/site_checks.c and created by its migration
// tests/kind/9001_site_checks.sql, both linked into the binary ANXIN_KIND
// ($(B)/anxin-kind, which `make http` builds from the very store objects of
// $(B)/anxin). Adding a kind is a descriptor and a migration: the kind
// imports, exports, lists, is searched and scoped like any other and is in
// the OpenAPI document - and no file of src/ names it, so no store file
// needed an edit (issue 9, item 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { login, req, startServer } from '../http/helpers.mjs';

const BIN = process.env.ANXIN_KIND;
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

// BH-2026-001 lies in 泰达街道, BH-2026-002 in 新港街道 (the street user's).
const CSV = '项目编号,检查日期,检查人,检查结论,罚款金额(元)\n'
  + 'BH-2026-001,2026-03-02,张三,合格,\n'
  + 'BH-2026-002,2026-03-05,李四,限期整改,5000\n';

/** Every file under dir, recursively. */
function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('a kind added by a descriptor and a migration only', async (t) => {
  assert.ok(BIN, 'set ANXIN_KIND to the test-kind build ($(B)/anxin-kind: make http builds it)');
  const srv = await startServer({ bin: BIN, load: ['enterprises', 'projects'] });
  t.after(() => srv.stop());
  const run = (...args) => execFileSync(BIN, [...args, '--db', srv.db], { encoding: 'utf8' });

  await t.test('no file of src/ names it: the store was not edited for it', () => {
    const named = files(SRC).filter((f) => readFileSync(f, 'latin1').includes('site_checks'));
    assert.deepEqual(named, []);
  });

  await t.test('imports, references checked (a file is one transaction)', () => {
    const bad = join(srv.dir, 'bad.csv');
    writeFileSync(bad, CSV + 'NO-SUCH-CODE,2026-03-06,王五,合格,\n');
    assert.throws(() => run('import', 'site_checks', bad), (e) =>
      /引用的在建项目不存在/.test(e.stderr + e.stdout));
    const good = join(srv.dir, 'site_checks.csv');
    writeFileSync(good, CSV);
    // the kind deduced from the Chinese header, as for the standard's kinds
    assert.match(run('import', good), /site_checks 现场检查记录: 2 行 \(rows\), 新增 2/);
    assert.match(run('import', good), /新增 0, 更新 0, 未变 2/);
  });

  await t.test('exports with the same headers, enums as codes, money in yuan', () => {
    const lines = run('export', 'site_checks').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.deepEqual(lines, [
      '项目编号,检查日期,检查人,检查结论,罚款金额(元)',
      'BH-2026-001,2026-03-02,张三,ok,',
      'BH-2026-002,2026-03-05,李四,rectify,5000.00',
    ]);
  });

  await t.test('lists, searches and reads over the API', async () => {
    const r = await req(srv.base, '/api/v1/site_checks?sort=-check_date');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.total, 2);
    assert.deepEqual(r.json.items.map((i) => [i.project_code, i.result, i.fine]),
      [['BH-2026-002', 'rectify', '5000.00'], ['BH-2026-001', 'ok', null]]);
    const q = await req(srv.base, `/api/v1/site_checks?q=${encodeURIComponent('张三')}`);
    assert.deepEqual(q.json.items.map((i) => i.check_date), ['2026-03-02']);
    const one = await req(srv.base, `/api/v1/site_checks/${r.json.items[0].id}`);
    assert.equal(one.status, 200, one.text);
    assert.equal(one.text.includes('李四'), true);
  });

  await t.test('the row scope reads its path: a street sees its projects\' rows', async () => {
    const s = await login(srv.base, 'street');
    const all = await req(srv.base, '/api/v1/site_checks', { session: s });
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(all.json.items.map((i) => i.project_code), ['BH-2026-002']);
    const admin = await req(srv.base, '/api/v1/site_checks?project_code=BH-2026-001');
    const other = await req(srv.base, `/api/v1/site_checks/${admin.json.items[0].id}`, { session: s });
    assert.equal(other.status, 404);
  });

  await t.test('is in the OpenAPI document and the kinds list', async () => {
    const doc = (await req(srv.base, '/api/v1/openapi.json')).json;
    for (const p of ['/api/v1/site_checks', '/api/v1/site_checks/{id}',
      '/api/v1/import/site_checks', '/api/v1/export/site_checks'])
      assert.ok(doc.paths[p], `path ${p}`);
    assert.ok(doc.components.schemas.site_checks, 'schema site_checks');
    const kinds = await req(srv.base, '/api/v1/kinds');
    assert.equal(kinds.status, 200);
    assert.ok(kinds.text.includes('"site_checks"'));
    assert.ok(kinds.text.includes('现场检查记录'));
  });
});
