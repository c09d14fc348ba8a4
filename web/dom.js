/*
 * dom.js - the first script of the anxin web UI (安薪): creates
 * window.anxinLib, the namespace the files of web/ share, and owns safe DOM
 * building. h() puts every string into the page as a text node (escaped by
 * the DOM) - never innerHTML - so records cannot inject markup; no inline
 * styles either (the CSP is style-src 'self').
 *
 * The UI is plain scripts that index.html loads in order, no build step, no
 * framework. Each file is one IIFE: it takes what earlier files put in
 * anxinLib, and adds what it offers - core helpers to anxinLib, page
 * functions to anxinLib.pages (routed by app.js, which comes last).
 */
'use strict';

window.anxinLib = {
	/* Page functions by name, added by the page files; app.js routes to them. */
	pages: {},
	/* Extension points: rows under the 驾驶舱 KPIs (f(dashboard) -> node) and
	 * tabs of the project page (f(project, related) -> tab); warn.js adds one
	 * of each. */
	hooks: {dashboard: [], projectTabs: []},
};

(() => {
	const lib = window.anxinLib;

	/* h('a', {href:'#/x', class:'k', onclick: fn, dataset:{id:1}}, 'text', node)
	 * builds an element; strings become text nodes (escaped by the DOM). */
	function h(tag, attrs, ...kids) {
		const el = document.createElement(tag);
		/* The browser's own validation bubbles speak the browser's language
		 * (English without a Chinese language pack): forms validate with
		 * widgets.js validateForm() instead, messages next to the field. */
		if (tag === 'form') el.noValidate = true;
		if (attrs) {
			for (const [k, v] of Object.entries(attrs)) {
				if (v === undefined || v === null || v === false) continue;
				if (k === 'class') el.className = v;
				else if (k === 'dataset') Object.assign(el.dataset, v);
				else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
				else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'disabled') el[k] = v;
				else el.setAttribute(k, v === true ? '' : String(v));
			}
		}
		append(el, kids);
		return el;
	}

	function append(el, kids) {
		for (const k of kids.flat(Infinity)) {
			if (k === null || k === undefined || k === false) continue;
			el.append(k instanceof Node ? k : document.createTextNode(String(k)));
		}
		return el;
	}

	function clear(el) {
		while (el.firstChild) el.removeChild(el.firstChild);
		return el;
	}

	Object.assign(lib, {h, clear});
})();
