// cases.test.mjs - the clue endpoints over HTTP (docs/api.md "Cases and
// clues") against the real server and a real SQLite file: the role x
// transition matrix from every state, idempotent retries, attachments
// (type by content, size, scope), the overdue CSV, the year's figures and
// the public page (form token, honeypot, flood limits, the reporter's view).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AS_OF, login, req, startServer } from './helpers.mjs';
import { idNumber } from './ids.mjs';

const ROLES = ['admin', 'inspector', 'street', 'leader'];
const STATES = ['received', 'transferred', 'handling', 'submitted', 'passed', 'returned', 'merged'];
// The clue's machine (case_clue.c): who may, from where, to what.
const DISTRICT = ['admin', 'inspector'];
const MACHINE = {
  transfer: { roles: DISTRICT, from: ['received'], to: 'transferred' },
  accept: { roles: ['street'], from: ['transferred'], to: 'handling' },
  conclude: { roles: ['street'], from: ['transferred', 'handling', 'returned'], to: 'submitted' },
  pass: { roles: DISTRICT, from: ['submitted'], to: 'passed' },
  return: { roles: DISTRICT, from: ['submitted'], to: 'returned' },
  merge: { roles: DISTRICT, from: ['received', 'transferred', 'handling', 'submitted', 'returned'],
    to: 'merged' },
};
const STREET = '新港街道';
const OTHER = '泰达街道';
const CONCLUSION = { conclusion: 1, workers_resolved: 3, amount_resolved: '12000.50',
  paid_by: 'employer', reply: '工资已于5月足额支付' };

let srv;
const S = {};
let target; // a clue other clues merge into

