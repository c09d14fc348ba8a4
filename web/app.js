/*
 * app.js - the anxin web UI (安薪): a hash-routed single page over the JSON
 * API of docs/api.md. Vanilla JS, no build step, no framework; ECharts is the
 * global `echarts` loaded by index.html before this file.
 *
 * It owns presentation only: every figure comes from the API, money stays a
 * string of yuan (formatted with BigInt fen, never float arithmetic except for
 * chart heights and percentages), and all data reaches the DOM through
 * textContent (the h() helper) - never innerHTML - so records cannot inject
 * markup. No inline styles either: the CSP is style-src 'self'.
 *
 * Sections:
 *   1. DOM helpers         h(), clear(), formatting of money/numbers/dates
 *   2. API client          api(), kinds metadata, banner
 *   3. Widgets             tables, pager, badges, cards, charts, tabs
 *   4. Pages               dashboard, lists, project/worker/enterprise/account
 *                          detail, import; log-in, password change; 系统管理
 *                          (users, tokens, audit log)
 *   5. Router              the route table and the shell (nav, as-of date)
 *
 * The warning centre (预警中心, 参数设置) lives in web/warn.js, which plugs
 * into this file through window.anxinPages (routes, dashboard row, project
 * tab) - see the end of section 5.
 *
 * Access: the session is an HttpOnly cookie the page never sees; the page
 * keeps GET /api/v1/me (user, role, CSRF token, permissions) in `session`,
 * sends X-CSRF-Token with every state-changing request, goes to the log-in
 * page on any 401 and shows only what the role may use (nav entries with
 * data-perm, routes with a permission). The server enforces all of it
 * anyway; hiding is for clarity, not protection.
 * A new page = a function in section 4 + one line in ROUTES.
 */
'use strict';

