/*
 * views.test.mjs - issue 8, items 1, 5 and 7 in the browser: numbers that
 * agree with the warnings, lists that answer questions, role views.
 *
 * Builds the demo (seed 7, 30 projects, 600 workers, as of 2026-06-15),
 * scans it, serves it, and logs in through the log-in page as the demo's
 * administrator, leader, inspector and street officer (their printed
 * first passwords changed through the API). Every check compares the
 * screen with the API's own figures, read here with fetch. Any console
 * error or page error fails the run.
 *
 * Run: ANXIN=path/to/anxin node --test tests/browser/views.test.mjs
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ANXIN, ENV, serve, apiLogin, changePassword, launch, newPage, logIn, ready, go} from './ui_setup.mjs';

const AS_OF = '2026-06-15';
const PASSWORD = {admin: 'Bureau-Pass-2026!', lingdao: 'Chief-Pass-2026!', jianchayuan: 'Inspect-Pass-2026!',
	taida: 'Street-Office-2026!'};

let tmp, server, base, browser;
const S = {}; /* API sessions by user: {cookie, csrf} */
const P = {}; /* browser pages by user */
const problems = [];

/* ---- helpers, independent of web/ ------------------------------------ */

async function api(p, who = 'admin') {
	const res = await fetch(base + p, {headers: {cookie: `anxin_session=${S[who].cookie}`}});
	const body = await res.json();
	assert.equal(res.status, 200, `GET ${p}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
	return body;
}

const int = (n) => Number(n).toLocaleString('en-US');

/* Sum of the items of the open warnings of rule (query q). */
async function warnItems(q) {
	const r = await api('/api/v1/warnings?per_page=500&' + q);
	return r.items.reduce((n, w) => n + w.items, 0);
}

/* A browser page logged in as user through the log-in page, its 数据日期
 * AS_OF (in the URL). */
async function pageFor(user) {
	const page = await newPage(browser, problems, {label: (p) => `${user} ${p.url()}: `});
	await logIn(page, base, user, PASSWORD[user]);
	await go(page, `/?as_of=${AS_OF}`);
	return page;
}

before(async () => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-views-'));
	const db = path.join(tmp, 'v.db');
	const out = execFileSync(ANXIN, ['demo', '--no-serve', '--quiet', '--seed', '7', '--projects', '30', '--workers', '600',
		'--as-of', AS_OF, '--db', db], {encoding: 'utf8', env: ENV});
	execFileSync(ANXIN, ['scan', '--as-of', AS_OF, '--db', db], {stdio: 'pipe'});
	({server, base} = await serve(db));
	for (const user of Object.keys(PASSWORD)) {
		const m = new RegExp(`^\\s*${user}\\s+\\S+\\s+(\\S+)`, 'm').exec(out);
		assert.ok(m, `the demo's password of ${user}`);
		assert.equal(await changePassword(base, user, m[1], PASSWORD[user]), 200, user);
		S[user] = await apiLogin(base, user, PASSWORD[user]);
	}
	browser = await launch();
	P.admin = await pageFor('admin');
});

after(async () => {
	if (browser) await browser.close();
	if (server) server.kill('SIGTERM');
	if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
});

/* ---- 1. numbers that agree --------------------------------------------- */

