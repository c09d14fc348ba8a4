// centre.test.mjs - the warning centre as a place to work in (issue 8,
// item 4; docs/warnings.md "Working on warnings"): 我的待办 (?todo=1), the
// one-row-per-project grouping (/warnings/by-project), batch 指派 / 消除
// (POST /warnings/batch, one audit row per warning), the 复核 of a red
// warning's elimination (status "review", confirm / reject by another
// inspector or administrator) and evidence files (type by content, size
// limit, content-addressed beside the database, read only through a
// warning the caller may see).
//
// Data: as warn.test.mjs - the fixtures plus attendance_warn.csv, scanned
// as of 2026-05-20: 15 open warnings, 9 on BH-2026-001 (泰达街道, two of
// them red) and 6 on BH-2026-002 (新港街道, the street officer's).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { req, startWarnServer } from './helpers.mjs';

let srv;
let base;
let S;
let all;

before(async () => {
  srv = await startWarnServer(['admin', 'inspector', 'street', 'enterprise', 'leader']);
  ({ base, S } = srv);
  all = (await req(base, '/api/v1/warnings?status=all&per_page=500')).json.items;
});
after(async () => { await srv.stop(); });

const get = (path, role) => srv.get(path, role);
const post = (path, body, role) => srv.post(path, body, role);
const find = (rule, project, period = '') =>
  all.find((w) => w.rule === rule && w.project_code === project && (w.period || '') === period);
const upload = (id, body, name, role = 'admin') => req(base,
  `/api/v1/warnings/${id}/files?filename=${encodeURIComponent(name)}`,
  { session: S[role], method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

describe('我的待办 and the grouping', () => {
  test('todo: a street officer\'s open, unassigned warnings of its street; an inspector\'s assigned ones', async () => {
    let r = await get('/api/v1/warnings?todo=1&per_page=100', 'street');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.total, 6, 'the six of BH-2026-002');
    assert.ok(r.json.items.every((w) => w.project_code === 'BH-2026-002'));
    r = await get('/api/v1/warnings?todo=1', 'inspector');
    assert.equal(r.json.total, 0, 'nothing assigned to the inspector yet');
    // One of the street's goes to the inspector: it leaves the street's list.
    const board = find('NO_BOARD', 'BH-2026-002');
    assert.equal((await post(`/api/v1/warnings/${board.id}/assign`, { to: 'inspector' }, 'street')).status, 200);
    r = await get('/api/v1/warnings?todo=1', 'inspector');
    assert.deepEqual(r.json.items.map((w) => w.id), [board.id]);
    r = await get('/api/v1/warnings?todo=1&per_page=100', 'street');
    assert.equal(r.json.total, 5);
    assert.ok(!r.json.items.some((w) => w.id === board.id));
    assert.equal((await get('/api/v1/warnings?todo=maybe', 'street')).status, 400);
  });

  test('by-project: one row per project, most severe first, within the scope, paged', async () => {
    let r = await get('/api/v1/warnings/by-project');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.total, 2);
    const [a, b] = r.json.items;
    assert.equal(a.project_code, 'BH-2026-001');
    assert.equal(a.project_name, '泰达智慧园一期');
    assert.equal(a.level, 'red');
    assert.deepEqual([a.n, a.red, a.orange, a.yellow], [9, 2, 1, 6]);
    assert.equal(b.project_code, 'BH-2026-002');
    assert.deepEqual([b.n, b.red, b.orange, b.yellow, b.level], [6, 0, 2, 4, 'orange']);
    assert.ok(a.project_id > 0);
    r = await get('/api/v1/warnings/by-project?level=yellow&per_page=1&page=2');
    assert.deepEqual(r.json.items.map((x) => [x.project_code, x.n]), [['BH-2026-002', 4]]);
    r = await get('/api/v1/warnings/by-project', 'street');
    assert.deepEqual(r.json.items.map((x) => x.project_code), ['BH-2026-002']);
  });
});

