/*
 * cases.js - the officers' screens of the wage-arrears clues (欠薪线索,
 * issue 11): the inbox (#/clues: tabs 待转办 / 待核处 / 待审核 / 逾期 / 全部
 * with the counts of the API's "boxes", search, filters, paging), 登记线索
 * (#/clues/new: a clue taken by phone, visit, letter or transfer), one
 * clue's page (#/clues/QX-2026-000001: parties, deadlines with their
 * basis, history, attachments, links, and the actions the API lists with
 * their forms) and the statistics of a year (#/clues/stats).
 *
 * A page module like warn.js: helpers from window.anxinLib, every value
 * reaches the DOM as text through h(), money stays a string of yuan
 * (format.js), figures are of the 数据日期 (as_of= on every GET). Which
 * actions a person has is the server's answer ("actions" of the clue);
 * each action POST carries an Idempotency-Key made when its form opens, so
 * a retried submission cannot transition twice. The workers' public page
 * is web/report.js, apart from this UI. Conventions: docs/ui.md, "Cases".
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, DASH, money, wan, num, monthLabel, api, session, state, kindOf, enumLabel, streets, charts,
		chartBox, card, pageHead, facts, table, pager, emptyState, setQuery, formRow, fieldError, dateField,
		fileField, banner, exportUrl} = lib;

	const BASE = '/api/v1/cases/clue';

	/* ---- vocabulary ---------------------------------------------------- */

	/* The inbox's tabs: the API's boxes (case_boxes), in the order of the
	 * work. 全部 counts open + closed. */
	const BOXES = [['transfer', '待转办'], ['handle', '待核处'], ['review', '待审核'], ['overdue', '逾期'], ['all', '全部']];
	/* The 10 conclusion types of cases.md, as clue_conclusion_zh() names
	 * them (the clue's conclusion_zh and the statistics' by_conclusion
	 * carry the server's names; this list is only the form's choice). */
	const CONCLUSIONS = ['已解决(工资已支付)', '部分解决(剩余通过仲裁/诉讼)', '反映不属实', '非欠薪问题(工程款等纠纷)',
		'已立案查处', '已引导劳动仲裁', '已进入司法程序', '无法联系反映人', '用人单位已注销或无法联系(已移交)', '重复线索(合并到编号…)'];
	/* How an arrears was paid (clue_paid_by_zh()). */
	const PAID_BY = [['employer', '用人单位支付'], ['contractor', '总承包单位先行清偿'], ['deposit', '工资保证金支付'],
		['emergency', '应急周转金垫付']];
	/* Channels an officer takes a clue by (网上 is the public page's). */
	const OFFICER_CHANNELS = ['hotline', 'visit', 'letter', 'transfer', 'platform'];
	const STATE_CLASS = {received: 'b-planned', transferred: 'b-planned', handling: 'b-suspended', submitted: 'b-suspended',
		returned: 'b-alert', passed: 'b-completed', merged: 'b-other'};
	const MONEY_RE = '\\d{1,11}(\\.\\d{1,2})?';
	const NUMBER_RE = '[A-Z]{2}-\\d{4}-\\d{6}';

	const role = () => (session.me && session.me.user && session.me.user.role) || '';
	const clueHref = (n) => '#/clues/' + encodeURIComponent(n);

	/* A success message shown once on the next render. */
	let flash = null;
	function takeFlash() {
		const f = flash;
		flash = null;
		return f ? h('div', {class: 'notice notice-ok', dataset: {testid: 'flash'}}, f) : null;
	}

	/* A new Idempotency-Key: 128 random bits in hex (getRandomValues works
	 * outside a secure context too, unlike randomUUID). */
	function newKey() {
		const a = new Uint8Array(16);
		crypto.getRandomValues(a);
		return Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
	}

	/* POSTs body to path with the Idempotency-Key key (and the CSRF token,
	 * as every write: api()). */
	function postKeyed(path, body, key) {
		return api(path, null, {method: 'POST', headers: {'Content-Type': 'application/json', 'Idempotency-Key': key},
			body: JSON.stringify(body || {})});
	}

	/* A key that stays for a retry of the same submission (the network
	 * failed, the server was busy: the first may have happened) and is
	 * renewed once the server refused it (4xx: nothing happened). */
	function keyHolder() {
		let key = newKey();
		return {
			get: () => key,
			after(e) {
				if (e && e.status >= 400 && e.status < 500) key = newKey();
			},
		};
	}

	/* Uploads the File f to the clue number; resolves to the API's answer. */
	async function uploadFile(number, f) {
		return api(`${BASE}/${encodeURIComponent(number)}/files`, {name: f.name}, {method: 'POST', body: await f.arrayBuffer(),
			headers: {'Content-Type': 'application/octet-stream'}});
	}

	function stateBadge(c) {
		const st = c.state || c.status;
		return h('span', {class: 'badge ' + (STATE_CLASS[st] || 'b-other'), dataset: {testid: 'state', state: st || ''}},
			c.state_zh || st || DASH);
	}

	/* A deadline with what is left of it: "2026-12-01 剩 1 个工作日", red
	 * "已逾期 3 天" once it passed on the 数据日期; its name and basis as
	 * the title. DASH for a closed clue. */
	function deadlineView(c) {
		if (!c.deadline) return DASH;
		const over = Number(c.days_overdue || 0) > 0;
		const wd = c.workdays_left !== undefined && c.workdays_left !== null ? Number(c.workdays_left) : null;
		const left = over ? `已逾期 ${num(c.days_overdue)} 天`
			: wd !== null ? (wd <= 0 ? '今日到期' : `剩 ${num(wd)} 个工作日`)
				: Number(c.days_left) <= 0 ? '今日到期' : `剩 ${num(c.days_left)} 天`;
		return h('span', {class: 'deadline' + (over ? ' deadline-over' : ''), dataset: {testid: 'deadline', overdue: over ? '1' : '0'},
			title: [c.deadline_zh, c.deadline_basis].filter(Boolean).join(' · ') || null},
		h('span', {class: 'mono'}, c.deadline), ' ', h('span', {class: 'dl-left'}, left));
	}

	/* GB 11643 check of an 18-character ID number (the server checks
	 * again, as for every ID number: kind.c). */
	function idNumberOk(s) {
		if (!/^\d{17}[\dX]$/.test(s)) return false;
		const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
		let sum = 0;
		for (let i = 0; i < 17; i++) sum += Number(s[i]) * w[i];
		return '10X98765432'[sum % 11] === s[17];
	}

	/* ---- the inbox --------------------------------------------------------- */

	function defaultBox() {
		const r = role();
		return r === 'street' ? 'handle' : r === 'inspector' || r === 'admin' ? 'transfer' : 'all';
	}

	async function pageClues(ctx) {
		const q = ctx.query;
		const box = BOXES.some((b) => b[0] === q.get('box')) ? q.get('box') : defaultBox();
		const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
		const perPage = Math.min(200, Math.max(1, parseInt(q.get('per_page'), 10) || 20));
		const params = {box, offset: (page - 1) * perPage, limit: perPage, as_of: state.asOf()};
		for (const k of ['state', 'street', 'q', 'from', 'to']) if (q.get(k)) params[k] = q.get(k);
		const scoped = role() === 'street';
		const [res, kind, streetList] = await Promise.all([api(BASE, params), kindOf('clues'),
			scoped ? Promise.resolve([]) : streets().catch(() => [])]);
		if (!ctx.alive()) return;
		const boxes = res.boxes || {};
		const count = (b) => b === 'all' ? Number(boxes.open || 0) + Number(boxes.closed || 0) : Number(boxes[b] || 0);
		const nav = (mut) => setQuery('#/clues', q, (n) => {
			n.set('box', box);
			mut(n);
			n.delete('page');
		});

		/* the boxes: links (each a URL), with their counts */
		const tabsEl = h('nav', {class: 'tabs view-tabs', 'aria-label': '线索分类', dataset: {testid: 'clue-boxes'}}, BOXES.map(([b, l]) => {
			const n = new URLSearchParams(q);
			n.set('box', b);
			n.delete('page');
			return h('a', {class: 'tab' + (b === box ? ' active' : ''), href: '#/clues?' + n.toString(), dataset: {box: b},
				'aria-current': b === box ? 'page' : null}, l,
			h('span', {class: 'tab-count' + (b === 'overdue' && count(b) ? ' tab-alert' : ''), dataset: {testid: 'box-' + b}}, String(count(b))));
		}));

		/* search and filters */
		const stateField = kind.byKey.get('status');
		const sel = (name, label, opts) => h('select', {class: 'input', name, 'aria-label': label, onchange: (e) => nav((n) => {
			if (e.target.value) n.set(name, e.target.value);
			else n.delete(name);
		})}, h('option', {value: ''}, '全部' + label), opts.map(([v, l]) => h('option', {value: v, selected: q.get(name) === v}, l)));
		const search = h('input', {class: 'input', type: 'search', name: 'q', value: q.get('q') || '', 'aria-label': '搜索',
			placeholder: '线索编号、反映人或被反映单位'});
		const from = dateField({name: 'from', 'aria-label': '接收日期起', 'data-label': '接收日期起', placeholder: '接收日期起', value: q.get('from') || ''});
		const to = dateField({name: 'to', 'aria-label': '接收日期止', 'data-label': '接收日期止', value: q.get('to') || ''});
		const form = h('form', {class: 'toolbar', role: 'search', onsubmit: (e) => {
			e.preventDefault();
			nav((n) => {
				for (const el of [search, from.querySelector('input'), to.querySelector('input')]) {
					if (el.value.trim()) n.set(el.name, el.value.trim());
					else n.delete(el.name);
				}
			});
		}}, search,
		sel('state', '状态', ((stateField && stateField.values) || []).map((v) => [v.code, v.label])),
		scoped ? null : sel('street', '街镇', streetList.map((s) => [s, s])),
		h('span', {class: 'muted'}, '接收日期'), from, '至', to,
		h('button', {type: 'submit', class: 'btn btn-primary'}, '查询'),
		[...q.keys()].some((k) => !['box', 'page', 'per_page', 'as_of'].includes(k)) ? h('a', {class: 'btn btn-link', href: '#/clues?box=' + box}, '清除条件') : null);

		const columns = [
			{key: 'number', label: '线索编号', render: (c) => h('span', {class: 'mono'}, c.number)},
			{key: 'received_date', label: '接收日期', render: (c) => c.received_date || DASH},
			{key: 'channel', label: '来源', render: (c) => enumLabel(kind.byKey.get('channel'), c.channel) || DASH},
			{key: 'employer_name', label: '被反映单位', wrap: true, render: (c) => [c.employer_name || DASH,
				(c.duplicates || []).length ? h('span', {class: 'badge b-suspended dup-badge', title: '可能重复：' + c.duplicates.join('、')}, '疑似重复') : null]},
			{key: 'street', label: '街镇', render: (c) => c.street || h('span', {class: 'muted'}, '待定')},
			{key: 'workers_claimed', label: '涉及人数', num: true, render: (c) => num(c.workers_claimed)},
			{key: 'amount_claimed', label: '反映金额', num: true, render: (c) => money(c.amount_claimed)},
			{key: 'state', label: '状态', render: (c) => [stateBadge(c), Number(c.returns || 0) ? h('span', {class: 'muted'}, ` 退回${c.returns}次`) : null]},
			{key: 'deadline', label: '办理期限', render: deadlineView},
		];
		const goPage = (p) => setQuery('#/clues', q, (n) => {
			n.set('box', box);
			n.set('page', p);
		});
		const mayCreate = ['admin', 'inspector', 'street'].includes(role());
		/* the box on screen with its filters, every page, as a file */
		const listed = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'offset' && k !== 'limit'));
		const exportLink = (format, label) => h('a', {class: 'btn', download: '', dataset: {export: format},
			href: exportUrl('/api/v1/export/cases/clue', listed, {format})}, label);
		clear(ctx.main).append(
			pageHead('欠薪线索', `根治欠薪线索的转办、核处与审核 · 数据日期 ${state.asOf()}`, [
				mayCreate ? h('a', {class: 'btn btn-primary', href: '#/clues/new', dataset: {testid: 'clue-new'}}, '登记线索') : null,
				h('a', {class: 'btn', href: '#/clues/stats', dataset: {testid: 'clue-stats-link'}}, '统计分析'),
				exportLink('xlsx', '导出 Excel'), exportLink('csv', '导出 CSV')]),
			takeFlash() || '',
			tabsEl,
			card(null, h('div', null, form,
				table({columns, rows: res.items || [], testid: 'list-clues', href: (c) => clueHref(c.number),
					rowClass: (c) => Number(c.days_overdue || 0) > 0 ? 'row-alert' : '',
					empty: box === 'overdue' ? '没有逾期的线索' : '没有符合条件的线索'}),
				pager(res.total || 0, page, perPage, goPage, {onPerPage: (n) => nav((x) => x.set('per_page', n))}))));
	}

	/* ---- 登记线索 ---------------------------------------------------------- */

	/* A row of the workers involved: name, ID number, phone, 删除. */
	function workerRow(onRemove) {
		const row = h('div', {class: 'worker-row', dataset: {testid: 'worker-row'}},
			h('input', {class: 'input', name: 'w_name', 'aria-label': '工人姓名', 'data-label': '工人姓名', placeholder: '姓名', required: true, maxlength: 50}),
			h('input', {class: 'input', name: 'w_id', 'aria-label': '工人身份证号', 'data-label': '工人身份证号', placeholder: '身份证号(可不填)',
				pattern: '\\d{17}[\\dXx]', 'data-msg': '请填写 18 位身份证号', maxlength: 18}),
			h('input', {class: 'input', name: 'w_phone', 'aria-label': '工人电话', 'data-label': '工人电话', placeholder: '电话(可不填)',
				pattern: '1\\d{10}', 'data-msg': '请填写 11 位手机号', inputmode: 'tel', maxlength: 11}),
			h('button', {type: 'button', class: 'btn btn-small', onclick: () => {
				row.remove();
				onRemove();
			}}, '删除'));
		return row;
	}

	async function pageClueNew(ctx) {
		const [kind, streetList] = await Promise.all([kindOf('clues'), streets().catch(() => [])]);
		if (!ctx.alive()) return;
		const channelField = kind.byKey.get('channel');
		const scoped = role() === 'street';
		const key = keyHolder();
		const inp = (name, label, attrs) => h('input', {class: 'input', name, 'data-label': label, ...attrs});
		const f = {
			channel: h('select', {class: 'input', name: 'channel', required: true, 'data-label': '来源渠道'},
				h('option', {value: ''}, '请选择…'),
				OFFICER_CHANNELS.map((c) => h('option', {value: c}, enumLabel(channelField, c)))),
			received_date: dateField({name: 'received_date', required: true, 'data-label': '接收日期', value: lib.todayShanghai()}),
			reporter_name: inp('reporter_name', '反映人', {required: true, maxlength: 50}),
			reporter_id_number: inp('reporter_id_number', '身份证号', {maxlength: 18, pattern: '\\d{17}[\\dXx]', 'data-msg': '请填写 18 位身份证号'}),
			reporter_phone: inp('reporter_phone', '联系电话', {maxlength: 20, inputmode: 'tel', pattern: '[0-9+\\- ]{7,20}', 'data-msg': '请填写电话号码'}),
			employer_name: inp('employer_name', '被反映单位', {required: true, maxlength: 100}),
			employer_uscc: inp('employer_uscc', '统一社会信用代码', {maxlength: 18, pattern: '[0-9A-HJ-NPQRTUWXY]{18}', 'data-msg': '请填写 18 位统一社会信用代码'}),
			project_code: inp('project_code', '项目编号', {maxlength: 40}),
			project_name: inp('project_name', '项目名称', {maxlength: 100}),
			site_address: inp('site_address', '工地地址', {maxlength: 200}),
			street: scoped ? null : h('select', {class: 'input', name: 'street', 'data-label': '办理街镇'},
				h('option', {value: ''}, '按项目/单位自动匹配'), streetList.map((s) => h('option', {value: s}, s))),
			workers_claimed: inp('workers_claimed', '涉及人数', {inputmode: 'numeric', pattern: '[1-9]\\d{0,5}', 'data-msg': '请填写人数(正整数)'}),
			amount_claimed: inp('amount_claimed', '反映金额(元)', {inputmode: 'decimal', pattern: MONEY_RE, 'data-msg': '请填写金额(元)，如 12000 或 12000.50'}),
			description: h('textarea', {class: 'input dlg-text', name: 'description', rows: 4, required: true, maxlength: 2000, 'data-label': '反映内容'}),
		};
		const workers = h('div', {class: 'worker-rows', dataset: {testid: 'workers'}});
		const addWorker = h('button', {type: 'button', class: 'btn btn-small', dataset: {testid: 'add-worker'},
			onclick: () => workers.append(workerRow(() => {}))}, '添加涉及工人');
		const val = (el) => (el ? String((el.matches('input,select,textarea') ? el : el.querySelector('input')).value || '').trim() : '');
		const err = h('div', {class: 'notice notice-error', hidden: true, role: 'alert'});
		const form = h('form', {class: 'clue-form', dataset: {testid: 'clue-form'}, onsubmit: async (e) => {
			e.preventDefault();
			const idEl = f.reporter_id_number;
			if (val(idEl) && !idNumberOk(val(idEl).toUpperCase())) {
				fieldError(idEl, '身份证号校验位不正确，请核对');
				idEl.focus();
				return;
			}
			const body = {};
			for (const [k, el] of Object.entries(f)) if (el && val(el)) body[k] = val(el);
			if (body.reporter_id_number) body.reporter_id_number = body.reporter_id_number.toUpperCase();
			body.workers = [...workers.querySelectorAll('.worker-row')].map((r) => ({
				name: r.querySelector('[name=w_name]').value.trim(), id_number: r.querySelector('[name=w_id]').value.trim().toUpperCase(),
				phone: r.querySelector('[name=w_phone]').value.trim()}));
			const btn = form.querySelector('button[type=submit]');
			btn.disabled = true;
			err.hidden = true;
			try {
				const r = await postKeyed(BASE, body, key.get());
				flash = `已登记线索 ${r.number}` + (r.street ? `，拟转办 ${r.street}` : '，未匹配到街镇，请转办时选择') +
					((r.duplicates || []).length ? `；可能与 ${r.duplicates.join('、')} 重复` : '');
				location.hash = clueHref(r.number);
			} catch (ex) {
				key.after(ex);
				err.textContent = ex.message;
				err.hidden = false;
				banner.show(ex.message);
			} finally {
				btn.disabled = false;
			}
		}},
		h('div', {class: 'form-cols'},
			h('div', null, h('h3', null, '来源与反映人'),
				formRow('来源渠道', f.channel), formRow('接收日期', f.received_date), formRow('反映人', f.reporter_name),
				formRow('身份证号', f.reporter_id_number), formRow('联系电话', f.reporter_phone)),
			h('div', null, h('h3', null, '被反映单位与项目'),
				formRow('被反映单位', f.employer_name), formRow('统一社会信用代码', f.employer_uscc), formRow('项目编号', f.project_code),
				formRow('项目名称', f.project_name), formRow('工地地址', f.site_address),
				f.street ? formRow('办理街镇', f.street) : null)),
		h('h3', null, '欠薪情况'),
		formRow('涉及人数', f.workers_claimed), formRow('反映金额(元)', f.amount_claimed), formRow('反映内容', f.description),
		h('div', {class: 'form-row'}, h('label', null, '涉及工人'), h('div', null, workers, addWorker)),
		err,
		h('div', {class: 'form-row'}, h('label', null, ''), h('div', {class: 'btns'},
			h('button', {type: 'submit', class: 'btn btn-primary', dataset: {testid: 'clue-submit'}}, '登记'),
			h('a', {class: 'btn', href: '#/clues'}, '取消'))));
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/clues'}, '欠薪线索'), ' / 登记线索'),
			pageHead('登记线索', '来电(12333)、来访、来信或转交的欠薪线索；系统按项目编号/名称、单位代码/名称匹配办理街镇，并提示可能的重复线索'),
			card(null, form));
	}

	/* ---- one clue ---------------------------------------------------------- */

	/* A modal form: title, rows [label, field] (formRow; checked by
	 * validateForm), submit(form) -> true to close, or throws (the message
	 * shows in the dialog). */
	function formDialog(title, rows, submit, opts) {
		const o = opts || {};
		const err = h('div', {class: 'dlg-error', hidden: true, role: 'alert', dataset: {testid: 'dialog-error'}});
		const ok = h('button', {type: 'submit', class: 'btn ' + (o.danger ? 'btn-danger' : 'btn-primary'), dataset: {testid: 'dialog-ok'}}, o.ok || '确定');
		const close = () => {
			dlg.close();
			dlg.remove();
		};
		const dlg = h('dialog', {class: 'dlg dlg-wide', dataset: {testid: 'dialog', action: o.action || null}},
			h('form', {onsubmit: async (e) => {
				e.preventDefault();
				ok.disabled = true;
				err.hidden = true;
				try {
					if (await submit(e.target)) close();
				} catch (ex) {
					err.textContent = ex.message || String(ex);
					err.hidden = false;
				} finally {
					ok.disabled = false;
				}
			}},
			h('h2', null, title),
			o.hint ? h('p', {class: 'muted'}, o.hint) : null,
			rows.filter(Boolean).map(([label, field]) => formRow(label, field)),
			err,
			h('div', {class: 'dlg-actions'},
				h('button', {type: 'button', class: 'btn', onclick: close}, '取消'), ok)));
		document.body.append(dlg);
		dlg.showModal();
		const first = dlg.querySelector('input:not([type=file]),select,textarea');
		if (first) first.focus();
		return dlg;
	}

	/* The forms of the actions: what each asks for (the API's "needs"),
	 * their titles and the message after. */
	const ACTION_DONE = {transfer: '已转办', accept: '已签收，开始核处', conclude: '核处结论已提交审核', pass: '审核通过，线索办结',
		return: '已退回街镇重新核处', merge: '已合并到另一线索'};

	async function openAction(c, a) {
		const key = keyHolder();
		const number = c.number;
		const needs = a.needs || [];
		const rows = [];
		const el = {};
		if (needs.includes('street')) {
			const list = await streets().catch(() => []);
			if (c.street && !list.includes(c.street)) list.unshift(c.street);
			el.street = h('select', {class: 'input', name: 'street', required: true, 'data-label': '办理街镇'},
				h('option', {value: ''}, '请选择…'), list.map((s) => h('option', {value: s, selected: s === c.street}, s)));
			rows.push(['转办至', el.street]);
		}
		if (needs.includes('fields')) {
			el.conclusion = h('select', {class: 'input', name: 'conclusion', required: true, 'data-label': '核处结论'},
				h('option', {value: ''}, '请选择…'), CONCLUSIONS.map((zh, i) => h('option', {value: String(i + 1),
					selected: Number(c.conclusion) === i + 1}, `${i + 1} ${zh}`)));
			el.workers_resolved = h('input', {class: 'input', name: 'workers_resolved', required: true, inputmode: 'numeric',
				pattern: '\\d{1,6}', 'data-msg': '请填写人数(整数)', 'data-label': '解决人数', value: c.workers_resolved ?? ''});
			el.amount_resolved = h('input', {class: 'input', name: 'amount_resolved', required: true, inputmode: 'decimal',
				pattern: MONEY_RE, 'data-msg': '请填写金额(元)，如 36000 或 36000.50', 'data-label': '解决金额', value: c.amount_resolved ?? ''});
			el.paid_by = h('select', {class: 'input', name: 'paid_by', 'data-label': '支付方式'},
				h('option', {value: ''}, '无(未支付)'), PAID_BY.map(([v, l]) => h('option', {value: v, selected: c.paid_by === v}, l)));
			el.reply = h('textarea', {class: 'input dlg-text', name: 'reply', rows: 4, required: true, maxlength: 600, 'data-label': '答复反映人',
				placeholder: '将在公众查询页显示给反映人'});
			el.reply.value = c.reply || '';
			el.file = fileField({name: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'});
			rows.push(['核处结论', el.conclusion], ['解决人数', el.workers_resolved], ['解决金额(元)', el.amount_resolved],
				['支付方式', el.paid_by], ['答复反映人', el.reply], ['附件(可选)', el.file]);
		}
		if (needs.includes('target')) {
			el.target = h('input', {class: 'input mono', name: 'target', required: true, pattern: NUMBER_RE, maxlength: 20,
				'data-msg': '请填写线索编号，如 QX-2026-000001', 'data-label': '合并到线索', placeholder: 'QX-2026-000001',
				value: (c.duplicates || [])[0] || ''});
			rows.push(['合并到线索', el.target]);
		}
		if (needs.includes('reason') || a.action === 'pass') {
			el.reason = h('textarea', {class: 'input dlg-text', name: 'reason', rows: 3, required: needs.includes('reason'), maxlength: 500,
				'data-label': a.action === 'return' ? '退回原因' : '意见'});
			rows.push([a.action === 'return' ? '退回原因' : a.action === 'pass' ? '审核意见(可选)' : '说明', el.reason]);
		}
		const hint = {accept: '签收后线索进入核处中，办理期限不变。', pass: '通过后线索办结，反映人可在查询页看到答复。',
			return: '退回后街镇须在 5 个工作日内重新提交核处结论。', merge: '合并后本线索办结为“重复线索”，指向保留的线索。'}[a.action];
		formDialog(`${a.zh} · ${number}`, rows, async (form) => {
			const body = {};
			for (const k of ['street', 'conclusion', 'workers_resolved', 'amount_resolved', 'paid_by', 'reply', 'target', 'reason'])
				if (el[k] && el[k].value.trim()) body[k] = el[k].value.trim();
			if (body.conclusion) body.conclusion = Number(body.conclusion);
			if (body.workers_resolved !== undefined) body.workers_resolved = Number(body.workers_resolved);
			if (el.paid_by && !body.paid_by && lib.toFen(body.amount_resolved || '0') > 0n) {
				fieldError(el.paid_by, '有解决金额时请选择支付方式');
				el.paid_by.focus();
				return false;
			}
			const file = el.file && el.file.querySelector('input').files[0];
			if (file && file.size > 10 * 1024 * 1024) {
				fieldError(el.file.querySelector('input'), '文件过大：附件不超过 10 MB');
				return false;
			}
			/* the attachment first: a conclusion is reviewed with it */
			if (file && !el.file.dataset.sent) {
				try {
					await uploadFile(number, file);
					el.file.dataset.sent = '1';
				} catch (ex) {
					fieldError(el.file.querySelector('input'), ex.message);
					return false;
				}
			}
			try {
				const r = await postKeyed(`${BASE}/${encodeURIComponent(number)}/${a.action}`, body, key.get());
				flash = (ACTION_DONE[a.action] || '已完成') + (r.deadline ? `，下一期限 ${r.deadline}` : '');
			} catch (ex) {
				key.after(ex);
				/* a field the server refused: next to it */
				throw ex;
			}
			lib.reload();
			return true;
		}, {action: a.action, hint, ok: a.zh, danger: a.action === 'return'});
	}

	function actionButtons(d) {
		const list = d.actions || [];
		if (!list.length) return null;
		return list.map((a) => h('button', {type: 'button', class: 'btn ' + (['return', 'merge'].includes(a.action) ? 'btn-danger' : 'btn-primary'),
			dataset: {testid: 'act-' + a.action, action: a.action}, onclick: () => openAction(d.case, a).catch((e) => banner.show(e.message))}, a.zh));
	}

	function historyView(d) {
		const list = (d.history || []).slice().reverse();
		if (!list.length) return emptyState('暂无办理记录');
		return h('ol', {class: 'timeline', dataset: {testid: 'history'}}, list.map((e) =>
			h('li', {class: 'tl-item tl-case-' + e.action, dataset: {action: e.action}},
				h('div', {class: 'tl-head'}, h('b', null, e.action_zh || e.action),
					h('span', {class: 'muted'}, ` ${e.on_date || (e.at || '').slice(0, 10)} · ${e.actor === 'public' ? '反映人(公众页面)' : e.actor_name || e.actor || DASH}`)),
				e.reason ? h('div', {class: 'tl-reason'}, e.reason) : null,
				detailLine(e) ? h('div', {class: 'tl-detail muted'}, detailLine(e)) : null)));
	}

	/* What an event's detail (the engine's JSON of what the action set)
	 * says, in words: never JSON on screen. */
	function detailLine(e) {
		let x = e.detail;
		if (typeof x === 'string') {
			try {
				x = JSON.parse(x);
			} catch (_) {
				return '';
			}
		}
		if (!x || typeof x !== 'object') return '';
		const paid = PAID_BY.find((p) => p[0] === x.paid_by);
		return [
			x.street ? (e.action === 'create' ? '拟转办 ' : '转办至 ') + x.street : '',
			x.target ? '合并到 ' + x.target : '',
			x.merged ? x.merged + ' 并入本线索' : '',
			x.conclusion ? '结论：' + (CONCLUSIONS[Number(x.conclusion) - 1] || x.conclusion) : '',
			x.workers_resolved !== undefined && x.conclusion ? `解决 ${num(x.workers_resolved)} 人` : '',
			x.amount_resolved ? '金额 ' + money(x.amount_resolved) : '',
			paid ? paid[1] : '',
			x.name && e.action === 'attach' ? '附件：' + x.name : '',
			x.deadline ? '期限至 ' + x.deadline : '',
		].filter(Boolean).join('；');
	}

	/* Who uploaded a file: a name, or the reporter on the public page. */
	function uploader(f) {
		return f.uploaded_by === 'public' ? '反映人(公众页面)' : f.uploaded_by_name || f.uploaded_by || DASH;
	}

	function filesView(d, mayAttach) {
		const n = encodeURIComponent(d.case.number);
		const list = (d.files || []).length
			? h('ul', {class: 'file-list', dataset: {testid: 'files'}}, d.files.map((f) => h('li', null,
				h('a', {href: `${BASE}/${n}/files/${f.id}`, download: f.name}, f.name),
				h('span', {class: 'muted'}, ` ${Math.max(1, Math.round((f.size || 0) / 1024))} KB · ${uploader(f)} · ${String(f.uploaded_at || '').slice(0, 10)}`))))
			: emptyState('尚无附件');
		if (!mayAttach) return list;
		const field = fileField({name: 'file', required: true, accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'});
		const input = field.querySelector('input');
		const form = h('form', {class: 'upload-form', dataset: {testid: 'upload-form'}, onsubmit: async (e) => {
			e.preventDefault();
			const f = input.files[0];
			if (f.size > 10 * 1024 * 1024) {
				fieldError(input, '文件过大：附件不超过 10 MB');
				return;
			}
			try {
				await uploadFile(d.case.number, f);
				flash = `已上传附件：${f.name}`;
				lib.reload();
			} catch (ex) {
				fieldError(input, ex.message);
			}
		}}, formRow('附件', field), h('div', {class: 'form-row'}, h('label', null, ''),
			h('button', {type: 'submit', class: 'btn', dataset: {testid: 'upload'}}, '上传')),
		h('p', {class: 'muted'}, '支持 PDF、JPEG、PNG；按内容识别类型，记入办理记录。'));
		return h('div', {class: 'stack'}, list, form);
	}

	/* Links: possible duplicates, merged into / from, other records. */
	function linksView(d) {
		const c = d.case;
		const items = [];
		const seen = new Set();
		const clueLink = (n) => h('a', {href: clueHref(n), class: 'mono'}, n);
		if (c.merged_into) {
			items.push(h('li', {dataset: {testid: 'merged-into'}}, '已合并到 ', clueLink(c.merged_into)));
			seen.add('merged_into ' + c.merged_into);
		}
		for (const l of d.links || []) {
			const key = l.relation + ' ' + l.target;
			if (seen.has(key)) continue;
			seen.add(key);
			const rel = {duplicate: '可能重复', merged_into: '已合并到', merged: '已并入本线索：'}[l.relation] || '关联';
			const target = l.target_type === 'clue' || /^QX-/.test(l.target) ? clueLink(l.target)
				: l.target_type === 'warning' ? h('a', {href: '#/warnings/' + encodeURIComponent(l.target)}, '预警 #' + l.target)
					: l.target_type === 'project' ? h('a', {href: '#/go/projects/code/' + encodeURIComponent(l.target)}, l.target)
						: String(l.target);
			if (l.relation === 'duplicate') seen.add('dup ' + l.target);
			items.push(h('li', {dataset: {relation: l.relation}}, rel, ' ', target, l.at ? h('span', {class: 'muted'}, ' ' + String(l.at).slice(0, 10)) : null));
		}
		for (const n of c.duplicates || [])
			if (!seen.has('dup ' + n)) items.push(h('li', {dataset: {relation: 'duplicate'}}, '可能重复 ', clueLink(n)));
		return items.length ? h('ul', {class: 'link-list', dataset: {testid: 'links'}}, items) : emptyState('无关联线索');
	}

	function deadlinesView(d) {
		const c = d.case;
		return h('div', {class: 'stack', dataset: {testid: 'deadlines'}},
			c.deadline ? h('div', {class: 'deadline-now'}, h('b', null, c.deadline_zh || '当前期限'), ' ', deadlineView(c),
				c.deadline_basis ? h('div', {class: 'muted'}, '依据：' + c.deadline_basis) : null)
				: h('div', {class: 'muted'}, ['passed', 'merged'].includes(c.state || c.status) ? '已办结，无办理期限' : '无进行中的期限'),
			(d.deadlines || []).length ? table({
				columns: [
					{key: 'zh', label: '环节', render: (x) => x.zh},
					{key: 'days', label: '时限', render: (x) => `${x.from ? '自' + x.from + '起 ' : ''}${num(x.days)} ${x.unit === 'workdays' ? '个工作日' : '天'}`},
					{key: 'basis', label: '依据', wrap: true, render: (x) => x.basis || DASH},
				],
				rows: d.deadlines, testid: 'deadline-rules'}) : null);
	}

	function partiesView(d, kind) {
		const c = d.case;
		const fv = (key) => lib.fieldValue(kind.byKey.get(key), c[key], c, null);
		const parties = d.parties || [];
		return h('div', {class: 'stack clue-parties', dataset: {testid: 'parties'}},
			h('h3', null, '反映人'),
			facts([['姓名', c.reporter_name, 'reporter_name'],
				['身份证号', c.reporter_id_number ? h('span', {class: 'mono'}, c.reporter_id_number) : DASH, 'reporter_id_number'],
				['联系电话', c.reporter_phone ? h('span', {class: 'mono'}, c.reporter_phone) : DASH, 'reporter_phone']]),
			h('h3', null, '被反映单位与项目'),
			facts([['单位', c.employer_name, 'employer_name'],
				['统一社会信用代码', c.employer_uscc ? h('a', {class: 'mono', href: '#/go/enterprises/uscc/' + encodeURIComponent(c.employer_uscc),
					dataset: {testid: 'employer-link'}}, c.employer_uscc) : h('span', {class: 'muted'}, '未匹配登记企业'), 'employer_uscc'],
				['项目', c.project_code ? h('a', {href: c.project_id ? '#/projects/' + c.project_id : '#/go/projects/code/' + encodeURIComponent(c.project_code),
					dataset: {testid: 'project-link'}}, [c.project_name ? c.project_name + ' ' : '', c.project_code]) : h('span', {class: 'muted'}, '未匹配登记项目'), 'project'],
				['工地地址', c.site_address, 'site_address'],
				['办理街镇', c.street || h('span', {class: 'muted'}, '待定'), 'street'],
				['来源渠道', fv('channel'), 'channel']]),
			h('h3', null, `涉及工人(反映 ${num(c.workers_claimed)} 人)`),
			parties.length ? table({
				columns: [
					{key: 'name', label: '姓名', render: (p) => p.name || DASH},
					{key: 'id_number', label: '身份证号', render: (p) => p.id_number ? h('span', {class: 'mono'}, p.id_number) : DASH},
					{key: 'phone', label: '电话', render: (p) => p.phone ? h('span', {class: 'mono'}, p.phone) : DASH},
				],
				rows: parties, testid: 'clue-workers'}) : h('div', {class: 'muted'}, '未列明工人名单'));
	}

	function conclusionView(c) {
		if (!c.conclusion) return null;
		const paid = PAID_BY.find((p) => p[0] === c.paid_by);
		return card('核处结论', h('div', {class: 'stack', dataset: {testid: 'conclusion'}},
			facts([['结论', c.conclusion_zh || CONCLUSIONS[Number(c.conclusion) - 1], 'conclusion'],
				['解决人数', num(c.workers_resolved), 'workers_resolved'],
				['解决金额', c.amount_resolved ? [money(c.amount_resolved), h('span', {class: 'muted'}, ` (${wan(c.amount_resolved)} 万元)`)] : DASH, 'amount_resolved'],
				['支付方式', c.paid_by_zh || (paid ? paid[1] : c.paid_by), 'paid_by']]),
			c.reply ? h('div', null, h('h3', null, '答复反映人'), h('p', {class: 'reply-text', dataset: {testid: 'reply'}}, c.reply)) : null));
	}

	async function pageClue(ctx) {
		const number = ctx.params.number;
		const [d, kind] = await Promise.all([api(`${BASE}/${encodeURIComponent(number)}`, {as_of: state.asOf()}), kindOf('clues')]);
		if (!ctx.alive()) return;
		const c = d.case;
		const over = Number(c.days_overdue || 0) > 0;
		const final = ['passed', 'merged'].includes(c.state || c.status);
		const mayAttach = !final && ['admin', 'inspector', 'street'].includes(role());
		const head = h('section', {class: 'card project-head clue-head' + (over ? ' clue-over' : '')},
			h('div', {class: 'ph-title'},
				h('h1', {dataset: {testid: 'clue-number'}}, c.number),
				stateBadge(c),
				Number(c.returns || 0) ? h('span', {class: 'badge b-alert'}, `退回 ${c.returns} 次`) : null,
				h('div', {class: 'warn-actions', dataset: {testid: 'actions'}}, actionButtons(d))),
			h('p', {class: 'warn-summary'}, `${c.employer_name || ''}${c.project_name ? ' · ' + c.project_name : ''}`),
			facts([['接收日期', c.received_date, 'received_date'],
				['转办日期', c.transferred_date, 'transferred_date'],
				['办理期限', deadlineView(c), 'deadline'],
				['办理街镇', c.street || '待定', 'street'],
				['涉及人数', num(c.workers_claimed), 'workers_claimed'],
				['反映金额', money(c.amount_claimed), 'amount_claimed']]));
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/clues'}, '欠薪线索'), ' / ', c.number),
			takeFlash() || '',
			head,
			h('div', {class: 'grid-2'},
				h('div', null,
					card('反映内容', h('p', {class: 'reply-text', dataset: {testid: 'description'}}, c.description || DASH)),
					conclusionView(c) || '',
					card('当事人', partiesView(d, kind)),
					card('办理记录', historyView(d))),
				h('div', null,
					card('办理期限', deadlinesView(d)),
					card('附件', filesView(d, mayAttach)),
					card('关联线索', linksView(d)))));
	}

	/* ---- statistics ------------------------------------------------------- */

	async function pageClueStats(ctx) {
		const q = ctx.query;
		const asOf = state.asOf();
		const year = /^\d{4}$/.test(q.get('year') || '') ? q.get('year') : asOf.slice(0, 4);
		const scoped = role() === 'street';
		const street = scoped ? '' : q.get('street') || '';
		const [s, streetList] = await Promise.all([api(BASE + '/stats', {year, street, as_of: asOf}),
			scoped ? Promise.resolve([]) : streets().catch(() => [])]);
		if (!ctx.alive()) return;
		const nav = (mut) => setQuery('#/clues/stats', q, mut);
		const years = [];
		for (let y = Number(asOf.slice(0, 4)); y >= Number(asOf.slice(0, 4)) - 5; y--) years.push(String(y));
		if (!years.includes(year)) years.push(year);
		const pickers = h('form', {class: 'toolbar', role: 'search', onsubmit: (e) => e.preventDefault()},
			h('select', {class: 'input', name: 'year', 'aria-label': '年度', onchange: (e) => nav((n) => n.set('year', e.target.value))},
				years.map((y) => h('option', {value: y, selected: y === year}, y + '年'))),
			scoped ? null : h('select', {class: 'input', name: 'street', 'aria-label': '街镇', onchange: (e) => nav((n) => {
				if (e.target.value) n.set('street', e.target.value);
				else n.delete('street');
			})}, h('option', {value: ''}, '全区'), streetList.map((x) => h('option', {value: x, selected: x === street}, x))));
		const kpi = (id, label, value, unit, sub, tone) => h('div', {class: 'kpi' + (tone ? ' kpi-' + tone : ''), dataset: {kpi: id}},
			h('div', {class: 'kpi-label'}, label),
			h('div', {class: 'kpi-value'}, h('span', {class: 'kpi-num', dataset: {testid: 'kpi-' + id}}, value), unit ? h('span', {class: 'kpi-unit'}, unit) : null),
			sub ? h('div', {class: 'kpi-sub'}, sub) : null);
		const rate = s.pass_rate === null || s.pass_rate === undefined ? DASH : s.pass_rate;
		const kpis = h('div', {class: 'kpis kpis-6'},
			kpi('received', '受理线索', num(s.received), '件', `${year}年接收`),
			kpi('resolved', '办结线索', num(s.resolved), '件', '审核通过'),
			kpi('pass-rate', '审核通过率', rate, rate === DASH ? '' : '%', `通过 ${num(s.passes)} / 审核 ${num(s.decisions)} 次`),
			kpi('workers', '解决人数', num(s.workers_resolved), '人', '办结线索合计'),
			kpi('amount', '解决金额', wan(s.amount_resolved), '万元', h('span', {dataset: {testid: 'amount-exact'}}, money(s.amount_resolved))),
			kpi('overdue', '逾期未办', num(s.overdue), '件', `截至 ${asOf}`, Number(s.overdue) ? 'alert' : null));
		const months = s.by_month || [];
		const monthBox = chartBox('chart-clue-month');
		const conclBox = chartBox('chart-clue-conclusion');
		const byStreet = s.by_street || [];
		/* the API's rate (exact, half up), never recomputed here */
		const rowRate = (r) => r.pass_rate === null || r.pass_rate === undefined ? DASH : r.pass_rate + '%';
		const amountOf = (r) => r.amount_resolved ?? r.amount;
		const workersOf = (r) => r.workers_resolved ?? r.workers;
		const streetTable = table({
			columns: [
				{key: 'street', label: '街镇', render: (r) => r.street || DASH},
				{key: 'received', label: '受理', num: true, render: (r) => num(r.received)},
				{key: 'resolved', label: '办结', num: true, render: (r) => num(r.resolved)},
				{key: 'rate', label: '审核通过率', num: true, render: rowRate},
				{key: 'workers', label: '解决人数', num: true, render: (r) => num(workersOf(r))},
				{key: 'amount', label: '解决金额(万元)', num: true, render: (r) => h('span', {title: money(amountOf(r))}, wan(amountOf(r)))},
				{key: 'overdue', label: '逾期', num: true, render: (r) => Number(r.overdue) ? h('b', {class: 'text-red'}, num(r.overdue)) : '0'},
			],
			rows: byStreet, testid: 'clue-by-street', empty: '本年度无线索'});
		const concl = (s.by_conclusion || []).filter((x) => Number(x.count));
		const conclTable = table({
			columns: [
				{key: 'conclusion', label: '核处结论', render: (x) => x.zh || CONCLUSIONS[Number(x.conclusion) - 1] || String(x.conclusion)},
				{key: 'count', label: '件数', num: true, render: (x) => num(x.count)},
			],
			rows: concl, testid: 'clue-by-conclusion', empty: '本年度无办结线索'});
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/clues'}, '欠薪线索'), ' / 统计分析'),
			pageHead(`欠薪线索统计 · ${year}年${street ? ' · ' + street : scoped ? '' : ' · 全区'}`,
				`办结 = 当年审核通过的线索；审核通过率 = 通过次数 ÷ 全部审核次数；逾期按数据日期 ${asOf} 计`, pickers),
			kpis,
			h('div', {class: 'grid-2'},
				card('按月', months.length ? monthBox : emptyState()),
				card('按核处结论', concl.length ? h('div', null, conclBox, conclTable) : emptyState('本年度无办结线索'))),
			scoped ? '' : card('按街镇', streetTable));
		if (months.length)
			charts.make(monthBox, {
				legend: {top: 0},
				grid: {left: 40, right: 16, top: 30, bottom: 28},
				xAxis: {type: 'category', data: months.map((m) => monthLabel(`${year}-${String(m.month).padStart(2, '0')}`).replace(/^\d+年/, ''))},
				yAxis: {type: 'value', minInterval: 1},
				series: [
					{name: '受理', type: 'bar', data: months.map((m) => Number(m.received || 0))},
					{name: '办结', type: 'bar', data: months.map((m) => Number(m.resolved || 0))},
				],
			});
		if (concl.length)
			charts.make(conclBox, {
				tooltip: {trigger: 'item', renderMode: 'richText'},
				series: [{type: 'pie', radius: ['35%', '65%'], label: {formatter: '{b}\n{c} 件'},
					data: concl.map((x) => ({name: x.zh || CONCLUSIONS[Number(x.conclusion) - 1], value: Number(x.count)}))}],
			});
	}

	lib.idNumberOk = idNumberOk; /* for the browser tests */
	Object.assign(lib.pages, {clues: pageClues, clueNew: pageClueNew, clue: pageClue, clueStats: pageClueStats});
})();
