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

	/* The 导出 CSV / 导出 Excel links of a kind (the server checks the
	 * permission and masks personal data). */
	function exportLinks(kindName, cls) {
		return [
			h('a', {class: cls, href: `/api/v1/export/${kindName}?format=csv`, download: ''}, '导出 CSV'),
			h('a', {class: cls, href: `/api/v1/export/${kindName}?format=xlsx`, download: ''}, '导出 Excel'),
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

	Object.assign(lib, {banner, card, loading, emptyState, pageHead, facts, tabs, formRow, exportLinks,
		setQuery});
})();
