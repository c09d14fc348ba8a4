// write.test.mjs - the write side: POST create-or-update by key and PUT
// update, validated exactly as an import row (422 with the report); file
// uploads (CSV good and bad, XLSX, auto kind); exports; 413 and 400 for
// bad bodies. Every rejected write is checked to have written nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSecurityHeaders, authHeaders, fixture, login, postJson, req, startServer } from './helpers.mjs';
import { table, uscc, usccCheck } from './ids.mjs';

const ID = table();
let srv;
let base;

let leader; // masked view of the same data

before(async () => {
  srv = await startServer(); // as admin: writes every kind, sees personal data
  base = srv.base;
  leader = await login(base, 'leader');
});
after(async () => { await srv.stop(); });

async function total(kind, query = '') {
  return (await req(base, `/api/v1/${kind}?per_page=1${query}`)).json.total;
}

const NEW_ENT = {
  uscc: uscc(42),
  name: '滨海新区测试建材有限公司',
  kind: 'subcontractor',
  region_code: '120116',
  street: '新城镇',
  union_established: true,
  employees: 12,
};

describe('POST /api/v1/{kind}', () => {
  test('creates, then reports unchanged, then updated', async () => {
    let r = await postJson(base, '/api/v1/enterprises', NEW_ENT);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.result, 'inserted');
    assert.equal(r.json.item.uscc, NEW_ENT.uscc);
    assert.equal(r.json.item.union_established, true);
    assert.equal(r.json.item.employees, 12);
    assert.ok(r.json.item.id > 0);
    assertSecurityHeaders(r.headers);
    r = await postJson(base, '/api/v1/enterprises', NEW_ENT);
    assert.equal(r.json.result, 'unchanged');
    r = await postJson(base, '/api/v1/enterprises', { ...NEW_ENT, employees: 13, kind: '劳务派遣' });
    assert.equal(r.json.result, 'updated');
    assert.equal(r.json.item.kind, 'dispatch');
    const g = await req(base, `/api/v1/enterprises/${r.json.item.id}`);
    assert.equal(g.json.item.employees, 13);
  });

  test('money as a string or a number, Chinese headers as keys', async () => {
    const r = await postJson(base, '/api/v1/deposits', {
      项目编号: 'BH-2026-002', deposit_no: 'NEW-1', form: '银行保函', amount: 1234.5,
      deposit_date: '2026/3/1',
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.item.amount, '1234.50');
    assert.equal(r.json.item.deposit_date, '2026-03-01');
    assert.equal(r.json.item.form, 'guarantee');
  });

  test('an invalid object is a 422 with the import report, nothing written', async () => {
    const before = await total('enterprises');
    const bad = NEW_ENT.uscc.slice(0, 17) + (NEW_ENT.uscc[17] === '0' ? '1' : '0');
    const r = await postJson(base, '/api/v1/enterprises', { ...NEW_ENT, uscc: bad, employees: -1 });
    assert.equal(r.status, 422);
    assert.equal(r.json.error.code, 'invalid');
    assert.equal(r.json.error.status, 422);
    assert.equal(r.json.ok, false);
    assert.equal(r.json.kind, 'enterprises');
    assert.equal(r.json.error_count, 2);
    const fields = r.json.errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['employees', 'uscc']);
    const e = r.json.errors.find((x) => x.field === 'uscc');
    assert.equal(e.row, 2);
    assert.equal(e.value, bad);
    assert.match(e.reason, /校验位错误/); // issue 8: Chinese only (was /check digit/)
    assert.equal(await total('enterprises'), before);
  });

  test('missing required fields, unknown keys, bad references', async () => {
    let r = await postJson(base, '/api/v1/projects', { code: 'X-1', name: 'x' });
    assert.equal(r.status, 422);
    assert.ok(r.json.errors.some((e) => e.field === 'owner_uscc'));
    r = await postJson(base, '/api/v1/enterprises', { ...NEW_ENT, colour: 'red' });
    assert.equal(r.status, 422);
    assert.ok(r.json.errors.some((e) => e.header === 'colour' && /未知的列/.test(e.reason))); // was /unknown column/
    const nobody = uscc(77);
    r = await postJson(base, '/api/v1/employments', {
      project_code: 'BH-2026-001', worker_id_number: ID['id:W5'], entry_date: '2026-05-01',
      employer_uscc: nobody,
    });
    assert.equal(r.status, 422);
    assert.ok(r.json.errors.some((e) => e.field === 'employer_uscc' && /引用的企业不存在/.test(e.reason))); // was /no such enterprises/
  });

  test('bad bodies are 400; unknown kind 404; oversized 413', async () => {
    let r = await req(base, '/api/v1/enterprises', { method: 'POST', body: '{"uscc":' });
    assert.equal(r.status, 400);
    assert.match(r.json.error.message, /JSON 格式错误/); // issue 8: Chinese (was /invalid JSON/)
    r = await req(base, '/api/v1/enterprises', { method: 'POST', body: '[1,2]' });
    assert.equal(r.status, 400);
    r = await req(base, '/api/v1/enterprises', { method: 'POST', body: '{"a":1,"a":2}' });
    assert.equal(r.status, 400);
    r = await postJson(base, '/api/v1/enterprises', { ...NEW_ENT, name: { zh: 'x' } });
    assert.equal(r.status, 400);
    assert.match(r.json.error.message, /name/);
    r = await req(base, '/api/v1/enterprises', { method: 'POST' });
    assert.equal(r.status, 400);
    r = await postJson(base, '/api/v1/companies', NEW_ENT);
    assert.equal(r.status, 404);
    r = await postJson(base, '/api/v1/enterprises?dry_run=1', NEW_ENT);
    assert.equal(r.status, 400);
    assert.match(r.json.error.message, /dry_run/);
    const big = { ...NEW_ENT, memo: 'x'.repeat(1100 * 1024) };
    r = await postJson(base, '/api/v1/enterprises', big);
    assert.equal(r.status, 413);
    assert.equal(r.json.error.code, 'too_large');
    assertSecurityHeaders(r.headers);
  });
});

