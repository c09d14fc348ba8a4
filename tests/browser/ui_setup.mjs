/*
 * ui_setup.mjs - what the browser suites share, so that none of them
 * repeats it: the binary and paths (ANXIN, ROOT, SHOTS), the HTTP fixtures
 * loaded and scanned (fixtureDb), accounts made with the CLI (addUser),
 * `anxin serve` on a port it picks itself (serve), an API log-in
 * (apiLogin, changePassword), Chromium (launch), a page that records its
 * console and page errors (newPage), the log-in through the log-in page
 * (logIn) and waiting for a route (ready, go).
 *
 * startUi() builds on them the set-up of the suites that need several
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
export const SHOTS = path.join(ROOT, 'build/screenshots');
export const AS_OF = '2026-05-20';
export const ENV = {...process.env, ANXIN_TEST_FAST_HASH: '1'};
/* The first password of an account made with addUser. */
export const INITIAL = 'Temp-Start-2026#';

export const USERS = {
	inspector: {name: 'c_inspector', role: 'inspector', password: 'Inspect-Pass-2026!', display: '王监察'},
	reviewer: {name: 'c_reviewer', role: 'inspector', password: 'Review-Pass-2026!', display: '李复核'},
	street: {name: 'c_xingang', role: 'street', street: '新港街道', password: 'Xingang-Pass-2026!', display: '赵新港'},
	leader: {name: 'c_leader', role: 'leader', password: 'Leader-Pass-2026!', display: '刘领导'},
};

/* Creates database db (with administrator admin {name, password} if
 * given), imports the HTTP fixtures plus attendance_warn.csv with the CLI
 * and scans it as of AS_OF. The CSV files are written beside db. */
export function fixtureDb(db, admin) {
	if (admin)
		execFileSync(ANXIN, ['init', '--db', db, '--admin', admin.name, '--admin-password-stdin'], {input: admin.password + '\n', env: ENV});
	else
		execFileSync(ANXIN, ['init', '--db', db], {stdio: 'pipe'});
	for (const k of [...LOAD, 'attendance_warn']) {
		const f = path.join(path.dirname(db), k + '.csv');
		fs.writeFileSync(f, fixture(k + '.csv'));
		execFileSync(ANXIN, ['import', k === 'attendance_warn' ? 'attendance' : k, f, '--db', db, '--quiet'], {stdio: 'pipe'});
	}
	execFileSync(ANXIN, ['scan', '--as-of', AS_OF, '--db', db], {stdio: 'pipe'});
}

/* Adds account name of role to db with the first password INITIAL; extra:
 * more options of `anxin user add` (--street, --name). */
export function addUser(db, name, role, extra = []) {
	execFileSync(ANXIN, ['user', 'add', name, '--role', role, ...extra, '--password-stdin', '--db', db],
		{input: INITIAL + '\n', env: ENV});
}

/* Starts `anxin serve` on db and a port of its own choosing (args: more
 * options, by default --scan-at off). Returns {server, base, log()} once
 * it prints its "serving http://..." line; rejects after 10 s. */
export async function serve(db, args = ['--scan-at', 'off']) {
	let log = '';
	// On PostgreSQL (tests/pg/anxin-pg) the evidence files go to
	// $ANXIN_FILES: a folder beside the test's database, not ./anxin-files.
	const files = process.env.ANXIN_PG_BASE ? {ANXIN_FILES: path.join(path.dirname(path.resolve(db)), 'anxin-files')} : {};
	const server = spawn(ANXIN, ['serve', '--listen', '127.0.0.1:0', '--db', db, ...args],
		{stdio: ['ignore', 'pipe', 'pipe'], env: {...ENV, ...files}});
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
	return {server, base, log: () => log};
}

/* API log-in: {status, body, cookie, csrf}. */
export async function apiLogin(base, name, password) {
	const res = await fetch(base + '/api/v1/login', {method: 'POST', headers: {'content-type': 'application/json'},
		body: JSON.stringify({username: name, password})});
	const body = await res.json();
	const m = /anxin_session=([^;]*)/.exec(res.headers.get('set-cookie') || '');
	return {status: res.status, body, cookie: m && m[1], csrf: body.csrf};
}

/* Logs name in with password old and changes it to password new through
 * the API; returns the status of the change. */
export async function changePassword(base, name, old, now) {
	const s = await apiLogin(base, name, old);
	const ch = await fetch(base + '/api/v1/password', {method: 'POST',
		headers: {cookie: `anxin_session=${s.cookie}`, 'x-csrf-token': s.csrf, 'content-type': 'application/json'},
		body: JSON.stringify({old, new: now})});
	return ch.status;
}

/* Debian's Chromium, headless, in Chinese. */
export function launch() {
	return chromium.launch({executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run', '--lang=zh-CN']});
}

/* A page of a new context of browser (zh-CN, Asia/Shanghai, viewport)
 * whose console errors and page errors are pushed onto problems, each
 * prefixed with label(page). A console error matching allow (null: none)
 * is not a problem: by default a 401, which every log-in page answers. */
export async function newPage(browser, problems, {label = () => '', allow = /status of 401/,
	viewport = {width: 1440, height: 900}} = {}) {
	const context = await browser.newContext({viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai'});
	const page = await context.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error' && !(allow && allow.test(m.text()))) problems.push(`${label(page)}console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`${label(page)}pageerror: ${e.message}`));
	return page;
}

/* Logs page in as name through the log-in page of base, the 数据日期
 * asOf (if given) stored first, and waits for the page it lands on. */
export async function logIn(page, base, name, password, asOf) {
	await page.goto(base + '/');
	await ready(page);
	if (asOf) await page.evaluate((d) => localStorage.setItem('anxin.as_of', d), asOf);
	await page.fill('[data-testid=login-form] input[name=username]', name);
	await page.fill('[data-testid=login-form] input[name=password]', password);
	await page.click('[data-testid=login-form] button[type=submit]');
	await page.waitForFunction(() => !location.hash.includes('login'));
	await ready(page);
}

export async function startUi() {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-ui-'));
	const db = path.join(tmp, 'c.db');
	fixtureDb(db);
	for (const u of Object.values(USERS))
		addUser(db, u.name, u.role, [...(u.street ? ['--street', u.street] : []), '--name', u.display]);
	const {server, base} = await serve(db);
	for (const u of Object.values(USERS)) assert.equal(await changePassword(base, u.name, INITIAL, u.password), 200);
	const browser = await launch();
	const problems = [];

	/* An API call as user u: {status, json}. */
	async function call(u, method, p, body) {
		const s = await apiLogin(base, u.name, u.password);
		const res = await fetch(base + p, {method, headers: {cookie: `anxin_session=${s.cookie}`, 'x-csrf-token': s.csrf,
			'content-type': 'application/json'}, body: body === undefined ? undefined : JSON.stringify(body)});
		return {status: res.status, json: await res.json()};
	}

	/* A page of its own browser context, logged in as u, at viewport. */
	async function login(u, viewport = {width: 1440, height: 900}) {
		const page = await newPage(browser, problems, {label: () => `${u.name}: `, allow: /status of (401|4\d\d)/, viewport});
		await logIn(page, base, u.name, u.password, AS_OF);
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