test('1. the dashboard\'s and a project\'s unpaid counts are the warnings\' counts', {timeout: 60000}, async () => {
	const page = P.admin;
	const d = await api(`/api/v1/dashboard?as_of=${AS_OF}`);
	const want = await warnItems(`rule=WAGE_UNPAID&period=${d.month}`) + await warnItems(`rule=WAGE_SHORT&period=${d.month}`);
	assert.ok(want > 0, 'the demo has unpaid wages in the dashboard\'s month');
	await go(page, `/?as_of=${AS_OF}`);
	assert.equal(await page.textContent('[data-testid=kpi-unpaid-workers]'), int(want));
	/* a project with a WAGE_UNPAID warning: its 工资发放 row of that month */
	const w = (await api('/api/v1/warnings?rule=WAGE_UNPAID&per_page=1')).items[0];
	const short = await warnItems(`rule=WAGE_SHORT&project_code=${w.project_code}&period=${w.period}`);
	await go(page, `/projects/${w.project_id}?tab=payroll&as_of=${AS_OF}`);
	await page.waitForSelector('[data-testid=project-payroll]');
	const cell = await page.$$eval('[data-testid=project-payroll] tbody tr', (trs, m) => {
		const tr = trs.find((x) => x.querySelector('td[data-key=month]').textContent === m);
		return tr && tr.querySelector('td[data-key=unpaid_workers]').textContent;
	}, w.period);
	assert.equal(cell, int(w.items + short), `project ${w.project_code} ${w.period}`);
	assert.deepEqual(problems, []);
});

test('1. BALANCE_LOW evidence labels its gap as money', {timeout: 30000}, async () => {
	const page = P.admin;
	const w = (await api('/api/v1/warnings?rule=BALANCE_LOW&per_page=1')).items[0];
	assert.ok(w, 'a BALANCE_LOW warning in the demo');
	const full = await api(`/api/v1/warnings/${w.id}`);
	await go(page, `/warnings/${w.id}?as_of=${AS_OF}`);
	const text = await page.textContent('[data-testid=evidence]');
	assert.doesNotMatch(text, /间隔\(天\)/);
	assert.match(text, /余额缺口/);
	const gap = await page.textContent('[data-key=ev-gap]');
	const fen = BigInt(full.evidence.gap.replace('.', ''));
	assert.equal(gap.replace(/\s+/g, ''), '余额缺口¥' + (fen / 100n).toLocaleString('en-US') + '.' + String(fen % 100n).padStart(2, '0'));
});

test('1. the accounts list shows balances; accounts and deposits show project codes', {timeout: 30000}, async () => {
	const page = P.admin;
	const list = await api(`/api/v1/accounts?as_of=${AS_OF}&per_page=50`);
	await go(page, `/accounts?as_of=${AS_OF}`);
	const rows = await page.$$eval('[data-testid=list-accounts] tbody tr', (trs) => trs.map((tr) => ({
		balance: tr.querySelector('td[data-key=balance]').textContent,
		code: tr.querySelector('td[data-key=project_code] a').textContent})));
	assert.equal(rows.length, list.items.length);
	rows.forEach((r, i) => {
		const fen = BigInt(list.items[i].balance.replace('.', '').replace('-', ''));
		assert.equal(r.balance, (list.items[i].balance.startsWith('-') ? '-' : '') + '¥' + (fen / 100n).toLocaleString('en-US') + '.' + String(fen % 100n).padStart(2, '0'));
		assert.equal(r.code, list.items[i].project_code);
	});
	await go(page, `/deposits?as_of=${AS_OF}`);
	const deps = await api('/api/v1/deposits?per_page=50');
	const codes = await page.$$eval('[data-testid=list-deposits] tbody td[data-key=project_code] a', (as) => as.map((a) => a.textContent));
	assert.deepEqual(codes, deps.items.map((x) => x.project_code));
});

test('1. the 数据日期 moves the warning counts and 在建, and is in the URL', {timeout: 30000}, async () => {
	const page = P.admin;
	await go(page, `/?as_of=${AS_OF}`);
	const open = (await api(`/api/v1/dashboard?as_of=${AS_OF}`)).warnings.open.total;
	assert.ok(open > 0);
	assert.equal(await page.textContent('[data-testid=kpi-warn-total]'), int(open));
	await page.fill('#as-of', '2025-01-10');
	await page.locator('#as-of').blur();
	await page.waitForFunction(() => location.hash.includes('as_of=2025-01-10'));
	await ready(page);
	const early = await api('/api/v1/dashboard?as_of=2025-01-10');
	assert.equal(await page.textContent('[data-testid=kpi-warn-total]'), '0', 'no warning was open then');
	assert.equal(await page.textContent('[data-testid=kpi-projects-active]'), int(early.projects.active));
	assert.ok(early.projects.active < (await api(`/api/v1/dashboard?as_of=${AS_OF}`)).projects.active);
	/* another page keeps the date in its URL; Back returns to it */
	await go(page, '/projects');
	assert.match(page.url(), /as_of=2025-01-10/);
	await go(page, `/?as_of=${AS_OF}`);
	assert.equal(await page.inputValue('#as-of'), AS_OF);
});