describe('batch', () => {
  test('batch 指派: each warning assigned, its history and its own audit row; a bad id fails alone', async () => {
    const ids = ['DAYS_MISMATCH', 'LABOR_COST_LATE', 'NO_DEPOSIT'].map((rule) =>
      find(rule, 'BH-2026-001', rule === 'DAYS_MISMATCH' ? '2026-03' : '').id);
    let r = await post('/api/v1/warnings/batch', { action: 'assign', ids: [...ids, 999999], to: 'inspector' }, 'leader');
    assert.equal(r.status, 403, 'a leader does not handle warnings');
    r = await post('/api/v1/warnings/batch', { action: 'assign', ids, to: 'street' }, 'inspector');
    assert.equal(r.json.failed, 3, 'a 新港街道 officer for 泰达街道 warnings');
    r = await post('/api/v1/warnings/batch', { action: 'assign', ids: [...ids, 999999], to: 'inspector' }, 'inspector');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.done, 3);
    assert.equal(r.json.failed, 1);
    assert.equal(r.json.results.at(-1).ok, false);
    assert.match(r.json.results.at(-1).message, /没有该预警/);
    for (const id of ids) {
      const w = (await get(`/api/v1/warnings/${id}`)).json;
      assert.equal(w.assignee, 'inspector');
      assert.equal(w.history.at(-1).event, 'assigned');
    }
    const audit = (await get('/api/v1/audit?action=warning_assign&per_page=100')).json.items;
    for (const id of ids) assert.equal(audit.filter((a) => a.object_key === String(id)).length, 1, `audit of ${id}`);
    assert.equal((await get('/api/v1/warnings?todo=1', 'inspector')).json.total, 4);
    r = await post('/api/v1/warnings/batch', { action: 'delete', ids }, 'inspector');
    assert.equal(r.status, 422);
    r = await post('/api/v1/warnings/batch', { action: 'assign', ids: [] , to: 'inspector' }, 'inspector');
    assert.equal(r.status, 422);
  });

  test('batch 消除: one reason for all; each eliminated and audited; a red one waits for 复核; the street only its own', async () => {
    const y = find('DAYS_MISMATCH', 'BH-2026-001', '2026-04');
    const red = find('WAGE_UNPAID', 'BH-2026-001', '2026-04');
    const xg = find('DAYS_MISMATCH', 'BH-2026-002', '2026-04');
    let r = await post('/api/v1/warnings/batch', { action: 'eliminate', ids: [y.id, red.id, xg.id] }, 'inspector');
    assert.equal(r.json.failed, 3, 'a reason is required');
    r = await post('/api/v1/warnings/batch', { action: 'eliminate', ids: [y.id, xg.id], reason: '批量核实' }, 'street');
    assert.deepEqual(r.json.results.map((x) => x.ok), [false, true], 'another street\'s warning is not there');
    r = await post('/api/v1/warnings/batch', { action: 'eliminate', ids: [y.id, red.id], reason: '已补发，银行回单见附件' }, 'inspector');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.results.map((x) => [x.id, x.ok, x.status]), [[y.id, true, 'eliminated'], [red.id, true, 'review']]);
    const audit = (await get('/api/v1/audit?action=warning_eliminate&per_page=100')).json.items;
    for (const id of [y.id, red.id, xg.id]) assert.equal(audit.filter((a) => a.object_key === String(id)).length, 1);
    assert.equal((await get(`/api/v1/warnings/${y.id}`)).json.eliminated_reason, '已补发，银行回单见附件');
  });
});

describe('复核 of a red warning\'s elimination', () => {
  test('eliminating a red warning asks for 复核; the asker cannot confirm; another inspector/admin confirms', async () => {
    const red = find('WAGE_UNPAID', 'BH-2026-001', '2026-04'); // asked for by the inspector above
    let w = (await get(`/api/v1/warnings/${red.id}`, 'inspector')).json;
    assert.equal(w.status, 'review');
    assert.equal(w.status_zh, '待复核');
    assert.deepEqual(w.review, { by: 'inspector', on: w.review.on, reason: '已补发，银行回单见附件' });
    assert.deepEqual(w.actions, ['attach'], 'the asker waits');
    assert.deepEqual((await get(`/api/v1/warnings/${red.id}`)).json.actions, ['confirm', 'reject', 'attach', 'supervise']);
    assert.equal((await get('/api/v1/warnings?status=review')).json.total, 1);
    assert.equal((await get('/api/v1/warnings/stats')).json.open.red, 2, 'still open until confirmed');
    let r = await post(`/api/v1/warnings/${red.id}/confirm`, {}, 'inspector');
    assert.equal(r.status, 403);
    assert.match(r.json.error.message, /另一人/);
    r = await post(`/api/v1/warnings/${red.id}/eliminate`, { reason: '再次' }, 'admin');
    assert.equal(r.status, 409, 'already asked for');
    // The admin's 待办 holds the review.
    assert.ok((await get('/api/v1/warnings?todo=1')).json.items.some((x) => x.id === red.id));
    r = await post(`/api/v1/warnings/${red.id}/confirm`, { note: '回单核对无误' }, 'admin');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'eliminated');
    assert.equal(r.json.eliminated_reason, '已补发，银行回单见附件');
    assert.deepEqual(r.json.history.slice(-3).map((e) => [e.event, e.actor]),
      [['review_requested', 'inspector'], ['review_confirmed', 'admin'], ['eliminated', 'admin']]);
    const audit = (await get('/api/v1/audit?action=warning_confirm')).json.items;
    assert.equal(audit.length, 1);
    assert.equal(audit[0].object_key, String(red.id));
    assert.equal((await get('/api/v1/warnings/stats')).json.open.red, 1);
  });

  test('reject: a reason, back to 处置中; a street officer may ask but not review', async () => {
    const red = find('WAGE_UNPAID', 'BH-2026-001', '2026-03');
    let r = await post(`/api/v1/warnings/${red.id}/eliminate`, { reason: '已整改' }, 'admin');
    assert.equal(r.json.status, 'review');
    r = await post(`/api/v1/warnings/${red.id}/reject`, {}, 'inspector');
    assert.equal(r.status, 422, 'a reason to reject');
    r = await post(`/api/v1/warnings/${red.id}/reject`, { reason: '未见银行回单' }, 'inspector');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'handling');
    assert.equal(r.json.review, null);
    assert.equal(r.json.history.at(-1).event, 'review_rejected');
    assert.equal(r.json.history.at(-1).reason, '未见银行回单');
    r = await post(`/api/v1/warnings/${red.id}/confirm`, {}, 'admin');
    assert.equal(r.status, 409, 'nothing to confirm');
    assert.equal((await get('/api/v1/audit?action=warning_reject')).json.items.length, 1);
    assert.equal((await get('/api/v1/audit/verify')).json.ok, true);
  });
});

