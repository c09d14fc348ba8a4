/*
 * clue.test.mjs - a wage-arrears clue (欠薪线索, issue 11) from the workers'
 * public page to 办结, in the real browser, as the people involved would do
 * it:
 *   1. a worker, on a phone-sized page (375x667, no account), opens
 *      /report, is told a wrong ID number's check digit and a photo over
 *      5 MiB before anything is sent, files the clue with a photo and gets
 *      a number and a query code;
 *   2. an inspector (监察员) sees 待转办 grow by one, opens the clue (the
 *      project matched, 新港街道 proposed) and transfers it to 新港街道;
 *      待转办 shrinks, 待核处 grows;
 *   3. 新港街道's officer concludes it with a PDF attached;
 *   4. the inspector returns it once (the reason is required);
 *   5. the street concludes again; the inspector passes it;
 *   6. back on /report (a fresh page: number + code are all it needs) the
 *      worker sees 审核通过 and the bureau's reply; a wrong code finds
 *      nothing;
 * and: the statistics page agrees with the API; a clue registered through
 * 登记线索 with a past receipt date is red in the 逾期 box with a given
 * 数据日期 (as_of in the URL). Every action POST carries an Idempotency-Key
 * of its own. Screenshots: build/screenshots/report*.png, clue*.png.
 *
 * Run: make browser  (ANXIN=path/to/anxin node --test tests/browser/)
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {SHOTS, INITIAL, USERS, fixtureDb, addUser, serve, apiLogin, changePassword, launch, newPage, logIn, ready, go} from './ui_setup.mjs';

const INSPECTOR = USERS.inspector;
const STREET = USERS.street; /* 新港街道 */
const PHONE = {width: 375, height: 667};
/* A valid ID number (GB 11643 check digit 3) and the same with a wrong one. */
const ID_OK = '120116199001011233';
const ID_BAD = '120116199001011234';
/* A 1x1 PNG and a small PDF: the server checks the type by the content. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
	'trailer <</Root 1 0 R>>\n%%EOF\n');
const REPLY_1 = '经核查，总包单位已先行清偿。';
const REPLY_2 = '经核查，天津港建工集团有限公司已先行清偿 3 名工人工资 36000 元，已当面确认。';
const RETURN_REASON = '未附工人签收的工资发放表，请补充后重新提交';

let tmp, server, base, browser, session;
const problems = [];
/* Idempotency-Key of every case action POST the UI sent. */
const keys = [];

/* An API call as the inspector: {status, json}. */
async function call(method, p, body) {
	const res = await fetch(base + p, {method, headers: {cookie: `anxin_session=${session.cookie}`, 'x-csrf-token': session.csrf,
		'content-type': 'application/json'}, body: body === undefined ? undefined : JSON.stringify(body)});
	return {status: res.status, json: await res.json()};
}

async function boxesApi(asOf) {
	const r = await call('GET', '/api/v1/cases/clue?box=all&limit=1' + (asOf ? '&as_of=' + asOf : ''));
	assert.equal(r.status, 200, JSON.stringify(r.json));
	return r.json.boxes;
}

/* The counts of the inbox's tabs as the page shows them. */
async function boxesUi(page) {
	return page.$$eval('[data-testid=clue-boxes] a', (as) => Object.fromEntries(as.map((a) =>
		[a.dataset.box, Number(a.querySelector('.tab-count').textContent)])));
}

/* A logged-in officer's page (today's 数据日期: the public filing is of today). */
async function officer(u, viewport = {width: 1440, height: 900}) {
	const page = await newPage(browser, problems, {label: () => `${u.name}: `, allow: /status of (401|404|409|422)/, viewport});
	page.on('request', (r) => {
		if (r.method() === 'POST' && /\/api\/v1\/cases\/clue\/[^/]+\/[a-z]+$/.test(r.url()) && !r.url().endsWith('/files'))
			keys.push(r.headers()['idempotency-key'] || '');
	});
	await logIn(page, base, u.name, u.password);
	return page;
}

/* Opens clue number's page (afresh when it is already open) and waits
 * for it. */
