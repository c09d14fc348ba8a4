// contract.test.mjs - the API contract as an integrator meets it (issue 8,
// item 8). Against the real server (tests/http/helpers.mjs):
//  1. GET /api/v1/openapi.json and lint it with Redocly CLI's recommended
//     rules: no error, no warning but the ones listed in ALLOWED;
//  2. generate a typed client from it (openapi-typescript types +
//     openapi-fetch), type-check client.ts with tsc and run it: log in,
//     list, import a file, read the report, ... every JSON answer checked
//     against the document (conform.ts). A member renamed in the document
//     no longer compiles; a member renamed in the server fails the check;
//  3. the test of the test: the same client against a document with one
//     answer member renamed must not compile.
// Generated files go to api-client/ beside the binary (build/ or
// build-san/; on PostgreSQL the real binary's, not the wrapper's in
// tests/pg/), so node and tsc find the repository's node_modules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { ANXIN, USERS, fixture, req, startServer } from '../http/helpers.mjs';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const OUT = join(dirname(resolve(process.env.ANXIN_REAL || ANXIN)), 'api-client');
const BIN = join(ROOT, 'node_modules', '.bin');
const TOOL_ENV = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_COLOR: '1' };

// Warnings of the recommended rules the document keeps, with the reason.
const ALLOWED = {
  // The project has no licence text to link to (package.json: UNLICENSED):
  // info.license names the terms, and inventing a URL would be wrong.
  'info-license-strict': 'no licence URL exists',
};

let srv;
let doc;

/** Writes the document's TypeScript types into dir/schema.ts. */
async function generate(document, dir) {
  mkdirSync(dir, { recursive: true });
  const ast = await openapiTS(document);
  writeFileSync(join(dir, 'schema.ts'), astToString(ast));
  for (const f of ['client.ts', 'conform.ts']) copyFileSync(join(HERE, f), join(dir, f));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true,
      skipLibCheck: true, outDir: '.', rootDir: '.', types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
    },
    files: ['client.ts'],
  }, null, 2));
}

/** Runs tsc over dir; resolves to { ok, out }. */
async function tsc(dir) {
  try {
    await run(join(BIN, 'tsc'), ['-p', join(dir, 'tsconfig.json')], { env: TOOL_ENV });
    return { ok: true, out: '' };
  } catch (e) {
    return { ok: false, out: `${e.stdout}${e.stderr}` };
  }
}

describe('the OpenAPI document', () => {
  before(async () => {
    srv = await startServer();
    const r = await req(srv.base, '/api/v1/openapi.json');
    assert.equal(r.status, 200);
    doc = r.json;
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'openapi.json'), r.text);
  });
  after(async () => { if (srv) await srv.stop(); });

  test('lints clean with Redocly recommended rules', async () => {
    let out;
    try {
      ({ stdout: out } = await run(join(BIN, 'redocly'), ['lint', join(OUT, 'openapi.json'),
        '--format=json', '--max-problems=1000'], { env: TOOL_ENV, cwd: OUT }));
    } catch (e) {
      out = e.stdout; // exit 1 when there are errors: the report says which
    }
    const report = JSON.parse(out.slice(out.indexOf('{')));
    const shown = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} ` +
      `(${(p.location || []).map((l) => l.pointer).join(' ')})`);
    const errors = report.problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors.length, 0, `lint errors:\n${shown.join('\n')}`);
    const warnings = report.problems.filter((p) => p.severity === 'warn' && !ALLOWED[p.ruleId]);
    assert.deepEqual(warnings.map((p) => p.ruleId), [], `lint warnings:\n${shown.join('\n')}`);
  });

  test('every operation has a unique operationId and documents its errors', () => {
    const ids = new Set();
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        assert.ok(op.operationId, `${method} ${path}: no operationId`);
        assert.ok(!ids.has(op.operationId), `duplicate operationId ${op.operationId}`);
        ids.add(op.operationId);
        for (const s of ['400', '500', '503'])
          assert.ok(op.responses[s], `${method} ${path}: no ${s}`);
        if (!op.security) // needs a caller
          assert.ok(op.responses['401'], `${method} ${path}: no 401`);
        for (const p of path.match(/\{\w+\}/g) || [])
          assert.ok((op.parameters || []).some((x) => x.in === 'path' && `{${x.name}}` === p),
            `${method} ${path}: path parameter ${p} not defined`);
      }
    const err = doc.components.schemas.ErrorBody;
    assert.deepEqual(err.required, ['status', 'code', 'message']);
  });

  test('a generated client type-checks and works against the server', async (ctx) => {
    await generate(doc, OUT);
    const t = await tsc(OUT);
    assert.ok(t.ok, `tsc:\n${t.out}`);
    writeFileSync(join(OUT, 'workers.csv'), fixture('workers_good.csv'));
    writeFileSync(join(OUT, 'payroll_bad.csv'), fixture('payroll_bad.csv'));
    let res;
    try {
      res = await run(process.execPath, [join(OUT, 'client.js')], {
        env: { ...process.env, ANXIN_BASE: srv.base, ANXIN_USER: 'admin',
          ANXIN_PASSWORD: USERS.admin.password, ANXIN_DOC: join(OUT, 'openapi.json'),
          ANXIN_CSV_GOOD: join(OUT, 'workers.csv'), ANXIN_CSV_BAD: join(OUT, 'payroll_bad.csv') },
      });
    } catch (e) {
      assert.fail(`the client failed:\n${e.stdout}${e.stderr}`);
    }
    assert.match(res.stdout, /client: ok, \d+ answers conform/);
    ctx.diagnostic(res.stdout.trim());
  });

  test('a member renamed in the document breaks the client build', async () => {
    const drifted = structuredClone(doc);
    const props = drifted.components.schemas.ImportReport.properties;
    props.added = props.inserted;
    delete props.inserted;
    drifted.components.schemas.ImportReport.required =
      drifted.components.schemas.ImportReport.required.map((k) => (k === 'inserted' ? 'added' : k));
    const dir = join(OUT, 'drifted');
    await generate(drifted, dir);
    const t = await tsc(dir);
    assert.equal(t.ok, false, 'tsc accepted a client reading a member the document renamed');
    assert.match(t.out, /inserted/);
  });
});