/* ---- 5. lists that answer questions ------------------------------------- */

test('5. the project list: 在建 by default, a 预警 column and filter, 万元, nothing clipped at 1440 px', {timeout: 60000}, async () => {
	const page = P.admin;
	const d = await api(`/api/v1/dashboard?as_of=${AS_OF}`);
	await go(page, `/projects?as_of=${AS_OF}`);
	assert.equal(await page.textContent('[data-testid=total]'), int(d.projects.active));
	assert.match(await page.textContent('[data-testid=list-projects] thead'), /合同金额\(万元\)/);
	await page.selectOption('select[name=warn_level]', 'red');
	await page.waitForFunction(() => location.hash.includes('warn_level=red'));
	await ready(page);
	const red = await api(`/api/v1/projects?as_of=${AS_OF}&active=1&warn_level=red`);
	assert.ok(red.total > 0);
	const levels = await page.$$eval('[data-testid=list-projects] td[data-key=warn_level] [data-level]', (els) => els.map((e) => e.dataset.level));
	assert.deepEqual(levels, red.items.map(() => 'red'));
	for (const kind of ['projects', 'enterprises', 'workers', 'accounts', 'deposits']) {
		await go(page, `/${kind}?as_of=${AS_OF}`);
		const over = await page.$eval('.table-wrap', (el) => el.scrollWidth - el.clientWidth);
		assert.ok(over <= 1, `${kind}: the table is ${over}px wider than its box at 1440 px`);
	}
	/* the warning centre's list too (rule and project wrap, the summary has the room) */
	await go(page, `/warnings?view=list&as_of=${AS_OF}`);
	const over = await page.$eval('[data-testid=list-warnings]', (el) => {
		const box = el.closest('.table-wrap') || el.parentElement;
		return box.scrollWidth - box.clientWidth;
	});
	assert.ok(over <= 1, `warnings: the table is ${over}px wider than its box at 1440 px`);
});

test('5. a project page says its warning state and opens on its warnings', {timeout: 30000}, async () => {
	const page = P.admin;
	const p = (await api(`/api/v1/projects?as_of=${AS_OF}&warn_level=red&per_page=1`)).items[0];
	await go(page, `/projects/${p.id}?as_of=${AS_OF}`);
	assert.equal(await page.getAttribute('[data-testid=project-warn-state]', 'data-level'), 'red');
	assert.match(await page.textContent('[data-testid=project-warn-state]'), new RegExp(`红色预警.*${p.warnings_open} 条`));
	const tabs = await page.$$eval('.tabs .tab', (bs) => bs.map((b) => [b.dataset.tab, b.classList.contains('active')]));
	assert.deepEqual(tabs[0], ['warnings', true]);
	await page.waitForSelector('[data-testid=project-warnings]');
});

test('5. workers by part of a project name or an employer; the hint says what is searched', {timeout: 30000}, async () => {
	const page = P.admin;
	const p = (await api('/api/v1/projects?per_page=1')).items[0];
	const part = p.name.slice(0, 4);
	const want = await api('/api/v1/workers?project=' + encodeURIComponent(part));
	await go(page, `/workers?as_of=${AS_OF}`);
	assert.match(await page.getAttribute('input[name=q]', 'placeholder'), /姓名.*完整身份证号/);
	await page.fill('input[name=project]', part);
	await page.click('form[role=search] button[type=submit]');
	await page.waitForFunction(() => location.hash.includes('project='));
	await ready(page);
	assert.equal(await page.textContent('[data-testid=total]'), int(want.total));
	assert.ok(want.total > 0);
});