async function openClue(page, number) {
	if (await page.evaluate((n) => location.hash.replace(/\?.*/, '') === '#/clues/' + n, number))
		await page.evaluate(() => window.anxinLib.reload());
	else
		await go(page, '/clues/' + number);
	assert.equal(await page.textContent('[data-testid=clue-number]'), number);
}

/* Runs the action button testid with the dialog filled by fill(dialog),
 * and waits for the page to show state zh. */
async function act(page, action, fill, zh) {
	await page.click(`[data-testid=act-${action}]`);
	const dlg = page.locator('dialog[open]');
	await dlg.waitFor();
	if (fill) await fill(dlg);
	await dlg.locator('[data-testid=dialog-ok]').click();
	await page.waitForFunction((s) => {
		const b = document.querySelector('[data-testid=state]');
		return b && b.textContent.startsWith(s) && !document.querySelector('dialog[open]');
	}, zh, {timeout: 15000}).catch(async () => assert.fail(`${action}: no ${zh}: ` +
		(await page.locator('[data-testid=dialog-error]').textContent().catch(() => '')) + ' ' + problems.join('; ')));
	await ready(page);
}

/* The page never scrolls sideways at its width. */
async function fits(page, where) {
	const r = await page.evaluate(() => ({doc: document.documentElement.scrollWidth, vw: window.innerWidth}));
	assert.ok(r.doc <= r.vw, `${where}: page ${r.doc}px wide in a ${r.vw}px window`);
}

before(async () => {
	fs.mkdirSync(SHOTS, {recursive: true});
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-clue-ui-'));
	const db = path.join(tmp, 'c.db');
	fixtureDb(db);
	for (const u of [INSPECTOR, STREET])
		addUser(db, u.name, u.role, [...(u.street ? ['--street', u.street] : []), '--name', u.display]);
	({server, base} = await serve(db));
	for (const u of [INSPECTOR, STREET]) assert.equal(await changePassword(base, u.name, INITIAL, u.password), 200);
	session = await apiLogin(base, INSPECTOR.name, INSPECTOR.password);
	browser = await launch();
});

after(async () => {
	if (browser) await browser.close();
	if (server) server.kill('SIGTERM');
	if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
});

