// helpers.mjs - starts the real anxin binary (env ANXIN) against a fresh
// temp database loaded from the fixture templates, on 127.0.0.1 and a
// port the server picks itself (--listen 127.0.0.1:0; the port is read
// from its "serving http://..." line), and stops it with SIGTERM,
// asserting a clean exit.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { fill } from './ids.mjs';

export const ANXIN = process.env.ANXIN || 'build/anxin';
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const AS_OF = '2026-05-20';

/** The kinds loaded by default, in dependency order. */
export const LOAD = ['enterprises', 'projects', 'workers', 'employments', 'attendance',
  'payroll', 'accounts', 'transactions', 'deposits'];

/** A fixture with its identifiers filled in, as text. */
export function fixture(name) {
  return fill(readFileSync(join(FIXTURES, name), 'utf8'));
}

/**
 * Creates a database in a temp dir, imports the fixtures of `load` with the
 * CLI, starts `anxin serve` and returns { base, dir, db, proc, stop, log }.
 */
export async function startServer({ load = LOAD, threads = 2 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'anxin-http-'));
  const db = join(dir, 'test.db');
  execFileSync(ANXIN, ['init', '--db', db], { stdio: 'pipe' });
  for (const kind of load) {
    const file = join(dir, `${kind}.csv`);
    writeFileSync(file, fixture(`${kind}.csv`));
    execFileSync(ANXIN, ['import', kind, file, '--db', db, '--quiet'], { stdio: 'pipe' });
  }
  const proc = spawn(ANXIN, ['serve', '--db', db, '--listen', '127.0.0.1:0',
    '--threads', String(threads)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => proc.on('exit', (code, sig) => resolve({ code, sig })));
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${log}`)), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+)\/ \(db /);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', () => reject(new Error(`server exited: ${log}`)));
  });
  async function stop() {
    proc.kill('SIGTERM');
    const { code, sig } = await exited;
    rmSync(dir, { recursive: true, force: true });
    assert.equal(sig, null, `server killed by ${sig}: ${log}`);
    assert.equal(code, 0, `server exit status ${code}: ${log}`);
  }
  return { base, dir, db, proc, stop, log: () => log };
}

/** GET/POST helper: returns { status, headers, json, text }. */
export async function req(base, path, opts = {}) {
  const res = await fetch(base + path, opts);
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

/** POSTs a JSON value. */
export function postJson(base, path, value, method = 'POST') {
  return req(base, path, {
    method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value),
  });
}

/** Asserts the security headers every response carries. */
export function assertSecurityHeaders(headers) {
  assert.equal(headers.get('content-security-policy'),
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  assert.equal(headers.get('x-content-type-options'), 'nosniff');
  assert.equal(headers.get('referrer-policy'), 'same-origin');
}