describe('evidence files', () => {
  test('a PDF receipt: stored by content, listed, downloaded only by who sees the warning; audited', async () => {
    const w = find('WAGE_UNPAID', 'BH-2026-001', '2026-03');
    let r = await upload(w.id, PDF, '工商银行回单.pdf', 'inspector');
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.name, '工商银行回单.pdf');
    assert.equal(r.json.mime, 'application/pdf');
    assert.equal(r.json.size, PDF.length);
    const url = r.json.url;
    assert.match(url, new RegExp(`^/api/v1/warnings/${w.id}/files/\\d+$`));
    const d = (await get(`/api/v1/warnings/${w.id}`)).json;
    assert.deepEqual(d.files.map((f) => f.name), ['工商银行回单.pdf']);
    assert.equal(d.history.at(-1).event, 'attached');
    const res = await fetch(base + url, { headers: S.leader.headers() });
    assert.equal(res.status, 200, 'a leader reads the district');
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition'), /^attachment;.*filename\*=UTF-8''%E5%B7%A5/);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PDF);
    assert.equal((await get(url, 'street')).status, 404, 'another street\'s warning, its files too');
    assert.equal((await req(base, url, { session: null })).status, 401);
    assert.equal((await get(`/api/v1/warnings/${w.id}/files/999`)).status, 404);
    const audit = (await get('/api/v1/audit?action=warning_attach')).json.items;
    assert.equal(audit.length, 1);
    assert.match(audit[0].after, /工商银行回单\.pdf/);
    // The same bytes again are stored once; a PNG is another blob.
    assert.equal((await upload(w.id, PDF, '回单副本.pdf')).status, 201);
    assert.equal((await upload(w.id, PNG, '回单.png')).status, 201);
    const dir = srv.files;
    const blobs = readdirSync(dir).flatMap((sub) => readdirSync(join(dir, sub)));
    assert.equal(blobs.length, 2);
    assert.ok(blobs.every((b) => /^[0-9a-f]{64}$/.test(b)));
  });

  test('the type is the content\'s (PDF, JPEG, PNG), the size at most 10 MB; no upload to an eliminated warning', async () => {
    const w = find('BANK_MISMATCH', 'BH-2026-001', '2026-03');
    let r = await upload(w.id, Buffer.from('<html>not a receipt</html>'), '回单.pdf');
    assert.equal(r.status, 415);
    assert.match(r.json.error.message, /PDF、JPEG 或 PNG/);
    r = await upload(w.id, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'photo.jpg');
    assert.equal(r.status, 201);
    assert.equal(r.json.mime, 'image/jpeg');
    r = await upload(w.id, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'big.pdf');
    assert.equal(r.status, 413);
    r = await upload(w.id, PDF, 'x.pdf', 'leader');
    assert.equal(r.status, 403);
    r = await upload(w.id, PDF, 'x.pdf', 'street');
    assert.equal(r.status, 404);
    const gone = find('DAYS_MISMATCH', 'BH-2026-001', '2026-04'); // eliminated above
    r = await upload(gone.id, PDF, 'late.pdf');
    assert.equal(r.status, 409);
    assert.ok(existsSync(srv.files));
  });

  test('a declared body over 10 MB is refused before it is read (not after up to max_upload)', async () => {
    // Security review R1: the evidence route read up to max_upload (2 GiB)
    // into a temp file before its own 10 MB check. The headers alone now
    // get the 413; no byte of the body is sent here.
    const w = all[0];
    const { port } = new URL(base);
    const h = S.admin.headers();
    const head = await new Promise((resolve, reject) => {
      const sock = connect(Number(port), '127.0.0.1', () => {
        sock.write(`POST /api/v1/warnings/${w.id}/files?filename=big.pdf HTTP/1.1\r\n`
          + `Host: 127.0.0.1\r\nCookie: ${h.cookie}\r\nX-CSRF-Token: ${h['x-csrf-token']}\r\n`
          + 'Content-Type: application/octet-stream\r\nContent-Length: 104857600\r\n\r\n');
      });
      let got = '';
      const timer = setTimeout(() => { sock.destroy(); resolve(got); }, 3000);
      sock.on('data', (d) => {
        got += d;
        if (got.includes('\r\n')) { clearTimeout(timer); sock.destroy(); resolve(got); }
      });
      sock.on('error', reject);
    });
    assert.match(head, /^HTTP\/1\.1 413 /, `answered before the body: ${JSON.stringify(head.slice(0, 40))}`);
  });
});
