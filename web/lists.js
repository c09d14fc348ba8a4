/*
 * lists.js - the record lists (#/projects, #/enterprises, #/workers,
 * #/accounts, #/deposits): search, select filters, sorting and paging all
 * kept in the hash, export links; LISTS says per kind which columns and
 * filters show and where a row leads. No filter is offered on a personal
 * field, and a role that sees them masked cannot sort by one (table.js). Also #/go/{kind}/{field}/{value},
 * which turns a key (a project code, a USCC) into its record's page.
 *
 * Lists answer questions (docs/ui.md): 在建项目 lists what is 在建 on the
 * 数据日期 (a 状态 choice for the rest) with each project's highest open
 * warning level (and a filter by it); contract amounts in 万元; accounts
 * with their balance on the 数据日期; workers found by name, project or
 * employer (parts of them), or - for roles that see ID numbers - a whole
 * ID number.
 *
 * A page takes the router's ctx (see app.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, DASH, money, wan, num, api, session, state, kindOf, streets, card, emptyState, pageHead, exportLinks,
		setQuery, kindColumns, table, pager, levelBadge} = lib;

	/* Per-kind list settings: title, columns, select filters, where a row
	 * leads. Kinds not listed here get all their fields. */
	const LISTS = {
		projects: {
			cols: ['code', 'name', 'street', 'status', 'warn_level', 'contract_amount', 'start_date', 'planned_end_date', 'labor_officer'],
			filters: ['street'],
			/* the list's own questions: 在建 on the date, warning level */
			special: projectFilters,
			wrap: ['name'],
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
			/* ID numbers only for a role that sees them, and whole: a
			 * part of one would be a look-up oracle (docs/security.md,
			 * issue 7); names, projects and employers by any part */
			searchHint: () => session.seesPersonal() ? '姓名(可部分)，或完整身份证号' : '姓名(可部分)',
			special: workerFilters,
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

	async function pageList(ctx, kindName) {
		const k = await kindOf(kindName);
		const cfg = LISTS[kindName] || {};
		const q = ctx.query;
		const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
		const perPage = Math.min(500, Math.max(1, parseInt(q.get('per_page') || '50', 10) || 50));
		const params = {page, per_page: perPage, q: q.get('q') || '', sort: q.get('sort') || ''};
		for (const fk of cfg.filters || []) if (q.get(fk)) params[fk] = q.get(fk);
		/* the figures of a list (balances, warning levels, 在建) are of the 数据日期 */
		if (kindName === 'projects' || kindName === 'accounts') params.as_of = state.asOf();
		const special = cfg.special ? cfg.special(q, k) : null;
		if (special) Object.assign(params, special.params);
		const [res, streetList] = await Promise.all([api('/api/v1/' + kindName, params),
			(cfg.filters || []).includes('street') ? streets() : Promise.resolve([])]);
		if (!ctx.alive()) return;

		const base = '#/' + kindName;
		const nav = (mut) => setQuery(base, q, mut);

		const search = h('input', {type: 'search', class: 'input', name: 'q', placeholder: '搜索' + (cfg.searchHint ? '：' + cfg.searchHint() : '名称、编号、地址'), value: q.get('q') || ''});
		const form = h('form', {class: 'toolbar', role: 'search', onsubmit: (e) => {
			e.preventDefault();
			nav((n) => {
				for (const input of form.querySelectorAll('input[type=search]')) {
					const v = input.value.trim();
					if (v) n.set(input.name, v);
					else n.delete(input.name);
				}
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
		if (special) form.append(...special.controls(nav));
		if ([...q.keys()].some((x) => x !== 'page' && x !== 'as_of'))
			form.append(h('a', {class: 'btn btn-link', href: base}, '清除条件'));

		const columns = listColumns(k, cfg);

		clear(ctx.main).append(
			pageHead(k.zh, `共 ${num(res.total)} 条`, exportButtons(kindName, exportQuery(params))),
			card(null, [form,
				table({columns, rows: res.items || [], sort: params.sort, testid: 'list-' + kindName,
					onSort: (s) => nav((n) => {
						n.set('sort', s);
						n.delete('page');
					}),
					href: cfg.href}),
				pager(res.total || 0, res.page || page, res.per_page || perPage, (p) => nav((n) => n.set('page', p)))]));
	}

	/* The columns of a list: the kind's fields of cfg.cols, plus what the
	 * list API adds (an account's balance, a project's warning level);
	 * money the lists' readers think of in 万元 (合同金额) in 万元, with
	 * the exact figure as the cell's title; cfg.wrap columns may wrap (so
	 * a list fits 1440 px without a hidden column). */
	function listColumns(k, cfg) {
		const keys = cfg.cols ? cfg.cols.filter((c) => k.byKey.has(c)) : null;
		const byKey = new Map(kindColumns(k, keys).map((c) => [c.key, c]));
		const extra = {
			balance: {key: 'balance', label: '余额(元)', num: true, sortable: false, render: (it) => money(it.balance)},
			warn_level: {key: 'warn_level', label: '预警', sortable: false,
				render: (it) => levelBadge(it.warn_level, it.warn_level ? `${{red: '红', orange: '橙', yellow: '黄'}[it.warn_level]} ${it.warnings_open}` : '', DASH)},
		};
		const cols = (cfg.cols || [...byKey.keys()]).map((key) => byKey.get(key) || extra[key]).filter(Boolean);
		for (const c of cols) {
			if (c.key === 'contract_amount') {
				c.label = '合同金额(万元)';
				c.render = (it) => h('span', {title: money(it.contract_amount)}, wan(it.contract_amount));
			}
			if ((cfg.wrap || []).includes(c.key)) c.wrap = true;
		}
		return cols;
	}

	/* 在建项目: 状态 (在建 on the 数据日期 by default - the warning rules'
	 * "active on D", as the 驾驶舱 counts it -, 全部, or one status) and
	 * 预警 (the highest open level; any; none). */
	function projectFilters(q, k) {
		const statusF = k.byKey.get('status');
		const st = q.get('status') || '';
		const params = {};
		if (!st) params.active = 1;
		else if (st !== 'all') params.status = st;
		if (q.get('warn_level')) params.warn_level = q.get('warn_level');
		const select = (name, label, opts, cur) => h('select', {class: 'input', name, 'aria-label': label, onchange: (e) => nav0(name, e.target.value)},
			opts.map(([v, l]) => h('option', {value: v, selected: cur === v}, l)));
		let nav0 = null;
		return {params, controls: (nav) => {
			nav0 = (name, v) => nav((n) => {
				if (v) n.set(name, v);
				else n.delete(name);
				n.delete('page');
			});
			return [
				select('status', '项目状态', [['', '在建(数据日期)'], ['all', '全部状态'],
					...(statusF.values || []).map((v) => [v.code, v.label])], st),
				select('warn_level', '预警等级', [['', '全部预警等级'], ['red', '红色预警'], ['orange', '橙色预警'],
					['yellow', '黄色预警'], ['any', '有未消除预警'], ['none', '无预警']], q.get('warn_level') || ''),
			];
		}};
	}

	/* 实名制人员: by project and by employer (a code, or part of a name). */
	function workerFilters(q) {
		const params = {project: q.get('project') || '', employer: q.get('employer') || ''};
		return {params, controls: () => [
			h('input', {type: 'search', class: 'input', name: 'project', placeholder: '项目(编号或名称)', 'aria-label': '项目', value: params.project}),
			h('input', {type: 'search', class: 'input', name: 'employer', placeholder: '用工单位(名称或信用代码)', 'aria-label': '用工单位', value: params.employer}),
		]};
	}

	/* The query of the list on screen, for its export: the same
	 * parameters the list API was asked with (filters, search, sort, the
	 * 数据日期, 在建 and 预警 conditions), the empty ones left out. */
	function exportQuery(params) {
		return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '' && v != null).map(([k, v]) => [k, String(v)]));
	}

	/* The list on screen as a file: its filters, search and sort. */
	function exportButtons(kindName, q) {
		return session.can('export') ? exportLinks(kindName, 'btn', q) : null;
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
	Object.assign(lib.pages, {list: pageList, go: pageGo});
})();