const q = `as_of=${AS_OF}`;
const get = (path, role = 'admin', headers = {}) => req(srv.base, path, { session: S[role], headers });
const post = (path, body, role = 'admin', headers = {}) => req(srv.base, path, {
  session: S[role], method: 'POST', headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const act = (number, action, body, role, headers) =>
  post(`/api/v1/cases/clue/${number}/${action}?${q}`, body, role, headers);

function bodyOf(action) {
  if (action === 'transfer') return { street: STREET };
  if (action === 'conclude') return CONCLUSION;
  if (action === 'return') return { reason: '材料不全，请补充支付凭证' };
  if (action === 'merge') return { target };
  return {};
}

/** Takes in a clue (as admin) and moves it to state; returns its number. */
async function clueIn(state, street = STREET) {
  const r = await post(`/api/v1/cases/clue?${q}`, {
    channel: 'hotline', reporter_name: '王五', reporter_phone: '13800001111',
    employer_name: '某劳务公司', street, workers_claimed: 3, amount_claimed: '36000',
    description: '拖欠三名工人四月工资',
  });
  assert.equal(r.status, 201, r.text);
  const n = r.json.number;
  const path = {
    received: [], transferred: ['transfer'], handling: ['transfer', 'accept'],
    submitted: ['transfer', 'accept', 'conclude'], passed: ['transfer', 'accept', 'conclude', 'pass'],
    returned: ['transfer', 'accept', 'conclude', 'return'], merged: ['merge'],
  }[state];
  for (const a of path) {
    const by = MACHINE[a].roles.includes('admin') ? 'admin' : 'street';
    const body = a === 'transfer' ? { street } : bodyOf(a);
    const x = await act(n, a, body, by);
    assert.equal(x.status, 200, `${a} of ${n} to reach ${state}: ${x.text}`);
  }
  return n;
}

before(async () => {
  srv = await startServer({ args: ['--trust-proxy'] });
  for (const role of [...ROLES, 'enterprise']) {
    S[role] = await login(srv.base, role);
    assert.equal(S[role].status, 200, role);
  }
  target = await clueIn('received');
});
after(async () => { if (srv) await srv.stop(); });

describe('the role x transition matrix', () => {
  for (const state of STATES)
    for (const [action, m] of Object.entries(MACHINE))
      for (const role of ROLES)
        test(`${role} ${action} from ${state}`, async () => {
          const n = await clueIn(state);
          const r = await act(n, action, bodyOf(action), role);
          const detail = await get(`/api/v1/cases/clue/${n}?${q}`);
          if (!m.roles.includes(role)) {
            assert.equal(r.status, 403, r.text);
            assert.equal(r.json.error.code, 'forbidden');
            assert.ok(r.json.error.message.length > 4, 'a message that says why');
            assert.equal(detail.json.case.state, state, 'nothing changed');
          } else if (!m.from.includes(state)) {
            assert.equal(r.status, 409, r.text);
            assert.equal(r.json.error.code, 'state');
            assert.equal(detail.json.case.state, state, 'nothing changed');
          } else {
            assert.equal(r.status, 200, r.text);
            assert.deepEqual([r.json.from, r.json.to, r.json.replayed], [state, m.to, false]);
            assert.equal(detail.json.case.state, m.to);
            const last = detail.json.history.at(-1);
            assert.equal(last.action, action);
            assert.equal(last.to_state, m.to);
          }
        });
});

describe('reads and scope', () => {
  test('the inbox: boxes, items, roles', async () => {
    const n = await clueIn('received');
    const r = await get(`/api/v1/cases/clue?box=transfer&${q}`);
    assert.equal(r.status, 200, r.text);
    for (const k of ['transfer', 'handle', 'review', 'overdue', 'open', 'closed'])
      assert.equal(typeof r.json.boxes[k], 'number', k);
    assert.ok(r.json.boxes.transfer >= 1);
    const row = r.json.items.find((x) => x.number === n);
    assert.ok(row, 'the received clue is in 待转办');
    assert.equal(row.state_zh, '已接收');
    assert.equal(row.deadline_code, 'transfer');
    assert.ok(Array.isArray(row.duplicates));
    assert.equal(row.reporter_phone.includes('*') || row.reporter_phone === '13800001111', true);
    // the leader reads, the enterprise has no case permission
    assert.equal((await get(`/api/v1/cases/clue?${q}`, 'leader')).status, 200);
    assert.equal((await get(`/api/v1/cases/clue/${n}?${q}`, 'leader')).status, 200);
    assert.equal((await get(`/api/v1/cases/clue?${q}`, 'enterprise')).status, 403);
    assert.equal((await get(`/api/v1/cases/clue/${n}?${q}`, 'enterprise')).status, 403);
    assert.equal((await act(n, 'transfer', { street: STREET }, 'enterprise')).status, 403);
    assert.equal((await get('/api/v1/cases/clue?box=nope')).status, 400);
  });

  test('a clue of another street is 404 for a street officer, and its actions too', async () => {
    const n = await clueIn('transferred', OTHER);
    const r = await get(`/api/v1/cases/clue/${n}?${q}`, 'street');
    assert.equal(r.status, 404, r.text);
    assert.equal((await act(n, 'accept', {}, 'street')).status, 404);
    const list = await get(`/api/v1/cases/clue?box=all&limit=0&${q}`, 'street');
    assert.ok(!list.json.items.some((x) => x.number === n), 'not listed either');
    assert.ok(list.json.items.every((x) => x.street === STREET));
    assert.equal((await get(`/api/v1/cases/clue/${n}?${q}`, 'inspector')).status, 200);
  });

  test('the page: history, actions allowed now, deadlines, masked parties', async () => {
    const r0 = await post(`/api/v1/cases/clue?${q}`, {
      channel: 'visit', reporter_name: '赵六', employer_name: '某建筑公司', street: STREET,
      description: '集体欠薪', workers: [{ name: '钱七', id_number: idNumber('120116', '19900101', 11),
        phone: '13900002222' }],
    });
    assert.equal(r0.status, 201, r0.text);
    const n = r0.json.number;
    assert.match(n, /^QX-2026-\d{6}$/);
    const a = await get(`/api/v1/cases/clue/${n}?${q}`, 'inspector');
    assert.deepEqual(a.json.actions.map((x) => x.action).sort(), ['merge', 'transfer']);
    assert.deepEqual(a.json.actions.find((x) => x.action === 'transfer').needs, ['street']);
    assert.deepEqual(a.json.deadlines.map((d) => d.code).sort(), ['conclude', 'review', 'rework', 'transfer']);
    assert.equal(a.json.history[0].to_state, 'received');
    assert.equal(a.json.parties[0].id_number, idNumber('120116', '19900101', 11), 'inspector sees in full');
    const s = await get(`/api/v1/cases/clue/${n}?${q}`, 'street');
    assert.deepEqual(s.json.actions, [], 'nothing for the street in received');
    assert.notEqual(s.json.parties[0].id_number, idNumber('120116', '19900101', 11), 'masked');
    const l = await get(`/api/v1/cases/clue/${n}?${q}`, 'leader');
    assert.deepEqual(l.json.actions, []);
  });

  test('field errors name the member', async () => {
    const r = await post(`/api/v1/cases/clue?${q}`, { reporter_name: '王五', employer_name: 'x' });
    assert.equal(r.status, 422);
    assert.equal(r.json.error.field, 'description');
    const u = await post(`/api/v1/cases/clue?${q}`, { reporter_name: 'a', employer_name: 'b',
      description: 'c', colour: 'red' });
    assert.equal(u.status, 422);
    assert.equal(u.json.error.field, 'colour');
    const n = await clueIn('received');
    const t = await act(n, 'transfer', {}, 'admin');
    assert.equal(t.status, 422, 'transfer needs a street');
    const c = await act(await clueIn('handling'), 'conclude', { ...CONCLUSION, conclusion: 11 }, 'street');
    assert.equal(c.status, 422, c.text);
    assert.match(c.json.error.message, /1-10/);
  });
});

describe('idempotent retries', () => {
  test('the same Idempotency-Key: one event, replayed', async () => {
    const n = await clueIn('received');
    const key = `retry-${n}`;
    const a = await act(n, 'transfer', { street: STREET }, 'inspector', { 'idempotency-key': key });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.json.replayed, false);
    const b = await act(n, 'transfer', { street: STREET }, 'inspector', { 'idempotency-key': key });
    assert.equal(b.status, 200, b.text);
    assert.equal(b.json.replayed, true);
    assert.equal(b.json.to, 'transferred');
    const c = await act(n, 'transfer', { street: STREET }, 'inspector');
    assert.equal(c.status, 409, 'a new request (no key) is refused from transferred');
    const d = await get(`/api/v1/cases/clue/${n}?${q}`);
    assert.equal(d.json.history.filter((e) => e.action === 'transfer').length, 1);
    // request_id in the body works alike
    const e1 = await act(n, 'accept', { request_id: `acc-${n}` }, 'street');
    const e2 = await act(n, 'accept', { request_id: `acc-${n}` }, 'street');
    assert.deepEqual([e1.status, e1.json.replayed, e2.status, e2.json.replayed], [200, false, 200, true]);
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

function upload(number, name, body, role = 'street') {
  return req(srv.base, `/api/v1/cases/clue/${number}/files?name=${encodeURIComponent(name)}&${q}`,
    { session: S[role], method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
}

describe('attachments', () => {
  test('by content, size-limited, downloadable in scope only', async () => {
    const n = await clueIn('handling');
    const ids = {};
    for (const [name, body, mime] of [['回复.pdf', PDF, 'application/pdf'], ['a.png', PNG, 'image/png'],
      ['b.jpg', JPEG, 'image/jpeg']]) {
      const r = await upload(n, name, body);
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.mime, mime);
      assert.equal(r.json.name, name);
      ids[mime] = r.json.id;
    }
    const fake = await upload(n, 'fake.pdf', Buffer.from('just some text, not a PDF'));
    assert.equal(fake.status, 422, fake.text);
    const big = await upload(n, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    assert.equal(big.status, 413, big.text);
    const d = await get(`/api/v1/cases/clue/${n}?${q}`);
    assert.equal(d.json.files.length, 3);
    assert.ok(d.json.history.some((e) => e.action === 'attach'), 'listed in the history');
    const res = await fetch(`${srv.base}/api/v1/cases/clue/${n}/files/${ids['application/pdf']}`,
      { headers: S.street.headers() });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition'), /^attachment;/);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PDF);
    // another street's clue: its files are 404 for this street officer
    const o = await clueIn('transferred', OTHER);
    const up = await upload(o, 'x.pdf', PDF, 'inspector');
    assert.equal(up.status, 201, up.text);
    assert.equal((await get(`/api/v1/cases/clue/${o}/files/${up.json.id}`, 'street')).status, 404);
    assert.equal((await get(`/api/v1/cases/clue/${n}/files/${up.json.id}`, 'street')).status, 404,
      'a file id of another clue');
    assert.equal((await get(`/api/v1/cases/clue/${o}/files/${up.json.id}`, 'inspector')).status, 200);
  });
});

describe('figures', () => {
  test('the overdue list as CSV and JSON', async () => {
    const n = await clueIn('received');
    const later = '2026-06-30';
    const c = await get(`/api/v1/cases/overdue?format=csv&as_of=${later}`);
    assert.equal(c.status, 200, c.text);
    assert.match(c.headers.get('content-type'), /^text\/csv/);
    const lines = c.text.trim().split(/\r?\n/);
    assert.match(lines[0], /^number,type,state,street,deadline,deadline_basis,days_overdue/);
    const row = lines.find((l) => l.startsWith(n + ','));
    assert.ok(row, `the clue received on ${AS_OF} and not transferred is overdue on ${later}`);
    assert.match(row, new RegExp(`^${n},clue,received,${STREET},2026-05-2\\d,`));
    const j = await get(`/api/v1/cases/overdue?as_of=${later}`);
    assert.ok(j.json.items.find((x) => x.number === n).days_overdue > 30);
    const early = await get(`/api/v1/cases/overdue?as_of=${AS_OF}`);
    assert.ok(!early.json.items.some((x) => x.number === n), 'not overdue on the day of receipt');
    assert.equal((await get('/api/v1/cases/overdue?format=xml')).status, 400);
  });

  test('the inbox as a file: its box and filters, only the clues the caller sees', async () => {
    const recv = await clueIn('received');
    const mine = await clueIn('transferred');
    const theirs = await clueIn('transferred', OTHER);
    const file = async (query, role = 'admin') => {
      const r = await get(`/api/v1/export/cases/clue?format=csv&${q}&${query}`, role);
      assert.equal(r.status, 200, r.text);
      assert.match(r.headers.get('content-type'), /^text\/csv/);
      assert.match(r.headers.get('content-disposition'), /attachment/);
      const lines = r.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      return { head: lines[0], rows: lines.slice(1), has: (n) => lines.some((l) => l.startsWith(n + ',')) };
    };
    const t = await file('box=transfer');
    assert.match(t.head, /^线索编号,接收日期,来源渠道,反映人,被反映单位,/);
    assert.ok(t.has(recv) && !t.has(mine), 'the transfer box: received clues only');
    const row = t.rows.find((l) => l.startsWith(recv + ','));
    assert.match(row, new RegExp(`^${recv},${AS_OF},12333,王五,某劳务公司,,,${STREET},3,36000\\.00,已接收,`));
    const h = await file(`box=handle&street=${encodeURIComponent(STREET)}`);
    assert.ok(h.has(mine) && !h.has(theirs) && !h.has(recv), 'the handle box of one street');
    const s = await file('box=all', 'street');
    assert.ok(s.has(mine) && !s.has(theirs), 'a street officer exports his street only');
    assert.equal((await get(`/api/v1/export/cases/clue?box=nowhere&${q}`)).status, 400);
    assert.equal((await get(`/api/v1/export/cases/clue?${q}`, 'enterprise')).status, 403);
    const x = await get(`/api/v1/export/cases/clue?${q}`, 'leader');
    assert.equal(x.status, 200);
    assert.match(x.headers.get('content-type'), /spreadsheetml/);
  });

  test('the year: received, resolved, pass rate as a string', async () => {
    await clueIn('passed');
    const r = await get(`/api/v1/cases/clue/stats?year=2026&${q}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.received >= 1);
    assert.ok(r.json.resolved >= 1);
    assert.ok(r.json.decisions >= r.json.passes && r.json.passes >= 1);
    assert.match(r.json.pass_rate, /^\d{1,3}\.\d{2}$/);
    assert.match(r.json.amount_resolved, /^\d+\.\d{2}$/);
    assert.equal(r.json.by_month.length, 12);
    assert.equal(r.json.by_conclusion.length, 10);
    assert.ok(r.json.by_conclusion[0].count >= 1);
    assert.equal(r.json.by_month[4].month, 5);
    assert.ok(r.json.by_month[4].received >= 1);
    const empty = await get(`/api/v1/cases/clue/stats?year=2020&${q}`);
    assert.equal(empty.json.pass_rate, null);
  });
});

// ---- the public page -------------------------------------------------------

const pub = (path, body, addr, method = 'POST') => req(srv.base, path, {
  session: null, method, headers: { 'content-type': 'application/json', 'x-forwarded-for': addr },
  body: body === undefined ? undefined : JSON.stringify(body),
});
const token = async (addr) => {
  const r = await pub('/api/v1/public/form', undefined, addr, 'GET');
  assert.equal(r.status, 200, r.text);
  return r.json.token;
};
const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
const FORM = { reporter_name: '李四', reporter_id_number: idNumber('120116', '19880808', 21),
  reporter_phone: '13700003333', employer_name: '新港某劳务分包公司', project_name: '新港码头仓储楼',
  site_address: '新港二号路9号', workers_claimed: 2, amount_claimed: 16800.5,
  description: '四月、五月工资未发', workers: [{ name: '孙八' }] };

describe('the public page', () => {
  test('file, then follow with number + code to the reply', async () => {
    const addr = '10.1.0.1';
    const t = await token(addr);
    const early = await pub('/api/v1/public/clues', { ...FORM, token: t }, addr);
    assert.equal(early.status, 422);
    assert.equal(early.json.error.code, 'token_early');
    await sleep(3100);
    const honey = await pub('/api/v1/public/clues', { ...FORM, token: t, website: 'http://spam' }, addr);
    assert.equal(honey.status, 422);
    assert.equal(honey.json.error.code, 'rejected');
    const forged = await pub('/api/v1/public/clues', { ...FORM, token: t.slice(0, -2) + 'AA' }, addr);
    assert.equal(forged.json.error.code, 'token_invalid');
    const street = await pub('/api/v1/public/clues', { ...FORM, token: t, street: OTHER }, addr);
    assert.equal(street.status, 422, 'a reporter does not route');
    assert.equal(street.json.error.field, 'street');
    const r = await pub('/api/v1/public/clues', { ...FORM, token: t, website: '' }, addr);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(Object.keys(r.json).sort(), ['number', 'query_code', 'received_date']);
    const { number, query_code: code } = r.json;
    const again = await pub('/api/v1/public/clues', { ...FORM, token: t }, addr);
    assert.equal(again.status, 422);
    assert.equal(again.json.error.code, 'token_used');

    // a photo while received; not a PDF
    const photo = (body, c = code) => req(srv.base, `/api/v1/public/clues/${number}/photos?code=${c}`,
      { session: null, method: 'POST', headers: { 'x-forwarded-for': addr }, body });
    assert.equal((await photo(PNG)).status, 201);
    assert.equal((await photo(PDF)).status, 422);
    assert.equal((await photo(PNG, 'WRONG123')).status, 404);

    const status = (c, n = number, a = addr) => pub(`/api/v1/public/clues/${n}/status`, { code: c }, a);
    const s0 = await status(code);
    assert.equal(s0.status, 200, s0.text);
    assert.deepEqual(Object.keys(s0.json).sort(),
      ['concluded', 'merged_into', 'number', 'received_date', 'reply', 'state', 'state_zh', 'updated']);
    assert.equal(s0.json.state, 'received');
    assert.equal(s0.json.reply, null);
    const wrong = await status('ZZZZ9999');
    const unknown = await status(code, 'QX-2026-999999');
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.deepEqual(wrong.json, unknown.json, 'a wrong code and an unknown number answer alike');

    // the officers see it; it goes to 办结 (today: no as_of)
    const d = await get(`/api/v1/cases/clue/${number}`, 'inspector');
    assert.equal(d.status, 200);
    assert.equal(d.json.case.channel, 'online');
    assert.equal(d.json.files.length, 1);
    for (const [a, role, body] of [['transfer', 'inspector', { street: STREET }], ['accept', 'street', {}],
      ['conclude', 'street', CONCLUSION], ['return', 'inspector', { reason: '请补充凭证' }]]) {
      const x = await post(`/api/v1/cases/clue/${number}/${a}`, body, role);
      assert.equal(x.status, 200, `${a}: ${x.text}`);
    }
    const ret = await status(code);
    assert.equal(ret.json.state_zh, '核处中', 'a return shows as 核处中');
    assert.notEqual(ret.json.state, 'returned');
    assert.equal(ret.json.reply, null, 'no reply before the review passed');
    for (const [a, role, body] of [['conclude', 'street', CONCLUSION], ['pass', 'inspector', {}]]) {
      const x = await post(`/api/v1/cases/clue/${number}/${a}`, body, role);
      assert.equal(x.status, 200, `${a}: ${x.text}`);
    }
    const done = await status(code);
    assert.equal(done.json.state, 'passed');
    assert.equal(done.json.concluded, true);
    assert.equal(done.json.reply, CONCLUSION.reply);
    assert.ok(!JSON.stringify(done.json).includes(STREET), 'no street in the reporter\'s view');
    assert.equal((await photo(PNG)).status, 409, 'no photos once handled');
  });

  test('the flood limits answer 429 with Retry-After', async () => {
    const addr = '10.1.0.2';
    const tokens = [];
    for (let i = 0; i < 6; i++) tokens.push(await token(addr));
    await sleep(3100);
    for (let i = 0; i < 5; i++) {
      const r = await pub('/api/v1/public/clues', { ...FORM, token: tokens[i] }, addr);
      assert.equal(r.status, 201, `filing ${i + 1}: ${r.text}`);
    }
    const sixth = await pub('/api/v1/public/clues', { ...FORM, token: tokens[5] }, addr);
    assert.equal(sixth.status, 429, sixth.text);
    assert.ok(Number(sixth.headers.get('retry-after')) >= 1);
    // another address is not affected
    const other = '10.1.0.3';
    const t = await token(other);
    await sleep(3100);
    assert.equal((await pub('/api/v1/public/clues', { ...FORM, token: t }, other)).status, 201);
    // status look-ups: 30 per 10 minutes
    const look = '10.1.0.4';
    let last;
    for (let i = 0; i < 31; i++)
      last = await pub('/api/v1/public/clues/QX-2026-000001/status', { code: 'ABCD2345' }, look);
    assert.equal(last.status, 429);
    assert.ok(Number(last.headers.get('retry-after')) >= 1);
    // form tokens: 30 per 10 minutes
    const forms = '10.1.0.5';
    for (let i = 0; i < 30; i++) await token(forms);
    const r = await pub('/api/v1/public/form', undefined, forms, 'GET');
    assert.equal(r.status, 429);
  });

  test('bodies are small', async () => {
    const big = await pub('/api/v1/public/clues', { ...FORM, token: 'x', description: 'a'.repeat(70000) },
      '10.1.0.6');
    assert.equal(big.status, 413);
    const r = await req(srv.base, '/api/v1/public/clues/QX-2026-000001/photos?code=X', {
      session: null, method: 'POST', headers: { 'x-forwarded-for': '10.1.0.6' },
      body: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
    });
    assert.equal(r.status, 413);
  });
});

