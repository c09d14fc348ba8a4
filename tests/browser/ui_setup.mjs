/*
 * ui_setup.mjs - shared set-up of the browser suites that need several
 * people at once (centre.test.mjs, screens.test.mjs): a database with the
 * HTTP fixtures plus attendance_warn.csv scanned as of 2026-05-20 (15 open
 * warnings: 9 on BH-2026-001 of 泰达街道, two red; 6 on BH-2026-002 of
 * 新港街道), the accounts below (passwords changed), `anxin serve` on a
 * free port, and Chromium. login(user, viewport) gives a logged-in page
 * of its own context. Not a test file itself (no .test. in the name).
 */
import assert from 'node:assert/strict';
import {spawn, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {fixture, LOAD} from '../http/helpers.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ANXIN = process.env.ANXIN || path.join(ROOT, 'build/anxin');
export const AS_OF = '2026-05-20';
const ENV = {...process.env, ANXIN_TEST_FAST_HASH: '1'};
const INITIAL = 'Temp-Start-2026#';

export const USERS = {
	inspector: {name: 'c_inspector', role: 'inspector', password: 'Inspect-Pass-2026!', display: '王监察'},
	reviewer: {name: 'c_reviewer', role: 'inspector', password: 'Review-Pass-2026!', display: '李复核'},
	street: {name: 'c_xingang', role: 'street', street: '新港街道', password: 'Xingang-Pass-2026!', display: '赵新港'},
	leader: {name: 'c_leader', role: 'leader', password: 'Leader-Pass-2026!', display: '刘领导'},
};

export async function startUi() {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-ui-'));
	const db = path.join(tmp, 'c.db');
	execFileSync(ANXIN, ['init', '--db', db], {stdio: 'pipe'});
	for (const k of [...LOAD, 'attendance_warn']) {
		const f = path.join(tmp, k + '.csv');
		fs.writeFileSync(f, fixture(k + '.csv'));
		execFileSync(ANXIN, ['import', k === 'attendance_warn' ? 'attendance' : k, f, '--db', db, '--quiet'], {stdio: 'pipe'});
	}
	execFileSync(ANXIN, ['scan', '--as-of', AS_OF, '--db', db], {stdio: 'pipe'});
	for (const u of Object.values(USERS))
		execFileSync(ANXIN, ['user', 'add', u.name, '--role', u.role, ...(u.street ? ['--street', u.street] : []),
			'--name', u.display, '--password-stdin', '--db', db], {input: INITIAL + '\n', env: ENV});
	let log = '';
	const server = spawn(ANXIN, ['serve', '--listen', '127.0.0.1:0', '--db', db, '--scan-at', 'off'],
		{stdio: ['ignore', 'pipe', 'pipe'], env: ENV});
	server.stderr.on('data', (d) => { log += d; });
	const base = await new Promise((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error('server did not start: ' + log)), 10000);
		server.stdout.on('data', (d) => {
			out += d;
			const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
	});
	const apiLogin = async (name, password) => {
		const res = await fetch(base + '/api/v1/login', {method: 'POST', headers: {'content-type': 'application/json'},
			body: JSON.stringify({username: name, password})});
		const body = await res.json();
		const m = /anxin_session=([^;]*)/.exec(res.headers.get('set-cookie') || '');
		return {cookie: m && m[1], csrf: body.csrf};
	};
	for (const u of Object.values(USERS)) {
		const s = await apiLogin(u.name, INITIAL);
		const ch = await fetch(base + '/api/v1/password', {method: 'POST',
			headers: {cookie: `anxin_session=${s.cookie}`, 'x-csrf-token': s.csrf, 'content-type': 'application/json'},
			body: JSON.stringify({old: INITIAL, new: u.password})});
		assert.equal(ch.status, 200);
	}
	const browser = await chromium.launch({executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=zh-CN']});
	const problems = [];

	/* An API call as user u: {status, json}. */
	async function call(u, method, p, body) {
		const s = await apiLogin(u.name, u.password);
		const res = await fetch(base + p, {method, headers: {cookie: `anxin_session=${s.cookie}`, 'x-csrf-token': s.csrf,
			'content-type': 'application/json'}, body: body === undefined ? undefined : JSON.stringify(body)});
		return {status: res.status, json: await res.json()};
	}

	/* A page of its own browser context, logged in as u, at viewport. */
	async function login(u, viewport = {width: 1440, height: 900}) {
		const context = await browser.newContext({viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai'});
		const page = await context.newPage();
		page.on('console', (m) => {
			if (m.type() === 'error' && !/status of (401|4\d\d)/.test(m.text())) problems.push(`${u.name}: console: ${m.text()}`);
		});
		page.on('pageerror', (e) => problems.push(`${u.name}: pageerror: ${e.message}`));
		await page.goto(base + '/');
		await ready(page);
		await page.evaluate((d) => localStorage.setItem('anxin.as_of', d), AS_OF);
		await page.fill('[data-testid=login-form] input[name=username]', u.name);
		await page.fill('[data-testid=login-form] input[name=password]', u.password);
		await page.click('[data-testid=login-form] button[type=submit]');
		await page.waitForFunction(() => !location.hash.includes('login'));
		await ready(page);
		return page;
	}

	async function stop() {
		await browser.close();
		server.kill('SIGTERM');
		fs.rmSync(tmp, {recursive: true, force: true});
	}
	return {base, db, browser, login, call, stop, problems};
}

/* Waits until the page of the current hash has rendered. */
export async function ready(page) {
	await page.waitForFunction(() => {
		const m = document.getElementById('main');
		const want = location.hash.replace(/^#/, '') || '/';
		return m && m.dataset.ready === '1' && m.dataset.route === want;
	}, null, {timeout: 15000});
}

/* Goes to hash route h (a new history entry) and waits for it. */
export async function go(page, h) {
	await page.evaluate((x) => { location.hash = x; }, h);
	await ready(page);
}
