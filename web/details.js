/*
 * details.js - the pages of one record that is not a project: a worker
 * (#/workers/{id}: masked personal data, employments, payroll, attendance,
 * the history of bank-card changes),
 * an enterprise (#/enterprises/{id}: its fields, its projects with their
 * warning state, and the open warnings of its projects) and a special
 * wage account (#/accounts/{id}: balance and recent transactions).
 *
 * A page takes the router's ctx (see app.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, DASH, toFen, money, wan, num, api, kindOf, card, facts, revealable, fieldValue, kindColumns,
		table, levelBadge, topLevel, LEVEL_ZH} = lib;

	/* ---- 实名制人员 worker page ----------------------------------------- */

	/* The birth date fact: in full, or for a masked role ("1981-**-**")
	 * the birth year. */
	function birthFact(b) {
		if (!b) return ['出生日期', DASH];
		if (String(b).includes('*')) return ['出生年份', h('span', {dataset: {testid: 'birth-year'}}, `${String(b).slice(0, 4)} 年`)];
		return ['出生日期', b];
	}

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
					/* a masked role sees the birth year only (the rest of the
					 * date is the hidden part of the ID number), and the age
					 * counted by year */
					['年龄', rel.age === undefined || rel.age === null ? DASH
						: rel.age_by_year ? `约 ${rel.age} 岁` : `${rel.age} 岁`],
					birthFact(rel.birth_date || w.birth_date),
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
					rows: att, testid: 'worker-attendance'}))),
			card('工资卡变更记录', table({
				columns: [
					{key: 'time', label: '时间', render: (x) => x.time},
					{key: 'actor', label: '操作人', render: (x) => x.actor},
					{key: 'before', label: '原卡号', render: (x) => (x.before && x.before.bank_card) || DASH},
					{key: 'after', label: '新卡号', render: (x) => (x.after && x.after.bank_card) || DASH},
				],
				rows: rel.card_history || [], testid: 'worker-card-history'})));
	}

	/* ---- 企业 enterprise page ------------------------------------------- */

	/* The enterprise, its projects (as owner, general contractor or
	 * employer) each with its highest open warning level, and the open
	 * warnings of those projects (GET /api/v1/warnings?enterprise_uscc=). */
	async function pageEnterprise(ctx) {
		const [r, ek, pk] = await Promise.all([api('/api/v1/enterprises/' + ctx.params.id), kindOf('enterprises'), kindOf('projects')]);
		if (!ctx.alive()) return;
		const e = r.item || {};
		const rel = r.related || {};
		const wl = await api('/api/v1/warnings', {enterprise_uscc: e.uscc, per_page: 200});
		if (!ctx.alive()) return;
		const warnings = wl.items || [];
		const byProject = new Map();
		for (const w of warnings) byProject.set(w.project_code, [...(byProject.get(w.project_code) || []), w]);
		const top = topLevel(warnings);
		const pcols = kindColumns(pk, ['code', 'name', 'street', 'status', 'contract_amount', 'start_date']);
		/* contract amounts in 万元, the exact figure as the title (docs/ui.md) */
		const amount = pcols.find((c) => c.key === 'contract_amount');
		if (amount) Object.assign(amount, {label: '合同金额(万元)', render: (p) => h('span', {title: money(p.contract_amount)}, wan(p.contract_amount))});
		pcols.splice(4, 0, {key: 'warn', label: '预警', render: (p) => {
			const list = byProject.get(p.code) || [];
			return list.length ? levelBadge(topLevel(list), `${LEVEL_ZH[topLevel(list)]} ${list.length}`) : DASH;
		}});
		clear(ctx.main).append(
			h('div', {class: 'crumbs'}, h('a', {href: '#/enterprises'}, '企业'), ' / ', e.name || ''),
			h('section', {class: 'card project-head' + (top ? ' warn-' + top : '')},
				h('div', {class: 'ph-title'}, h('h1', null, e.name || DASH), h('span', {class: 'ph-code'}, e.uscc),
					h('span', {dataset: {testid: 'enterprise-warn-state', level: top || 'none'}},
						top ? [levelBadge(top, `${LEVEL_ZH[top]}预警`), ` 相关项目未消除预警 ${num(wl.total)} 条`] : h('span', {class: 'badge b-active'}, '相关项目无未消除预警'))),
				facts(ek.fields.filter((f) => f.key !== 'name').map((f) => [f.zh, fieldValue(f, e[f.key], e)]))),
			card(`相关项目（${num((rel.projects || []).length)} 个）`, table({columns: pcols,
				rows: rel.projects || [], href: (p) => `#/projects/${p.id}`, testid: 'enterprise-projects'})),
			card('相关项目的未消除预警', table({
				columns: [
					{key: 'level', label: '等级', render: (w) => levelBadge(w.level, w.level_zh)},
					{key: 'rule_name', label: '预警规则', render: (w) => w.rule_name},
					{key: 'project', label: '项目', render: (w) => [h('span', {class: 'mono'}, w.project_code), ' ', w.project_name || '']},
					{key: 'summary', label: '摘要', wrap: true, render: (w) => w.summary},
					{key: 'raised_on', label: '产生日期', render: (w) => w.raised_on},
				],
				rows: warnings, testid: 'enterprise-warnings', href: (w) => '#/warnings/' + w.id, empty: '相关项目暂无未消除的预警'})));
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
	Object.assign(lib.pages, {worker: pageWorker, enterprise: pageEnterprise, account: pageAccount});
})();
