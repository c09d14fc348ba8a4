#!/usr/bin/env node
/*
 * screenshots.mjs - makes the screenshots of docs/ from the demo data:
 * docs/screenshot-dashboard.png (驾驶舱) and docs/screenshot-project.png
 * (a project page with open warnings: its head and the 预警 tab it opens
 * on). Not a test and not run by CI: run it after a change that alters
 * those screens, look at the pictures, commit them.
 *
 *   node scripts/screenshots.mjs            (uses build/anxin)
 *   ANXIN=path/to/anxin OUT=dir node scripts/screenshots.mjs
 *
 * It creates the demo (seed 7, as-of 2026-06-15, the default 300
 * projects) in a temp directory, serves it on a free loopback port, logs
 * in as the demo's administrator through the API (changing the printed
 * first password), and drives Debian's chromium (playwright-core) at
 * 1440 x 900 with the 数据日期 in the URL.
 */
import {spawn, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ANXIN = process.env.ANXIN || path.join(ROOT, 'build/anxin');
const OUT = process.env.OUT || path.join(ROOT, 'docs');
const AS_OF = '2026-06-15';
const PASSWORD = 'Screenshot-Pass-2026!';

/* A free loopback port. */
function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.unref();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const {port} = s.address();
			s.close(() => resolve(port));
		});
	});
}

/* POSTs JSON; returns {status, body, cookie}. */
async function post(base, p, body, cookie, csrf) {
	const res = await fetch(base + p, {method: 'POST', headers: {'content-type': 'application/json',
		...(cookie ? {cookie: `anxin_session=${cookie}`, 'x-csrf-token': csrf} : {})}, body: JSON.stringify(body)});
	const m = /anxin_session=([^;]*)/.exec(res.headers.get('set-cookie') || '');
	return {status: res.status, body: await res.json(), cookie: m ? m[1] : cookie};
}

async function main() {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-shots-'));
	const db = path.join(tmp, 'demo.db');
	const out = execFileSync(ANXIN, ['demo', '--no-serve', '--quiet', '--seed', '7', '--as-of', AS_OF, '--db', db],
		{encoding: 'utf8'});
	const pw = /^\s*admin\s+admin\s+(\S+)/m.exec(out);
	if (!pw) throw new Error('no admin password in the demo output');
	execFileSync(ANXIN, ['scan', '--as-of', AS_OF, '--db', db], {stdio: 'pipe'});
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(ANXIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--scan-at', 'off'],
		{stdio: 'ignore'});
	let browser;
	try {
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(base + '/healthz')).ok) break;
			} catch (_) {
				await new Promise((r) => setTimeout(r, 100));
			}
		}
		const first = await post(base, '/api/v1/login', {username: 'admin', password: pw[1]});
		await post(base, '/api/v1/password', {old: pw[1], new: PASSWORD}, first.cookie, first.body.csrf);
		browser = await chromium.launch({executablePath: '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--lang=zh-CN']});
		const context = await browser.newContext({viewport: {width: 1440, height: 900}, locale: 'zh-CN',
			timezoneId: 'Asia/Shanghai'});
		const page = await context.newPage();
		const ready = () => page.waitForSelector('#main[data-ready="1"]');
		await page.goto(base + '/#/login');
		await page.fill('[data-testid=login-form] input[name=username]', 'admin');
		await page.fill('[data-testid=login-form] input[name=password]', PASSWORD);
		await page.click('[data-testid=login-form] button[type=submit]');
		await page.waitForFunction(() => !location.hash.includes('login'));
		await page.goto(`${base}/#/?as_of=${AS_OF}`);
		await ready();
		await page.waitForTimeout(800); /* the charts' animation */
		await page.screenshot({path: path.join(OUT, 'screenshot-dashboard.png')});
		/* the red project with the most open warnings */
		const res = await page.evaluate(async (d) => (await fetch(`/api/v1/projects?as_of=${d}&warn_level=red&per_page=500`)).json(), AS_OF);
		const pick = res.items.sort((a, b) => b.warnings_open - a.warnings_open)[0];
		await page.goto(`${base}/#/projects/${pick.id}?as_of=${AS_OF}`);
		await ready();
		await page.waitForSelector('[data-testid=project-warnings]');
		await page.screenshot({path: path.join(OUT, 'screenshot-project.png')});
		console.log(`screenshots of ${AS_OF} (project ${pick.code}) in ${OUT}`);
	} finally {
		if (browser) await browser.close();
		server.kill('SIGTERM');
		fs.rmSync(tmp, {recursive: true, force: true});
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
