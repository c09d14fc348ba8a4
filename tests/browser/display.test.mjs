/*
 * display.test.mjs - issue 8, items 2 and 3 in the real browser, as the
 * administrator: the warning page without rule codes and with people by
 * name, API errors on screen in Chinese, the audit log in Chinese with
 * before -> after as labelled changes, parameters in percent with an
 * explanation, the import report's field column in Chinese and the XLSX
 * templates, exports of the list on screen (its filters and sort; the
 * display form with a Chinese file name; 导出为导入模板格式) and the
 * warning centre's export. Screenshot: build/screenshots/warning-names.png.
 *
 * Data: the HTTP fixtures plus attendance_warn.csv, scanned as of AS_OF;
 * an inspector 李监察 (lijc) to assign warnings to.
 *
 * Run: make browser  (ANXIN=path/to/anxin node --test tests/browser/)
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fixture} from '../http/helpers.mjs';
import {SHOTS, AS_OF, fixtureDb, addUser, serve, apiLogin, launch, newPage, logIn, ready as readyOf,
	go as goTo} from './ui_setup.mjs';

const ADMIN = {name: 'admin', password: 'Bureau-Pass-2026!'};

let tmp, server, base, browser, page, apiS;
const problems = [];

async function apiGet(p) {
	const res = await fetch(base + p, {headers: {cookie: `anxin_session=${apiS.cookie}`}});
	assert.equal(res.status, 200, p);
	return res.json();
}

const ready = () => readyOf(page);
const go = (hash) => goTo(page, hash);

before(async () => {
	fs.mkdirSync(SHOTS, {recursive: true});
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-display-ui-'));
	const db = path.join(tmp, 'w.db');
	fixtureDb(db, ADMIN);
	addUser(db, 'lijc', 'inspector', ['--name', '李监察']);
	({server, base} = await serve(db));
	apiS = await apiLogin(base, ADMIN.name, ADMIN.password);
	browser = await launch();
	page = await newPage(browser, problems);
	await logIn(page, base, ADMIN.name, ADMIN.password);
	await page.evaluate((d) => localStorage.setItem('anxin.as_of', d), AS_OF);
});

after(async () => {
	if (browser) await browser.close();
	if (server) server.kill('SIGTERM');
	if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
});

async function apiSend(method, p, body) {
	const res = await fetch(base + p, {method, headers: {cookie: `anxin_session=${apiS.cookie}`, 'x-csrf-token': apiS.csrf,
		'content-type': 'application/json'}, body: JSON.stringify(body)});
	assert.equal(res.status, 200, p);
	return res.json();
}

/* The visible text of #main. */
const mainText = () => page.evaluate(() => document.getElementById('main').innerText);

test('item 2: the warning page shows no rule code and people by name', {timeout: 60000}, async () => {
	const w = (await apiGet('/api/v1/warnings?rule=WAGE_UNPAID')).items[0];
	await apiSend('POST', `/api/v1/warnings/${w.id}/assign`, {to: 'lijc'});
	await go('/warnings/' + w.id);
	const text = await mainText();
	assert.ok(!text.includes(w.rule), 'rule code on screen: ' + w.rule);
	assert.equal((await page.textContent('[data-key=assignee] dd')).trim(), '李监察');
	const hist = await page.textContent('[data-testid=history]');
	assert.match(hist, /指派给 李监察/);
	assert.match(hist, /系统扫描/);
	assert.ok(!/lijc/.test(hist), hist);
	await page.screenshot({path: path.join(SHOTS, 'warning-names.png')});
});

test('item 2: API errors on screen are Chinese', {timeout: 30000}, async () => {
	/* a bad parameter value: the server's message, shown in the banner */
	await go('/admin/params');
	await page.fill('input[name=lookback_months]', 'abc');
	await page.locator('input[name=lookback_months] ~ button').click();
	await page.waitForSelector('#banner:not([hidden])');
	const text = await page.textContent('#banner-text');
	assert.match(text, /回溯月数：“abc”不是整数/);
	assert.ok(!/not an integer|lookback_months/.test(text), text);
});

