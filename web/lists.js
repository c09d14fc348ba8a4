/*
 * lists.js - the record lists (#/projects, #/enterprises, #/workers,
 * #/accounts, #/deposits): search, select filters, sorting and paging all
 * kept in the hash, export links; LISTS says per kind which columns and
 * filters show and where a row leads. No filter is offered on a personal
 * field, and a role that sees them masked cannot sort by one (table.js). Also #/go/{kind}/{field}/{value},
 * which turns a key (a project code, a USCC) into its record's page.
 *
 * A page takes the router's ctx (see app.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, money, num, api, session, kindOf, streets, card, emptyState, pageHead, exportLinks,
		setQuery, kindColumns, table, pager} = lib;

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
			/* ID numbers only for a role that sees them: a masked role's
			 * search never matches a personal field (issue 7) */
			searchHint: () => session.seesPersonal() ? '姓名，或完整身份证号' : '姓名',
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
		const [res, streetList] = await Promise.all([api('/api/v1/' + kindName, params),
			(cfg.filters || []).includes('street') ? streets() : Promise.resolve([])]);
		if (!ctx.alive()) return;

		const base = '#/' + kindName;
		const nav = (mut) => setQuery(base, q, mut);

		const search = h('input', {type: 'search', class: 'input', name: 'q', placeholder: '搜索' + (cfg.searchHint ? '：' + cfg.searchHint() : '名称、编号、地址'), value: q.get('q') || ''});
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
			pageHead(k.zh, `共 ${num(res.total)} 条`, exportButtons(kindName, q)),
			card(null, [form,
				table({columns, rows: res.items || [], sort: params.sort, testid: 'list-' + kindName,
					onSort: (s) => nav((n) => {
						n.set('sort', s);
						n.delete('page');
					}),
					href: cfg.href}),
				pager(res.total || 0, res.page || page, res.per_page || perPage, (p) => nav((n) => n.set('page', p)))]));
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
