/*
 * warn.test.mjs - the warning centre in the real browser, as an inspector
 * (监察员) would use it: open 预警中心, filter to red warnings (the list
 * shows only red ones and as many as the API counts), open one, eliminate
 * it with a reason through the dialog, see 已消除 and the history entry,
 * and see the red count drop by one. Also the 驾驶舱's 预警 row and the
 * project page's 预警 tab. Screenshots: build/screenshots/warnings.png,
 * warning.png, warning-eliminated.png.
 *
 * Data: the HTTP fixtures plus attendance_warn.csv (two red WAGE_UNPAID
 * warnings on BH-2026-001), scanned with `anxin scan --as-of 2026-05-20`;
 * the server runs with --scan-at off so nothing else scans meanwhile.
 *
 * Run: make browser  (ANXIN=path/to/anxin node --test tests/browser/)
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {fixture, LOAD} from '../http/helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ANXIN = process.env.ANXIN || path.join(ROOT, 'build/anxin');
const SHOTS = path.join(ROOT, 'build/screenshots');
const AS_OF = '2026-05-20';
const ENV = {...process.env, ANXIN_TEST_FAST_HASH: '1'};
const INITIAL = 'Temp-Start-2026#';
const INSPECTOR = {name: 'uiinspector', password: 'Inspect-Pass-2026!'};
/* A second inspector: a red warning's elimination waits for another
 * person's 复核 (issue 8). */
const REVIEWER = {name: 'uireviewer', password: 'Review-Pass-2026!'};

let tmp, db, server, base, browser, page, apiS;
let serverLog = '';
const problems = [];

async function apiLogin(name, password) {
	const res = await fetch(base + '/api/v1/login', {method: 'POST', headers: {'content-type': 'application/json'},
		body: JSON.stringify({username: name, password})});
	const body = await res.json();
	const m = /anxin_session=([^;]*)/.exec(res.headers.get('set-cookie') || '');
	return {status: res.status, body, cookie: m && m[1], csrf: body.csrf};
}

async function apiGet(p) {
	const res = await fetch(base + p, {headers: {cookie: `anxin_session=${apiS.cookie}`}});
	assert.equal(res.status, 200, p);
	return res.json();
}