test('item 2: the audit log reads as Chinese, before → after as labelled changes', {timeout: 30000}, async () => {
	await go('/admin/audit');
	const ops = await page.$$eval('[data-testid=audit-table] td[data-key=action]', (tds) => tds.map((t) => t.textContent));
	assert.ok(ops.includes('指派预警') && ops.includes('登录'), ops.join());
	for (const o of ops) assert.doesNotMatch(o, /^[a-z_]+$/, o);
	const roles = await page.$$eval('[data-testid=audit-table] td[data-key=role]', (tds) => tds.map((t) => t.textContent));
	for (const r of roles) assert.doesNotMatch(r, /^(admin|inspector|street|leader|enterprise)$/, r);
	const table = await page.textContent('[data-testid=audit-table]');
	assert.ok(!table.includes('{"'), 'raw JSON in the audit log');
	assert.match(table, /处置人：/);
	assert.match(table, /状态：待处置 → 处置中/);
	assert.match(table, /结果：成功/);
	assert.doesNotMatch(table, /result：|：ok\b/);
	const opts = await page.$$eval('select[name=action] option', (os) => os.map((o) => o.textContent));
	assert.ok(opts.includes('消除预警') && !opts.includes('warning_eliminate'), opts.join());
});

test('item 2: parameters in the unit people think in, with an explanation', {timeout: 30000}, async () => {
	await go('/admin/params');
	assert.equal(await page.inputValue('input[name=deposit_ratio]'), '1');
	const row = page.locator('[data-testid=params] tr', {has: page.locator('input[name=deposit_ratio]')});
	assert.match(await row.textContent(), /工资保证金比例.*合同金额.*%/s);
	await page.fill('input[name=deposit_ratio]', '1.5');
	await page.locator('input[name=deposit_ratio] ~ button').click();
	let p;
	for (let i = 0; i < 50; i++) {
		p = (await apiGet('/api/v1/params')).items.find((x) => x.key === 'deposit_ratio');
		if (p.value !== '0.01') break;
		await new Promise((r) => setTimeout(r, 100));
	}
	assert.equal(p.value, '0.015', 'banner: ' + await page.textContent('#banner-text'));
	await page.waitForSelector('[data-testid=flash]');
	assert.equal(await page.inputValue('input[name=deposit_ratio]'), '1.5');
});

test('item 2: the import report names fields in Chinese; item 3: XLSX templates', {timeout: 30000}, async () => {
	await go('/import');
	assert.equal(await page.getAttribute('[data-template=payroll]', 'href'), '/api/v1/template/payroll?format=xlsx');
	const f = path.join(tmp, 'bad.csv');
	fs.writeFileSync(f, fixture('payroll_bad.csv'));
	await page.selectOption('select[name=kind]', 'payroll');
	await page.setInputFiles('input[name=file]', f);
	await page.click('.import-form button[type=submit]');
	await page.waitForSelector('[data-testid=import-error-table]');
	const fields = await page.$$eval('[data-testid=import-error-table] td[data-key=field]', (tds) => tds.map((t) => t.textContent));
	assert.ok(fields.length > 0);
	for (const x of fields) assert.doesNotMatch(x, /[a-z_]{3,}/, x);
	const reasons = await page.$$eval('[data-testid=import-error-table] td[data-key=reason]', (tds) => tds.map((t) => t.textContent));
	for (const x of reasons) assert.doesNotMatch(x, /\([A-Za-z]/, x);
});

test('item 3: a list exports what is on screen, in the display form, and offers the import format', {timeout: 30000}, async () => {
	await go('/projects?status=active&sort=-contract_amount&page=1');
	const u = new URL(await page.getAttribute('[data-export=xlsx]', 'href'), base);
	assert.equal(u.pathname, '/api/v1/export/projects');
	assert.equal(u.searchParams.get('status'), 'active');
	assert.equal(u.searchParams.get('sort'), '-contract_amount');
	assert.equal(u.searchParams.get('format'), 'xlsx');
	assert.equal(u.searchParams.get('page'), null);
	assert.equal(await page.textContent('[data-export=exchange]'), '导出为导入模板格式');
	assert.match(await page.getAttribute('[data-export=exchange]', 'href'), /layout=exchange/);
	const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=xlsx]')]);
	assert.match(dl.suggestedFilename(), /^在建项目_\d{4}-\d{2}-\d{2}\.xlsx$/);
	/* the warning centre too, with its filters */
	await go('/warnings?level=red');
	const wh = new URL(await page.getAttribute('[data-export=warnings]', 'href'), base);
	assert.equal(wh.pathname, '/api/v1/export/warnings');
	assert.equal(wh.searchParams.get('level'), 'red');
	assert.deepEqual(problems.filter((p) => !/status of 4\d\d/.test(p)), []); // the 422s asked for above
});
