/*
 * centre.test.mjs - the warning centre as a place to work in (issue 8,
 * item 4), in the real browser, with several people: the list first and
 * the charts foldable below it; 我的待办 as the street officer's and the
 * inspector's landing view; batch 指派 and batch 消除; one row per
 * project; rows that are real links (keyboard, Ctrl+click); page size and
 * page jumps; the trend's clipped axis; document.title following the
 * page; views, filters and tabs surviving Back; evidence upload with the
 * project's file button; 复核 of a red warning's elimination by a second
 * inspector. Data and accounts: ui_setup.mjs.
 *
 * Run: make browser  (ANXIN=path/to/anxin node --test tests/browser/)
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {startUi, ready, go, USERS} from './ui_setup.mjs';

let ui;
before(async () => { ui = await startUi(); });
after(async () => {
	if (ui) await ui.stop();
});

const apiGet = async (u, p) => (await ui.call(u, 'GET', p)).json;

test('the list first, charts foldable below; 我的待办 lands a street officer on its open warnings', {timeout: 60000}, async () => {
	const page = await ui.login(USERS.street);
	await page.click('.sidenav a[data-nav=warnings]');
	await ready(page);
	assert.equal(await page.textContent('[data-testid=warn-views] .active'), '我的待办');
	const todo = await apiGet(USERS.street, '/api/v1/warnings?todo=1');
	assert.equal(todo.total, 6);
	assert.equal(await page.textContent('[data-testid=total]'), '6');
	/* the list comes before the charts, which fold away (and stay folded) */
	const order = await page.evaluate(() => {
		const list = document.querySelector('[data-testid=list-warnings]');
		const charts = document.querySelector('[data-testid=warn-charts]');
		return {before: !!(list.compareDocumentPosition(charts) & Node.DOCUMENT_POSITION_FOLLOWING), tag: charts.tagName};
	});
	assert.deepEqual(order, {before: true, tag: 'DETAILS'});
	await page.click('[data-testid=warn-charts] > summary');
	assert.equal(await page.$eval('[data-testid=warn-charts]', (d) => d.open), false);
	await page.reload();
	await ready(page);
	assert.equal(await page.$eval('[data-testid=warn-charts]', (d) => d.open), false, 'remembered');
	/* the inspector's 待办 is empty until something is assigned to it */
	const insp = await ui.login(USERS.inspector);
	await go(insp, '/warnings');
	assert.equal(await insp.textContent('[data-testid=warn-views] .active'), '我的待办');
	assert.equal(await insp.textContent('[data-testid=total]'), '0');
	await page.context().close();
	await insp.context().close();
});

test('batch 指派 and batch 消除 from the list; one row per project', {timeout: 60000}, async () => {
	const page = await ui.login(USERS.inspector);
	await go(page, '/warnings?view=list&project_code=BH-2026-001&level=yellow');
	const rows = await page.$$eval('[data-testid=list-warnings] tbody tr', (r) => r.length);
	assert.equal(rows, 6);
	const ids = await page.$$eval('[data-testid=pick]', (b) => b.slice(0, 2).map((x) => +x.value));
	for (const id of ids) await page.check(`[data-testid=pick][value="${id}"]`);
	assert.equal(await page.textContent('[data-testid=batch-count]'), '已选 2 条');
	await page.click('[data-testid=batch-assign]');
	await page.waitForSelector('dialog[open]');
	await page.selectOption('dialog[open] select[name=to]', USERS.inspector.name);
	await page.click('[data-testid=dialog-ok]');
	await page.waitForSelector('[data-testid=flash]');
	assert.match(await page.textContent('[data-testid=flash]'), /已指派 2 条/);
	for (const id of ids) assert.equal((await apiGet(USERS.inspector, `/api/v1/warnings/${id}`)).assignee, USERS.inspector.name);
	/* now they are the inspector's 待办 */
	await go(page, '/warnings?view=todo');
	assert.equal(await page.textContent('[data-testid=total]'), '2');
	/* batch 消除 with one reason */
	await page.check('[data-testid=pick-all]');
	await page.click('[data-testid=batch-eliminate]');
	await page.waitForSelector('dialog[open]');
	await page.click('[data-testid=dialog-ok]');
	assert.match(await page.textContent('.dlg-error'), /请填写消除原因/);
	await page.fill('dialog[open] textarea[name=reason]', '已现场核实整改');
	await page.click('[data-testid=dialog-ok]');
	await page.waitForSelector('[data-testid=flash]');
	for (const id of ids) {
		const w = await apiGet(USERS.inspector, `/api/v1/warnings/${id}`);
		assert.equal(w.status, 'eliminated');
		assert.equal(w.eliminated_reason, '已现场核实整改');
	}
	const audit = await apiGet(USERS.inspector, '/api/v1/warnings?status=eliminated');
	assert.equal(audit.total, 2);
	/* 按项目: one row per project, most severe first; a row leads to the list of that project */
	await page.click('[data-testid=warn-views] a[data-view=projects]');
	await ready(page);
	const prj = await page.$$eval('[data-testid=list-warn-projects] tbody tr', (r) => r.map((x) => x.querySelector('td[data-key=project]').textContent));
	assert.equal(prj.length, 2);
	assert.match(prj[0], /BH-2026-001/);
	await page.click('[data-testid=list-warn-projects] tbody tr:first-child td[data-key=red]');
	await page.waitForFunction(() => location.hash.includes('view=list') && location.hash.includes('project_code=BH-2026-001'));
	await ready(page);
	/* Back: the grouping again */
	await page.goBack();
	await ready(page);
	assert.equal(await page.textContent('[data-testid=warn-views] .active'), '按项目');
	await page.context().close();
});