async function ready() {
	await page.waitForFunction(() => {
		const m = document.getElementById('main');
		const want = location.hash.replace(/^#/, '') || '/';
		return m && m.dataset.ready === '1' && m.dataset.route === want;
	}, null, {timeout: 15000});
}

async function go(hash) {
	await page.evaluate((h) => { location.hash = h; }, hash);
	await ready();
}

before(async () => {
	fs.mkdirSync(SHOTS, {recursive: true});
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-warn-ui-'));
	db = path.join(tmp, 'w.db');
	execFileSync(ANXIN, ['init', '--db', db], {stdio: 'pipe'});
	for (const k of [...LOAD, 'attendance_warn']) {
		const f = path.join(tmp, k + '.csv');
		fs.writeFileSync(f, fixture(k + '.csv'));
		execFileSync(ANXIN, ['import', k === 'attendance_warn' ? 'attendance' : k, f, '--db', db, '--quiet'], {stdio: 'pipe'});
	}
	execFileSync(ANXIN, ['scan', '--as-of', AS_OF, '--db', db], {stdio: 'pipe'});
	for (const u of [INSPECTOR, REVIEWER])
		execFileSync(ANXIN, ['user', 'add', u.name, '--role', 'inspector', '--password-stdin', '--db', db],
			{input: INITIAL + '\n', env: ENV});
	server = spawn(ANXIN, ['serve', '--listen', '127.0.0.1:0', '--db', db, '--scan-at', 'off'],
		{stdio: ['ignore', 'pipe', 'pipe'], env: ENV});
	server.stderr.on('data', (d) => { serverLog += d; });
	base = await new Promise((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error('server did not start: ' + serverLog)), 10000);
		server.stdout.on('data', (d) => {
			out += d;
			const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
	});
	for (const u of [INSPECTOR, REVIEWER]) {
		const first = await apiLogin(u.name, INITIAL);
		const ch = await fetch(base + '/api/v1/password', {method: 'POST',
			headers: {cookie: `anxin_session=${first.cookie}`, 'x-csrf-token': first.csrf, 'content-type': 'application/json'},
			body: JSON.stringify({old: INITIAL, new: u.password})});
		assert.equal(ch.status, 200);
	}
	apiS = await apiLogin(INSPECTOR.name, INSPECTOR.password);

	browser = await chromium.launch({executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=zh-CN']});
	const context = await browser.newContext({viewport: {width: 1440, height: 900}, locale: 'zh-CN', timezoneId: 'Asia/Shanghai'});
	page = await context.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	await page.goto(base + '/');
	await ready();
	await page.fill('[data-testid=login-form] input[name=username]', INSPECTOR.name);
	await page.fill('[data-testid=login-form] input[name=password]', INSPECTOR.password);
	await page.click('[data-testid=login-form] button[type=submit]');
	await page.waitForFunction(() => !location.hash.includes('login'));
	await ready();
	await page.evaluate((d) => localStorage.setItem('anxin.as_of', d), AS_OF);
});

after(async () => {
	if (browser) await browser.close();
	if (server) server.kill('SIGTERM');
	if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
});

test('inspector: centre, red filter, a warning, eliminate with a reason', {timeout: 90000}, async () => {
	/* The 驾驶舱's 预警 row equals the API's open counts and leads to the centre. */
	const stats0 = await apiGet('/api/v1/warnings/stats');
	await go('/');
	await page.waitForSelector('[data-testid=dash-warnings]', {timeout: 5000}).catch(() => assert.fail('no 预警 row: ' + problems.join('; ')));
	assert.equal(await page.textContent('[data-testid=kpi-warn-red]'), String(stats0.open.red));
	assert.equal(await page.textContent('[data-testid=kpi-warn-total]'), String(stats0.open.total));

	/* The centre: an inspector lands on 我的待办 (nothing assigned yet);
	 * 全部预警: counts by level, three charts, the list. */
	await page.click('.sidenav a[data-nav=warnings]');
	await ready();
	assert.equal(await page.textContent('[data-testid=warn-views] .active'), '我的待办');
	await page.click('[data-testid=warn-views] a[data-view=list]');
	await ready();
	assert.equal(await page.textContent('[data-testid=count-red]'), String(stats0.open.red));
	assert.equal(await page.textContent('[data-testid=count-orange]'), String(stats0.open.orange));
	assert.equal(await page.textContent('[data-testid=count-yellow]'), String(stats0.open.yellow));
	for (const c of ['chart-warn-rule', 'chart-warn-street', 'chart-warn-trend'])
		assert.equal(await page.locator(`[data-testid=${c}] canvas`).count() >= 1, true, c);
	assert.equal(await page.textContent('[data-testid=total]'), String(stats0.open.total));
	await page.screenshot({path: path.join(SHOTS, 'warnings.png'), fullPage: true});

	/* Filter to red: only red rows, as many as the API counts. */
	await page.selectOption('select[name=level]', 'red');
	await page.waitForFunction(() => location.hash.includes('level=red'));
	await ready();
	const apiRed = await apiGet('/api/v1/warnings?level=red');
	assert.equal(apiRed.total, 2);
	const levels = await page.$$eval('[data-testid=list-warnings] tbody tr td[data-key=level] .lv', (els) => els.map((e) => e.dataset.level));
	assert.deepEqual(levels, apiRed.items.map(() => 'red'));
	assert.equal(await page.textContent('[data-testid=total]'), String(apiRed.total));

	/* Open the first one. */
	const first = apiRed.items[0];
	await page.click('[data-testid=list-warnings] tbody tr:first-child td[data-key=summary]');
	/* issue 8: a picked 数据日期 is in every page's URL (?as_of=) */
	await page.waitForFunction((id) => new RegExp(`^#/warnings/${id}(\\?as_of=[-0-9]+)?$`).test(location.hash), first.id);
	await ready();
	assert.equal(await page.textContent('[data-testid=rule-name]'), '拖欠工资(未按月发放)');
	assert.equal(await page.textContent('[data-testid=status]'), '待处置');
	assert.match(await page.textContent('[data-testid=legal]'), /保障农民工工资支付条例/);
	assert.ok((await page.locator('[data-testid=evidence-items] tbody tr').count()) >= 1);
	assert.match(await page.textContent('[data-testid=evidence-items]'), /\d{17}[\dX]/, 'an inspector sees ID numbers');
	await page.screenshot({path: path.join(SHOTS, 'warning.png'), fullPage: true});

	/* Eliminate: the reason is required. */
	await page.click('[data-testid=eliminate]');
	await page.waitForSelector('dialog[open]');
	await page.click('[data-testid=dialog-ok]');
	assert.match(await page.textContent('.dlg-error'), /请填写消除原因/);
	await page.fill('dialog[open] textarea[name=reason]', '已约谈整改，工资已补发');
	await page.click('[data-testid=dialog-ok]');
	/* A red warning: 待复核 until another inspector confirms (here through
	 * the API as the second inspector). */
	await page.waitForFunction(() => {
		const s = document.querySelector('[data-testid=status]');
		return s && s.textContent === '待复核';
	}, null, {timeout: 15000});
	await ready();
	assert.match(await page.textContent('[data-testid=review]'), /uiinspector.*申请消除/);
	const rv = await apiLogin(REVIEWER.name, REVIEWER.password);
	const cf = await fetch(`${base}/api/v1/warnings/${first.id}/confirm`, {method: 'POST',
		headers: {cookie: `anxin_session=${rv.cookie}`, 'x-csrf-token': rv.csrf, 'content-type': 'application/json'}, body: '{}'});
	assert.equal(cf.status, 200);
	await page.reload();
	await ready();
	await page.waitForFunction(() => {
		const s = document.querySelector('[data-testid=status]');
		return s && s.textContent === '已消除';
	}, null, {timeout: 15000});
	await ready();
	const top = page.locator('[data-testid=history] li').first();
	assert.equal(await top.getAttribute('data-event'), 'eliminated');
	assert.match(await top.textContent(), /消除预警/);
	assert.match(await top.textContent(), /uireviewer/);
	assert.match(await top.textContent(), /已约谈整改，工资已补发/);
	assert.equal(await page.locator('[data-testid=eliminate]').count(), 0, 'no actions on an eliminated warning');
	await page.screenshot({path: path.join(SHOTS, 'warning-eliminated.png'), fullPage: true});
	const w = await apiGet('/api/v1/warnings/' + first.id);
	assert.equal(w.status, 'eliminated');
	assert.equal(w.eliminated_reason, '已约谈整改，工资已补发');

	/* Back in the centre: one red fewer. */
	await go('/warnings');
	assert.equal(await page.textContent('[data-testid=count-red]'), String(stats0.open.red - 1));

	/* The project page's 预警 tab lists its open warnings. */
	const p = (await apiGet('/api/v1/projects?code=BH-2026-001')).items[0];
	await go(`/projects/${p.id}?tab=warnings`);
	/* issue 8: the page shows the warnings open on its 数据日期 (AS_OF); the
	 * one eliminated today still was on AS_OF */
	const open = await apiGet('/api/v1/warnings?project_code=BH-2026-001&per_page=100&open_on=' + AS_OF);
	assert.equal(await page.locator('[data-testid=project-warnings] tbody tr').count(), open.total);
	assert.deepEqual(problems, [], 'console / page errors');
});