(() => {
	/* ================================================================
	 * 1. DOM helpers and formatting
	 * ================================================================ */

	/* h('a', {href:'#/x', class:'k', onclick: fn, dataset:{id:1}}, 'text', node)
	 * builds an element; strings become text nodes (escaped by the DOM). */
	function h(tag, attrs, ...kids) {
		const el = document.createElement(tag);
		if (attrs) {
			for (const [k, v] of Object.entries(attrs)) {
				if (v === undefined || v === null || v === false) continue;
				if (k === 'class') el.className = v;
				else if (k === 'dataset') Object.assign(el.dataset, v);
				else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
				else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'disabled') el[k] = v;
				else el.setAttribute(k, v === true ? '' : String(v));
			}
		}
		append(el, kids);
		return el;
	}

	function append(el, kids) {
		for (const k of kids.flat(Infinity)) {
			if (k === null || k === undefined || k === false) continue;
			el.append(k instanceof Node ? k : document.createTextNode(String(k)));
		}
		return el;
	}

	function clear(el) {
		while (el.firstChild) el.removeChild(el.firstChild);
		return el;
	}

	const DASH = '—';

	/* "1234.50" (or a JSON number) -> BigInt fen; null when empty/invalid. */
	function toFen(s) {
		if (s === null || s === undefined || s === '') return null;
		let t = String(s).trim();
		const neg = t.startsWith('-');
		if (neg || t.startsWith('+')) t = t.slice(1);
		const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
		if (!m || (m[1] === '' && !m[2])) return null;
		const v = BigInt(m[1] || '0') * 100n + BigInt(((m[2] || '') + '00').slice(0, 2));
		return neg ? -v : v;
	}

	function groupDigits(str) {
		return str.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	}

	/* BigInt fen -> "1,234.50". */
	function fenText(v) {
		const neg = v < 0n;
		const a = neg ? -v : v;
		const cents = String(a % 100n).padStart(2, '0');
		return (neg ? '-' : '') + groupDigits(String(a / 100n)) + '.' + cents;
	}

	/* Money string -> "¥1,234.50" (DASH when empty). */
	function money(s) {
		const v = toFen(s);
		return v === null ? DASH : '¥' + fenText(v);
	}

	/* Money string -> "123.46" in 万元 (rounded half up), for big KPI figures. */
	function wan(s) {
		const v = toFen(s);
		if (v === null) return DASH;
		const neg = v < 0n;
		const a = neg ? -v : v;
		const r = (a + 5000n) / 10000n; /* hundredths of 万元 */
		return (neg ? '-' : '') + groupDigits(String(r / 100n)) + '.' + String(r % 100n).padStart(2, '0');
	}

	/* Ratio of two money strings as "97.3%"; DASH when the base is 0. */
	function pct(part, whole) {
		const a = toFen(part), b = toFen(whole);
		if (a === null || b === null || b === 0n) return DASH;
		return (Number(a) * 100 / Number(b)).toFixed(1) + '%';
	}

	/* Money string -> JS number of yuan, for chart heights only. */
	function yuanNumber(s) {
		const v = toFen(s);
		return v === null ? 0 : Number(v) / 100;
	}

	function num(n) {
		if (n === null || n === undefined || n === '') return DASH;
		const x = Number(n);
		if (!Number.isFinite(x)) return String(n);
		const [i, d] = String(Math.abs(x)).split('.');
		return (x < 0 ? '-' : '') + groupDigits(i) + (d ? '.' + d : '');
	}

	function todayShanghai() {
		return new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit'}).format(new Date());
	}

	function monthLabel(m) {
		const x = /^(\d{4})-(\d{2})$/.exec(m || '');
		return x ? `${x[1]}年${Number(x[2])}月` : (m || DASH);
	}

	/* ================================================================
	 * 2. API client, kinds metadata, banner
	 * ================================================================ */

	class ApiError extends Error {
		constructor(status, code, message, body) {
			super(message);
			this.status = status;
			this.code = code;
			this.body = body;
		}
	}

	function qs(params) {
		if (!params) return '';
		const u = new URLSearchParams();
		for (const [k, v] of Object.entries(params))
			if (v !== undefined && v !== null && v !== '') u.set(k, v);
		const s = u.toString();
		return s ? '?' + s : '';
	}

	/* Parses a response; resolves to the JSON body, rejects with ApiError
	 * carrying the API's error.message (or a Chinese fallback). When
	 * acceptStatus includes the status, the body is returned anyway (the
	 * import report comes with 422). */
	async function readJson(res, acceptStatus) {
		const text = await res.text();
		let body = null;
		try {
			body = text ? JSON.parse(text) : null;
		} catch (_) {
			body = null;
		}
		if (res.ok || (acceptStatus && acceptStatus.includes(res.status) && body)) {
			if (body === null) throw new ApiError(res.status, 'bad_json', '服务器返回的数据无法解析');
			return body;
		}
		const e = body && body.error;
		throw new ApiError(res.status, e && e.code, (e && e.message) || `请求失败 (HTTP ${res.status})`, body);
	}

	/* The logged-in caller: GET /api/v1/me, or null. */
	const session = {
		me: null,
		can(p) {
			return !!this.me && (this.me.permissions || []).includes(p);
		},
		csrf() {
			return this.me ? this.me.csrf : null;
		},
	};

	async function api(path, params, init, acceptStatus) {
		const opts = Object.assign({}, init || {});
		const method = (opts.method || 'GET').toUpperCase();
		opts.headers = Object.assign({Accept: 'application/json'}, opts.headers || {});
		if (method !== 'GET' && method !== 'HEAD' && session.csrf()) opts.headers['X-CSRF-Token'] = session.csrf();
		opts.credentials = 'same-origin';
		let res;
		try {
			res = await fetch(path + qs(params), opts);
		} catch (e) {
			throw new ApiError(0, 'network', '无法连接服务器：' + e.message);
		}
		if (res.status === 401 && path !== '/api/v1/login' && path !== '/api/v1/me') {
			/* The session ended (timeout, log-out elsewhere): log in again. */
			session.me = null;
			toLogin();
		}
		return readJson(res, acceptStatus);
	}

	/* POSTs a JSON body (with the CSRF token, as every write). */
	function apiPost(path, body, acceptStatus) {
		return api(path, null, {method: 'POST', headers: {'Content-Type': 'application/json'},
			body: JSON.stringify(body || {})}, acceptStatus);
	}

	/* Loads the caller into session (null when not logged in). */
	async function loadMe() {
		try {
			session.me = await api('/api/v1/me');
		} catch (e) {
			if (e.status !== 401) throw e;
			session.me = null;
		}
		applySession();
		return session.me;
	}

	function toLogin() {
		const raw = location.hash.replace(/^#/, '') || '/';
		if (!/^\/login/.test(raw)) location.hash = '#/login?next=' + encodeURIComponent(raw);
	}

	let kindsPromise = null;

	/* GET /api/v1/kinds once: Map name -> kind with .byKey (field by key). */
	function kinds() {
		if (!kindsPromise) {
			kindsPromise = api('/api/v1/kinds').then((list) => {
				const arr = Array.isArray(list) ? list : (list.kinds || list.items || []);
				const m = new Map();
				for (const k of arr) {
					k.byKey = new Map();
					for (const f of k.fields || []) {
						f.t = String(f.type || 'text').toLowerCase().replace(/^ft_/, '');
						k.byKey.set(f.key, f);
					}
					m.set(k.name, k);
				}
				return m;
			}).catch((e) => {
				kindsPromise = null;
				throw e;
			});
		}
		return kindsPromise;
	}

	async function kindOf(name) {
		const k = (await kinds()).get(name);
		if (!k) throw new ApiError(0, 'unknown_kind', `未知的数据类型：${name}`);
		return k;
	}

	function enumLabel(f, code) {
		if (!f || !f.values) return code;
		const v = f.values.find((x) => x.code === code || x.label === code);
		return v ? v.label : code;
	}

	const banner = {
		show(msg) {
			document.getElementById('banner-text').textContent = msg;
			document.getElementById('banner').hidden = false;
		},
		hide() {
			document.getElementById('banner').hidden = true;
		},
	};

	/* ================================================================
	 * 3. Widgets
	 * ================================================================ */

	const STATUS_CLASS = {planned: 'b-planned', active: 'b-active', suspended: 'b-suspended', completed: 'b-completed',
		未开工: 'b-planned', 在建: 'b-active', 停工: 'b-suspended', 竣工: 'b-completed'};

	function statusBadge(f, code) {
		return h('span', {class: 'badge ' + (STATUS_CLASS[code] || 'b-other')}, enumLabel(f, code) || DASH);
	}

	function isMoney(f) {
		return f && f.t === 'money';
	}

	function isNumeric(f) {
		return f && (f.t === 'money' || f.t === 'int' || f.t === 'dec2');
	}

	/* Where a reference value links to: a lookup route that resolves a key to
	 * a record id (worker ID numbers are masked, so they are not links). */
	const REF_LOOKUP = {projects: 'code', enterprises: 'uscc', accounts: 'account_no'};

	/* A masked personal value with a small 显示 button (roles that may
	 * reveal): POST …/reveal, audited by the server, then the full value. */
	function revealable(kindName, item, f, text, testid) {
		const span = h('span', {class: 'mono', dataset: {testid: testid || null}}, text);
		if (!kindName || !item || !item.id || !session.can('reveal') || !String(text).includes('*')) return span;
		const btn = h('button', {type: 'button', class: 'reveal', title: '显示完整信息（将记入审计日志）', dataset: {reveal: f.key},
			onclick: async (ev) => {
				ev.stopPropagation();
				btn.disabled = true;
				try {
					const r = await apiPost(`/api/v1/${kindName}/${item.id}/reveal`, {field: f.key});
					span.textContent = r.value || DASH;
					btn.remove();
				} catch (e) {
					btn.disabled = false;
					banner.show(e.message);
				}
			}}, '显示');
		return h('span', {class: 'revealable'}, span, btn);
	}

	/* The display form of field f's value v (text or a node); kindName
	 * (optional) lets a masked personal value be revealed. */
	function fieldValue(f, v, item, kindName) {
		if (v === null || v === undefined || v === '') return DASH;
		if (!f) return String(v);
		switch (f.t) {
		case 'money':
			return money(v);
		case 'int':
		case 'dec2':
			return num(v);
		case 'bool':
			return v === true || v === 1 || v === 'Y' || v === '1' || v === '是' ? '是' : '否';
		case 'enum':
			return f.key === 'status' ? statusBadge(f, v) : enumLabel(f, v);
		default:
			break;
		}
		if (f.key === 'sex') return v === 'M' ? '男' : v === 'F' ? '女' : String(v);
		if (f.personal && kindName) return revealable(kindName, item, f, String(v));
		if (f.ref && REF_LOOKUP[f.ref]) {
			const label = f.ref === 'enterprises' && item && item[f.key.replace(/_uscc$/, '_name')];
			return h('a', {href: `#/go/${f.ref}/${REF_LOOKUP[f.ref]}/${encodeURIComponent(v)}`, class: 'ref', onclick: stop},
				label || String(v));
		}
		return String(v);
	}

	function stop(ev) {
		ev.stopPropagation();
	}

	/* Columns for a kind's fields: [{key, label, num, render, sortable}]. */
	function kindColumns(k, keys) {
		const fields = keys ? keys.map((key) => k.byKey.get(key)).filter(Boolean) : k.fields;
		return fields.map((f) => ({
			key: f.key,
			label: f.zh,
			num: isNumeric(f),
			sortable: true,
			render: (it) => fieldValue(f, it[f.key], it, k.name),
		}));
	}

	/* A table. opts: columns, rows, sort ("key" / "-key"), onSort(sort),
	 * href(row) (row click navigates), rowClass(row), empty, caption,
	 * testid. Headers are sticky, numbers right-aligned. */
	function table(opts) {
		const cols = opts.columns;
		const thead = h('thead', null, h('tr', null, cols.map((c) => {
			const sorted = opts.sort === c.key ? 'asc' : opts.sort === '-' + c.key ? 'desc' : null;
			const th = h('th', {class: [c.num ? 'num' : '', opts.onSort && c.sortable ? 'sortable' : '', sorted ? 'sorted-' + sorted : ''].join(' ').trim() || null,
				scope: 'col', 'aria-sort': sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : null, dataset: {key: c.key}}, c.label);
			if (opts.onSort && c.sortable) {
				th.tabIndex = 0;
				const go = () => opts.onSort(sorted === 'asc' ? '-' + c.key : c.key);
				th.addEventListener('click', go);
				th.addEventListener('keydown', (e) => {
					if (e.key === 'Enter') go();
				});
			}
			return th;
		})));
		const tbody = h('tbody');
		if (!opts.rows.length) {
			tbody.append(h('tr', {class: 'empty-row'}, h('td', {colspan: cols.length, class: 'empty'}, opts.empty || '暂无数据')));
		}
		for (const r of opts.rows) {
			const href = opts.href && opts.href(r);
			const tr = h('tr', {class: [href ? 'clickable' : '', opts.rowClass ? opts.rowClass(r) : ''].join(' ').trim() || null});
			for (const c of cols) tr.append(h('td', {class: c.num ? 'num' : c.wrap ? 'wrap' : null, dataset: {key: c.key}}, c.render(r)));
			if (href) {
				tr.addEventListener('click', (e) => {
					if (e.target.closest('a')) return;
					location.hash = href;
				});
			}
			tbody.append(tr);
		}
		return h('div', {class: 'table-wrap', dataset: {testid: opts.testid || null}},
			h('table', {class: 'grid'}, opts.caption ? h('caption', null, opts.caption) : null, thead, tbody));
	}

	function pager(total, page, perPage, go) {
		const pages = Math.max(1, Math.ceil(total / perPage));
		return h('div', {class: 'pager'},
			h('span', {class: 'pager-total'}, '共 ', h('b', {dataset: {testid: 'total'}}, num(total)), ' 条'),
			h('button', {type: 'button', class: 'btn', disabled: page <= 1, onclick: () => go(page - 1)}, '‹ 上一页'),
			h('span', {class: 'pager-page'}, `第 ${page} / ${pages} 页`),
			h('button', {type: 'button', class: 'btn', disabled: page >= pages, onclick: () => go(page + 1)}, '下一页 ›'));
	}

	function card(title, body, extra) {
		return h('section', {class: 'card'},
			title ? h('div', {class: 'card-head'}, h('h2', null, title), extra || null) : null,
			h('div', {class: 'card-body'}, body));
	}

	function loading() {
		return h('div', {class: 'loading'}, '加载中…');
	}

	function emptyState(text) {
		return h('div', {class: 'empty-state'}, text || '暂无数据');
	}

	function pageHead(title, sub, actions) {
		return h('div', {class: 'page-head'},
			h('div', null, h('h1', null, title), sub ? h('div', {class: 'page-sub'}, sub) : null),
			actions ? h('div', {class: 'page-actions'}, actions) : null);
	}

	/* Definition list of label/value pairs. */
	function facts(pairs) {
		return h('dl', {class: 'facts'}, pairs.filter(Boolean).map(([k, v, key]) =>
			h('div', {class: 'fact', dataset: {key: key || null}}, h('dt', null, k), h('dd', null, v === '' || v === null || v === undefined ? DASH : v))));
	}

	/* Tabs: [{id, label, render(): node|Promise<node>}]; renders lazily. */
	function tabs(list, initial) {
		const bar = h('div', {class: 'tabs', role: 'tablist'});
		const panel = h('div', {class: 'tab-panel', role: 'tabpanel'});
		const cache = new Map();
		const buttons = list.map((t) => h('button', {type: 'button', role: 'tab', class: 'tab', dataset: {tab: t.id},
			onclick: () => select(t.id)}, t.label));
		bar.append(...buttons);
		async function select(id) {
			const t = list.find((x) => x.id === id) || list[0];
			for (const b of buttons) {
				b.classList.toggle('active', b.dataset.tab === t.id);
				b.setAttribute('aria-selected', b.dataset.tab === t.id ? 'true' : 'false');
			}
			clear(panel);
			if (!cache.has(t.id)) {
				const holder = h('div', {dataset: {panel: t.id}}, loading());
				cache.set(t.id, holder);
				Promise.resolve().then(t.render).then((node) => {
					clear(holder).append(node);
					charts.resizeAll();
				}).catch((e) => {
					clear(holder).append(errorBox(e));
				});
			}
			panel.append(cache.get(t.id));
			charts.resizeAll();
		}
		select(initial || list[0].id);
		return h('div', {class: 'tabbed'}, bar, panel);
	}

	function errorBox(e) {
		banner.show(e.message || String(e));
		return h('div', {class: 'error-state'}, '加载失败：', e.message || String(e));
	}

	/* ECharts instances of the current page; disposed on route change and
	 * resized with their containers. */
	const charts = {
		list: [],
		observer: typeof ResizeObserver === 'function' ? new ResizeObserver(() => charts.resizeAll()) : null,
		make(el, option) {
			if (typeof echarts === 'undefined') {
				el.append(h('div', {class: 'empty-state'}, '图表组件未加载'));
				return null;
			}
			const c = echarts.init(el, null, {renderer: 'canvas'});
			c.setOption(Object.assign({
				textStyle: {fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif'},
				/* richText: the tooltip is drawn on the canvas, not as HTML
				 * with style attributes (which the CSP would refuse). */
				tooltip: {trigger: 'axis', renderMode: 'richText'},
				animationDuration: 300,
			}, option));
			this.list.push(c);
			if (this.observer) this.observer.observe(el);
			return c;
		},
		resizeAll() {
			for (const c of this.list) if (!c.isDisposed()) c.resize();
		},
		disposeAll() {
			if (this.observer) this.observer.disconnect();
			for (const c of this.list) if (!c.isDisposed()) c.dispose();
			this.list = [];
		},
	};

	const PALETTE = ['#1f5fae', '#2fa36b', '#f0a020', '#8a96a8', '#5aa9e6', '#c9503b', '#7b68c8'];

	function chartBox(testid, tall) {
		return h('div', {class: 'chart' + (tall ? ' chart-tall' : ''), dataset: {testid}});
	}

	/* ================================================================
	 * 4. Pages. Each takes (ctx) with ctx.main (the container), ctx.params
	 * (route captures), ctx.query (URLSearchParams of the hash) and
	 * ctx.alive() (false once the user navigated away).
	 * ================================================================ */

	/* ---- 驾驶舱 dashboard ---------------------------------------------- */

	function kpi(id, label, value, unit, sub, tone) {
		return h('div', {class: 'kpi' + (tone ? ' kpi-' + tone : ''), dataset: {kpi: id}},
			h('div', {class: 'kpi-label'}, label),
			h('div', {class: 'kpi-value'}, h('span', {class: 'kpi-num', dataset: {testid: 'kpi-' + id}}, value), unit ? h('span', {class: 'kpi-unit'}, unit) : null),
			sub ? h('div', {class: 'kpi-sub'}, sub) : null);
	}

	function sub(testid, text) {
		return h('span', {dataset: {testid}}, text);
	}

	async function pageDashboard(ctx) {
		const asOf = state.asOf();
		const [d, pk] = await Promise.all([api('/api/v1/dashboard', {as_of: asOf}), kindOf('projects')]);
		if (!ctx.alive()) return;
		const statusF = pk.byKey.get('status');
		const w = d.wages || {};
		const p = d.projects || {};
		const unpaid = Number(w.unpaid_workers || 0);
		const rate = pct(w.paid, w.due);

		const kpis = h('div', {class: 'kpis'},
			kpi('projects-active', '在建项目', num(p.active), '个', ['共 ', sub('projects-total', num(p.total)), ' 个项目']),
			kpi('workers-registered', '登记工人', num(d.workers && d.workers.registered), '人', '实名制登记在册'),
			kpi('workers-on-site', '在场工人', num(d.workers && d.workers.on_site), '人', `截至 ${d.as_of || asOf}`),
			kpi('wages-due', `${monthLabel(w.month || d.month)}应发工资`, wan(w.due), '万元', sub('wages-due-exact', money(w.due))),
			kpi('wages-paid', `${monthLabel(w.month || d.month)}实发工资`, wan(w.paid), '万元',
				[sub('wages-paid-exact', money(w.paid)), ' · 发放率 ', sub('wages-rate', rate)], unpaid > 0 ? 'warn' : 'ok'),
			kpi('unpaid-workers', '未足额发放', num(unpaid), '人', `${monthLabel(w.month || d.month)}工资`, unpaid > 0 ? 'alert' : 'ok'),
			kpi('accounts-open', '专用账户', num(d.accounts && d.accounts.open), '个', ['余额 ', sub('accounts-balance', money(d.accounts && d.accounts.balance))]),
			kpi('deposits-count', '工资保证金', num(d.deposits && d.deposits.count), '笔', ['金额 ', sub('deposits-amount', money(d.deposits && d.deposits.amount))]));

		const wagesChart = chartBox('chart-wages', true);
		const streetChart = chartBox('chart-street', true);
		const statusChart = chartBox('chart-status', true);
		clear(ctx.main).append(
			pageHead('驾驶舱', `数据日期 ${d.as_of || asOf} · 工资所属期 ${monthLabel(d.month || w.month)}`),
			kpis,
			...hooks.dashboard.map((f) => f(d)),
			h('div', {class: 'grid-2'},
				card('近6个月工资应发与实发', wagesChart),
				card('各项目状态', statusChart)),
			card('各街镇/功能区在建项目', streetChart));

		const byMonth = lastMonths(w.month || d.month, 6, w.by_month || []);
		charts.make(wagesChart, {
			color: ['#8fb3de', '#1f5fae', '#f0a020'],
			legend: {data: ['应发', '实发', '发放率'], top: 0},
			grid: {left: 64, right: 56, top: 36, bottom: 28},
			xAxis: {type: 'category', data: byMonth.map((m) => monthLabel(m.month))},
			yAxis: [{type: 'value', name: '万元', axisLabel: {formatter: (v) => num(Math.round(v / 100) / 100)}},
				{type: 'value', name: '%', min: 0, max: 100, splitLine: {show: false}}],
			series: [
				{name: '应发', type: 'bar', barMaxWidth: 28, data: byMonth.map((m) => yuanNumber(m.due))},
				{name: '实发', type: 'bar', barMaxWidth: 28, data: byMonth.map((m) => yuanNumber(m.paid))},
				{name: '发放率', type: 'line', yAxisIndex: 1, smooth: true,
					data: byMonth.map((m) => {
						const r = pct(m.paid, m.due);
						return r === DASH ? null : Number(r.slice(0, -1));
					})},
			],
		});
		const streets = (p.by_street || []).slice().sort((a, b) => (a.active || 0) - (b.active || 0));
		streetChart.style.height = Math.max(180, streets.length * 30 + 50) + 'px'; /* CSSOM, CSP-safe */
		charts.make(streetChart, {
			color: ['#1f5fae'],
			grid: {left: 120, right: 32, top: 12, bottom: 24},
			tooltip: {trigger: 'axis', renderMode: 'richText'},
			xAxis: {type: 'value', minInterval: 1},
			yAxis: {type: 'category', data: streets.map((s) => s.street)},
			series: [{name: '在建项目', type: 'bar', barMaxWidth: 18, data: streets.map((s) => s.active || 0),
				label: {show: true, position: 'right'}}],
		});
		const byStatus = p.by_status || {};
		const order = (statusF && statusF.values ? statusF.values.map((v) => v.code) : Object.keys(byStatus));
		const colors = {planned: '#5aa9e6', active: '#2fa36b', suspended: '#f0a020', completed: '#8a96a8'};
		charts.make(statusChart, {
			tooltip: {trigger: 'item', renderMode: 'richText'},
			legend: {bottom: 0},
			series: [{name: '项目状态', type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'],
				label: {formatter: '{b}\n{c}个'},
				data: order.filter((c) => byStatus[c] !== undefined).map((c) => ({
					name: enumLabel(statusF, c), value: byStatus[c], itemStyle: {color: colors[c] || '#7b68c8'}}))}],
		});
	}

	/* The n months ending with month "YYYY-MM", each with the row of rows
	 * for it or {due: null, paid: null}: a stable axis when some months
	 * have no payroll. Falls back to rows when month is unknown. */
	function lastMonths(month, n, rows) {
		const m = /^(\d{4})-(\d{2})$/.exec(month || '');
		if (!m) return rows;
		const by = new Map(rows.map((r) => [r.month, r]));
		const out = [];
		let y = Number(m[1]), mo = Number(m[2]);
		for (let i = 0; i < n; i++) {
			const key = `${y}-${String(mo).padStart(2, '0')}`;
			out.unshift(by.get(key) || {month: key, due: null, paid: null});
			if (--mo === 0) {
				mo = 12;
				y--;
			}
		}
		return out;
	}

	/* ---- generic list pages ------------------------------------------- */

	/* Per-kind list settings: title, columns, select filters, where a row
	 * leads. Kinds not listed here get all their fields. */
	const LISTS = {
		projects: {
			cols: ['code', 'name', 'street', 'status', 'contract_amount', 'start_date', 'planned_end_date', 'wage_day', 'labor_officer'],
			filters: ['street', 'status'],
			href: (it) => `#/projects/${it.id}`,
		},
		enterprises: {
			cols: ['uscc', 'name', 'kind', 'street', 'legal_rep', 'union_established', 'employees'],
			filters: ['kind'],
			href: (it) => `#/enterprises/${it.id}`,
		},
		workers: {
			cols: ['name', 'id_number', 'sex', 'birth_date', 'phone', 'bank_name', 'bank_card'],
			filters: [],
			href: (it) => `#/workers/${it.id}`,
			searchHint: '姓名，或完整身份证号',
		},
		accounts: {
			cols: ['account_no', 'project_code', 'bank_name', 'opened_date', 'closed_date', 'balance'],
			filters: [],
			href: (it) => `#/accounts/${it.id}`,
		},
		deposits: {
			cols: null,
			filters: ['form'],
			href: (it) => `#/go/projects/code/${encodeURIComponent(it.project_code)}`,
		},
	};

	let streetsPromise = null;

	/* The distinct streets of all projects (one request, cached). */
	function streets() {
		if (!streetsPromise) {
			streetsPromise = api('/api/v1/projects', {per_page: 500, sort: 'street'}).then((r) =>
				[...new Set((r.items || []).map((x) => x.street).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN')))
				.catch((e) => {
					streetsPromise = null;
					throw e;
				});
		}
		return streetsPromise;
	}

	function setQuery(base, q) {
		const s = q.toString();
		location.hash = base + (s ? '?' + s : '');
	}

	async function pageList(ctx, kindName) {
		const k = await kindOf(kindName);
		const cfg = LISTS[kindName] || {};
		const q = ctx.query;
		const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
		const perPage = Math.min(500, Math.max(1, parseInt(q.get('per_page') || '50', 10) || 50));
		const params = {page, per_page: perPage, q: q.get('q') || '', sort: q.get('sort') || ''};
		for (const fk of cfg.filters || []) if (q.get(fk)) params[fk] = q.get(fk);
		const [res, streetList] = await Promise.all([api('/api/v1/' + kindName, params),
			(cfg.filters || []).includes('street') ? streets() : Promise.resolve([])]);
		if (!ctx.alive()) return;

		const base = '#/' + kindName;
		const nav = (mut) => {
			const n = new URLSearchParams(q);
			mut(n);
			setQuery(base, n);
		};

		const search = h('input', {type: 'search', class: 'input', name: 'q', placeholder: '搜索' + (cfg.searchHint ? '：' + cfg.searchHint : '名称、编号、地址'), value: q.get('q') || ''});
		const form = h('form', {class: 'toolbar', role: 'search', onsubmit: (e) => {
			e.preventDefault();
			nav((n) => {
				n.set('q', search.value.trim());
				if (!search.value.trim()) n.delete('q');
				n.delete('page');
			});
		}}, search, h('button', {type: 'submit', class: 'btn btn-primary'}, '查询'));

		for (const fk of cfg.filters || []) {
			const f = k.byKey.get(fk);
			if (!f) continue;
			const opts = fk === 'street' ? streetList.map((s) => [s, s]) : (f.values || []).map((v) => [v.code, v.label]);
			const sel = h('select', {class: 'input', name: fk, 'aria-label': f.zh, onchange: () => nav((n) => {
				if (sel.value) n.set(fk, sel.value);
				else n.delete(fk);
				n.delete('page');
			})}, h('option', {value: ''}, '全部' + f.zh.replace(/\(.*\)$/, '')),
			opts.map(([v, l]) => h('option', {value: v, selected: q.get(fk) === v}, l)));
			form.append(sel);
		}
		if ([...q.keys()].some((x) => x !== 'page'))
			form.append(h('a', {class: 'btn btn-link', href: base}, '清除条件'));

		const columns = kindColumns(k, cfg.cols ? cfg.cols.filter((c) => k.byKey.has(c)) : null);
		if (cfg.cols && cfg.cols.includes('balance') && !k.byKey.has('balance'))
			columns.push({key: 'balance', label: '余额(元)', num: true, sortable: false, render: (it) => money(it.balance)});

		clear(ctx.main).append(
			pageHead(k.zh, `共 ${num(res.total)} 条`, exportButtons(kindName)),
			card(null, [form,
				table({columns, rows: res.items || [], sort: params.sort, testid: 'list-' + kindName,
					onSort: (s) => nav((n) => {
						n.set('sort', s);
						n.delete('page');
					}),
					href: cfg.href}),
				pager(res.total || 0, res.page || page, res.per_page || perPage, (p) => nav((n) => n.set('page', p)))]));
	}

	function exportButtons(kindName) {
		if (!session.can('export')) return null;
		return [
			h('a', {class: 'btn', href: `/api/v1/export/${kindName}?format=csv`, download: ''}, '导出 CSV'),
			h('a', {class: 'btn', href: `/api/v1/export/${kindName}?format=xlsx`, download: ''}, '导出 Excel'),
		];
	}

	/* #/go/{kind}/{field}/{value}: finds the record by a key and replaces
	 * the location with its page (links from codes to records). */
	async function pageGo(ctx) {
		const {kind, field, value} = ctx.params;
		const r = await api('/api/v1/' + kind, {[field]: value, per_page: 1});
		if (!ctx.alive()) return;
		const it = (r.items || [])[0];
		if (it) {
			location.replace(`#/${kind}/${it.id}`);
			return;
		}
		clear(ctx.main).append(pageHead('未找到'), emptyState(`没有找到 ${value}`));
	}

	/* ---- 在建项目 project page ------------------------------------------ */

	function entName(e) {
		return e ? h('a', {href: `#/enterprises/${e.id}`}, e.name || e.uscc) : DASH;
	}

	async function pageProject(ctx) {
		const [r, pk, ek] = await Promise.all([api('/api/v1/projects/' + ctx.params.id), kindOf('projects'), kindOf('enterprises')]);
		if (!ctx.alive()) return;
		const p = r.item || {};
		const rel = r.related || {};
		const F = (key) => fieldValue(pk.byKey.get(key), p[key], p);

		const head = h('section', {class: 'card project-head'},
			h('div', {class: 'ph-title'},
				h('h1', {dataset: {testid: 'project-name'}}, p.name || DASH),
				statusBadge(pk.byKey.get('status'), p.status),
				h('span', {class: 'ph-code'}, p.code)),
			facts([
				['所属街镇', p.street || DASH, 'street'],
				['项目地址', p.address || DASH, 'address'],
				['合同金额', money(p.contract_amount), 'contract_amount'],
				['合同签订', F('contract_date')],
				['开工日期', F('start_date')],
				['计划竣工', F('planned_end_date')],
				['实际竣工', F('end_date')],
				['工资支付日', p.wage_day ? `每月 ${p.wage_day} 日` : DASH, 'wage_day'],
				['人工费拨付周期', p.labor_cost_cycle_days ? `${p.labor_cost_cycle_days} 天` : DASH],
				['劳资专管员', [p.labor_officer || DASH, p.labor_officer_phone ? ` ${p.labor_officer_phone}` : '']],
				['维权告示牌', F('board_installed_date')],
				['在场工人', [h('b', {dataset: {testid: 'workers-on-site'}}, num(rel.workers_on_site)), ' 人']],
			]));

		const code = p.code;
		const shortMonths = (rel.payroll_by_month || []).filter((m) => Number(m.unpaid_workers || 0) > 0).length;
		const t = tabs([
			{id: 'enterprises', label: '参建企业', render: () => projectEnterprises(rel, ek)},
			{id: 'workers', label: '在场工人', render: () => projectWorkers(code, rel)},
			{id: 'attendance', label: '考勤', render: () => projectAttendance(rel)},
			{id: 'payroll', label: ['工资发放', shortMonths ? h('span', {class: 'tab-alert', title: '存在未足额发放的月份'}, String(shortMonths)) : null],
				render: () => projectPayroll(rel)},
			{id: 'accounts', label: '专用账户', render: () => projectAccounts(rel)},
			{id: 'deposits', label: '工资保证金', render: () => projectDeposits(rel)},
			...hooks.projectTabs.map((f) => f(p, rel)),
		], ctx.query.get('tab'));
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/projects'}, '在建项目'), ' / ', p.code || ''),
			head, t);
	}

	function projectEnterprises(rel, ek) {
		const kindF = ek.byKey.get('kind');
		const role = (label, e) => e ? {role: label, ent: e} : null;
		const rows = [role('建设单位', rel.owner), role('施工总承包', rel.contractor)].filter(Boolean);
		const top = table({
			columns: [
				{key: 'role', label: '角色', render: (x) => x.role},
				{key: 'name', label: '企业名称', render: (x) => entName(x.ent)},
				{key: 'uscc', label: '统一社会信用代码', render: (x) => x.ent.uscc || DASH},
				{key: 'legal_rep', label: '法定代表人', render: (x) => x.ent.legal_rep || DASH},
			],
			rows, testid: 'project-parties', href: (x) => x.ent.id ? `#/enterprises/${x.ent.id}` : null,
		});
		const employers = table({
			columns: [
				{key: 'name', label: '用工单位', render: (e) => entName(e)},
				{key: 'uscc', label: '统一社会信用代码', render: (e) => e.uscc || DASH},
				{key: 'kind', label: '企业类型', render: (e) => enumLabel(kindF, e.kind) || DASH},
				{key: 'workers', label: '在场工人', num: true, render: (e) => num(e.workers)},
			],
			rows: rel.employers || [], testid: 'project-employers', href: (e) => e.id ? `#/enterprises/${e.id}` : null,
		});
		return h('div', {class: 'stack'}, h('h3', null, '建设与总包'), top, h('h3', null, '用工单位'), employers);
	}

	async function projectWorkers(code, rel) {
		const [r, mk] = await Promise.all([api('/api/v1/employments', {project_code: code, per_page: 500, sort: 'entry_date'}), kindOf('employments')]);
		const asOf = state.asOf();
		const all = r.items || [];
		const onSite = all.filter((e) => !e.exit_date || e.exit_date > asOf);
		const names = new Map((rel.employers || []).map((e) => [e.uscc, e.name]));
		const F = (key) => mk.byKey.get(key);
		/* Employment records carry a worker's name and record id only when
		 * the server adds them (worker_name, worker_id). */
		const hasNames = all.some((e) => e.worker_name || e.worker_id);
		const cols = [
			hasNames && {key: 'worker_name', label: '姓名', render: (e) => e.worker_id ? h('a', {href: `#/workers/${e.worker_id}`}, e.worker_name || '查看') : (e.worker_name || DASH)},
			{key: 'worker_id_number', label: '公民身份号码', render: (e) => h('span', {class: 'mono', dataset: {testid: 'idnum'}}, e.worker_id_number || DASH)},
			{key: 'employer_uscc', label: '用工单位', render: (e) => e.employer_name || names.get(e.employer_uscc) || e.employer_uscc || DASH},
			{key: 'team', label: '班组', render: (e) => e.team || DASH},
			{key: 'trade', label: '工种', render: (e) => e.trade || DASH},
			{key: 'entry_date', label: '进场日期', render: (e) => e.entry_date || DASH},
			{key: 'exit_date', label: '退场日期', render: (e) => e.exit_date || DASH},
			{key: 'wage_basis', label: '计薪方式', render: (e) => fieldValue(F('wage_basis'), e.wage_basis)},
			{key: 'wage_rate', label: '工资标准', num: true, render: (e) => money(e.wage_rate)},
		].filter(Boolean);
		const holder = h('div');
		let showAll = false;
		const toggle = h('label', {class: 'check'}, h('input', {type: 'checkbox', onchange: (ev) => {
			showAll = ev.target.checked;
			draw();
		}}), ' 含已退场');
		function draw() {
			clear(holder).append(table({columns: cols, rows: showAll ? all : onSite, testid: 'project-workers',
				href: (e) => e.worker_id ? `#/workers/${e.worker_id}` : null}));
		}
		draw();
		const note = r.total > all.length ? `（仅显示前 ${all.length} 条）` : '';
		return h('div', {class: 'stack'},
			h('div', {class: 'toolbar'}, h('span', null, `在场 ${onSite.length} 人 · 登记 ${num(r.total)} 人次${note}`), toggle),
			holder);
	}

	function projectAttendance(rel) {
		const rows = (rel.attendance_by_month || []).slice().sort((a, b) => a.month.localeCompare(b.month));
		const box = chartBox('chart-attendance');
		const wrap = h('div', {class: 'stack'}, rows.length ? box : null,
			table({
				columns: [
					{key: 'month', label: '月份', render: (x) => x.month},
					{key: 'workers', label: '出勤人数', num: true, render: (x) => num(x.workers)},
					{key: 'days', label: '出勤人天', num: true, render: (x) => num(x.days)},
					{key: 'hours', label: '工时', num: true, render: (x) => num(x.hours)},
				],
				rows: rows.slice().reverse(), testid: 'project-attendance',
			}));
		if (rows.length) {
			requestAnimationFrame(() => charts.make(box, {
				color: ['#1f5fae', '#2fa36b'],
				legend: {data: ['出勤人数', '出勤人天'], top: 0},
				grid: {left: 56, right: 56, top: 36, bottom: 28},
				xAxis: {type: 'category', data: rows.map((x) => x.month)},
				yAxis: [{type: 'value', name: '人'}, {type: 'value', name: '人天', splitLine: {show: false}}],
				series: [
					{name: '出勤人数', type: 'bar', barMaxWidth: 24, data: rows.map((x) => x.workers)},
					{name: '出勤人天', type: 'line', yAxisIndex: 1, data: rows.map((x) => x.days)},
				],
			}));
		}
		return wrap;
	}

	function projectPayroll(rel) {
		const rows = (rel.payroll_by_month || []).slice().sort((a, b) => b.month.localeCompare(a.month));
		const short = (x) => Number(x.unpaid_workers || 0) > 0 || (toFen(x.paid) ?? 0n) < (toFen(x.due) ?? 0n);
		return table({
			columns: [
				{key: 'month', label: '工资所属期', render: (x) => x.month},
				{key: 'workers', label: '发放人数', num: true, render: (x) => num(x.workers)},
				{key: 'due', label: '应发工资', num: true, render: (x) => money(x.due)},
				{key: 'paid', label: '实发工资', num: true, render: (x) => money(x.paid)},
				{key: 'rate', label: '发放率', num: true, render: (x) => pct(x.paid, x.due)},
				{key: 'unpaid_workers', label: '未足额发放人数', num: true,
					render: (x) => Number(x.unpaid_workers || 0) > 0 ? h('span', {class: 'badge b-alert'}, num(x.unpaid_workers)) : '0'},
			],
			rows, testid: 'project-payroll', rowClass: (x) => short(x) ? 'row-alert' : null,
		});
	}

	async function projectAccounts(rel) {
		const accts = rel.accounts || [];
		if (!accts.length) return emptyState('该项目未登记农民工工资专用账户');
		const tk = await kindOf('transactions');
		const blocks = await Promise.all(accts.map(async (a) => {
			const tx = await api('/api/v1/transactions', {account_no: a.account_no, sort: '-txn_date', per_page: 100});
			return card(`专用账户 ${a.account_no}`, [
				facts([
					['开户银行', a.bank_name || DASH],
					['开户日期', a.opened_date || DASH],
					['销户日期', a.closed_date || DASH],
					['余额', h('b', {class: 'money'}, money(a.balance))],
				]),
				table({columns: kindColumns(tk, ['txn_date', 'txn_id', 'kind', 'amount', 'period', 'worker_id_number', 'counterparty', 'memo']),
					rows: tx.items || [], testid: 'account-transactions'}),
				tx.total > (tx.items || []).length ? h('div', {class: 'muted'}, `共 ${num(tx.total)} 笔，显示最近 ${(tx.items || []).length} 笔`) : null,
			], a.id ? h('a', {class: 'btn btn-link', href: `#/accounts/${a.id}`}, '账户详情') : null);
		}));
		return h('div', {class: 'stack'}, blocks);
	}

	async function projectDeposits(rel) {
		const dk = await kindOf('deposits');
		return table({columns: kindColumns(dk, ['deposit_no', 'form', 'amount', 'deposit_date', 'expiry_date', 'released_date', 'issuer']),
			rows: rel.deposits || [], testid: 'project-deposits', empty: '该项目暂无工资保证金记录'});
	}

	/* ---- 实名制人员 worker page ----------------------------------------- */

	async function pageWorker(ctx) {
		const [r, pk, wk] = await Promise.all([api('/api/v1/workers/' + ctx.params.id), kindOf('payroll'), kindOf('workers')]);
		if (!ctx.alive()) return;
		const w = r.item || {};
		const rel = r.related || {};
		const sex = rel.sex || (w.sex === 'M' ? '男' : w.sex === 'F' ? '女' : w.sex);
		const mk = await kindOf('employments');
		const att = (rel.attendance_by_month || []).slice().sort((a, b) => b.month.localeCompare(a.month));
		const payroll = (rel.payroll || []).slice().sort((a, b) => String(b.period).localeCompare(String(a.period)));
		const projLink = (code) => code ? h('a', {href: `#/go/projects/code/${encodeURIComponent(code)}`}, code) : DASH;
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/workers'}, '实名制人员'), ' / ', w.name || ''),
			h('section', {class: 'card project-head'},
				h('div', {class: 'ph-title'}, h('h1', {dataset: {testid: 'worker-name'}}, w.name || DASH)),
				facts([
					['公民身份号码', w.id_number ? revealable('workers', w, wk.byKey.get('id_number'), w.id_number, 'idnum') : DASH],
					['性别', sex || DASH],
					['年龄', rel.age !== undefined ? `${rel.age} 岁` : DASH],
					['出生日期', rel.birth_date || w.birth_date || DASH],
					['手机号', w.phone ? revealable('workers', w, wk.byKey.get('phone'), w.phone) : DASH],
					['开户银行', w.bank_name || DASH],
					['工资卡号', w.bank_card ? revealable('workers', w, wk.byKey.get('bank_card'), w.bank_card) : DASH],
				])),
			card('用工登记', table({
				columns: [
					{key: 'project_code', label: '项目', render: (e) => [projLink(e.project_code), e.project_name ? ' ' + e.project_name : '']},
					...kindColumns(mk, ['employer_uscc', 'entry_date', 'exit_date', 'team', 'trade', 'wage_basis', 'wage_rate']),
				],
				rows: rel.employments || [], testid: 'worker-employments'})),
			h('div', {class: 'grid-2'},
				card('工资发放', table({
					columns: [
						{key: 'project_code', label: '项目', render: (x) => projLink(x.project_code)},
						...kindColumns(pk, ['period', 'days_worked', 'amount_due', 'amount_paid', 'paid_date', 'channel']),
					],
					rows: payroll, testid: 'worker-payroll',
					rowClass: (x) => (toFen(x.amount_paid) ?? 0n) < (toFen(x.amount_due) ?? 0n) ? 'row-alert' : null})),
				card('月度考勤', table({
					columns: [
						{key: 'project_code', label: '项目', render: (x) => projLink(x.project_code)},
						{key: 'month', label: '月份', render: (x) => x.month},
						{key: 'days', label: '出勤天数', num: true, render: (x) => num(x.days)},
					],
					rows: att, testid: 'worker-attendance'}))));
	}

	/* ---- 企业 enterprise page ------------------------------------------- */

	async function pageEnterprise(ctx) {
		const [r, ek, pk] = await Promise.all([api('/api/v1/enterprises/' + ctx.params.id), kindOf('enterprises'), kindOf('projects')]);
		if (!ctx.alive()) return;
		const e = r.item || {};
		const rel = r.related || {};
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/enterprises'}, '企业'), ' / ', e.name || ''),
			h('section', {class: 'card project-head'},
				h('div', {class: 'ph-title'}, h('h1', null, e.name || DASH), h('span', {class: 'ph-code'}, e.uscc)),
				facts(ek.fields.filter((f) => f.key !== 'name').map((f) => [f.zh, fieldValue(f, e[f.key], e)]))),
			card('相关项目', table({columns: kindColumns(pk, ['code', 'name', 'street', 'status', 'contract_amount', 'start_date']),
				rows: rel.projects || [], href: (p) => `#/projects/${p.id}`, testid: 'enterprise-projects'})));
	}

	/* ---- 专用账户 account page ------------------------------------------ */

	async function pageAccount(ctx) {
		const [r, ak, tk] = await Promise.all([api('/api/v1/accounts/' + ctx.params.id), kindOf('accounts'), kindOf('transactions')]);
		if (!ctx.alive()) return;
		const a = r.item || {};
		const rel = r.related || {};
		const proj = rel.project;
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/accounts'}, '专用账户'), ' / ', a.account_no || ''),
			h('section', {class: 'card project-head'},
				h('div', {class: 'ph-title'}, h('h1', null, `专用账户 ${a.account_no || ''}`)),
				facts([
					['所属项目', proj && proj.id ? h('a', {href: `#/projects/${proj.id}`}, proj.name || proj.code) : fieldValue(ak.byKey.get('project_code'), a.project_code)],
					['开户银行', a.bank_name || DASH],
					['开户日期', a.opened_date || DASH],
					['销户日期', a.closed_date || DASH],
					['余额', h('b', {class: 'money'}, money(rel.balance !== undefined ? rel.balance : a.balance))],
				])),
			card('最近交易流水', table({columns: kindColumns(tk, ['txn_date', 'txn_id', 'kind', 'amount', 'period', 'worker_id_number', 'counterparty', 'memo']),
				rows: rel.transactions || [], testid: 'account-transactions'})));
	}

	/* ---- 数据导入 import page ------------------------------------------- */

	function csvCell(s) {
		return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
	}

	/* A header-only CSV (UTF-8 with BOM, so Excel opens it right) of the
	 * importable fields of kind k. */
	function templateLink(k) {
		const cols = k.fields.filter((f) => !f.derived).map((f) => csvCell(f.zh));
		const blob = new Blob(['\ufeff' + cols.join(',') + '\r\n'], {type: 'text/csv;charset=utf-8'});
		return h('a', {class: 'btn btn-small', href: URL.createObjectURL(blob), download: `${k.zh}导入模板.csv`, dataset: {template: k.name}}, '模板');
	}

	function contentType(name) {
		if (/\.xlsx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
		if (/\.csv$/i.test(name)) return 'text/csv';
		return 'application/octet-stream';
	}

	async function pageImport(ctx) {
		const all = await kinds();
		if (!ctx.alive()) return;
		const list = [...all.values()];
		const kindSel = h('select', {class: 'input', name: 'kind', 'aria-label': '数据类型'},
			h('option', {value: 'auto'}, '自动识别'),
			list.map((k) => h('option', {value: k.name}, k.zh)));
		const file = h('input', {type: 'file', class: 'input', name: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'});
		const ignore = h('input', {type: 'checkbox', name: 'ignore_unknown'});
		const submit = h('button', {type: 'submit', class: 'btn btn-primary'}, '上传并导入');
		const result = h('div', {class: 'import-result', dataset: {testid: 'import-result'}});
		const resultCard = card('导入结果', result);
		resultCard.hidden = true;

		const form = h('form', {class: 'import-form', onsubmit: async (ev) => {
			ev.preventDefault();
			banner.hide();
			const f = file.files && file.files[0];
			if (!f) {
				resultCard.hidden = false;
				clear(result).append(h('div', {class: 'notice notice-warn'}, '请先选择要导入的文件（CSV 或 XLSX）。'));
				return;
			}
			submit.disabled = true;
			resultCard.hidden = false;
			clear(result).append(h('div', {class: 'loading'}, `正在导入 ${f.name} …`));
			try {
				const body = await f.arrayBuffer();
				const rep = await api(`/api/v1/import/${kindSel.value}`, {filename: f.name, ignore_unknown: ignore.checked ? 1 : ''},
					{method: 'POST', body, headers: {'Content-Type': contentType(f.name), Accept: 'application/json'}}, [422]);
				if (!ctx.alive()) return;
				clear(result).append(importReport(rep, all, f.name));
				if (rep.ok) streetsPromise = null;
			} catch (e) {
				clear(result).append(h('div', {class: 'notice notice-error'}, '导入失败：', e.message));
				banner.show(e.message);
			} finally {
				submit.disabled = false;
			}
		}},
		h('div', {class: 'form-row'}, h('label', null, '数据类型'), kindSel),
		h('div', {class: 'form-row'}, h('label', null, '文件'), file),
		h('div', {class: 'form-row'}, h('label', null, ''), h('label', {class: 'check'}, ignore, ' 忽略无法识别的列')),
		h('div', {class: 'form-row'}, h('label', null, ''), submit),
		h('p', {class: 'muted'}, '支持 CSV（UTF-8 或 GB18030 编码）与 Excel XLSX。整份文件逐行校验：只要有一行出错，将不导入任何数据，请按错误清单修改后重新上传。'));

		const kindTable = table({
			columns: [
				{key: 'zh', label: '数据类型', render: (k) => k.zh},
				{key: 'name', label: '代码', render: (k) => h('span', {class: 'mono'}, k.name)},
				{key: 'fields', label: '字段数', num: true, render: (k) => num(k.fields.filter((f) => !f.derived).length)},
				{key: 'dl', label: '下载', render: (k) => h('span', {class: 'btns'}, templateLink(k),
					h('a', {class: 'btn btn-small', href: `/api/v1/export/${k.name}?format=csv`, download: ''}, '导出 CSV'),
					h('a', {class: 'btn btn-small', href: `/api/v1/export/${k.name}?format=xlsx`, download: ''}, '导出 Excel'))},
			],
			rows: list, testid: 'import-kinds',
		});
		clear(ctx.main).append(
			pageHead('数据导入', '按《数据交换标准》导入企业、项目、实名制、考勤、工资、专用账户与保证金数据'),
			h('div', {class: 'grid-2 grid-import'}, card('上传文件', form), card('模板与导出', kindTable)),
			resultCard);
		/* Results appear below the form: bring them into view. */
		new MutationObserver(() => {
			if (!resultCard.hidden) resultCard.scrollIntoView({block: 'nearest'});
		}).observe(result, {childList: true});
	}

	function importReport(rep, all, fileName) {
		const k = all.get(rep.kind);
		const kz = k ? k.zh : rep.kind || '';
		const meta = facts([
			['数据类型', kz],
			['文件', rep.file || fileName],
			['编码', rep.encoding || DASH],
			['数据行数', num(rep.rows)],
		]);
		if (rep.ok) {
			return h('div', {class: 'report report-ok', dataset: {testid: 'import-ok'}},
				h('div', {class: 'notice notice-ok'}, `导入成功：共 ${num(rep.rows)} 行，新增 ${num(rep.inserted)}，更新 ${num(rep.updated)}，未变 ${num(rep.unchanged)}。`),
				meta);
		}
		const errs = rep.errors || (rep.error && rep.error.errors) || [];
		const count = rep.error_count !== undefined ? rep.error_count : errs.length;
		return h('div', {class: 'report report-bad', dataset: {testid: 'import-errors'}},
			h('div', {class: 'notice notice-error'},
				h('b', null, `发现 ${num(count)} 处错误，未导入任何数据。`),
				rep.truncated || count > errs.length ? ` 以下列出前 ${num(errs.length)} 处。` : '',
				errs.length ? '' : ' ' + ((rep.error && rep.error.message) || '')),
			meta,
			table({
				columns: [
					{key: 'row', label: '行', num: true, render: (e) => e.row ? String(e.row) : '整个文件'},
					{key: 'column', label: '列', render: (e) => e.column || DASH},
					{key: 'header', label: '表头', render: (e) => e.header || DASH},
					{key: 'field', label: '字段', render: (e) => e.field ? h('span', {class: 'mono'}, e.field) : DASH},
					{key: 'value', label: '值', render: (e) => e.value ? h('span', {class: 'mono'}, e.value) : DASH},
					{key: 'reason', label: '原因', wrap: true, render: (e) => e.reason || DASH},
				],
				rows: errs, testid: 'import-error-table',
			}));
	}

	/* ---- 登录 log-in and 修改密码 password change ---------------------- */

	/* A labelled form row. */
	function formRow(label, input) {
		return h('div', {class: 'form-row'}, h('label', null, label), input);
	}

	function pageLogin(ctx) {
		const next = ctx.query.get('next') || '/';
		const user = h('input', {class: 'input', name: 'username', autocomplete: 'username', required: true});
		const pw = h('input', {class: 'input', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
		const msg = h('div', {class: 'notice notice-error', role: 'alert', dataset: {testid: 'login-error'}});
		msg.hidden = true;
		const submit = h('button', {type: 'submit', class: 'btn btn-primary'}, '登录');
		const form = h('form', {class: 'login-form', dataset: {testid: 'login-form'}, onsubmit: async (ev) => {
			ev.preventDefault();
			msg.hidden = true;
			submit.disabled = true;
			try {
				await apiPost('/api/v1/login', {username: user.value.trim(), password: pw.value});
				pw.value = '';
				await loadMe();
				location.hash = '#' + (session.me && session.me.must_change ? '/password' : (/^\/(login|password)/.test(next) ? '/' : next));
			} catch (e) {
				/* 401 wrong name or password, 423 locked, 429 throttled,
				 * 403 disabled: the server's message says which. */
				msg.textContent = e.message;
				msg.dataset.status = String(e.status);
				msg.hidden = false;
				pw.value = '';
				pw.focus();
			} finally {
				submit.disabled = false;
			}
		}},
		h('h1', null, '登录'),
		h('p', {class: 'muted'}, '滨海新区农民工工资支付监控预警平台'),
		msg,
		formRow('用户名', user),
		formRow('密码', pw),
		h('div', {class: 'form-row'}, h('label', null, ''), submit));
		clear(ctx.main).append(h('div', {class: 'login-wrap'}, card(null, form)));
		user.focus();
	}

	function pagePassword(ctx) {
		const forced = !!(session.me && session.me.must_change);
		const old = h('input', {class: 'input', name: 'old', type: 'password', autocomplete: 'current-password', required: true});
		const pw1 = h('input', {class: 'input', name: 'new', type: 'password', autocomplete: 'new-password', required: true});
		const pw2 = h('input', {class: 'input', name: 'confirm', type: 'password', autocomplete: 'new-password', required: true});
		const msg = h('div', {class: 'notice notice-error', role: 'alert', dataset: {testid: 'password-error'}});
		msg.hidden = true;
		const form = h('form', {class: 'login-form', onsubmit: async (ev) => {
			ev.preventDefault();
			msg.hidden = true;
			if (pw1.value !== pw2.value) {
				msg.textContent = '两次输入的新密码不一致';
				msg.hidden = false;
				return;
			}
			try {
				await apiPost('/api/v1/password', {old: old.value, new: pw1.value});
				await loadMe(); /* a new session and CSRF token */
				location.hash = '#/';
			} catch (e) {
				msg.textContent = e.message;
				msg.hidden = false;
			}
		}},
		h('h1', null, '修改密码'),
		forced ? h('div', {class: 'notice notice-warn'}, '首次登录或密码已被重置：请先设置新密码。') : null,
		h('p', {class: 'muted'}, '至少10个字符，包含大写字母、小写字母、数字、符号中的三类，且不含用户名。'),
		msg,
		formRow('原密码', old),
		formRow('新密码', pw1),
		formRow('确认新密码', pw2),
		h('div', {class: 'form-row'}, h('label', null, ''), h('button', {type: 'submit', class: 'btn btn-primary'}, '保存新密码')));
		clear(ctx.main).append(h('div', {class: 'login-wrap'}, card(null, form)));
	}

	/* ---- 系统管理: 用户管理, 接口令牌, 审计日志 ----------------------------- */

	const ROLE_OPTIONS = [['admin', '区人社局管理员'], ['inspector', '监察员'], ['street', '街镇'],
		['enterprise', '企业'], ['leader', '领导']];

	function fmtTime(t) {
		if (!t) return DASH;
		return new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short'})
			.format(new Date(typeof t === 'number' ? t * 1000 : t));
	}

	/* A notice showing a secret once (a new password, a token). */
	function secretOnce(label, value, testid) {
		return h('div', {class: 'notice notice-ok secret', dataset: {testid}},
			label, h('code', {class: 'mono secret-value', dataset: {testid: testid + '-value'}}, value),
			h('div', {class: 'muted'}, '只显示这一次，请立即妥善转交；关闭页面后无法再次查看。'));
	}

	async function pageUsers(ctx) {
		const res = await api('/api/v1/users');
		if (!ctx.alive()) return;
		const out = h('div', {dataset: {testid: 'users-result'}});
		const act = async (u, action, label) => {
			try {
				const r = await apiPost(`/api/v1/users/${encodeURIComponent(u.username)}/${action}`);
				await pageUsers(ctx);
				if (r.password) ctx.main.prepend(secretOnce(`${u.username} 的新密码：`, r.password, 'new-password'));
				else banner.hide();
			} catch (e) {
				banner.show(`${label}失败：${e.message}`);
			}
		};
		const rows = (res.items || []).map((u) => Object.assign({}, u));
		const tbl = table({
			columns: [
				{key: 'username', label: '用户名', render: (u) => h('span', {class: 'mono'}, u.username)},
				{key: 'name', label: '姓名', render: (u) => u.name || DASH},
				{key: 'role', label: '角色', render: (u) => u.role_zh},
				{key: 'scope', label: '街镇 / 企业', render: (u) => u.street || u.uscc || '全区'},
				{key: 'status', label: '状态', render: (u) => u.disabled ? h('span', {class: 'badge b-suspended'}, '已停用')
					: u.locked ? h('span', {class: 'badge b-suspended'}, '已锁定') : u.must_change ? h('span', {class: 'badge b-planned'}, '待改密')
						: h('span', {class: 'badge b-active'}, '正常')},
				{key: 'last_login', label: '最近登录', render: (u) => fmtTime(u.last_login)},
				{key: 'ops', label: '操作', render: (u) => h('span', {class: 'btns'},
					u.disabled ? h('button', {type: 'button', class: 'btn btn-small', onclick: () => act(u, 'enable', '启用')}, '启用')
						: h('button', {type: 'button', class: 'btn btn-small', onclick: () => act(u, 'disable', '停用')}, '停用'),
					h('button', {type: 'button', class: 'btn btn-small', onclick: () => act(u, 'reset-password', '重置密码')}, '重置密码'),
					u.locked ? h('button', {type: 'button', class: 'btn btn-small', onclick: () => act(u, 'unlock', '解锁')}, '解锁') : null)},
			],
			rows, testid: 'users-table',
		});
		const f = {
			username: h('input', {class: 'input', name: 'username', required: true}),
			name: h('input', {class: 'input', name: 'name'}),
			role: h('select', {class: 'input', name: 'role'}, ROLE_OPTIONS.map(([v, l]) => h('option', {value: v}, l))),
			street: h('input', {class: 'input', name: 'street', placeholder: '街镇角色必填，如 新港街道'}),
			uscc: h('input', {class: 'input', name: 'uscc', placeholder: '企业角色必填：统一社会信用代码'}),
		};
		const sync = () => {
			f.street.closest('.form-row').hidden = f.role.value !== 'street';
			f.uscc.closest('.form-row').hidden = f.role.value !== 'enterprise';
		};
		f.role.addEventListener('change', sync);
		const form = h('form', {class: 'import-form', dataset: {testid: 'user-add'}, onsubmit: async (ev) => {
			ev.preventDefault();
			try {
				const r = await apiPost('/api/v1/users', {username: f.username.value.trim(), name: f.name.value.trim(), role: f.role.value,
					street: f.role.value === 'street' ? f.street.value.trim() : '', uscc: f.role.value === 'enterprise' ? f.uscc.value.trim() : ''});
				await pageUsers(ctx);
				ctx.main.prepend(secretOnce(`已添加用户 ${r.user.username}，初始密码：`, r.password, 'new-password'));
			} catch (e) {
				clear(out).append(h('div', {class: 'notice notice-error'}, '添加失败：', e.message));
			}
		}},
		formRow('用户名', f.username), formRow('姓名', f.name), formRow('角色', f.role), formRow('所属街镇', f.street), formRow('企业信用代码', f.uscc),
		h('div', {class: 'form-row'}, h('label', null, ''), h('button', {type: 'submit', class: 'btn btn-primary'}, '添加用户')),
		h('p', {class: 'muted'}, '系统生成初始密码（只显示一次），用户首次登录时必须修改。'));
		sync();
		clear(ctx.main).append(pageHead('用户管理', `共 ${num(rows.length)} 个账户`), card(null, tbl), card('添加用户', [form, out]));
	}

	async function pageTokens(ctx) {
		const res = await api('/api/v1/tokens');
		if (!ctx.alive()) return;
		const out = h('div');
		const tbl = table({
			columns: [
				{key: 'id', label: '编号', num: true, render: (t) => String(t.id)},
				{key: 'name', label: '名称', render: (t) => t.name},
				{key: 'prefix', label: '前缀', render: (t) => h('span', {class: 'mono'}, t.prefix + '…')},
				{key: 'scope', label: '范围', render: (t) => t.bank_code ? `银行 ${t.bank_code}` : `企业 ${t.uscc}`},
				{key: 'kinds', label: '可写入', render: (t) => t.kinds},
				{key: 'last_used', label: '最近使用', render: (t) => fmtTime(t.last_used)},
				{key: 'state', label: '状态', render: (t) => t.revoked ? h('span', {class: 'badge b-suspended'}, '已吊销') : h('span', {class: 'badge b-active'}, '有效')},
				{key: 'ops', label: '操作', render: (t) => t.revoked ? DASH : h('button', {type: 'button', class: 'btn btn-small', onclick: async () => {
					try {
						await apiPost(`/api/v1/tokens/${t.id}/revoke`);
						await pageTokens(ctx);
					} catch (e) {
						banner.show('吊销失败：' + e.message);
					}
				}}, '吊销')},
			],
			rows: res.items || [], testid: 'tokens-table',
		});
		const f = {
			name: h('input', {class: 'input', name: 'name', required: true, placeholder: '如 icbc-binhai'}),
			type: h('select', {class: 'input', name: 'type'}, h('option', {value: 'bank'}, '银行'), h('option', {value: 'enterprise'}, '企业（如工地闸机）')),
			scope: h('input', {class: 'input', name: 'scope', required: true, placeholder: '银行代码（如 ICBC）或统一社会信用代码'}),
			kinds: h('input', {class: 'input', name: 'kinds', value: 'transactions', placeholder: 'transactions 或 attendance,payroll'}),
		};
		const form = h('form', {class: 'import-form', onsubmit: async (ev) => {
			ev.preventDefault();
			const bank = f.type.value === 'bank';
			try {
				const r = await apiPost('/api/v1/tokens', {name: f.name.value.trim(), bank_code: bank ? f.scope.value.trim() : '',
					uscc: bank ? '' : f.scope.value.trim(), kinds: f.kinds.value.trim()});
				await pageTokens(ctx);
				ctx.main.prepend(secretOnce(`令牌 ${r.token.name}：`, r.value, 'new-token'));
			} catch (e) {
				clear(out).append(h('div', {class: 'notice notice-error'}, '创建失败：', e.message));
			}
		}},
		formRow('名称', f.name), formRow('类型', f.type), formRow('范围', f.scope), formRow('可写入数据', f.kinds),
		h('div', {class: 'form-row'}, h('label', null, ''), h('button', {type: 'submit', class: 'btn btn-primary'}, '创建令牌')),
		h('p', {class: 'muted'}, '令牌只显示一次；系统只保存其哈希。调用方式：Authorization: Bearer anx_…'));
		clear(ctx.main).append(pageHead('接口令牌', '银行、工地闸机等系统推送数据所用的令牌'), card(null, tbl), card('创建令牌', [form, out]));
	}

	const AUDIT_ACTIONS = ['login', 'login_failed', 'logout', 'password_change', 'create', 'update', 'import', 'reveal',
		'export_unmasked', 'user_add', 'user_disable', 'user_enable', 'user_passwd', 'user_unlock', 'token_create', 'token_revoke'];

	async function pageAudit(ctx) {
		const q = ctx.query;
		const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
		const params = {page, per_page: 50};
		for (const k of ['actor', 'action', 'since', 'until']) if (q.get(k)) params[k] = q.get(k);
		const res = await api('/api/v1/audit', params);
		if (!ctx.alive()) return;
		const nav = (mut) => {
			const n = new URLSearchParams(q);
			mut(n);
			setQuery('#/admin/audit', n);
		};
		const f = {
			actor: h('input', {class: 'input', name: 'actor', placeholder: '操作人', value: q.get('actor') || ''}),
			action: h('select', {class: 'input', name: 'action'}, h('option', {value: ''}, '全部操作'),
				AUDIT_ACTIONS.map((a) => h('option', {value: a, selected: q.get('action') === a}, a))),
			since: h('input', {class: 'input', type: 'date', name: 'since', value: q.get('since') || ''}),
			until: h('input', {class: 'input', type: 'date', name: 'until', value: q.get('until') || ''}),
		};
		const form = h('form', {class: 'toolbar', onsubmit: (ev) => {
			ev.preventDefault();
			nav((n) => {
				for (const [k, el] of Object.entries(f)) {
					if (el.value) n.set(k, el.value);
					else n.delete(k);
				}
				n.delete('page');
			});
		}}, f.actor, f.action, f.since, ' 至 ', f.until, h('button', {type: 'submit', class: 'btn btn-primary'}, '筛选'));
		const verifyOut = h('span', {class: 'verify-result', dataset: {testid: 'verify-result'}});
		const verify = h('button', {type: 'button', class: 'btn', onclick: async () => {
			clear(verifyOut).append('校验中…');
			try {
				const v = await api('/api/v1/audit/verify');
				clear(verifyOut).append(v.ok
					? h('span', {class: 'badge b-active'}, `校验通过：共 ${num(v.rows)} 条，链尾 ${String(v.head).slice(0, 16)}…`)
					: h('span', {class: 'badge b-suspended'}, `校验失败：第 ${v.bad_seq} 条 — ${v.reason}`));
			} catch (e) {
				clear(verifyOut).append(e.message);
			}
		}}, '校验日志链');
		const detail = (x) => {
			const a = x.after ? String(x.after) : '';
			return a.length > 160 ? a.slice(0, 160) + '…' : a;
		};
		const tbl = table({
			columns: [
				{key: 'seq', label: '序号', num: true, render: (x) => String(x.seq)},
				{key: 'time', label: '时间', render: (x) => fmtTime(x.time)},
				{key: 'actor', label: '操作人', render: (x) => x.actor},
				{key: 'role', label: '角色', render: (x) => x.role || DASH},
				{key: 'address', label: '来源地址', render: (x) => x.address || DASH},
				{key: 'action', label: '操作', render: (x) => h('span', {class: 'mono'}, x.action)},
				{key: 'object', label: '对象', render: (x) => [x.object_kind, x.object_key].filter(Boolean).join(' ') || DASH},
				{key: 'after', label: '内容', wrap: true, render: (x) => h('span', {class: 'mono small'}, detail(x))},
			],
			rows: res.items || [], testid: 'audit-table',
		});
		const pg = h('div', {class: 'pager'},
			h('button', {type: 'button', class: 'btn', disabled: page <= 1, onclick: () => nav((n) => n.set('page', page - 1))}, '‹ 上一页'),
			h('span', {class: 'pager-page'}, `第 ${page} 页`),
			h('button', {type: 'button', class: 'btn', disabled: !res.more, onclick: () => nav((n) => n.set('page', page + 1))}, '下一页 ›'));
		clear(ctx.main).append(pageHead('审计日志', '所有变更与特权读取（显示完整信息、未脱敏导出）均记录在哈希链中', [verify, verifyOut]),
			card(null, [form, tbl, pg]));
	}

	/* ================================================================
	 * 5. Router and shell
	 * ================================================================ */

	const state = {
		asOf() {
			return localStorage.getItem('anxin.as_of') || todayShanghai();
		},
		setAsOf(v) {
			if (v) localStorage.setItem('anxin.as_of', v);
			else localStorage.removeItem('anxin.as_of');
		},
	};

	/* Route table: pattern, nav entry highlighted, page function, and the
	 * permission the page needs (default read; null = none, e.g. log-in). */
	const ROUTES = [
		[/^\/login$/, null, pageLogin, null],
		[/^\/password$/, null, pagePassword, 'session'],
		[/^\/admin\/users$/, 'users', pageUsers, 'users'],
		[/^\/admin\/tokens$/, 'tokens', pageTokens, 'users'],
		[/^\/admin\/audit$/, 'audit', pageAudit, 'audit'],
		[/^\/?$/, 'dashboard', pageDashboard],
		[/^\/projects$/, 'projects', (c) => pageList(c, 'projects')],
		[/^\/projects\/(?<id>\d+)$/, 'projects', pageProject],
		[/^\/enterprises$/, 'enterprises', (c) => pageList(c, 'enterprises')],
		[/^\/enterprises\/(?<id>\d+)$/, 'enterprises', pageEnterprise],
		[/^\/workers$/, 'workers', (c) => pageList(c, 'workers')],
		[/^\/workers\/(?<id>\d+)$/, 'workers', pageWorker],
		[/^\/accounts$/, 'accounts', (c) => pageList(c, 'accounts')],
		[/^\/accounts\/(?<id>\d+)$/, 'accounts', pageAccount],
		[/^\/deposits$/, 'deposits', (c) => pageList(c, 'deposits')],
		[/^\/import$/, 'import', pageImport, 'import'],
		[/^\/go\/(?<kind>[a-z_]+)\/(?<field>[a-z_]+)\/(?<value>.+)$/, null, pageGo],
	];

	let routeSeq = 0;

	async function route() {
		const seq = ++routeSeq;
		const raw = location.hash.replace(/^#/, '') || '/';
		const qi = raw.indexOf('?');
		const path = qi < 0 ? raw : raw.slice(0, qi);
		const query = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
		const main = document.getElementById('main');
		charts.disposeAll();
		banner.hide();
		document.body.classList.remove('nav-open');

		let hit = null;
		for (const [re, nav, fn, perm] of ROUTES) {
			const m = re.exec(path);
			if (m) {
				hit = {nav, fn, perm: perm === undefined ? 'read' : perm,
					params: Object.fromEntries(Object.entries(m.groups || {}).map(([k, v]) => [k, decodeURIComponent(v)]))};
				break;
			}
		}
		/* Not logged in: the log-in page; a password to change: that page;
		 * a page the role may not use: say so. */
		document.body.classList.toggle('logged-out', !session.me);
		if (hit && hit.perm !== null && !session.me) {
			toLogin();
			return;
		}
		if (hit && session.me && session.me.must_change && hit.fn !== pagePassword && hit.fn !== pageLogin) {
			location.hash = '#/password';
			return;
		}
		if (hit && hit.perm && hit.perm !== 'session' && !session.can(hit.perm)) {
			clear(main).append(pageHead('无权访问'), emptyState('您的角色无权使用此页面。'), h('a', {href: '#/', class: 'btn'}, '返回驾驶舱'));
			main.dataset.route = raw;
			main.dataset.ready = '1';
			return;
		}
		for (const a of document.querySelectorAll('.sidenav a[data-nav]'))
			a.classList.toggle('active', !!hit && a.dataset.nav === hit.nav);
		if (!hit) {
			clear(main).append(pageHead('页面不存在'), emptyState('没有这个页面。'), h('a', {href: '#/', class: 'btn'}, '返回驾驶舱'));
			main.dataset.route = raw;
			main.dataset.ready = '1';
			return;
		}
		clear(main).append(loading());
		main.dataset.page = hit.nav || 'go';
		delete main.dataset.ready;
		delete main.dataset.route;
		const ctx = {main, params: hit.params, query, alive: () => seq === routeSeq};
		try {
			await hit.fn(ctx);
		} catch (e) {
			if (!ctx.alive()) return;
			if (e.status === 401) return; /* on the way to the log-in page */
			console.warn('page failed:', e);
			banner.show(e.message || String(e));
			/* 404 includes records outside the caller's scope: another
			 * street's project is not found, not merely hidden. */
			if (e.status === 404) clear(main).append(pageHead('未找到'), emptyState('没有找到该记录，或不在您的管辖范围内。'));
			else clear(main).append(h('div', {class: 'error-state'}, '加载失败：', e.message || String(e)));
		}
		if (ctx.alive()) {
			main.dataset.route = raw;
			main.dataset.ready = '1';
			window.scrollTo(0, 0);
		}
	}

	/* The top bar's user box and the navigation entries of the role. */
	function applySession() {
		const me = session.me;
		const box = document.getElementById('user-box');
		if (box) {
			box.hidden = !me;
			document.getElementById('user-name').textContent = me ? (me.user ? me.user.name || me.user.username : '') : '';
			document.getElementById('user-role').textContent = me && me.user ? me.user.role_zh + (me.user.street ? ' · ' + me.user.street : '') : '';
		}
		document.body.classList.toggle('logged-out', !me);
		for (const el of document.querySelectorAll('[data-perm]'))
			el.hidden = !me || !el.dataset.perm.split(/\s+/).some((p) => session.can(p));
		streetsPromise = null;
	}

	async function logout() {
		try {
			await apiPost('/api/v1/logout');
		} catch (_) {
			/* already ended: log in again anyway */
		}
		session.me = null;
		applySession();
		location.hash = '#/login';
	}

	function initShell() {
		const input = document.getElementById('as-of');
		input.value = state.asOf();
		input.addEventListener('change', () => {
			state.setAsOf(input.value);
			route();
		});
		document.getElementById('as-of-today').addEventListener('click', () => {
			state.setAsOf('');
			input.value = state.asOf();
			route();
		});
		document.getElementById('banner-close').addEventListener('click', banner.hide);
		document.getElementById('nav-toggle').addEventListener('click', () => document.body.classList.toggle('nav-open'));
		const out = document.getElementById('logout');
		if (out) out.addEventListener('click', logout);
		window.addEventListener('hashchange', route);
		window.addEventListener('resize', () => charts.resizeAll());
		loadMe().catch((e) => banner.show(e.message)).then(route);
	}

	/* Pages in other files (web/warn.js, loaded before this one) register
	 * themselves in window.anxinPages: each gets the helpers below and
	 * addRoute(pattern, nav, page, perm); hooks add a row to the
	 * dashboard (f(dashboard) -> node) or a tab to the project page
	 * (f(project, related) -> tab). */
	const hooks = {dashboard: [], projectTabs: []};
	const lib = {h, clear, DASH, toFen, money, num, monthLabel, api, apiPost, session, state, charts, PALETTE,
		chartBox, card, kpi, pageHead, facts, table, pager, tabs, loading, emptyState, errorBox, setQuery,
		streets, banner, fmtTime, hooks, reload: () => route()};
	for (const plug of window.anxinPages || [])
		plug(lib, (re, nav, fn, perm) => ROUTES.push([re, nav, fn, perm]));

	/* For the browser tests and the console: the formatters. */
	window.anxin = {money, wan, pct, toFen, num, api, apiPost, session};

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initShell);
	else initShell();
})();