describe('PUT /api/v1/{kind}/{id}', () => {
  // The worker of ID key as session shows it (found by the admin: a
  // masked role may not look a person up by ID number, issue 7).
  async function worker(key, session) {
    const id = (await req(base, `/api/v1/workers?q=${ID[key]}`)).json.items[0].id;
    return (await req(base, `/api/v1/workers/${id}`, { session })).json.item;
  }

  test('updates given fields; masked values sent back are kept', async () => {
    const w = await worker('id:W3', leader); // as a masked role shows it
    assert.match(w.bank_card, /\*/);
    const r = await postJson(base, `/api/v1/workers/${w.id}`, { ...w, phone: '13900001111' }, 'PUT');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.result, 'updated');
    assert.equal(r.json.item.phone, '13900001111'); // the admin sees it in full
    assert.equal(r.json.item.bank_card, ID['card:W3']);
    assert.equal((await worker('id:W3', leader)).phone, '139****1111');
    assert.equal(r.json.item.id, w.id);
    // The card is really unchanged (an exact filter on the full number).
    assert.equal(await total('workers', `&bank_card=${ID['card:W3']}`), 1);
  });

  test('partial body: omitted fields keep their values', async () => {
    const w = await worker('id:W5');
    const r = await postJson(base, `/api/v1/workers/${w.id}`, { bank_name: '天津银行' }, 'PUT');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.item.bank_name, '天津银行');
    assert.equal(r.json.item.name, w.name);
    assert.equal(r.json.item.phone, w.phone);
  });

  test('a changed key, a wrong id, an invalid value', async () => {
    const w = await worker('id:W4');
    let r = await postJson(base, `/api/v1/workers/${w.id}`, { id_number: ID['id:W6'] }, 'PUT');
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].field, 'id_number');
    r = await postJson(base, `/api/v1/workers/${w.id}`, { id: w.id + 1, name: 'x' }, 'PUT');
    assert.equal(r.status, 400);
    r = await postJson(base, `/api/v1/workers/${w.id}`, { phone: '12345' }, 'PUT');
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].field, 'phone');
    r = await postJson(base, '/api/v1/workers/999999', { name: 'x' }, 'PUT');
    assert.equal(r.status, 404);
    const again = await worker('id:W4');
    assert.deepEqual(again, w);
  });
});

function upload(path, body, type = 'text/csv') {
  return req(base, path, { method: 'POST', headers: { 'content-type': type }, body });
}

