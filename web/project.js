/*
 * project.js - one 在建项目 (#/projects/{id}): the head with its facts and
 * the tabs 参建企业, 在场工人 (as of the chosen date), 考勤 (with a chart),
 * 工资发放 (short months flagged), 专用账户 (with recent transactions),
 * 工资保证金, and the tabs other pages add (hooks.projectTabs: 预警). The
 * head says the project's warning state (its highest open level); with
 * open warnings the 预警 tab comes first and opens first.
 *
 * A page takes the router's ctx (see app.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, hooks, DASH, money, wageRate, num, api, kindOf, enumLabel, state, charts, chartBox, card,
		emptyState, facts, tabs, statusBadge, levelBadge, topLevel, LEVEL_ZH, fieldValue, kindColumns, table} = lib;

	function entName(e) {
		return e ? h('a', {href: `#/enterprises/${e.id}`}, e.name || e.uscc) : DASH;
	}

	async function pageProject(ctx) {
		const [r, pk, ek] = await Promise.all([api('/api/v1/projects/' + ctx.params.id, {as_of: state.asOf()}),
			kindOf('projects'), kindOf('enterprises')]);
		if (!ctx.alive()) return;
		const p = r.item || {};
		const rel = r.related || {};
		const F = (key) => fieldValue(pk.byKey.get(key), p[key], p);

		const open = rel.warnings || [];
		const top = topLevel(open);
		const head = h('section', {class: 'card project-head' + (top ? ' warn-' + top : '')},
			h('div', {class: 'ph-title'},
				h('h1', {dataset: {testid: 'project-name'}}, p.name || DASH),
				statusBadge(pk.byKey.get('status'), p.status),
				h('span', {class: 'ph-code'}, p.code),
				h('a', {class: 'ph-warn', href: open.length ? `#/projects/${ctx.params.id}?tab=warnings` : '#/warnings?status=all&project_code=' + encodeURIComponent(p.code || ''),
					dataset: {testid: 'project-warn-state', level: top || 'none'}},
				top ? [levelBadge(top, `${LEVEL_ZH[top]}预警`), ` 未消除预警 ${open.length} 条`] : h('span', {class: 'badge b-active'}, '无未消除预警'))),
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
		const list = [
			{id: 'enterprises', label: '参建企业', render: () => projectEnterprises(rel, ek)},
			{id: 'workers', label: '在场工人', render: () => projectWorkers(code, rel)},
			{id: 'attendance', label: '考勤', render: () => projectAttendance(rel)},
			{id: 'payroll', label: ['工资发放', shortMonths ? h('span', {class: 'tab-alert', title: '存在未足额发放的月份'}, String(shortMonths)) : null],
				render: () => projectPayroll(rel)},
			{id: 'accounts', label: '专用账户', render: () => projectAccounts(rel)},
			{id: 'deposits', label: '工资保证金', render: () => projectDeposits(rel)},
			...hooks.projectTabs.map((f) => f(p, rel)),
		];
		/* Open warnings: their tab first, and the one shown. */
		const wi = list.findIndex((x) => x.id === 'warnings');
		if (open.length && wi > 0) list.unshift(...list.splice(wi, 1));
		const t = tabs(list, ctx.query.get('tab') || (open.length ? 'warnings' : null));
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

	/* 工资发放 by month: the warning rules' figures (stats_wage_months) -
	 * 应发放人数 counts everyone who worked (attendance) or is on the
	 * payroll, 未足额发放 whoever worked and got nothing or got less than
	 * due, once the month's pay deadline has passed (before it: 未到期). */
	function projectPayroll(rel) {
		const rows = (rel.payroll_by_month || []).slice().sort((a, b) => b.month.localeCompare(a.month));
		const short = (x) => Number(x.unpaid_workers || 0) > 0;
		const pending = (x) => Number(x.due_workers || 0) === 0;
		return h('div', {class: 'stack'},
			table({
				columns: [
					{key: 'month', label: '工资所属期', render: (x) => x.month},
					{key: 'workers', label: '应发放人数', num: true, render: (x) => num(x.workers)},
					{key: 'on_payroll', label: '工资表人数', num: true, render: (x) => num(x.on_payroll)},
					{key: 'due', label: '应发工资', num: true, render: (x) => money(x.due)},
					{key: 'paid', label: '实发工资', num: true, render: (x) => money(x.paid)},
					{key: 'rate', label: '发放率(按人)', num: true, render: (x) => pending(x) ? h('span', {class: 'muted'}, '未到期') : wageRate(x)},
					{key: 'unpaid_workers', label: '未足额发放人数', num: true,
						render: (x) => pending(x) ? h('span', {class: 'muted'}, '未到期') : short(x) ? h('span', {class: 'badge b-alert'}, num(x.unpaid_workers)) : '0'},
					{key: 'no_payroll', label: '有考勤无工资表', num: true,
						render: (x) => Number(x.no_payroll || 0) > 0 ? h('span', {class: 'badge b-alert'}, num(x.no_payroll)) : '0'},
				],
				rows, testid: 'project-payroll', rowClass: (x) => short(x) ? 'row-alert' : null,
			}),
			h('p', {class: 'muted'}, '口径与预警规则一致：应发放人数 = 当月有考勤或列入工资表的人数；实发按数据日期前已发放计；'
				+ '未足额发放 = 有考勤而未发放、或实发少于应发的人数（仅计已过工资支付日的月份）。'));
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
	Object.assign(lib.pages, {project: pageProject});
})();
