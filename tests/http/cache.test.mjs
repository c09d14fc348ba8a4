// cache.test.mjs - the response cache never serves stale data: a list is
// answered from the cache while the database is unchanged, and fresh after
// a write through the API, an import by another process (the CLI) or a
// change of the caller (scope and masking are part of the key).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANXIN, login, postJson, req, startServer } from './helpers.mjs';
import { uscc } from './ids.mjs';
let srv;
let base;

before(async () => {
  srv = await startServer({ as: 'admin' });
  base = srv.base;
});
after(async () => { await srv.stop(); });

async function total(path, opts) {
  const r = await req(base, path, opts);
  assert.equal(r.status, 200, r.text);
  return r.json.total;
}

test('a write through the API is seen by the next read', async () => {
  const before1 = await total('/api/v1/enterprises');
  assert.equal(await total('/api/v1/enterprises'), before1, 'repeated read');
  const r = await postJson(base, '/api/v1/enterprises',
    { uscc: uscc(901), name: '缓存测试企业', kind: 'other', region_code: '120116' });
  assert.equal(r.status, 200, r.text);
  assert.equal(await total('/api/v1/enterprises'), before1 + 1);
});

test('an import by another process is seen by the next read', async () => {
  const before1 = await total('/api/v1/enterprises');
  const file = join(srv.dir, 'cache-cli.csv');
  writeFileSync(file, `uscc,name,kind,region_code\n${uscc(902)},命令行导入企业,other,120116\n`);
  execFileSync(ANXIN, ['import', 'enterprises', file, '--db', srv.db, '--quiet'], { stdio: 'pipe' });
  assert.equal(await total('/api/v1/enterprises'), before1 + 1);
  const r = await req(base, `/api/v1/enterprises?q=${uscc(902)}`);
  assert.equal(r.json.items[0].name, '命令行导入企业');
});

test('callers with other scopes or masking never share an entry', async () => {
  const path = '/api/v1/workers?per_page=5&sort=name'; // (not by a personal field: issue 7)
  const admin = await req(base, path);
  const leader = await req(base, path, { session: await login(base, 'leader') });
  assert.equal(admin.status, 200);
  assert.equal(leader.status, 200);
  assert.doesNotMatch(admin.json.items[0].id_number, /\*/, 'admin sees ID numbers in full');
  assert.match(leader.json.items[0].id_number, /\*{8}/, 'leader sees them masked');
  const again = await req(base, path);
  assert.deepEqual(again.json, admin.json);
});