test('rows are real links (keyboard, Ctrl+click); page size and page jumps; the page title', {timeout: 60000}, async () => {
	const page = await ui.login(USERS.leader);
	await go(page, '/warnings?view=list');
	assert.equal(await page.title(), '预警中心 · 安薪');
	const first = page.locator('[data-testid=list-warnings] tbody tr:first-child a.row-link');
	const href = await first.getAttribute('href');
	assert.match(href, /^#\/warnings\/\d+$/);
	/* Ctrl+click opens another tab, this one stays */
	const [popup] = await Promise.all([page.context().waitForEvent('page'),
		page.click('[data-testid=list-warnings] tbody tr:first-child td[data-key=summary]', {modifiers: ['Control']})]);
	await popup.waitForLoadState();
	assert.ok(popup.url().endsWith(href), popup.url());
	/* the 数据日期 may follow in the URL (issue 8, item 1) */
	assert.match(page.url(), /#\/warnings\?view=list(&as_of=[-0-9]+)?$/);
	await popup.close();
	/* keyboard: the link takes the focus, Enter follows it */
	await first.focus();
	await page.keyboard.press('Enter');
	await page.waitForFunction((x) => location.hash.split('?')[0] === x, href);  /* ?as_of= may follow */
	await ready(page);
	assert.match(await page.title(), / · 安薪$/);
	assert.equal(await page.title(), (await page.textContent('h1')).trim() + ' · 安薪');
	/* page size 5: three pages; jump to the third; size 50: one page */
	await go(page, '/warnings?view=list&per_page=5');
	assert.match(await page.textContent('.pager-page'), /第 1 \/ 3 页/);
	await page.fill('[data-testid=page-jump] input', '9');
	await page.click('[data-testid=page-jump] button');
	assert.match(await page.textContent('.pager .field-error'), /1 至 3/);
	await page.fill('[data-testid=page-jump] input', '3');
	await page.click('[data-testid=page-jump] button');
	await page.waitForFunction(() => location.hash.includes('page=3'));
	await ready(page);
	assert.match(await page.textContent('.pager-page'), /第 3 \/ 3 页/);
	await page.selectOption('[data-testid=per-page]', '50');
	await page.waitForFunction(() => location.hash.includes('per_page=50'));
	await ready(page);
	assert.match(await page.textContent('.pager-page'), /第 1 \/ 1 页/);
	/* Back returns to page 3 of 5 a page */
	await page.goBack();
	await ready(page);
	assert.match(await page.textContent('.pager-page'), /第 3 \/ 3 页/);
	/* a leader reads: no batch bar */
	assert.equal(await page.locator('[data-testid=batch-bar]').count(), 0);
	await page.context().close();
});

test('the trend stays readable when one day dominates: clipped axis, real counts labelled', {timeout: 30000}, async () => {
	const page = await ui.login(USERS.leader);
	await go(page, '/warnings?view=list');
	const r = await page.evaluate(() => ({
		dominated: window.anxinLib.trendScale([0, 0, 480, 3, 2, 5, 0]),
		even: window.anxinLib.trendScale([4, 6, 5, 3]),
	}));
	assert.deepEqual(r.dominated, {max: 8, clipped: true});
	assert.deepEqual(r.even, {max: undefined, clipped: false});
	const clipped = await page.getAttribute('[data-testid=chart-warn-trend]', 'data-clipped');
	assert.ok(clipped === '0' || clipped === '1');
	await page.context().close();
});

test('a project page\'s tab survives Back (in the URL)', {timeout: 30000}, async () => {
	const page = await ui.login(USERS.leader);
	const p = (await apiGet(USERS.leader, '/api/v1/projects?code=BH-2026-001')).items[0];
	await go(page, `/projects/${p.id}`);
	await page.click('.tabs [data-tab=payroll]');
	await page.waitForFunction(() => location.hash.includes('tab=payroll'));
	await go(page, '/warnings?view=list');
	await page.goBack();
	await ready(page);
	assert.equal(await page.getAttribute('.tabs .tab.active', 'data-tab'), 'payroll');
	assert.match(await page.title(), /泰达智慧园一期/);
	await page.context().close();
});

test('evidence: the project\'s file button, type checked by the server; 复核 by a second inspector', {timeout: 60000}, async () => {
	const all = await apiGet(USERS.inspector, '/api/v1/warnings?level=red');
	const red = all.items[0];
	const page = await ui.login(USERS.inspector);
	await go(page, `/warnings/${red.id}`);
	assert.equal(await page.textContent('[data-testid=upload-form] .file-btn'), '选择文件');
	assert.equal(await page.textContent('[data-testid=file-name]'), '未选择文件');
	await page.click('[data-testid=upload]');
	assert.match(await page.textContent('[data-testid=upload-form] .field-error'), /请选择文件/);
	await page.setInputFiles('[data-testid=upload-form] input[type=file]',
		{name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf')});
	assert.equal(await page.textContent('[data-testid=file-name]'), '说明.pdf');
	await page.click('[data-testid=upload]');
	await page.waitForFunction(() => /PDF、JPEG 或 PNG/.test((document.querySelector('[data-testid=upload-form] .field-error') || {}).textContent || ''));
	await page.setInputFiles('[data-testid=upload-form] input[type=file]',
		{name: '工商银行回单.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n')});
	await page.click('[data-testid=upload]');
	await page.waitForSelector('[data-testid=files] a');
	assert.equal(await page.textContent('[data-testid=files] a'), '工商银行回单.pdf');
	/* a red warning: 申请消除 -> 待复核; the asker has no 复核 buttons */
	await page.click('[data-testid=eliminate]');
	await page.fill('dialog[open] textarea[name=reason]', '工资已补发，见回单');
	await page.click('[data-testid=dialog-ok]');
	await page.waitForFunction(() => (document.querySelector('[data-testid=status]') || {}).textContent === '待复核');
	await ready(page);
	assert.equal(await page.locator('[data-testid=confirm]').count(), 0);
	/* the second inspector confirms */
	const rv = await ui.login(USERS.reviewer);
	await go(rv, '/warnings');
	assert.ok(await rv.locator(`[data-testid=list-warnings] a.row-link[href="#/warnings/${red.id}"]`).count() === 1, 'in the reviewer\'s 待办');
	await go(rv, `/warnings/${red.id}`);
	await rv.click('[data-testid=confirm]');
	await rv.click('[data-testid=dialog-ok]');
	await rv.waitForFunction(() => (document.querySelector('[data-testid=status]') || {}).textContent === '已消除');
	const w = await apiGet(USERS.reviewer, `/api/v1/warnings/${red.id}`);
	assert.deepEqual(w.history.slice(-3).map((e) => e.event), ['review_requested', 'review_confirmed', 'eliminated']);
	assert.deepEqual(ui.problems, []);
	await page.context().close();
	await rv.context().close();
});
