/*
 * screens.test.mjs - screens people have (issue 8, item 6): every page at
 * 1024x768 (the navigation folds away with ☰, wide tables keep their
 * columns and scroll sideways inside their card, the page itself never
 * scrolls sideways) and at 390x844, a phone (the user and 退出 are in the
 * navigation drawer); the entry of the page shown is highlighted
 * (aria-current); required fields carry a marker and a Chinese message
 * next to the field instead of the browser's bubble; the date and file
 * controls are the project's own (no English from a browser without a
 * Chinese language pack). Data and accounts: ui_setup.mjs.
 *
 * Run: make browser  (ANXIN=path/to/anxin node --test tests/browser/)
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {startUi, ready, go, USERS} from './ui_setup.mjs';

let ui;
let pages;
before(async () => {
	ui = await startUi();
	const p = (await ui.call(USERS.inspector, 'GET', '/api/v1/projects?code=BH-2026-001')).json.items[0];
	const w = (await ui.call(USERS.inspector, 'GET', '/api/v1/warnings')).json.items[0];
	pages = [['/', 'dashboard'], ['/projects', 'projects'], [`/projects/${p.id}`, 'projects'], ['/enterprises', 'enterprises'],
		['/workers', 'workers'], ['/accounts', 'accounts'], ['/deposits', 'deposits'], ['/warnings?view=list', 'warnings'],
		[`/warnings/${w.id}`, 'warnings'], ['/clues', 'clues'], ['/clues/new', 'clues'], ['/clues/stats', 'clues'],
		['/password', null]];
});
after(async () => {
	if (ui) await ui.stop();
});

/* The page never scrolls sideways; every table is inside a scrolling box. */
async function fits(page, where) {
	const r = await page.evaluate(() => ({
		doc: document.documentElement.scrollWidth, vw: window.innerWidth,
		loose: [...document.querySelectorAll('#main table.grid')].filter((t) => !t.closest('.table-wrap')).length,
	}));
	assert.ok(r.doc <= r.vw, `${where}: page ${r.doc}px wide in a ${r.vw}px window`);
	assert.equal(r.loose, 0, `${where}: a table outside a scrolling box`);
}

test('1024x768: every page fits; ☰ folds the navigation; the warning list keeps its columns and scrolls', {timeout: 90000}, async () => {
	const page = await ui.login(USERS.inspector, {width: 1024, height: 768});
	for (const [h, nav] of pages) {
		await go(page, h);
		await fits(page, h);
		/* the entry of the page shown, and only it, is highlighted */
		const cur = await page.$$eval('.sidenav a[aria-current=page]', (a) => a.map((x) => x.dataset.nav));
		assert.deepEqual(cur, nav ? [nav] : [], h);
	}
	await go(page, '/warnings?view=list');
	assert.equal(await page.isVisible('#sidenav'), true);
	const cols = await page.$$eval('[data-testid=list-warnings] thead th', (t) => t.map((x) => x.textContent));
	assert.deepEqual(cols.slice(1), ['等级', '预警规则', '项目', '街镇', '所属期', '摘要', '状态', '处置人', '产生日期']);
	const wrap = await page.$eval('[data-testid=list-warnings]', (w) => ({cw: w.clientWidth, ox: getComputedStyle(w).overflowX,
		clipped: [...w.querySelectorAll('th, td:not(.wrap)')].filter((c) => c.scrollWidth > c.clientWidth + 1).length}));
	assert.equal(wrap.ox, 'auto', 'the list scrolls sideways when it must');
	assert.equal(wrap.clipped, 0, 'no cell cut off');
	await page.click('#nav-toggle');
	assert.equal(await page.isVisible('#sidenav'), false, 'folded');
	const wider = await page.$eval('[data-testid=list-warnings]', (w) => w.clientWidth);
	assert.ok(wider > wrap.cw, 'the list gets the room');
	await page.reload();
	await ready(page);
	assert.equal(await page.isVisible('#sidenav'), false, 'stays folded');
	await page.click('#nav-toggle');
	assert.equal(await page.isVisible('#sidenav'), true);
	await page.context().close();
});

