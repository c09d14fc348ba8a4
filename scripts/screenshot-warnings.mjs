#!/usr/bin/env node
/*
 * screenshot-warnings.mjs - docs/screenshot-warnings.png: the warning
 * centre's 我的待办 view as the demo's 泰达街道 officer (taida) sees it on
 * landing, on the demo data (anxin demo --seed 7), 1440x900. Not run by
 * CI; run it after a change to the centre and look at the picture:
 *
 *   node scripts/screenshot-warnings.mjs [build/anxin]
 *
 * Needs Debian's chromium and the pinned playwright-core (scripts/run
 * installs both).
 */
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ANXIN = path.resolve(process.argv[2] || path.join(ROOT, 'build/anxin'));
const AS_OF = '2026-06-15';
const OUT = path.join(ROOT, 'docs/screenshot-warnings.png');
const PASSWORD = 'Binhai-Street-2026!';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-shot-'));
const db = path.join(tmp, 'demo.db');
const out = execFileSync(ANXIN, ['demo', '--seed', '7', '--as-of', AS_OF, '--no-serve', '--db', db], {encoding: 'utf8'});
const initial = /^\s*taida\s+street\s+(\S+)/m.exec(out)[1];
execFileSync(ANXIN, ['scan', '--as-of', AS_OF, '--db', db], {stdio: 'pipe'});
const server = spawn(ANXIN, ['serve', '--listen', '127.0.0.1:0', '--db', db, '--scan-at', 'off'], {stdio: ['ignore', 'pipe', 'inherit']});
const base = await new Promise((resolve) => {
	let s = '';
	server.stdout.on('data', (d) => {
		s += d;
		const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(s);
		if (m) resolve(m[1]);
	});
});
try {
	/* the first log-in must change the printed password */
	const r = await fetch(base + '/api/v1/login', {method: 'POST', headers: {'content-type': 'application/json'},
		body: JSON.stringify({username: 'taida', password: initial})});
	const csrf = (await r.json()).csrf;
	const cookie = /anxin_session=[^;]*/.exec(r.headers.get('set-cookie'))[0];
	await fetch(base + '/api/v1/password', {method: 'POST', headers: {cookie, 'x-csrf-token': csrf, 'content-type': 'application/json'},
		body: JSON.stringify({old: initial, new: PASSWORD})});
	const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--lang=zh-CN']});
	const page = await (await browser.newContext({viewport: {width: 1440, height: 900}, locale: 'zh-CN', timezoneId: 'Asia/Shanghai'})).newPage();
	await page.goto(base + '/');
	await page.evaluate((d) => localStorage.setItem('anxin.as_of', d), AS_OF);
	await page.reload(); /* the shell reads the as-of date at start */
	await page.fill('[data-testid=login-form] input[name=username]', 'taida');
	await page.fill('[data-testid=login-form] input[name=password]', PASSWORD);
	await page.click('[data-testid=login-form] button[type=submit]');
	await page.waitForFunction(() => !location.hash.includes('login'));
	await page.evaluate(() => { location.hash = '#/warnings'; });
	await page.waitForFunction(() => document.getElementById('main').dataset.ready === '1' && location.hash.split('?')[0] === '#/warnings' &&
		document.querySelector('[data-testid=warn-views] .active'));
	await page.waitForTimeout(800); /* the charts' animation */
	await page.screenshot({path: OUT, fullPage: true});
	await browser.close();
	console.log('wrote ' + path.relative(process.cwd(), OUT));
} finally {
	server.kill('SIGTERM');
	fs.rmSync(tmp, {recursive: true, force: true});
}
