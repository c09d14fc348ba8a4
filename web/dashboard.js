/*
 * dashboard.js - the 驾驶舱 (#/): KPIs of projects, workers, wages,
 * accounts and deposits as of the chosen date, the rows other pages add
 * (hooks.dashboard: 预警 from warn.js), and charts of wages over six months,
 * project status and projects by street (not for a street officer, whose
 * figures are its street's: one bar would say nothing). The wage figures
 * are the warning rules' (stats_wage_months, wageRate): a worker who
 * worked and was not paid counts as unpaid whether or not a payroll row
 * exists.
 *
 * A page takes the router's ctx (see app.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, hooks, DASH, money, wan, wageRate, yuanNumber, num, monthLabel, api, session, kindOf, enumLabel,
		state, charts, chartBox, card, pageHead} = lib;

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
		const noPayroll = Number(w.no_payroll || 0);
		const rate = wageRate(w);
		const me = session.me && session.me.user;
		const street = me && me.role === 'street' ? me.street : null;

		const kpis = h('div', {class: 'kpis'},
			kpi('projects-active', '在建项目', num(p.active), '个', [
				Number(p.suspended || 0) ? ['其中停工 ', sub('projects-suspended', num(p.suspended)), ' 个 · '] : null,
				'共 ', sub('projects-total', num(p.total)), ' 个项目']),
			kpi('workers-registered', '登记工人', num(d.workers && d.workers.registered), '人', '实名制登记在册'),
			kpi('workers-on-site', '在场工人', num(d.workers && d.workers.on_site), '人', `截至 ${d.as_of || asOf}`),
			kpi('wages-due', `${monthLabel(w.month || d.month)}应发工资`, wan(w.due), '万元', sub('wages-due-exact', money(w.due))),
			kpi('wages-paid', `${monthLabel(w.month || d.month)}实发工资`, wan(w.paid), '万元',
				[sub('wages-paid-exact', money(w.paid)), ' · 发放率 ', sub('wages-rate', rate)], unpaid > 0 ? 'warn' : 'ok'),
			kpi('unpaid-workers', '未足额发放', num(unpaid), '人', [`${monthLabel(w.month || d.month)}工资`,
				noPayroll ? ['，其中无工资表 ', sub('no-payroll', num(noPayroll)), ' 人'] : null], unpaid > 0 ? 'alert' : 'ok'),
			kpi('accounts-open', '专用账户', num(d.accounts && d.accounts.open), '个', ['余额 ', sub('accounts-balance', money(d.accounts && d.accounts.balance))]),
			kpi('deposits-count', '工资保证金', num(d.deposits && d.deposits.count), '笔', ['金额 ', sub('deposits-amount', money(d.deposits && d.deposits.amount))]));

		const wagesChart = chartBox('chart-wages', true);
		const streetChart = street ? null : chartBox('chart-street', true);
		const statusChart = chartBox('chart-status', true);
		clear(ctx.main).append(
			pageHead(street ? `驾驶舱 · ${street}` : '驾驶舱', [street ? `${street}的项目与人员 · ` : '',
				`数据日期 ${d.as_of || asOf} · 工资所属期 ${monthLabel(d.month || w.month)}`]),
			kpis,
			...hooks.dashboard.map((f) => f(d)),
			h('div', {class: 'grid-2'},
				card('近6个月工资应发与实发', wagesChart),
				card('各项目状态', statusChart)),
			streetChart ? card('各街镇/功能区在建项目', streetChart) : null);

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
						const r = wageRate(m);
						return r === DASH ? null : Number(r.slice(0, -1));
					})},
			],
		});
		const streets = (p.by_street || []).slice().sort((a, b) => (a.active || 0) - (b.active || 0));
		if (streetChart) drawStreets(streetChart, streets);
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

	/* 各街镇/功能区在建项目: one bar per street, the most on top. */
	function drawStreets(streetChart, streets) {
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
	Object.assign(lib.pages, {dashboard: pageDashboard});
})();
