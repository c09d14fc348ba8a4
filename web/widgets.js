/*
 * widgets.js - the building blocks every page of the anxin web UI is made
 * of: the error banner, cards, page heads, fact lists, lazy tabs, loading /
 * empty / error states, form rows, export links and setQuery() (a list's
 * filters live in the hash). Tables of records are in table.js.
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, DASH, charts} = lib;

	const banner = {
		show(msg) {
			document.getElementById('banner-text').textContent = msg;
			document.getElementById('banner').hidden = false;
		},
		hide() {
			document.getElementById('banner').hidden = true;
		},
	};

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

	/* A labelled form row. */
	function formRow(label, input) {
		return h('div', {class: 'form-row'}, h('label', null, label), input);
	}

	/* The export URL of the list on screen (issue 8): its filters, search
	 * and sort (query, URLSearchParams or null) without its paging, plus
	 * extra (format, form). path: /api/v1/export/{kind} or .../warnings. */
	function exportUrl(path, query, extra) {
		const n = new URLSearchParams(query || '');
		n.delete('page');
		n.delete('per_page');
		for (const [k, v] of Object.entries(extra || {})) n.set(k, v);
		return path + '?' + n.toString();
	}

	/* The export links of a list: 导出 Excel / 导出 CSV write the display
	 * form (Chinese labels, names beside codes; the server names the file
	 * 在建项目_泰达街道_2026-11-30.xlsx), 导出为导入模板格式 the exchange
	 * form that re-imports. The server checks the permission, masks
	 * personal data and refuses a personal filter of a masked role. */
	function exportLinks(kindName, cls, query) {
		const path = '/api/v1/export/' + kindName;
		return [
			h('a', {class: cls, href: exportUrl(path, query, {format: 'xlsx'}), download: '', dataset: {export: 'xlsx'}}, '导出 Excel'),
			h('a', {class: cls, href: exportUrl(path, query, {format: 'csv'}), download: '', dataset: {export: 'csv'}}, '导出 CSV'),
			h('a', {class: cls, href: exportUrl(path, query, {format: 'xlsx', form: 'exchange'}), download: '',
				dataset: {export: 'exchange'}, title: '按《数据交换标准》的列与代码导出，可修改后重新导入'}, '导出为导入模板格式'),
		];
	}

	/* Goes to hash route base with a copy of query q (URLSearchParams)
	 * changed by mut(n): how a list's search, filters and page change. */
	function setQuery(base, q, mut) {
		const n = new URLSearchParams(q);
		mut(n);
		const s = n.toString();
		location.hash = base + (s ? '?' + s : '');
	}

	Object.assign(lib, {banner, card, loading, emptyState, pageHead, facts, tabs, formRow, exportLinks, exportUrl,
		setQuery});
})();
