// csv_guard.test.mjs - issue 7, finding 5 (CSV formula injection) through
// the real server: names a spreadsheet would run as formulas, written by
// the API, come out of the CSV exports with a single quote in front
// (OWASP), and an exported file re-imports to the very values; a failed
// log-in's user name in the audit log's CSV (`anxin audit list --format
// csv`) is neutralised the same way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ANXIN, login, postJson, req, startServer } from './helpers.mjs';

const HYPERLINK = '=HYPERLINK("http://x","y")';
const DDE = "=cmd|' /C calc'!A0";
/* The same values as CSV cells written by anxin. */
const HYPERLINK_CSV = `"'=HYPERLINK(""http://x"",""y"")"`;
const DDE_CSV = "'=cmd|' /C calc'!A0";

let srv;
let base;

before(async () => {
  srv = await startServer();
  base = srv.base;
});
after(() => srv.stop());

/** The first record of kind matching q (id and fields). */
async function first(kind, q) {
  const r = await req(base, `/api/v1/${kind}?q=${encodeURIComponent(q)}`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.length > 0, `${kind} ${q}`);
  return r.json.items[0];
}

/** A kind's CSV export, unmasked (admin), so that it re-imports. */
async function exportCsv(kind) {
  const r = await req(base, `/api/v1/export/${kind}?format=csv&header=en&unmasked=1`);
  assert.equal(r.status, 200, r.text);
  return r.text;
}

describe('CSV formula injection (issue 7, finding 5)', () => {
  test('formula-like names are neutralised in every kind\'s CSV export and round-trip', async () => {
    const e = await first('enterprises', '滨海置业');
    const p = await first('projects', 'BH-2026-001');
    const w = await first('workers', '刘大山');
    for (const [kind, rec, body] of [
      ['enterprises', e, { name: HYPERLINK, legal_rep: '@SUM(A1:A9)' }],
      ['projects', p, { name: HYPERLINK, address: '+86 第三大街' }],
      ['workers', w, { name: DDE }]]) {
      const r = await postJson(base, `/api/v1/${kind}/${rec.id}`, body, 'PUT');
      assert.equal(r.status, 200, `${kind}: ${r.text}`);
    }
    const ents = await exportCsv('enterprises');
    assert.ok(ents.includes(`,${HYPERLINK_CSV},`), ents);
    assert.ok(ents.includes(",'@SUM(A1:A9),"), ents);
    const projs = await exportCsv('projects');
    assert.ok(projs.includes(`,${HYPERLINK_CSV},`), projs);
    assert.ok(projs.includes(",'+86 第三大街,"), projs);
    const workers = await exportCsv('workers');
    assert.ok(workers.includes(`,${DDE_CSV},`), workers);
    for (const text of [ents, projs, workers])
      for (const line of text.split('\r\n'))
        for (const live of ['=HYPERLINK', '=cmd', '@SUM', '+86'])
          assert.ok(!line.includes(`,${live}`) && !line.includes(`,"${live}`), `live formula in ${line}`);

    // The exported files re-import unchanged: the importer reads the
    // original values back, not the quoted forms.
    for (const [kind, text] of [['enterprises', ents], ['projects', projs]]) {
      const r = await req(base, `/api/v1/import/${kind}?filename=${kind}.csv`,
        { method: 'POST', headers: { 'content-type': 'text/csv' }, body: text });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.inserted, 0, r.text);
      assert.equal(r.json.updated, 0, `${kind} re-import changed rows: ${r.text}`);
    }
    const e2 = await req(base, `/api/v1/enterprises/${e.id}`);
    assert.equal(e2.status, 200, e2.text);
    assert.ok(e2.text.includes(JSON.stringify(HYPERLINK)), e2.text);
  });

  test('a failed log-in\'s user name is neutralised in the audit log\'s CSV', async () => {
    const r = await login(base, DDE, 'Wrong-Password-1!');
    assert.equal(r.status, 401);
    const csv = execFileSync(ANXIN, ['audit', 'list', '--action', 'login_failed', '--format', 'csv',
      '--db', srv.db], { encoding: 'utf8' });
    assert.ok(csv.includes(`,${DDE_CSV},`), csv);
    assert.ok(!csv.includes(`,${DDE}`), csv);
  });
});
