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
	const STATUS_CLASS = {open: 'b-alert', handling: 'b-suspended', eliminated: 'b-completed'};
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
		cycle_days: ['拨付周期(天)'], orange_after: ['升级橙色日期'], gap: ['间隔(天)'],
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

	async function pageWarnings(ctx) {
		const q = ctx.query;
		const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
		const params = {page, per_page: 20, sort: q.get('sort') || ''};
		for (const k of FILTERS) if (q.get(k)) params[k] = q.get(k);
		const [stats, list, streetList, ruleList] = await Promise.all([api('/api/v1/warnings/stats'),
			api('/api/v1/warnings', params), streets().catch(() => []), ruleCatalogue()]);
		if (!ctx.alive()) return;
		const nav = (mut) => setQuery('#/warnings', q, (n) => {
			mut(n);
			n.delete('page');
		});
		const o = stats.open || {};
		const levelKpi = (lv, zh) => h('a', {class: 'kpi kpi-lv kpi-' + lv + (q.get('level') === lv ? ' kpi-on' : ''),
			href: '#/warnings?level=' + lv, dataset: {kpi: 'warn-' + lv}},
		h('div', {class: 'kpi-label'}, zh + '预警'),
		h('div', {class: 'kpi-value'}, h('span', {class: 'kpi-num', dataset: {testid: 'count-' + lv}}, num(o[lv] || 0)), h('span', {class: 'kpi-unit'}, '条')),
		h('div', {class: 'kpi-sub'}, '待处置与处置中'));
		const kpis = h('div', {class: 'kpis'}, LEVELS.map(([lv, zh]) => levelKpi(lv, zh)),
			h('div', {class: 'kpi', dataset: {kpi: 'warn-handling'}}, h('div', {class: 'kpi-label'}, '处置中'),
				h('div', {class: 'kpi-value'}, h('span', {class: 'kpi-num', dataset: {testid: 'count-handling'}}, num(stats.handling || 0)), h('span', {class: 'kpi-unit'}, '条')),
				h('div', {class: 'kpi-sub'}, stats.last_scan ? `最近扫描数据日期 ${stats.last_scan}` : '尚未扫描')));

		/* filters */
		const sel = (name, label, opts, dflt) => h('select', {class: 'input', name, 'aria-label': label, onchange: (e) => nav((n) => {
			if (e.target.value && e.target.value !== dflt) n.set(name, e.target.value);
			else n.delete(name);
		})}, dflt === undefined ? h('option', {value: ''}, '全部' + label) : null,
		opts.map(([v, l]) => h('option', {value: v, selected: (q.get(name) || dflt) === v}, l)));
		const project = h('input', {class: 'input input-short', name: 'project_code', placeholder: '项目编号', value: q.get('project_code') || ''});
		const period = h('input', {class: 'input input-short', type: 'month', name: 'period', 'aria-label': '所属期', value: q.get('period') || ''});
		const form = h('form', {class: 'toolbar', role: 'search', onsubmit: (e) => {
			e.preventDefault();
			nav((n) => {
				for (const [k, el] of [['project_code', project], ['period', period]]) {
					if (el.value.trim()) n.set(k, el.value.trim());
					else n.delete(k);
				}
			});
		}},
		sel('status', '状态', STATUSES, 'open'), sel('level', '等级', LEVELS), sel('rule', '预警规则', ruleList.map((x) => [x.code, x.name])),
		sel('street', '街镇', streetList.map((s) => [s, s])), project, period,
		h('button', {type: 'submit', class: 'btn btn-primary'}, '查询'),
		[...q.keys()].some((k) => k !== 'page') ? h('a', {class: 'btn btn-link', href: '#/warnings'}, '清除条件') : null);

		const columns = [
			{key: 'level', label: '等级', sortable: true, render: (w) => levelBadge(w.level, w.level_zh)},
			{key: 'rule', label: '预警规则', sortable: true, render: (w) => w.rule_name},
			{key: 'project_code', label: '项目', sortable: true, render: (w) => [w.project_name || w.project_code, h('span', {class: 'muted'}, ' ' + w.project_code)]},
			{key: 'street', label: '街镇', sortable: true, render: (w) => w.street || DASH},
			{key: 'period', label: '所属期', sortable: true, render: (w) => w.period ? monthLabel(w.period) : DASH},
			{key: 'summary', label: '摘要', wrap: true, render: (w) => w.summary},
			{key: 'status', label: '状态', sortable: true, render: (w) => statusBadge(w.status, w.status_zh)},
			{key: 'raised_on', label: '产生日期', sortable: true, render: (w) => w.raised_on},
		];
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
		clear(ctx.main).append(
			pageHead('预警中心', `农民工工资支付监控预警 · 未消除 ${num(o.total || 0)} 条`, [scanBtn, exportBtn]),
			takeFlash() || '',
			kpis,
			h('div', {class: 'grid-2'}, card('未消除预警 · 按规则', byRule), card('未消除预警 · 按街镇', byStreet)),
			card(`预警产生与消除趋势(${stats.trend.from} 至 ${stats.trend.to})`, trend),
			card('预警列表', [form,
				table({columns, rows: list.items || [], sort: params.sort, testid: 'list-warnings',
					rowClass: (w) => w.level === 'red' && w.status !== 'eliminated' ? 'row-alert' : '',
					onSort: (s) => nav((n) => n.set('sort', s)), href: (w) => '#/warnings/' + w.id,
					empty: '没有符合条件的预警'}),
				pager(list.total || 0, list.page || page, list.per_page || 20,
					(p) => setQuery('#/warnings', q, (n) => n.set('page', p)))]));

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
		const pts = stats.trend.points || [];
		charts.make(trend, {
			color: ['#c9372c', '#1e8e57'],
			legend: {data: ['产生', '消除'], top: 0},
			grid: {left: 48, right: 24, top: 32, bottom: 28},
			xAxis: {type: 'category', data: pts.map((p) => stats.trend.unit === 'month' ? monthLabel(p.key) : p.key.slice(5))},
			yAxis: {type: 'value', minInterval: 1},
			series: [
				{name: '产生', type: 'line', smooth: true, data: pts.map((p) => p.raised)},
				{name: '消除', type: 'line', smooth: true, data: pts.map((p) => p.eliminated)},
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

	function actionButtons(w, ctx) {
		const done = {eliminate: '预警已消除', assign: '已指派', escalate: '已转执法检查'};
		const run = async (path, body) => {
			try {
				await apiPost(`/api/v1/warnings/${w.id}/${path}`, body);
				flash = done[path];
				lib.reload();
			} catch (e) {
				banner.show(e.message);
			}
		};
		const btns = [];
		if (w.actions.includes('eliminate'))
			btns.push(h('button', {type: 'button', class: 'btn btn-primary', dataset: {testid: 'eliminate'}, onclick: async () => {
				const reason = await ask('消除预警', {name: 'reason', label: '消除原因', placeholder: '例如：已约谈整改并补发工资 / 误报', required: '请填写消除原因'});
				if (reason) run('eliminate', {reason});
			}}, '消除预警'));
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
		return btns.length ? btns : null;
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
			h('div', {class: 'grid-2'},
				card('预警证据', evidenceView(w)),
				h('div', null,
					card('法律依据', h('div', {class: 'stack', dataset: {testid: 'legal'}}, h('b', null, w.legal_basis), h('p', {class: 'legal-text'}, w.legal_text))),
					card('建议措施', h('p', {dataset: {testid: 'suggested-action'}}, w.suggested_action)),
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

	Object.assign(lib.pages, {warnings: pageWarnings, warning: pageWarning, params: pageParams});
})();
