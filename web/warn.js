/*
 * warn.js - the warning centre of the anxin web UI (预警中心): the centre
 * (counts by level, charts by rule / street / over time, a filterable list),
 * one warning's page (evidence, legal basis, suggested action, history and
 * the actions the role allows), the 预警 row of the 驾驶舱, the 预警 tab of a
 * project page and 参数设置 (the rule parameters, administrators).
 *
 * A page module like the others: it takes the helpers of the core files
 * from window.anxinLib (h(), api(), charts, table(), ...) - so the same
 * rules hold: every value reaches the DOM as text, money stays a string of
 * yuan (formatted with BigInt fen), no inline styles (CSP), ECharts tooltips
 * drawn on the canvas - adds its pages to anxinLib.pages (routed by app.js)
 * and a row to the 驾驶舱 and a tab to the project page (anxinLib.hooks).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, DASH, money, num, monthLabel, api, apiPost, session, state, charts, chartBox, card,
		pageHead, facts, table, pager, tabs, emptyState, setQuery, streets, banner, hooks} = lib;

	/* ---- vocabulary ---------------------------------------------------- */

	const LEVELS = [['red', '红色'], ['orange', '橙色'], ['yellow', '黄色']];
	const LEVEL_COLOR = {red: '#c9372c', orange: '#e07b10', yellow: '#d9b00b'};
	/* The rule catalogue (codes and names) comes from the engine, once. */
	let rulesPromise = null;
	function ruleCatalogue() {
		if (!rulesPromise)
			rulesPromise = api('/api/v1/warnings/rules').catch((e) => {
				rulesPromise = null;
				throw e;
			});
		return rulesPromise;
	}
	const STATUSES = [['open', '未消除'], ['handling', '处置中'], ['eliminated', '已消除'], ['all', '全部']];
	const STATUS_CLASS = {open: 'b-alert', handling: 'b-suspended', review: 'b-planned', eliminated: 'b-completed'};
	const RESPONSIBLE = {contractor: '施工总承包单位', owner: '建设单位'};

	/* Evidence keys: Chinese label, and whether the value is money. */
	const EV = {
		worker_name: ['姓名'], id_number: ['身份证号'], employer_name: ['用工单位'], employer_uscc: ['用工单位代码'],
		month: ['月份'], period: ['所属期'], days_worked: ['工资表出勤(天)'], attendance_days: ['考勤天数'],
		days: ['考勤天数'], dates: ['考勤日期'], amount_due: ['应发', 1], paid: ['实发', 1], owed: ['欠发', 1],
		short: ['差额', 1], paid_date: ['发放日期'], channel: ['发放方式'], bank_paid: ['银行代发', 1],
		bank_transfers: ['代发笔数'], difference: ['差额', 1], minimum: ['最低工资折算', 1],
		monthly_minimum: ['月最低工资', 1], entry_date: ['进场日期'], contract_signed_date: ['合同签订'],
		registered: ['已登记'], on_payroll: ['在工资表'], deposit_no: ['保证金编号'], form: ['形式'],
		amount: ['金额', 1], deposit_date: ['存储日期'], expiry_date: ['到期日'], released_date: ['退还日期'],
		valid: ['有效'], account_no: ['账号'], opened_date: ['开户日期'], closed_date: ['销户日期'],
		kind: ['类型'], txn_id: ['流水号'], txn_date: ['交易日期'], balance: ['余额', 1],
		outstanding: ['未发工资', 1], pay_deadline: ['工资支付期限'], deadline: ['期限'],
		contract_date: ['合同签订'], contract_amount: ['合同金额', 1], required: ['应存金额', 1],
		valid_deposits: ['有效保证金', 1], start_date: ['开工日期'], end_date: ['竣工日期'],
		board_installed_date: ['告示牌设立'], last_labor_cost_date: ['最近拨付人工费'], basis: ['依据'],
		cycle_days: ['拨付周期(天)'], orange_after: ['升级橙色日期'],
		/* BALANCE_LOW: outstanding wages minus the balance - money */
		gap: ['余额缺口', 1],
	};
	const EV_SKIP = new Set(['rule', 'name', 'project', 'period', 'responsible', 'items']);
	const VALUE_ZH = {cash: '现金', bank: '银行代发', other: '其他', labor_cost: '人工费', guarantee: '保函',
		insurance: '保险', true: '是', false: '否'};

	/* A success message shown once on the next render (the banner is for
	 * errors and is cleared by every route change). */
	let flash = null;

	function takeFlash() {
		const f = flash;
		flash = null;
		return f ? h('div', {class: 'notice notice-ok', dataset: {testid: 'flash'}}, f) : null;
	}

	function levelBadge(level, zh) {
		return h('span', {class: 'badge lv lv-' + level, dataset: {level}}, zh || (LEVELS.find((l) => l[0] === level) || [0, level])[1]);
	}

	function statusBadge(status, zh) {
		return h('span', {class: 'badge ' + (STATUS_CLASS[status] || 'b-other'), dataset: {testid: 'status', status}}, zh || status);
	}

	/* Code values of the evidence ("unpaid", "labor_cost") in Chinese: the
	 * engine's table (GET /api/v1/warnings/{id} evidence_labels). */
	let evLabels = {};

	function evValue(key, v) {
		if (v === null || v === undefined || v === '') return DASH;
		if (typeof v === 'string' && evLabels[v]) return evLabels[v];
		if (Array.isArray(v)) return v.map((x) => String(x)).join('、');
		if (typeof v === 'object') return JSON.stringify(v);
		if (EV[key] && EV[key][1]) return money(v);
		if (typeof v === 'boolean' || VALUE_ZH[v]) return VALUE_ZH[String(v)] || String(v);
		if (/^\d{4}-\d{2}$/.test(String(v))) return monthLabel(v);
		return typeof v === 'number' ? num(v) : String(v);
	}

	/* ---- the centre ------------------------------------------------------ */

	const FILTERS = ['status', 'level', 'rule', 'street', 'project_code', 'period'];
	/* The centre's views (the "view" parameter): 我的待办 lands street
	 * officers and inspectors on their own work; 按项目 is one row per
	 * project. */
	const VIEWS = [['todo', '我的待办'], ['list', '全部预警'], ['projects', '按项目']];
	const PER_PAGE = [20, 50, 100, 200];

	function defaultView() {
		const role = session.me && session.me.user && session.me.user.role;
		return role === 'street' || role === 'inspector' ? 'todo' : 'list';
	}

	/* The trend's y-axis when one day dwarfs the rest (a first scan raises
	 * everything at once): clipped a little above the second-highest value,
	 * the clipped points labelled with their real value. Returns {max,
	 * clipped} (max undefined: no clipping). */
	function trendScale(values) {
		const sorted = values.filter((v) => v > 0).sort((a, b) => b - a);
		if (sorted.length < 2 || sorted[0] <= 4 * Math.max(sorted[1], 2)) return {max: undefined, clipped: false};
		return {max: Math.max(5, Math.ceil(sorted[1] * 1.6)), clipped: true};
	}

	/* The 批量 bar of a list: the selected ids, 批量指派, 批量消除 (one
	 * reason for all, each warning audited by the server; a red warning
	 * goes to 复核). */
	function batchBar(selected, onChange) {
		const count = h('span', {class: 'muted', dataset: {testid: 'batch-count'}}, '未选择');
		const run = async (action, body) => {
			try {
				const r = await apiPost('/api/v1/warnings/batch', {action, ids: [...selected], ...body});
				const review = (r.results || []).filter((x) => x.ok && x.status === 'review').length;
				const bad = (r.results || []).filter((x) => !x.ok);
				flash = `已${action === 'assign' ? '指派' : '处理'} ${r.done} 条` + (review ? `，其中 ${review} 条红色预警待复核` : '') +
					(bad.length ? `；${bad.length} 条未处理：` + bad.map((x) => `#${x.id} ${x.message}`).join('；') : '');
				lib.reload();
			} catch (e) {
				banner.show(e.message);
			}
		};
		const assignBtn = h('button', {type: 'button', class: 'btn', disabled: true, dataset: {testid: 'batch-assign'}, onclick: async () => {
			const first = await api('/api/v1/warnings/' + [...selected][0]);
			const to = await ask(`批量指派(${selected.size} 条)`, {name: 'to', label: '指派给', required: '请选择指派对象',
				options: (first.assignees || []).map((u) => [u.username, `${u.name}(${u.role_zh}${u.street ? ' · ' + u.street : ''})`])});
			if (to) run('assign', {to});
		}}, '批量指派');
		const elimBtn = h('button', {type: 'button', class: 'btn btn-primary', disabled: true, dataset: {testid: 'batch-eliminate'}, onclick: async () => {
			const reason = await ask(`批量消除(${selected.size} 条)`, {name: 'reason', label: '消除原因(适用于所选全部预警)',
				placeholder: '例如：已约谈整改并补发工资', required: '请填写消除原因', hint: '红色预警提交后需另一名监察员或管理员复核。'});
			if (reason) run('eliminate', {reason});
		}}, '批量消除');
		const bar = h('div', {class: 'batch-bar', dataset: {testid: 'batch-bar'}}, count, assignBtn, elimBtn);
		onChange(() => {
			count.textContent = selected.size ? `已选 ${selected.size} 条` : '未选择';
			assignBtn.disabled = elimBtn.disabled = !selected.size;
		});
		return bar;
	}

	async function pageWarnings(ctx) {
		const q = ctx.query;
		const view = VIEWS.some((v) => v[0] === q.get('view')) ? q.get('view') : defaultView();
		const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
		const perPage = Math.min(200, Math.max(1, parseInt(q.get('per_page'), 10) || 20));
		const params = {page, per_page: perPage, sort: view === 'projects' ? '' : q.get('sort') || ''};
		for (const k of FILTERS) if (q.get(k)) params[k] = q.get(k);
		if (view === 'todo') params.todo = 1;
		const [stats, list, streetList, ruleList] = await Promise.all([api('/api/v1/warnings/stats'),
			api(view === 'projects' ? '/api/v1/warnings/by-project' : '/api/v1/warnings', params),
			streets().catch(() => []), ruleCatalogue()]);
		if (!ctx.alive()) return;
		/* every change of filter, view, sort or size is a new URL (Back returns to it) */
		const nav = (mut) => setQuery('#/warnings', q, (n) => {
			n.set('view', view);
			mut(n);
			n.delete('page');
		});
		const o = stats.open || {};
		const levelKpi = (lv, zh) => h('a', {class: 'kpi kpi-lv kpi-' + lv + (q.get('level') === lv ? ' kpi-on' : ''),
			href: '#/warnings?view=list&level=' + lv, dataset: {kpi: 'warn-' + lv}},
		h('div', {class: 'kpi-label'}, zh + '预警'),
		h('div', {class: 'kpi-value'}, h('span', {class: 'kpi-num', dataset: {testid: 'count-' + lv}}, num(o[lv] || 0)), h('span', {class: 'kpi-unit'}, '条')),
		h('div', {class: 'kpi-sub'}, '待处置与处置中'));
		const kpis = h('div', {class: 'kpis'}, LEVELS.map(([lv, zh]) => levelKpi(lv, zh)),
			h('div', {class: 'kpi', dataset: {kpi: 'warn-handling'}}, h('div', {class: 'kpi-label'}, '处置中'),
				h('div', {class: 'kpi-value'}, h('span', {class: 'kpi-num', dataset: {testid: 'count-handling'}}, num(stats.handling || 0)), h('span', {class: 'kpi-unit'}, '条')),
				h('div', {class: 'kpi-sub'}, stats.last_scan ? `最近扫描数据日期 ${stats.last_scan}` : '尚未扫描')));

		/* the views: links, so each is a URL of its own */
		const viewTabs = h('nav', {class: 'tabs view-tabs', 'aria-label': '预警视图', dataset: {testid: 'warn-views'}}, VIEWS.map(([v, l]) => {
			const n = new URLSearchParams(q);
			n.set('view', v);
			n.delete('page');
			n.delete('sort');
			return h('a', {class: 'tab' + (v === view ? ' active' : ''), href: '#/warnings?' + n.toString(), dataset: {view: v},
				'aria-current': v === view ? 'page' : null}, l);
		}));

		/* filters */
		const sel = (name, label, opts, dflt) => h('select', {class: 'input', name, 'aria-label': label, onchange: (e) => nav((n) => {
			if (e.target.value && e.target.value !== dflt) n.set(name, e.target.value);
			else n.delete(name);
		})}, dflt === undefined ? h('option', {value: ''}, '全部' + label) : null,
		opts.map(([v, l]) => h('option', {value: v, selected: (q.get(name) || dflt) === v}, l)));
		const project = h('input', {class: 'input input-short', name: 'project_code', placeholder: '项目编号', 'aria-label': '项目编号', value: q.get('project_code') || ''});
		const period = lib.dateField({name: 'period', 'aria-label': '所属期', 'data-label': '所属期', value: q.get('period') || ''}, true);
		const periodInput = period.querySelector('input');
		const form = h('form', {class: 'toolbar', role: 'search', onsubmit: (e) => {
			e.preventDefault();
			nav((n) => {
				for (const [k, el] of [['project_code', project], ['period', periodInput]]) {
					if (el.value.trim()) n.set(k, el.value.trim());
					else n.delete(k);
				}
			});
		}},
		sel('status', '状态', [...STATUSES.slice(0, 2), ['review', '待复核'], ...STATUSES.slice(2)], 'open'), sel('level', '等级', LEVELS),
		sel('rule', '预警规则', ruleList.map((x) => [x.code, x.name])),
		sel('street', '街镇', streetList.map((s) => [s, s])), project, period,
		h('button', {type: 'submit', class: 'btn btn-primary'}, '查询'),
		[...q.keys()].some((k) => k !== 'page' && k !== 'view') ? h('a', {class: 'btn btn-link', href: '#/warnings?view=' + view}, '清除条件') : null);

		const goPage = (p) => setQuery('#/warnings', q, (n) => {
			n.set('view', view);
			n.set('page', p);
		});
		const pagerEl = pager(list.total || 0, list.page || page, list.per_page || perPage, goPage,
			{onPerPage: (n) => nav((x) => x.set('per_page', n))});

		let body;
		if (view === 'projects') {
			body = [form, table({
				columns: [
					{key: 'project', label: '项目', render: (p) => [p.project_name || p.project_code, h('span', {class: 'muted'}, ' ' + p.project_code)]},
					{key: 'street', label: '街镇', render: (p) => p.street || DASH},
					{key: 'level', label: '最高等级', render: (p) => levelBadge(p.level)},
					{key: 'red', label: '红色', num: true, render: (p) => num(p.red)},
					{key: 'orange', label: '橙色', num: true, render: (p) => num(p.orange)},
					{key: 'yellow', label: '黄色', num: true, render: (p) => num(p.yellow)},
					{key: 'n', label: '合计', num: true, render: (p) => h('b', null, num(p.n))},
					{key: 'latest_raised', label: '最近产生', render: (p) => p.latest_raised},
					{key: 'page', label: '项目页', noLink: true, render: (p) => p.project_id ? h('a', {href: '#/projects/' + p.project_id + '?tab=warnings'}, '项目详情 ›') : DASH},
				],
				rows: list.items || [], testid: 'list-warn-projects',
				rowClass: (p) => p.red ? 'row-alert' : '',
				href: (p) => {
					const n = new URLSearchParams(q);
					n.set('view', 'list');
					n.set('project_code', p.project_code);
					n.delete('page');
					return '#/warnings?' + n.toString();
				},
				empty: '没有符合条件的预警'}), pagerEl];
		} else {
			const mayAct = session.can('warnings');
			const selected = new Set();
			let refresh = () => {};
			const boxes = [];
			const columns = [
				mayAct ? {key: 'pick', label: h('input', {type: 'checkbox', 'aria-label': '全选本页', dataset: {testid: 'pick-all'}, onchange: (e) => {
					for (const b of boxes) {
						b.checked = e.target.checked;
						if (b.checked) selected.add(+b.value);
						else selected.delete(+b.value);
					}
					refresh();
				}}), noLink: true, render: (w) => {
					if (w.status === 'eliminated') return '';
					const b = h('input', {type: 'checkbox', value: w.id, 'aria-label': `选择预警 #${w.id}`, dataset: {testid: 'pick'}, onchange: () => {
						if (b.checked) selected.add(w.id);
						else selected.delete(w.id);
						refresh();
					}});
					boxes.push(b);
					return b;
				}} : null,
				{key: 'level', label: '等级', sortable: true, render: (w) => levelBadge(w.level, w.level_zh)},
				{key: 'rule', label: '预警规则', sortable: true, wrap: true, render: (w) => w.rule_name},
				{key: 'project_code', label: '项目', sortable: true, wrap: true, render: (w) => [w.project_name || w.project_code, h('span', {class: 'muted'}, ' ' + w.project_code)]},
				{key: 'street', label: '街镇', sortable: true, render: (w) => w.street || DASH},
				{key: 'period', label: '所属期', sortable: true, render: (w) => w.period ? monthLabel(w.period) : DASH},
				{key: 'summary', label: '摘要', wrap: true, render: (w) => w.summary},
				{key: 'status', label: '状态', sortable: true, render: (w) => statusBadge(w.status, w.status_zh)},
				{key: 'assignee', label: '处置人', render: (w) => w.assignee || DASH},
				{key: 'raised_on', label: '产生日期', sortable: true, render: (w) => w.raised_on},
			].filter(Boolean);
			const bar = mayAct ? batchBar(selected, (fn) => { refresh = fn; }) : null;
			body = [form, bar,
				table({columns, rows: list.items || [], sort: params.sort, testid: 'list-warnings',
					rowClass: (w) => w.level === 'red' && w.status !== 'eliminated' ? 'row-alert' : '',
					onSort: (s) => nav((n) => n.set('sort', s)), href: (w) => '#/warnings/' + w.id,
					empty: view === 'todo' ? '暂无待办：没有指派给您或待您处置的预警' : '没有符合条件的预警'}),
				pagerEl];
		}

		const scanBtn = session.can('scan') ? h('button', {type: 'button', class: 'btn', dataset: {testid: 'scan'}, onclick: async (e) => {
			e.target.disabled = true;
			try {
				const r = await apiPost('/api/v1/scan', {as_of: state.asOf()});
				const s = r.scan;
				flash = `扫描完成(数据日期 ${s.as_of})：新增 ${s.raised} 条，更新 ${s.updated} 条，自动消除 ${s.eliminated} 条`;
				lib.reload();
			} catch (err) {
				banner.show(err.message);
				e.target.disabled = false;
			}
		}}, '立即扫描') : null;
		const exportBtn = session.can('export') ? h('a', {class: 'btn', dataset: {export: 'warnings'}, download: '',
			href: lib.exportUrl('/api/v1/export/warnings', q, {format: 'xlsx'})}, '导出 Excel') : null;

		const byRule = chartBox('chart-warn-rule', true);
		const byStreet = chartBox('chart-warn-street', true);
		const trend = chartBox('chart-warn-trend');
		const pts = stats.trend.points || [];
		const scale = trendScale(pts.flatMap((p) => [p.raised, p.eliminated]));
		trend.dataset.clipped = scale.clipped ? '1' : '0';
		/* the charts below the list, folded away on request (remembered) */
		const charts_ = h('details', {class: 'card charts-fold', open: localStorage.getItem('anxin.warn.charts') !== 'closed', dataset: {testid: 'warn-charts'}},
			h('summary', {class: 'card-head'}, h('h2', null, '统计图表')),
			h('div', {class: 'card-body stack'},
				h('div', {class: 'grid-2'}, card('未消除预警 · 按规则', byRule), card('未消除预警 · 按街镇', byStreet)),
				card(`预警产生与消除趋势(${stats.trend.from} 至 ${stats.trend.to})`, [trend,
					scale.clipped ? h('div', {class: 'muted', dataset: {testid: 'trend-note'}}, `纵轴截取至 ${scale.max}：超出的日期在点上标注实际数量`) : null])));
		charts_.addEventListener('toggle', () => {
			localStorage.setItem('anxin.warn.charts', charts_.open ? 'open' : 'closed');
			charts.resizeAll();
		});
		const title = VIEWS.find((v) => v[0] === view)[1];
		clear(ctx.main).append(
			pageHead('预警中心', `农民工工资支付监控预警 · 未消除 ${num(o.total || 0)} 条`, [scanBtn, exportBtn]),
			takeFlash() || '',
			kpis,
			viewTabs,
			card(view === 'projects' ? '预警项目(一个项目一行)' : title === '我的待办' ? '我的待办(指派给我、待我处置或复核的预警)' : '预警列表', body),
			charts_);

		const rules = (stats.by_rule || []).slice().reverse();
		byRule.style.height = Math.max(200, rules.length * 28 + 50) + 'px'; /* CSSOM, CSP-safe */
		charts.make(byRule, {
			color: ['#c9372c'],
			grid: {left: 190, right: 36, top: 10, bottom: 24},
			xAxis: {type: 'value', minInterval: 1},
			yAxis: {type: 'category', data: rules.map((r) => r.name)},
			series: [{name: '未消除预警', type: 'bar', barMaxWidth: 16, data: rules.map((r) => r.n), label: {show: true, position: 'right'}}],
		});
		const sts = (stats.by_street || []).slice().reverse();
		byStreet.style.height = Math.max(200, sts.length * 28 + 50) + 'px';
		charts.make(byStreet, {
			color: ['#1f5fae'],
			grid: {left: 110, right: 36, top: 10, bottom: 24},
			xAxis: {type: 'value', minInterval: 1},
			yAxis: {type: 'category', data: sts.map((r) => r.street || '未填街镇')},
			series: [{name: '未消除预警', type: 'bar', barMaxWidth: 16, data: sts.map((r) => r.n), label: {show: true, position: 'right'}}],
		});
		/* a clipped point is drawn at the top of the axis with its real count */
		const clip = (v) => scale.clipped && v > scale.max
			? {value: scale.max, real: v, symbol: 'triangle', symbolSize: 10, label: {show: true, position: 'top', formatter: () => '↑' + num(v)}}
			: v;
		charts.make(trend, {
			color: ['#c9372c', '#1e8e57'],
			legend: {data: ['产生', '消除'], top: 0},
			grid: {left: 48, right: 24, top: 40, bottom: 28},
			xAxis: {type: 'category', data: pts.map((p) => stats.trend.unit === 'month' ? monthLabel(p.key) : p.key.slice(5))},
			yAxis: {type: 'value', minInterval: 1, max: scale.max},
			series: [
				{name: '产生', type: 'line', smooth: !scale.clipped, data: pts.map((p) => clip(p.raised))},
				{name: '消除', type: 'line', smooth: !scale.clipped, data: pts.map((p) => clip(p.eliminated))},
			],
		});
	}

	/* ---- one warning ------------------------------------------------------ */

	function evidenceView(w) {
		const ev = w.evidence || {};
		evLabels = w.evidence_labels || {};
		const top = Object.entries(ev).filter(([k, v]) => !EV_SKIP.has(k) && (v === null || typeof v !== 'object'));
		const items = Array.isArray(ev.items) ? ev.items : [];
		const keys = [];
		for (const it of items)
			for (const k of Object.keys(it))
				if (!keys.includes(k) && k !== 'employer_uscc') keys.push(k);
		/* worker first, then the rest in the evidence's order */
		const order = ['worker_name', 'id_number', 'employer_name'];
		keys.sort((a, b) => (order.includes(a) ? order.indexOf(a) : 99) - (order.includes(b) ? order.indexOf(b) : 99));
		const parts = [];
		if (top.length) parts.push(facts(top.map(([k, v]) => [(EV[k] || [k])[0], evValue(k, v), 'ev-' + k])));
		if (items.length) {
			parts.push(table({
				columns: keys.map((k) => ({key: k, label: (EV[k] || [k])[0], num: !!(EV[k] && EV[k][1]) || typeof items[0][k] === 'number',
					render: (it) => k === 'id_number' ? h('span', {class: 'mono'}, it[k]) : evValue(k, it[k])})),
				rows: items, testid: 'evidence-items'}));
			parts.push(h('div', {class: 'muted ev-count'}, `共 ${items.length} 条明细`));
		}
		if (!parts.length) parts.push(emptyState('无明细'));
		return h('div', {class: 'stack warn-evidence', dataset: {testid: 'evidence'}}, parts);
	}

	function historyView(w) {
		return h('ol', {class: 'timeline', dataset: {testid: 'history'}}, (w.history || []).slice().reverse().map((e) =>
			h('li', {class: 'tl-item tl-' + e.event, dataset: {event: e.event}},
				h('div', {class: 'tl-head'}, h('b', null, e.event_zh), h('span', {class: 'muted'}, ` ${e.on_date} · ${e.actor_name || e.actor}`),
					e.level ? levelBadge(e.level) : null),
				e.reason ? h('div', {class: 'tl-reason'}, e.event === 'assigned' ? '指派给 ' + (e.assignee_name || e.reason) : e.reason) : null)));
	}

	/* A modal dialog with one field; resolves to the value or null. */
	function ask(title, field) {
		return new Promise((resolve) => {
			const err = h('div', {class: 'dlg-error', hidden: true});
			const input = field.options
				? h('select', {class: 'input', name: field.name}, h('option', {value: ''}, '请选择…'), field.options.map(([v, l]) => h('option', {value: v}, l)))
				: h('textarea', {class: 'input dlg-text', name: field.name, rows: 3, placeholder: field.placeholder || ''});
			const dlg = h('dialog', {class: 'dlg', dataset: {testid: 'dialog'}},
				h('form', {method: 'dialog', onsubmit: (e) => {
					e.preventDefault();
					const v = input.value.trim();
					if (field.required && !v) {
						err.textContent = field.required;
						err.hidden = false;
						input.focus();
						return;
					}
					dlg.close();
					dlg.remove();
					resolve(v);
				}},
				h('h2', null, title),
				h('label', {class: 'dlg-label'}, field.label, field.required ? h('span', {class: 'req'}, ' *') : null, input),
				err,
				field.hint ? h('p', {class: 'muted'}, field.hint) : null,
				h('div', {class: 'dlg-actions'},
					h('button', {type: 'button', class: 'btn', onclick: () => {
						dlg.close();
						dlg.remove();
						resolve(null);
					}}, '取消'),
					h('button', {type: 'submit', class: 'btn btn-primary', dataset: {testid: 'dialog-ok'}}, '确定'))));
			document.body.append(dlg);
			dlg.showModal();
			input.focus();
		});
	}

	/* 督办 notes of the history (a leader's, event supervised), newest
	 * first: shown above the page to whoever handles the warning. */
	function supervisedNote(w) {
		const list = (w.history || []).filter((e) => e.event === 'supervised').reverse();
		if (!list.length) return null;
		return h('div', {class: 'notice notice-supervise', dataset: {testid: 'supervised'}},
			h('b', null, '领导督办'), list.map((e) => h('div', null, `${e.on_date} ${e.actor}：${e.reason || ''}`)));
	}

	function actionButtons(w, ctx) {
		const done = {eliminate: '预警已消除', assign: '已指派', escalate: '已转执法检查', supervise: '已督办，处置人将在预警记录中看到', confirm: '复核通过，预警已消除', reject: '已退回消除申请'};
		const run = async (path, body) => {
			try {
				const r = await apiPost(`/api/v1/warnings/${w.id}/${path}`, body);
				flash = r.status === 'review' ? '已提交消除申请：红色预警需另一名监察员或管理员复核' : done[path];
				lib.reload();
			} catch (e) {
				banner.show(e.message);
			}
		};
		const btns = [];
		const red = w.level === 'red';
		if (w.actions.includes('eliminate'))
			btns.push(h('button', {type: 'button', class: 'btn btn-primary', dataset: {testid: 'eliminate'}, onclick: async () => {
				const reason = await ask(red ? '申请消除(需复核)' : '消除预警', {name: 'reason', label: '消除原因', placeholder: '例如：已约谈整改并补发工资 / 误报', required: '请填写消除原因',
					hint: red ? '红色预警的消除需另一名监察员或管理员复核；可先在“证据材料”中上传银行回单。' : '可先在“证据材料”中上传银行回单等证据。'});
				if (reason) run('eliminate', {reason});
			}}, red ? '申请消除' : '消除预警'));
		if (w.actions.includes('confirm'))
			btns.push(h('button', {type: 'button', class: 'btn btn-primary', dataset: {testid: 'confirm'}, onclick: async () => {
				const note = await ask('复核通过', {name: 'note', label: '复核意见', placeholder: '可选：如 回单核对无误'});
				if (note !== null) run('confirm', {note});
			}}, '复核通过'));
		if (w.actions.includes('reject'))
			btns.push(h('button', {type: 'button', class: 'btn', dataset: {testid: 'reject'}, onclick: async () => {
				const reason = await ask('退回消除申请', {name: 'reason', label: '退回原因', placeholder: '例如：未见银行回单', required: '请填写退回原因'});
				if (reason) run('reject', {reason});
			}}, '退回'));
		if (w.actions.includes('assign'))
			btns.push(h('button', {type: 'button', class: 'btn', dataset: {testid: 'assign'}, onclick: async () => {
				const to = await ask('指派处置', {name: 'to', label: '指派给', required: '请选择指派对象',
					options: (w.assignees || []).map((u) => [u.username, `${u.name}(${u.role_zh}${u.street ? ' · ' + u.street : ''})`])});
				if (to) run('assign', {to});
			}}, '指派'));
		if (w.actions.includes('escalate'))
			btns.push(h('button', {type: 'button', class: 'btn btn-danger', dataset: {testid: 'escalate'}, onclick: async () => {
				const note = await ask('转执法检查', {name: 'note', label: '说明', placeholder: '可选：移交监察执法的理由'});
				if (note !== null) run('escalate', {note});
			}}, '转执法检查'));
		/* a leader's one action: 督办 (recorded in the history, audited) */
		if (w.actions.includes('supervise'))
			btns.push(h('button', {type: 'button', class: 'btn btn-primary', dataset: {testid: 'supervise'}, onclick: async () => {
				const note = await ask('督办', {name: 'note', label: '督办意见', placeholder: '例如：请于本周内约谈总包单位并报告处置结果', required: '请填写督办意见'});
				if (note) run('supervise', {note});
			}}, '督办'));
		return btns.length ? btns : null;
	}

	/* 证据材料: the warning's files (download links) and, for who may
	 * attach, the project's file button (选择文件 + the chosen name) and
	 * 上传. The server decides the type by the content (PDF, JPEG, PNG) and
	 * the size (10 MB); its message shows next to the field. */
	function filesView(w) {
		const list = (w.files || []).length
			? h('ul', {class: 'file-list', dataset: {testid: 'files'}}, w.files.map((f) => h('li', null,
				h('a', {href: f.url, download: f.name}, f.name),
				h('span', {class: 'muted'}, ` ${Math.max(1, Math.round(f.size / 1024))} KB · ${f.uploaded_by} · ${f.uploaded_at.slice(0, 10)}`))))
			: emptyState('尚无证据材料');
		if (!w.actions.includes('attach')) return list;
		const field = lib.fileField({name: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', required: true});
		const input = field.querySelector('input');
		const form = h('form', {class: 'upload-form', dataset: {testid: 'upload-form'}, onsubmit: async (e) => {
			e.preventDefault();
			const f = input.files[0];
			if (f.size > 10 * 1024 * 1024) {
				lib.fieldError(input, '文件过大：证据文件不超过 10 MB');
				return;
			}
			try {
				await api(`/api/v1/warnings/${w.id}/files`, {filename: f.name}, {method: 'POST', body: await f.arrayBuffer(),
					headers: {'Content-Type': 'application/octet-stream'}});
				flash = `已上传证据：${f.name}`;
				lib.reload();
			} catch (err) {
				lib.fieldError(input, err.message);
			}
		}}, lib.formRow('银行回单等', field), h('div', {class: 'form-row'}, h('label', null, ''),
			h('button', {type: 'submit', class: 'btn', dataset: {testid: 'upload'}}, '上传')),
		h('p', {class: 'muted'}, '支持 PDF、JPEG、PNG，单个文件不超过 10 MB；上传记入处置记录与审计日志。'));
		return h('div', {class: 'stack'}, list, form);
	}

	async function pageWarning(ctx) {
		const w = await api('/api/v1/warnings/' + ctx.params.id);
		if (!ctx.alive()) return;
		const elim = w.status === 'eliminated';
		const head = h('section', {class: 'card project-head warn-head warn-' + w.level},
			h('div', {class: 'ph-title'},
				levelBadge(w.level, w.level_zh + '预警'),
				h('h1', {dataset: {testid: 'rule-name'}}, w.rule_name),
				statusBadge(w.status, w.status_zh),
				h('span', {class: 'ph-code'}, `#${w.id}`),
				h('div', {class: 'warn-actions'}, actionButtons(w, ctx))),
			h('p', {class: 'warn-summary', dataset: {testid: 'summary'}}, w.summary),
			w.review ? h('div', {class: 'notice notice-warn', dataset: {testid: 'review'}},
				`${w.review.by} 于 ${w.review.on} 申请消除(原因：${w.review.reason})，待另一名监察员或管理员复核。`) : null,
			facts([
				['项目', w.project_id ? h('a', {href: '#/projects/' + w.project_id, dataset: {testid: 'project-link'}}, `${w.project_name || ''} ${w.project_code}`) : w.project_code, 'project'],
				['所属街镇', w.street, 'street'],
				['责任单位', [w.enterprise_name || w.enterprise_uscc || DASH, w.responsible ? h('span', {class: 'muted'}, `(${RESPONSIBLE[w.responsible] || w.responsible})`) : null], 'enterprise'],
				['所属期', w.period ? monthLabel(w.period) : '状态类预警', 'period'],
				['产生日期', w.raised_on, 'raised_on'],
				['最近复核', w.updated_on, 'updated_on'],
				['处置人', w.assignee_name || w.assignee || DASH, 'assignee'],
				['转执法检查', w.escalated_on || DASH, 'escalated_on'],
				elim ? ['消除日期', w.eliminated_on, 'eliminated_on'] : null,
				elim ? ['消除方式', w.eliminated_how === 'auto' ? '数据复核自动消除' : '人工消除', 'eliminated_how'] : null,
				elim ? ['消除原因', w.eliminated_reason, 'eliminated_reason'] : null,
			]));
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/warnings'}, '预警中心'), ' / ', `#${w.id}`),
			takeFlash() || '',
			head,
			supervisedNote(w) || '',
			h('div', {class: 'grid-2'},
				card('预警证据', evidenceView(w)),
				h('div', null,
					card('法律依据', h('div', {class: 'stack', dataset: {testid: 'legal'}}, h('b', null, w.legal_basis), h('p', {class: 'legal-text'}, w.legal_text))),
					card('建议措施', h('p', {dataset: {testid: 'suggested-action'}}, w.suggested_action)),
					card('证据材料', filesView(w)),
					card('处置记录', historyView(w)))));
	}

	/* ---- 参数设置 ------------------------------------------------------------ */

	async function pageParams(ctx) {
		const r = await api('/api/v1/params');
		if (!ctx.alive()) return;
		const rows = r.items || [];
		/* In the unit people think in (1 %, not 0.01), with what it does;
		 * the server converts display_value (api_scan.c, params.c). */
		const columns = [
			{key: 'name', label: '参数', wrap: true, render: (p) => [h('div', null, h('b', null, p.name || p.key)),
				h('div', {class: 'muted', dataset: {testid: 'param-explanation'}}, p.explanation || '')]},
			{key: 'value', label: '当前值', render: (p) => {
				const input = h('input', {class: 'input input-short', name: p.key, value: p.display_value || p.value, 'aria-label': p.name || p.key});
				return h('form', {class: 'inline-form', onsubmit: async (e) => {
					e.preventDefault();
					try {
						await api('/api/v1/params/' + encodeURIComponent(p.key), null, {method: 'PUT',
							headers: {'Content-Type': 'application/json'}, body: JSON.stringify({display_value: input.value.trim()})});
						flash = `已保存 ${p.name || p.key}：${input.value.trim()} ${p.unit || ''}，下次扫描将全量复核`;
						lib.reload();
					} catch (err) {
						banner.show(err.message);
					}
				}}, input, h('span', {class: 'unit', dataset: {testid: 'param-unit'}}, ' ' + (p.unit || '') + ' '),
				h('button', {type: 'submit', class: 'btn btn-small', disabled: !session.can('params')}, '保存'));
			}},
			{key: 'default', label: '默认值', render: (p) => `${p.display_default || p.default} ${p.unit || ''}`},
			{key: 'updated', label: '最近修改', render: (p) => p.updated_by ? `${p.updated_by_name || p.updated_by} · ${p.updated_at.replace('T', ' ').replace('Z', ' UTC')}` : DASH},
		];
		clear(ctx.main).append(
			pageHead('参数设置', '预警规则参数(保障农民工工资支付条例及配套规定)；每次修改记入审计日志，下次扫描全量复核'),
			takeFlash() || '',
			card(null, table({columns, rows, testid: 'params'})));
	}

	/* ---- other pages --------------------------------------------------------- */

	hooks.dashboard.push((d) => {
		const o = (d.warnings && d.warnings.open) || {};
		return h('div', {class: 'kpis kpis-warn', dataset: {testid: 'dash-warnings'}},
			LEVELS.map(([lv, zh]) => h('a', {class: 'kpi kpi-lv kpi-' + lv, href: '#/warnings?level=' + lv, dataset: {kpi: 'warn-' + lv}},
				h('div', {class: 'kpi-label'}, zh + '预警'),
				h('div', {class: 'kpi-value'}, h('span', {class: 'kpi-num', dataset: {testid: 'kpi-warn-' + lv}}, num(o[lv] || 0)), h('span', {class: 'kpi-unit'}, '条')),
				h('div', {class: 'kpi-sub'}, '未消除'))),
			h('a', {class: 'kpi', href: '#/warnings', dataset: {kpi: 'warn-total'}},
				h('div', {class: 'kpi-label'}, '预警中心'),
				h('div', {class: 'kpi-value'}, h('span', {class: 'kpi-num', dataset: {testid: 'kpi-warn-total'}}, num(o.total || 0)), h('span', {class: 'kpi-unit'}, '条')),
				h('div', {class: 'kpi-sub'}, '查看全部预警 ›')));
	});

	hooks.projectTabs.push((p, rel) => {
		const list = rel.warnings || [];
		return {id: 'warnings', label: ['预警', list.length ? h('span', {class: 'tab-alert'}, String(list.length)) : null], render: () =>
			h('div', null, table({
				columns: [
					{key: 'level', label: '等级', render: (w) => levelBadge(w.level, w.level_zh)},
					{key: 'rule', label: '预警规则', render: (w) => w.rule_name},
					{key: 'period', label: '所属期', render: (w) => w.period ? monthLabel(w.period) : DASH},
					{key: 'summary', label: '摘要', wrap: true, render: (w) => w.summary},
					{key: 'status', label: '状态', render: (w) => statusBadge(w.status, w.status_zh)},
					{key: 'raised_on', label: '产生日期', render: (w) => w.raised_on},
				],
				rows: list, testid: 'project-warnings', href: (w) => '#/warnings/' + w.id, empty: '该项目暂无未消除的预警'}),
			h('a', {class: 'btn btn-link', href: '#/warnings?status=all&project_code=' + encodeURIComponent(p.code)}, '查看该项目全部预警(含已消除) ›'))};
	});

	lib.trendScale = trendScale; /* for the browser tests */
	Object.assign(lib.pages, {warnings: pageWarnings, warning: pageWarning, params: pageParams});
})();