test('390x844 (a phone): every page fits; the user and 退出 are in the drawer', {timeout: 90000}, async () => {
	const page = await ui.login(USERS.street, {width: 390, height: 844});
	assert.equal(await page.isVisible('#user-box'), false, 'not in the top bar');
	for (const [h] of pages.filter(([x]) => !x.startsWith('/projects/') && !x.startsWith('/warnings/'))) {
		await go(page, h);
		await fits(page, h);
		await page.click('#nav-toggle');
		assert.equal(await page.isVisible('#nav-user'), true, h);
		assert.equal(await page.textContent('#nav-user-name'), USERS.street.display);
		assert.match(await page.textContent('#nav-user-role'), /新港街道/);
		assert.equal(await page.isVisible('[data-testid=nav-logout]'), true, h);
		await page.click('#nav-toggle');
	}
	await page.click('#nav-toggle');
	await page.click('[data-testid=nav-logout]');
	await page.waitForFunction(() => location.hash.includes('login'));
	await page.context().close();
});

test('required fields: a marker, and the message in Chinese next to the field (no browser bubble)', {timeout: 30000}, async () => {
	const context = await ui.browser.newContext({viewport: {width: 1024, height: 768}, locale: 'zh-CN'});
	const page = await context.newPage();
	await page.goto(ui.base + '/#/login');
	await ready(page);
	assert.equal(await page.$eval('[data-testid=login-form]', (f) => f.noValidate), true);
	assert.equal(await page.locator('[data-testid=login-form] .req').count(), 2, 'both fields marked');
	await page.click('[data-testid=login-form] button[type=submit]');
	const err = page.locator('[data-testid=login-form] .form-row:has(input[name=username]) .field-error');
	assert.equal(await err.textContent(), '请填写用户名');
	assert.equal(await page.getAttribute('input[name=username]', 'aria-invalid'), 'true');
	assert.equal(await page.evaluate(() => document.activeElement.name), 'username');
	await page.fill('input[name=username]', 'x');
	assert.equal(await err.isVisible(), false, 'typing clears it');
	await context.close();
});

test('the project\'s own date field (Chinese picker) and file button, not the browser\'s', {timeout: 60000}, async () => {
	const page = await ui.login(USERS.inspector, {width: 1024, height: 768});
	await page.reload(); /* the shell reads the as-of date set after log-in */
	await ready(page);
	assert.equal(await page.getAttribute('#as-of', 'type'), 'text');
	assert.equal(await page.inputValue('#as-of'), '2026-05-20');
	await page.click('.asof [data-testid=date-btn]');
	const pop = page.locator('.asof [data-testid=datepop]');
	assert.match(await pop.textContent(), /2026年5月›一二三四五六日/);
	await pop.locator('button[data-date="2026-05-18"]').click();
	await page.waitForFunction(() => localStorage.getItem('anxin.as_of') === '2026-05-18');
	assert.equal(await pop.isVisible(), false);
	await page.fill('#as-of', '2026-13-40');
	await page.press('#as-of', 'Enter');
	assert.match(await page.textContent('.asof .field-error'), /请按 YYYY-MM-DD|不是有效的日期/);
	assert.equal(await page.evaluate(() => localStorage.getItem('anxin.as_of')), '2026-05-18', 'a bad date is not taken');
	await page.fill('#as-of', '2026-05-20');
	await page.press('#as-of', 'Enter');
	await page.waitForFunction(() => localStorage.getItem('anxin.as_of') === '2026-05-20');
	/* month fields: the warning centre's 所属期 */
	await go(page, '/warnings?view=list');
	assert.equal(await page.getAttribute('input[name=period]', 'type'), 'text');
	await page.click('form.toolbar [data-testid=date-btn]');
	assert.match(await page.textContent('form.toolbar [data-testid=datepop]'), /1月.*12月/);
	/* no native date, month or file control is shown anywhere */
	for (const h of ['/warnings?view=list', `/warnings/${(await ui.call(USERS.inspector, 'GET', '/api/v1/warnings')).json.items[0].id}`]) {
		await go(page, h);
		const native = await page.$$eval('input[type=date],input[type=month]', (x) => x.length);
		assert.equal(native, 0, h);
		const files = await page.$$eval('input[type=file]', (x) => x.map((i) => i.closest('.file-field') !== null));
		assert.ok(files.every(Boolean), h);
	}
	await page.context().close();
	assert.deepEqual(ui.problems, []);
});
