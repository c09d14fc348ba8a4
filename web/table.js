/*
 * table.js - records on screen: how a field's value is shown (fieldValue:
 * money, enums, status badges, links from keys to records, masked personal
 * data with an audited 显示 button), the columns of a kind (kindColumns),
 * table() with sorting and row links, and pager(). Field metadata comes
 * from GET /api/v1/kinds (api.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, DASH, money, num, apiPost, session, enumLabel, banner} = lib;

	const STATUS_CLASS = {planned: 'b-planned', active: 'b-active', suspended: 'b-suspended', completed: 'b-completed',
		未开工: 'b-planned', 在建: 'b-active', 停工: 'b-suspended', 竣工: 'b-completed'};

	const LEVEL_ZH = {red: '红色', orange: '橙色', yellow: '黄色'};
	const LEVEL_RANK = {red: 3, orange: 2, yellow: 1};

	/* A warning level as a coloured badge ("红色预警 3"), or the text none
	 * gives when level is empty: the one look of a warning state on lists
	 * and page heads. */
	function levelBadge(level, text, none) {
		if (!level) return none === undefined ? DASH : none;
		return h('span', {class: 'badge lv lv-' + level, dataset: {level}}, text || LEVEL_ZH[level] || level);
	}

	/* The highest level among warnings (list items of the API), or ''. */
	function topLevel(warnings) {
		let best = '';
		for (const w of warnings || [])
			if ((LEVEL_RANK[w.level] || 0) > (LEVEL_RANK[best] || 0)) best = w.level;
		return best;
	}

	function statusBadge(f, code) {
		return h('span', {class: 'badge ' + (STATUS_CLASS[code] || 'b-other')}, enumLabel(f, code) || DASH);
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
			/* The server names what a reference points at: <ref>_id and
			 * <ref>_name (employer_uscc -> employer_id, employer_name). */
			const prefix = f.key.replace(/_(id_number|uscc|code|no)$/, '');
			const rid = item && item[prefix + '_id'];
			const label = item && item[prefix + '_name'];
			const href = rid ? `#/${f.ref}/${rid}` : `#/go/${f.ref}/${REF_LOOKUP[f.ref]}/${encodeURIComponent(v)}`;
			/* A project code column (项目编号) shows the code it is named
			 * for, the project's name beside it; other references (an
			 * employer's USCC) read better by name. */
			if (f.ref === 'projects')
				return h('span', {class: 'ref-code'}, h('a', {href, class: 'ref mono', title: label || String(v), onclick: stop}, String(v)),
					label ? h('span', {class: 'ref-name muted'}, label) : null);
			return h('a', {href, class: 'ref', title: String(v), onclick: stop}, label || String(v));
		}
		return String(v);
	}

	function stop(ev) {
		ev.stopPropagation();
	}

	/* Columns for a kind's fields: [{key, label, num, render, sortable}].
	 * A personal field is not sortable for a role that sees it masked (the
	 * server refuses it: the order would rank the hidden values). */
	function kindColumns(k, keys) {
		const fields = keys ? keys.map((key) => k.byKey.get(key)).filter(Boolean) : k.fields;
		return fields.map((f) => ({
			key: f.key,
			label: f.zh,
			num: isNumeric(f),
			sortable: !f.personal || session.seesPersonal(),
			render: (it) => fieldValue(f, it[f.key], it, k.name),
		}));
	}

	/* A table. opts: columns, rows, sort ("key" / "-key"), onSort(sort),
	 * href(row) (the row is a link: its first cell's content is a real
	 * <a href> - Tab / Enter, Ctrl+click, middle click, "open in new tab"
	 * - and a plain click anywhere on the row follows it too), rowClass(row),
	 * empty, caption, testid. Headers are sticky, numbers right-aligned. */
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
			let linked = false;
			for (const c of cols) {
				let body = c.render(r);
				/* the first cell that has no link of its own becomes the row's link */
				if (href && !linked && !c.noLink && !(body instanceof Element && (body.matches('a,button,input') || body.querySelector('a,button,input')))) {
					body = h('a', {class: 'row-link', href}, body);
					linked = true;
				}
				tr.append(h('td', {class: c.num ? 'num' : c.wrap ? 'wrap' : null, dataset: {key: c.key}}, body));
			}
			if (href) {
				tr.addEventListener('click', (e) => {
					if (e.target.closest('a,button,input,label,select')) return;
					if (e.ctrlKey || e.metaKey || e.shiftKey) window.open(href, '_blank', 'noopener');
					else location.hash = href;
				});
				tr.addEventListener('auxclick', (e) => {
					if (e.button === 1 && !e.target.closest('a')) window.open(href, '_blank', 'noopener');
				});
			}
			tbody.append(tr);
		}
		return h('div', {class: 'table-wrap', dataset: {testid: opts.testid || null}},
			h('table', {class: 'grid'}, opts.caption ? h('caption', null, opts.caption) : null, thead, tbody));
	}

	/* The pager under a list: total, 首页 / 上一页 / 下一页 / 末页, 跳至 N 页
	 * (validated: 1 … pages) and, with opts.onPerPage(n), the page size
	 * (每页 20 / 50 / 100 / 200 条). go(p) and onPerPage(n) navigate (the
	 * page and its size belong in the URL). */
	function pager(total, page, perPage, go, opts) {
		const pages = Math.max(1, Math.ceil(total / perPage));
		const o = opts || {};
		const jump = h('input', {class: 'input', name: 'page', 'aria-label': '页码', inputmode: 'numeric', pattern: '[0-9]+',
			'data-label': '页码', 'data-msg': `请输入 1 至 ${pages} 的页码`, placeholder: String(page)});
		const jumpForm = pages > 1 ? h('form', {class: 'pager-jump', dataset: {testid: 'page-jump'}, onsubmit: (e) => {
			e.preventDefault();
			const p = parseInt(jump.value, 10);
			if (!(p >= 1 && p <= pages)) {
				lib.fieldError(jump, `请输入 1 至 ${pages} 的页码`);
				return;
			}
			go(p);
		}}, '跳至', jump, '页', h('button', {type: 'submit', class: 'btn btn-small'}, '确定')) : null;
		const size = o.onPerPage ? h('label', {class: 'pager-size'}, '每页 ',
			h('select', {class: 'input', name: 'per_page', 'aria-label': '每页条数', dataset: {testid: 'per-page'}, onchange: (e) => o.onPerPage(parseInt(e.target.value, 10))},
				[...new Set([20, 50, 100, 200, perPage])].sort((a, b) => a - b).map((n) => h('option', {value: n, selected: n === perPage}, String(n)))), ' 条') : null;
		return h('div', {class: 'pager'},
			h('span', {class: 'pager-total'}, '共 ', h('b', {dataset: {testid: 'total'}}, num(total)), ' 条'),
			size,
			pages > 2 ? h('button', {type: 'button', class: 'btn', disabled: page <= 1, onclick: () => go(1)}, '« 首页') : null,
			h('button', {type: 'button', class: 'btn', disabled: page <= 1, onclick: () => go(page - 1)}, '‹ 上一页'),
			h('span', {class: 'pager-page'}, `第 ${page} / ${pages} 页`),
			h('button', {type: 'button', class: 'btn', disabled: page >= pages, onclick: () => go(page + 1)}, '下一页 ›'),
			pages > 2 ? h('button', {type: 'button', class: 'btn', disabled: page >= pages, onclick: () => go(pages)}, '末页 »') : null,
			jumpForm);
	}

	Object.assign(lib, {LEVEL_ZH, levelBadge, topLevel, statusBadge, revealable, fieldValue, kindColumns, table, pager});
})();