test('5. an enterprise page shows its projects and their open warnings', {timeout: 30000}, async () => {
	const page = P.admin;
	const w = (await api('/api/v1/warnings?per_page=1')).items[0];
	const e = (await api('/api/v1/enterprises?uscc=' + w.enterprise_uscc)).items[0];
	const list = await api('/api/v1/warnings?per_page=500&enterprise_uscc=' + e.uscc);
	const det = await api('/api/v1/enterprises/' + e.id);
	await go(page, `/enterprises/${e.id}?as_of=${AS_OF}`);
	await page.waitForSelector('[data-testid=enterprise-warnings]');
	assert.equal(await page.$$eval('[data-testid=enterprise-warnings] tbody tr', (t) => t.length), list.items.length);
	assert.equal(await page.$$eval('[data-testid=enterprise-projects] tbody tr', (t) => t.length), det.related.projects.length);
	assert.notEqual(await page.getAttribute('[data-testid=enterprise-warn-state]', 'data-level'), 'none');
});

/* ---- 7. role views ---------------------------------------------------------- */

test('7. a leader supervises (督办) a warning; the assignee reads it; the top bar says name and role once', {timeout: 60000}, async () => {
	P.lingdao = await pageFor('lingdao');
	const page = P.lingdao;
	const me = (await api('/api/v1/me', 'lingdao')).user;
	const bar = await page.textContent('#user-box');
	assert.equal(bar.split(me.name).length - 1, 1, bar);
	assert.equal(bar.split(me.role_zh).length - 1, 1, `the role once: ${bar}`);
	const adminBar = await P.admin.textContent('#user-box');
	const am = (await api('/api/v1/me')).user;
	assert.equal(adminBar.split(am.role_zh).length - 1, 1, `the role once: ${adminBar}`);

	const w = (await api('/api/v1/warnings?level=red&per_page=1')).items[0];
	await go(page, `/warnings/${w.id}?as_of=${AS_OF}`);
	assert.equal(await page.$('[data-testid=eliminate]'), null, 'no inspector buttons');
	assert.equal(await page.$('[data-testid=assign]'), null);
	await page.click('[data-testid=supervise]');
	await page.fill('[data-testid=dialog] textarea', '请本周内约谈总包单位并报告');
	await page.click('[data-testid=dialog-ok]');
	await page.waitForSelector('[data-testid=supervised]');
	await ready(page);
	assert.match(await page.textContent('[data-testid=history]'), /领导督办/);
	/* the inspector who handles it reads the note on the warning's page */
	P.jianchayuan = await pageFor('jianchayuan');
	await go(P.jianchayuan, `/warnings/${w.id}?as_of=${AS_OF}`);
	assert.match(await P.jianchayuan.textContent('[data-testid=supervised]'), /请本周内约谈总包单位并报告/);
	const audit = await api('/api/v1/audit?action=warning_supervise');
	assert.equal(audit.items.length, 1);
	assert.deepEqual(problems, []);
});

test('7. a street officer\'s dashboard is its street\'s, without a one-bar street chart', {timeout: 30000}, async () => {
	P.taida = await pageFor('taida');
	const page = P.taida;
	const me = (await api('/api/v1/me', 'taida')).user;
	const d = await api(`/api/v1/dashboard?as_of=${AS_OF}`, 'taida');
	await go(page, `/?as_of=${AS_OF}`);
	assert.equal(await page.$('[data-testid=chart-street]'), null);
	assert.match(await page.textContent('.page-head'), new RegExp(me.street));
	assert.equal(await page.textContent('[data-testid=kpi-projects-active]'), int(d.projects.active));
	const bar = await page.textContent('#user-box');
	assert.equal(bar.split(me.street).length - 1, 1, `the street once: ${bar}`);
	/* the administrator still has it */
	await go(P.admin, `/?as_of=${AS_OF}`);
	assert.notEqual(await P.admin.$('[data-testid=chart-street]'), null);
	assert.deepEqual(problems, []);
});
