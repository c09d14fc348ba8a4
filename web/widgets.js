/*
 * widgets.js - the building blocks every page of the anxin web UI is made
 * of: the error banner, cards, page heads, fact lists, lazy tabs, loading /
 * empty / error states, form rows (required marker, validation message
 * next to the field: validateForm), the project's own date / month field
 * with a Chinese picker (dateField, datePicker) and file button
 * (fileField) in place of the browser's controls, export links, setQuery()
 * (a list's filters live in the hash) and setTitle() (document.title
 * follows the page). Tables of records are in table.js.
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

	/* Replaces query parameter key of the current hash route with value
	 * (null removes it) without a navigation: history.replaceState, so
	 * Back returns to the page as it was left (tab, view). */
	function replaceParam(key, value) {
		const raw = location.hash.replace(/^#/, '') || '/';
		const qi = raw.indexOf('?');
		const q = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
		if (value === null || value === undefined || value === '') q.delete(key);
		else q.set(key, value);
		const s = q.toString();
		const url = '#' + (qi < 0 ? raw : raw.slice(0, qi)) + (s ? '?' + s : '');
		history.replaceState(history.state, '', url);
		const main = document.getElementById('main');
		if (main && main.dataset.route !== undefined) main.dataset.route = url.slice(1);
	}

	/* Tabs: [{id, label, render(): node|Promise<node>}]; renders lazily.
	 * The chosen tab is the route's "tab" parameter (replaceParam; none for
	 * the first tab), so a reload or Back shows the tab that was open;
	 * initial is the tab to show when the URL names none. */
	function tabs(list, initial) {
		const fromUrl = new URLSearchParams((location.hash.split('?')[1]) || '').get('tab');
		if (fromUrl && list.some((t) => t.id === fromUrl)) initial = fromUrl;
		let first = true;
		const bar = h('div', {class: 'tabs', role: 'tablist'});
		const panel = h('div', {class: 'tab-panel', role: 'tabpanel'});
		const cache = new Map();
		const buttons = list.map((t) => h('button', {type: 'button', role: 'tab', class: 'tab', dataset: {tab: t.id},
			onclick: () => select(t.id)}, t.label));
		bar.append(...buttons);
		async function select(id) {
			const t = list.find((x) => x.id === id) || list[0];
			if (!first) replaceParam('tab', t.id === list[0].id ? null : t.id);
			first = false;
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

	/* A labelled form row: the label names the field (for=, a generated id),
	 * a required field's label carries the * marker, and the row holds the
	 * field's validation message (validateForm) right after it. */
	let fieldSeq = 0;
	function formRow(label, input) {
		const field = input && input.matches && input.matches('input,select,textarea') ? input
			: input && input.querySelector ? input.querySelector('input:not([type=file]),select,textarea,input[type=file]') : null;
		if (field && !field.id) field.id = 'f-' + (++fieldSeq);
		if (field && label) field.dataset.label = label;
		return h('div', {class: 'form-row' + (field && field.required ? ' form-required' : '')},
			h('label', {for: field ? field.id : null}, label, field && field.required ? h('span', {class: 'req', 'aria-hidden': 'true'}, '*') : null),
			h('div', {class: 'form-field'}, input, h('div', {class: 'field-error', role: 'alert', hidden: true})));
	}

	/* Shows msg (null clears) next to field: the .field-error of its row
	 * (made when missing), aria-invalid on the field. */
	function fieldError(field, msg) {
		const holder = field.closest('.form-field, .dlg-label, .field-wrap') || field.parentNode;
		let box = holder.querySelector(':scope > .field-error');
		if (!box) {
			box = h('div', {class: 'field-error', role: 'alert'});
			holder.append(box);
		}
		box.textContent = msg || '';
		box.hidden = !msg;
		if (msg) field.setAttribute('aria-invalid', 'true');
		else field.removeAttribute('aria-invalid');
	}

	/* Checks the fields of form as the browser would (required, pattern,
	 * minlength), in Chinese, each message next to its field; focuses the
	 * first bad one. Returns true when all are fine. A field's data-msg
	 * overrides the pattern message; data-label names it. */
	function validateForm(form) {
		let firstBad = null;
		for (const f of form.querySelectorAll('input,select,textarea')) {
			if (f.disabled || f.type === 'hidden' || f.closest('[hidden]')) continue;
			const v = f.type === 'file' ? (f.files && f.files.length ? 'x' : '') : String(f.value || '').trim();
			const name = f.dataset.label || f.getAttribute('aria-label') || f.placeholder || '此项';
			let msg = null;
			if (f.required && !v) msg = f.type === 'file' ? '请选择文件' : f.tagName === 'SELECT' ? `请选择${name}` : `请填写${name}`;
			else if (v && f.pattern && !new RegExp('^(?:' + f.pattern + ')$').test(v)) msg = f.dataset.msg || `${name}格式不正确`;
			else if (v && f.minLength > 0 && v.length < f.minLength) msg = `${name}至少 ${f.minLength} 个字符`;
			else if (v && f.dataset.check) msg = f.dataset.check === 'date' && !validDate(v) ? '不是有效的日期' : null;
			fieldError(f, msg);
			if (msg && !firstBad) firstBad = f;
		}
		if (firstBad) firstBad.focus();
		return !firstBad;
	}

	/* Every form is checked before its own submit handler runs (capture
	 * phase); a bad field stops the submit. An edit clears its message. */
	document.addEventListener('submit', (e) => {
		if (e.target instanceof HTMLFormElement && !validateForm(e.target)) {
			e.preventDefault();
			e.stopImmediatePropagation();
		}
	}, true);
	document.addEventListener('input', (e) => {
		const f = e.target;
		if (f && f.getAttribute && f.getAttribute('aria-invalid') === 'true') fieldError(f, null);
	}, true);

	/* ---- dates: the project's own field and picker ------------------------ */

	const DATE_RE = '\\d{4}-\\d{2}-\\d{2}';
	const MONTH_RE = '\\d{4}-\\d{2}';

	function validDate(v) {
		const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
		if (!m) return false;
		const y = +m[1], mo = +m[2], d = m[3] ? +m[3] : 1;
		const dt = new Date(Date.UTC(y, mo - 1, d));
		return mo >= 1 && mo <= 12 && dt.getUTCDate() === d && dt.getUTCMonth() === mo - 1;
	}

	const pad = (n) => String(n).padStart(2, '0');

	/* Turns text input into a date (YYYY-MM-DD) or, with month, a month
	 * (YYYY-MM) field: pattern, placeholder, a 选择日期 button after it that
	 * opens a Chinese calendar (年 / 月 headers, 一 … 日); picking writes the
	 * value and fires input + change. The browser's type=date / type=month
	 * controls are not used: they show English in a browser without a
	 * Chinese language pack. */
	function datePicker(input, month) {
		input.type = 'text';
		input.pattern = month ? MONTH_RE : DATE_RE;
		input.placeholder = month ? 'YYYY-MM' : 'YYYY-MM-DD';
		input.inputMode = 'numeric';
		input.autocomplete = 'off';
		input.maxLength = month ? 7 : 10;
		input.dataset.check = 'date';
		input.dataset.msg = month ? '请按 YYYY-MM 填写月份，如 2026-05' : '请按 YYYY-MM-DD 填写日期，如 2026-05-20';
		input.classList.add('date-input');
		const pop = h('div', {class: 'datepop', hidden: true, role: 'dialog', 'aria-label': month ? '选择月份' : '选择日期', dataset: {testid: 'datepop'}});
		const btn = h('button', {type: 'button', class: 'date-btn', 'aria-label': month ? '选择月份' : '选择日期', title: month ? '选择月份' : '选择日期',
			dataset: {testid: 'date-btn'}, onclick: () => (pop.hidden ? open() : close())}, '▾');
		let view = null;
		const close = () => {
			pop.hidden = true;
			document.removeEventListener('mousedown', outside, true);
		};
		const outside = (e) => {
			if (!pop.contains(e.target) && e.target !== btn) close();
		};
		const pick = (v) => {
			input.value = v;
			close();
			input.dispatchEvent(new Event('input', {bubbles: true}));
			input.dispatchEvent(new Event('change', {bubbles: true}));
			input.focus();
		};
		function draw() {
			const [y, m] = view;
			const nav = (dy, dm, label) => h('button', {type: 'button', class: 'dp-nav', 'aria-label': label, onclick: () => {
				let ny = y + dy, nm = m + dm;
				if (nm < 1) { nm = 12; ny--; }
				if (nm > 12) { nm = 1; ny++; }
				view = [ny, nm];
				draw();
			}}, label.startsWith('上') ? '‹' : '›');
			clear(pop);
			if (month) {
				pop.append(h('div', {class: 'dp-head'}, nav(-1, 0, '上一年'), h('b', null, `${y}年`), nav(1, 0, '下一年')),
					h('div', {class: 'dp-months'}, Array.from({length: 12}, (_, i) =>
						h('button', {type: 'button', class: 'dp-day' + (input.value === `${y}-${pad(i + 1)}` ? ' dp-on' : ''),
							onclick: () => pick(`${y}-${pad(i + 1)}`)}, `${i + 1}月`))));
				return;
			}
			const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay(); /* 0 = Sunday */
			const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
			const cells = [];
			for (let i = 0; i < (first + 6) % 7; i++) cells.push(h('span'));
			for (let d = 1; d <= days; d++) {
				const v = `${y}-${pad(m)}-${pad(d)}`;
				cells.push(h('button', {type: 'button', class: 'dp-day' + (input.value === v ? ' dp-on' : ''), dataset: {date: v}, onclick: () => pick(v)}, String(d)));
			}
			pop.append(h('div', {class: 'dp-head'}, nav(0, -1, '上个月'), h('b', null, `${y}年${m}月`), nav(0, 1, '下个月')),
				h('div', {class: 'dp-grid'}, ['一', '二', '三', '四', '五', '六', '日'].map((d) => h('span', {class: 'dp-wd'}, d)), cells));
		}
		function open() {
			const m = /^(\d{4})-(\d{2})/.exec(input.value);
			const now = new Date();
			view = m ? [+m[1], Math.min(12, Math.max(1, +m[2]))] : [now.getFullYear(), now.getMonth() + 1];
			draw();
			pop.hidden = false;
			document.addEventListener('mousedown', outside, true);
		}
		pop.addEventListener('keydown', (e) => {
			if (e.key === 'Escape') {
				close();
				input.focus();
			}
		});
		const wrap = h('span', {class: 'field-wrap date-field'});
		input.replaceWith(wrap);
		wrap.append(input, btn, pop);
		return wrap;
	}

	/* A new date / month field (see datePicker): attrs as for h('input'). */
	function dateField(attrs, month) {
		const input = h('input', {class: 'input input-short', ...attrs});
		const holder = h('span', null, input);
		datePicker(input, month);
		return holder.firstChild;
	}

	/* A file chooser with a Chinese button (选择文件) and the chosen file's
	 * name (未选择文件 before), in place of the browser's own, which is
	 * English without a language pack. attrs go to the (visually hidden,
	 * still focusable) native input, which the returned element holds. */
	function fileField(attrs) {
		const input = h('input', {type: 'file', class: 'file-native', ...attrs});
		const name = h('span', {class: 'file-name', dataset: {testid: 'file-name'}}, '未选择文件');
		input.addEventListener('change', () => {
			const f = input.files && input.files[0];
			name.textContent = f ? f.name : '未选择文件';
			name.classList.toggle('muted', !f);
		});
		name.classList.add('muted');
		return h('label', {class: 'field-wrap file-field'}, input, h('span', {class: 'btn file-btn', 'aria-hidden': 'true'}, '选择文件'), name);
	}

	/* document.title of the page shown: "<title> · 安薪". */
	function setTitle(title) {
		document.title = (title ? title + ' · ' : '') + '安薪';
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
			h('a', {class: cls, href: exportUrl(path, query, {format: 'xlsx', layout: 'exchange'}), download: '',
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
		setQuery, replaceParam, fieldError, validateForm, validDate, datePicker, dateField, fileField, setTitle});
})();