test('a clue from the public page to 办结: file, transfer, conclude, return, conclude, pass, see the reply', {timeout: 180000}, async () => {
	const before0 = await boxesApi();

	/* 1. The worker, on a phone, without an account. */
	const worker = await newPage(browser, problems, {label: () => 'worker: ', allow: /status of 404/, viewport: PHONE});
	await worker.goto(base + '/report');
	await worker.waitForFunction(() => document.body.dataset.ready === '1');
	assert.equal(await worker.title(), '欠薪线索反映 · 滨海新区人力资源和社会保障局');
	await fits(worker, '/report');
	const submitBox = await worker.locator('#file-submit').boundingBox();
	assert.ok(submitBox.height >= 44, 'a large touch target');
	const f = (name, v) => worker.fill(`#file-form [name=${name}]`, v);
	await f('reporter_name', '张三');
	await f('reporter_id_number', ID_BAD);
	await f('reporter_phone', '13812345678');
	await f('employer_name', '天津港建工集团有限公司');
	await f('project_name', '新港码头仓储楼');
	await f('site_address', '新港二号路9号');
	await f('workers_claimed', '3');
	await f('amount_claimed', '36000');
	await f('description', '2026年9月至10月在新港码头仓储楼工地做钢筋工，三人共被拖欠工资36000元，多次找项目部未果。');
	await worker.click('#add-worker');
	await worker.fill('.r-worker [name=w_name]', '李四');
	/* a photo over 5 MiB is refused before anything is sent */
	await worker.setInputFiles('#photos', {name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0xff)});
	assert.match(await worker.textContent('.r-field-error:not([hidden])'), /不超过 5 MB/);
	await worker.setInputFiles('#photos', {name: '工地.png', mimeType: 'image/png', buffer: PNG});
	/* the ID number's check digit is checked in the browser */
	await worker.click('#file-submit');
	await worker.waitForSelector('[name=reporter_id_number][aria-invalid=true]');
	assert.match(await worker.locator('[name=reporter_id_number]').locator('xpath=..').textContent(), /校验位/);
	assert.equal(await worker.isVisible('#filed'), false, 'nothing filed with a wrong ID number');
	await f('reporter_id_number', ID_OK);
	await fits(worker, '/report, filled');
	await worker.screenshot({path: path.join(SHOTS, 'report.png'), fullPage: true});
	await worker.click('#file-submit');
	await worker.waitForSelector('#filed:not([hidden])', {timeout: 20000}).catch(async () =>
		assert.fail('not filed: ' + (await worker.textContent('#file-error')) + ' ' + problems.join('; ')));
	const number = (await worker.textContent('#filed-number')).trim();
	const code = (await worker.textContent('#filed-code')).trim();
	assert.match(number, /^QX-\d{4}-\d{6}$/);
	assert.match(code, /^[A-Z0-9]{6,16}$/);
	assert.match(await worker.textContent('.r-save'), /请保存/);
	assert.match(await worker.textContent('#filed-photos'), /已上传照片 1 张/);
	await fits(worker, '/report, filed');
	await worker.screenshot({path: path.join(SHOTS, 'report-filed.png'), fullPage: true});

	/* What the office has: the clue, its photo, the project matched. */
	const d0 = (await call('GET', `/api/v1/cases/clue/${number}`)).json;
	assert.equal(d0.case.status, 'received');
	assert.equal(d0.case.street, '新港街道', 'proposed: the street of the project named');
	assert.equal(d0.case.project_code, 'BH-2026-002');
	assert.equal(d0.files.length, 1, 'the photo');

	/* 2. The inspector: 待转办 + 1; the clue; 转办 to 新港街道. */
	const insp = await officer(INSPECTOR);
	await insp.click('.sidenav a[data-nav=clues]');
	await ready(insp);
	assert.equal(await insp.getAttribute('[data-testid=clue-boxes] a.active', 'data-box'), 'transfer', 'an inspector starts at 待转办');
	const b1 = await boxesUi(insp);
	assert.equal(b1.transfer, before0.transfer + 1, '待转办 grew by the new clue');
	const rows = await insp.$$eval('[data-testid=list-clues] tbody tr td[data-key=number]', (t) => t.map((x) => x.textContent));
	assert.ok(rows.includes(number), 'listed in 待转办');
	await insp.screenshot({path: path.join(SHOTS, 'clues.png'), fullPage: true});
	await insp.click(`[data-testid=list-clues] tbody tr:has-text("${number}") td[data-key=employer_name]`);
	await insp.waitForFunction((n) => location.hash.startsWith('#/clues/' + n), number);
	await ready(insp);
	assert.equal(await insp.textContent('[data-testid=state]'), '已接收');
	assert.match(await insp.textContent('[data-testid=project-link]'), /BH-2026-002/);
	assert.match(await insp.textContent('[data-testid=files]'), /\.png .*反映人/, 'the photo, sent by the reporter');
	assert.match(await insp.textContent('[data-testid=deadline]'), /\d{4}-\d{2}-\d{2}/);
	assert.match(await insp.textContent('[data-testid=clue-workers]'), /李四/);
	await act(insp, 'transfer', async (dlg) => {
		assert.equal(await dlg.locator('select[name=street]').inputValue(), '新港街道', 'the proposed street is chosen');
	}, '已转办');
	assert.match(await insp.textContent('[data-testid=flash]'), /已转办/);
	assert.match(await insp.textContent('[data-testid=history] li:first-child'), /转办/);
	await go(insp, '/clues?box=transfer');
	const b2 = await boxesUi(insp);
	assert.equal(b2.transfer, b1.transfer - 1, '待转办 shrank');
	assert.equal(b2.handle, b1.handle + 1, '待核处 grew');

	/* 3. 新港街道 concludes with a PDF. */
	const street = await officer(STREET);
	await go(street, '/clues');
	assert.equal(await street.getAttribute('[data-testid=clue-boxes] a.active', 'data-box'), 'handle', 'a street starts at 待核处');
	assert.ok((await street.$$eval('[data-testid=list-clues] td[data-key=number]', (t) => t.map((x) => x.textContent))).includes(number));
	await openClue(street, number);
	const conclude = (reply) => async (dlg) => {
		await dlg.locator('select[name=conclusion]').selectOption('1');
		await dlg.locator('input[name=workers_resolved]').fill('3');
		await dlg.locator('input[name=amount_resolved]').fill('36000');
		await dlg.locator('select[name=paid_by]').selectOption('contractor');
		await dlg.locator('textarea[name=reply]').fill(reply);
	};
	await act(street, 'conclude', async (dlg) => {
		/* the reply is required */
		await dlg.locator('[data-testid=dialog-ok]').click();
		assert.match(await dlg.locator('.field-error:not([hidden])').first().textContent(), /请(选择|填写)/);
		await conclude(REPLY_1)(dlg);
		await dlg.locator('input[type=file]').setInputFiles({name: '核处报告.pdf', mimeType: 'application/pdf', buffer: PDF});
	}, '待审核');
	assert.match(await street.textContent('[data-testid=files]'), /核处报告\.pdf/);
	assert.match(await street.textContent('[data-testid=conclusion]'), /已解决/);
	assert.match(await street.textContent('[data-testid=conclusion]'), /¥36,000\.00/);
	const pdfHref = await street.getAttribute('[data-testid=files] a:has-text("核处报告.pdf")', 'href');
	const pdf = await street.evaluate(async (u) => {
		const r = await fetch(u);
		return {status: r.status, type: r.headers.get('content-type'), head: (await r.text()).slice(0, 5)};
	}, pdfHref);
	assert.deepEqual([pdf.status, pdf.head], [200, '%PDF-'], 'the attachment downloads');
	await street.screenshot({path: path.join(SHOTS, 'clue-submitted.png'), fullPage: true});

	/* 4. The inspector returns it once: the reason is required. */
	await go(insp, '/clues?box=review');
	assert.equal((await boxesUi(insp)).review, before0.review + 1, '待审核 grew');
	await openClue(insp, number);
	await act(insp, 'return', async (dlg) => {
		await dlg.locator('[data-testid=dialog-ok]').click();
		assert.match(await dlg.locator('.field-error:not([hidden])').textContent(), /请填写退回原因/);
		await dlg.locator('textarea[name=reason]').fill(RETURN_REASON);
	}, '退回');
	const top = insp.locator('[data-testid=history] li').first();
	assert.match(await top.textContent(), /退回/);
	assert.match(await top.textContent(), new RegExp(RETURN_REASON));

	/* 5. The street concludes again (the form keeps the first answers),
	 * the inspector passes it. */
	await openClue(street, number);
	assert.match(await street.textContent('[data-testid=history]'), new RegExp(RETURN_REASON), 'the street reads why');
	await act(street, 'conclude', async (dlg) => {
		assert.equal(await dlg.locator('select[name=conclusion]').inputValue(), '1', 'the first conclusion is kept');
		await dlg.locator('textarea[name=reply]').fill(REPLY_2);
	}, '待审核');
	await openClue(insp, number);
	await act(insp, 'pass', null, '审核通过');
	assert.equal(await insp.locator('[data-testid=actions] button').count(), 0, 'no action on a closed clue');
	assert.equal(await insp.textContent('[data-testid=reply]'), REPLY_2);
	assert.match(await insp.textContent('[data-testid=deadlines]'), /已办结/);
	await insp.screenshot({path: path.join(SHOTS, 'clue-passed.png'), fullPage: true});
	const d1 = (await call('GET', `/api/v1/cases/clue/${number}`)).json;
	assert.equal(d1.case.status, 'passed');
	assert.equal(d1.case.returns, 1);
	assert.deepEqual(d1.history.map((e) => e.action).filter((a) => a !== 'attach' && a !== 'create'),
		['transfer', 'conclude', 'return', 'conclude', 'pass']);

	/* Every action POST had a key of its own. */
	assert.equal(keys.length, 5, keys.join(','));
	assert.ok(keys.every((k) => /^[0-9a-f]{32}$/.test(k)), 'an Idempotency-Key on each');
	assert.equal(new Set(keys).size, keys.length, 'a fresh one each time');

	/* 6. The worker, on a fresh page, with number + code only. */
	const back = await newPage(browser, problems, {label: () => 'worker: ', allow: /status of 404/, viewport: PHONE});
	await back.goto(base + '/report#query');
	await back.waitForFunction(() => document.body.dataset.ready === '1');
	assert.equal(await back.isVisible('#query-form'), true, '#query opens 查询进度');
	await back.fill('#query-form [name=number]', number);
	await back.fill('#query-form [name=code]', 'WRONG000');
	await back.click('#query-form button[type=submit]');
	await back.waitForSelector('#query-error:not([hidden])');
	assert.match(await back.textContent('#query-error'), /没有查到/);
	await back.fill('#query-form [name=code]', code);
	await back.click('#query-form button[type=submit]');
	await back.waitForSelector('#status:not([hidden])');
	assert.equal(await back.textContent('#st-state'), '已办结');
	assert.equal(await back.isVisible('#st-done'), true);
	assert.match(await back.textContent('#st-done'), /审核通过/);
	assert.equal(await back.textContent('#st-reply'), REPLY_2);
	assert.equal(await back.textContent('#st-number'), number);
	await fits(back, '/report#query');
	await back.screenshot({path: path.join(SHOTS, 'report-status.png'), fullPage: true});

	/* The statistics of the year agree with the API. */
	const year = d1.case.received_date.slice(0, 4);
	const st = (await call('GET', `/api/v1/cases/clue/stats?year=${year}`)).json;
	assert.ok(st.resolved >= 1 && st.received >= 1);
	await go(insp, `/clues/stats?year=${year}`);
	assert.equal(await insp.textContent('[data-testid=kpi-received]'), String(st.received));
	assert.equal(await insp.textContent('[data-testid=kpi-resolved]'), String(st.resolved));
	assert.equal(await insp.textContent('[data-testid=kpi-pass-rate]'), st.pass_rate ?? '—');
	assert.equal(await insp.textContent('[data-testid=kpi-amount]'), await insp.evaluate((a) => window.anxin.wan(a), st.amount_resolved));
	assert.equal(await insp.textContent('[data-testid=amount-exact]'), await insp.evaluate((a) => window.anxin.money(a), st.amount_resolved));
	assert.ok(await insp.locator('[data-testid=chart-clue-month] canvas').count() >= 1, 'the by-month chart');
	const xg = st.by_street.find((r) => r.street === '新港街道');
	const xgRow = insp.locator('[data-testid=clue-by-street] tbody tr:has-text("新港街道")');
	assert.equal(await xgRow.locator('td[data-key=resolved]').textContent(), String(xg.resolved));
	assert.equal(await xgRow.locator('td[data-key=rate]').textContent(), xg.pass_rate + '%', 'one pass of two decisions');
	await insp.screenshot({path: path.join(SHOTS, 'clue-stats.png'), fullPage: true});
	assert.deepEqual(problems, []);
});

