// cache.test.mjs - the response cache never serves stale data: a list is
// answered from the cache while the database is unchanged, and fresh after
// a write through the API, an import by another process (the CLI) or a
// change of the caller (scope and masking are part of the key). A write
// makes fresh only the pages of the tables it wrote: the cached pages of
// another kind stay warm (counted by /metrics' anxin_cache_hits_total).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANXIN, login, postJson, req, startServer } from './helpers.mjs';
import { table, uscc } from './ids.mjs';
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

// The cache's counters of hits and misses (GET /metrics, loopback).
async function counts() {
  const r = await req(base, '/metrics');
  assert.equal(r.status, 200, r.text);
  const n = (name) => Number(r.text.match(new RegExp(`^${name} (\\d+)$`, 'm'))[1]);
  return { hits: n('anxin_cache_hits_total'), misses: n('anxin_cache_misses_total') };
}

// GET path; whether the cache answered it (a hit) and its JSON.
async function get(path) {
  const before = await counts();
  const r = await req(base, path);
  assert.equal(r.status, 200, r.text);
  const after = await counts();
  assert.equal(after.hits + after.misses, before.hits + before.misses + 1, 'one cacheable read');
  return { hit: after.hits === before.hits + 1, json: r.json };
}

const ID = table();
const ENTERPRISES = '/api/v1/enterprises?per_page=50';
const ATTENDANCE = `/api/v1/attendance?worker_id_number=${ID['id:W1']}&date=2026-04-03`;

test('a write of one kind keeps the cached pages of another kind warm', async () => {
  await get(ENTERPRISES);
  await get(ATTENDANCE);
  assert.ok((await get(ENTERPRISES)).hit, 'cached');
  assert.ok((await get(ATTENDANCE)).hit, 'cached');
  const r = await postJson(base, '/api/v1/attendance',
    { project_code: 'BH-2026-001', worker_id_number: ID['id:W1'], date: '2026-04-03', hours: 7.25 });
  assert.equal(r.status, 200, r.text);
  const ent = await get(ENTERPRISES);
  assert.ok(ent.hit, 'the enterprises page outlives a write of attendance');
  const att = await get(ATTENDANCE);
  assert.ok(!att.hit, 'the attendance page is computed afresh');
  assert.equal(att.json.items[0].hours, 7.25);
  assert.ok((await get(ATTENDANCE)).hit, 'and cached again');
});

test('an import of one kind by another process keeps the other kinds warm, its own fresh', async () => {
  await get(ENTERPRISES);
  await get(ATTENDANCE);
  const file = join(srv.dir, 'cache-att.csv');
  writeFileSync(file, `project_code,worker_id_number,date,hours\nBH-2026-001,${ID['id:W1']},2026-04-03,6.5\n`);
  execFileSync(ANXIN, ['import', 'attendance', file, '--db', srv.db, '--quiet'], { stdio: 'pipe' });
  assert.ok((await get(ENTERPRISES)).hit, 'the enterprises page outlives an import of attendance');
  const att = await get(ATTENDANCE);
  assert.ok(!att.hit, 'the attendance page is computed afresh');
  assert.equal(att.json.items[0].hours, 6.5);
  // and the other way round: an import of enterprises
  const f2 = join(srv.dir, 'cache-ent.csv');
  writeFileSync(f2, `uscc,name,kind,region_code\n${uscc(903)},缓存另一进程企业,other,120116\n`);
  const before = (await get(ENTERPRISES)).json.total;
  assert.ok((await get(ATTENDANCE)).hit);
  execFileSync(ANXIN, ['import', 'enterprises', f2, '--db', srv.db, '--quiet'], { stdio: 'pipe' });
  const ent = await get(ENTERPRISES);
  assert.ok(!ent.hit, 'the enterprises page is computed afresh');
  assert.equal(ent.json.total, before + 1);
  assert.ok((await get(ATTENDANCE)).hit, 'the attendance page outlives an import of enterprises');
});