describe('imports', () => {
  test('a good CSV imports (Chinese headers)', async () => {
    const before = await total('workers');
    const r = await upload('/api/v1/import/workers?filename=w.csv', fixture('workers_good.csv'));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.ok, true);
    assert.equal(r.json.kind, 'workers');
    assert.equal(r.json.file, 'w.csv');
    assert.equal(r.json.rows, 2);
    assert.equal(r.json.inserted, 2);
    assert.equal(r.json.error_count, 0);
    assert.equal(await total('workers'), before + 2);
  });

  test('a bad CSV is a 422 listing each bad row, and writes nothing', async () => {
    const before = await total('payroll');
    const r = await upload('/api/v1/import/payroll?filename=pay.csv', fixture('payroll_bad.csv'));
    assert.equal(r.status, 422);
    assert.equal(r.json.error.code, 'invalid');
    assert.equal(r.json.ok, false);
    assert.equal(r.json.rows, 4);
    assert.equal(r.json.inserted, 0);
    assert.equal(r.json.error_count, 3);
    assert.deepEqual(r.json.errors.map((e) => [e.row, e.field]),
      [[3, 'worker_id_number'], [4, 'amount_due'], [5, 'paid_date']]);
    const e = r.json.errors[0];
    assert.equal(e.file, 'pay.csv');
    assert.equal(e.column, 'B');
    assert.equal(e.header, 'worker_id_number');
    assert.match(e.reason, /校验位错误/); // issue 8: Chinese only (was /check digit/)
    assert.equal(await total('payroll'), before);
  });

  test('auto detects the kind; unknown columns need ignore_unknown', async () => {
    const csv = 'account_no,project_code,bank_name,opened_date,remark\nACC-9,BH-2026-002,天津银行,2026-03-01,x\n';
    let r = await upload('/api/v1/import/auto', csv);
    assert.equal(r.status, 422);
    r = await upload('/api/v1/import/accounts?ignore_unknown=1', csv);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.inserted, 1);
    r = await upload('/api/v1/import/auto', fixture('deposits.csv'));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.kind, 'deposits');
    assert.equal(r.json.unchanged, 2);
  });

  test('empty, unknown kind, bad parameter', async () => {
    let r = await upload('/api/v1/import/workers', '');
    assert.equal(r.status, 400);
    r = await upload('/api/v1/import/nokind', 'a,b\n');
    assert.equal(r.status, 404);
    r = await upload('/api/v1/import/workers?ignore_unknown=maybe', 'a\n');
    assert.equal(r.status, 400);
    r = await upload('/api/v1/import/workers', 'not,a,header\n1,2,3\n');
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].row, 1);
  });

  test('XLSX: export then re-import of the same records', async () => {
    // issue 8: the round trip asks for the exchange form (the default is the
    // display form); the file is named with the date (was /enterprises\.xlsx/)
    const x = await fetch(base + '/api/v1/export/enterprises?format=xlsx&layout=exchange', { headers: authHeaders(base) });
    assert.equal(x.status, 200);
    assert.match(x.headers.get('content-type'), /spreadsheetml/);
    assert.match(x.headers.get('content-disposition'), /filename="enterprises_\d{4}-\d{2}-\d{2}\.xlsx"/);
    const bytes = Buffer.from(await x.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const n = await total('enterprises');
    const r = await upload('/api/v1/import/enterprises?filename=e.xlsx', bytes,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.encoding, 'XLSX');
    assert.equal(r.json.rows, n);
    assert.equal(r.json.unchanged, n);
  });
});

describe('exports', () => {
  test('CSV with the import headers, masked', async () => {
    const r = await req(base, '/api/v1/export/workers');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/csv/);
    assertSecurityHeaders(r.headers);
    const lines = r.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0], /公民身份号码/);
    assert.ok(!r.text.includes(ID['id:W1']));
    assert.equal(lines.length - 1, await total('workers'));
  });

  test('bad format is a 400', async () => {
    const r = await req(base, '/api/v1/export/workers?format=pdf');
    assert.equal(r.status, 400);
    assert.match(r.json.error.message, /format/);
  });
});

test('ids.mjs agrees with the server on check characters', async () => {
  const first17 = '91120116MA0000001';
  const r = await postJson(base, '/api/v1/enterprises', {
    ...NEW_ENT, uscc: first17 + usccCheck(first17),
  });
  assert.equal(r.status, 200, r.text);
});