test('登记线索 by an officer; an overdue clue is red in 逾期 on a given 数据日期', {timeout: 90000}, async () => {
	const insp = await officer(INSPECTOR);
	await go(insp, '/clues');
	await insp.click('[data-testid=clue-new]');
	await ready(insp);
	const form = insp.locator('[data-testid=clue-form]');
	await form.locator('select[name=channel]').selectOption('hotline');
	await form.locator('input[name=received_date]').fill('2026-06-01');
	await form.locator('input[name=reporter_name]').fill('王五');
	await form.locator('input[name=reporter_id_number]').fill(ID_BAD);
	await form.locator('input[name=employer_name]').fill('滨海置业有限公司');
	await form.locator('input[name=project_code]').fill('BH-2026-001');
	await form.locator('input[name=amount_claimed]').fill('8800');
	await form.locator('textarea[name=description]').fill('12333 来电：泰达智慧园一期拖欠木工工资。');
	await insp.click('[data-testid=clue-submit]');
	assert.match(await insp.textContent('.field-error:not([hidden])'), /校验位/, 'the check digit, before sending');
	await form.locator('input[name=reporter_id_number]').fill(ID_OK);
	await insp.click('[data-testid=clue-submit]');
	await insp.waitForFunction(() => /^#\/clues\/QX-\d{4}-\d{6}/.test(location.hash), null, {timeout: 15000}).catch(async () =>
		assert.fail('not registered: ' + problems.join('; ')));
	await ready(insp);
	const number = await insp.textContent('[data-testid=clue-number]');
	assert.match(await insp.textContent('[data-testid=flash]'), /已登记线索 .*泰达街道/);
	assert.equal(await insp.textContent('[data-testid=state]'), '已接收');

	/* On 2026-06-15 its 1-working-day transfer deadline has long passed. */
	const asOf = '2026-06-15';
	const boxes = await boxesApi(asOf);
	assert.ok(boxes.overdue >= 1, 'the API counts it overdue');
	await go(insp, `/clues?box=overdue&as_of=${asOf}`);
	assert.equal((await boxesUi(insp)).overdue, boxes.overdue, 'the 逾期 tab counts what the API counts');
	assert.equal(await insp.inputValue('#as-of'), asOf, 'the 数据日期 of the URL');
	const row = insp.locator(`[data-testid=list-clues] tbody tr:has-text("${number}")`);
	assert.match(await row.getAttribute('class'), /row-alert/);
	const dl = row.locator('[data-testid=deadline]');
	assert.equal(await dl.getAttribute('data-overdue'), '1');
	assert.match(await dl.textContent(), /已逾期 \d+ 天/);
	assert.equal(await dl.evaluate((e) => getComputedStyle(e).color), 'rgb(201, 55, 44)', 'red');
	await insp.screenshot({path: path.join(SHOTS, 'clues-overdue.png'), fullPage: true});
	/* 导出 CSV: the box on screen with its 数据日期, every page, in the browser's session */
	const href = await insp.getAttribute('[data-export=csv]', 'href');
	const exported = new URL(href, base).searchParams;
	assert.deepEqual([exported.get('box'), exported.get('as_of'), exported.get('format')], ['overdue', asOf, 'csv']);
	assert.equal(exported.get('offset'), null, 'not a page of it');
	const csv = await insp.evaluate(async (u) => (await fetch(u)).text(), href);
	assert.ok(csv.split(/\r?\n/).some((l) => l.startsWith(number + ',')), 'the overdue clue is in the file');
	/* The clue's page on that date says so too. */
	await go(insp, `/clues/${number}?as_of=${asOf}`);
	assert.equal(await insp.getAttribute('[data-testid=deadline]', 'data-overdue'), '1');
	assert.match(await insp.textContent('.fact[data-key=deadline] dd'), /已逾期/);

	/* A second clue on the same project is flagged, and merged into the
	 * first through 合并 (the possible duplicate proposed as the target). */
	const dup = await call('POST', '/api/v1/cases/clue', {channel: 'visit', received_date: '2026-06-03', reporter_name: '赵六',
		employer_name: '滨海置业有限公司', project_code: 'BH-2026-001', description: '来访：同一工地拖欠木工工资。'});
	assert.equal(dup.status, 201, JSON.stringify(dup.json));
	assert.ok(dup.json.duplicates.includes(number), 'flagged as a possible duplicate');
	await go(insp, `/clues/${dup.json.number}?as_of=${asOf}`);
	assert.match(await insp.textContent('[data-testid=links]'), new RegExp('可能重复 ' + number));
	await act(insp, 'merge', async (dlg) => {
		assert.equal(await dlg.locator('input[name=target]').inputValue(), number, 'the duplicate proposed');
	}, '已合并');
	assert.match(await insp.textContent('[data-testid=merged-into]'), new RegExp('已合并到 ' + number));
	await insp.click('[data-testid=merged-into] a');
	await insp.waitForFunction((n) => location.hash.startsWith('#/clues/' + n), number);
	await ready(insp);
	assert.match(await insp.textContent('[data-testid=links]'), new RegExp(dup.json.number));
	assert.deepEqual(problems, []);
});
