/*
 * app.js - the last script of the anxin web UI (安薪): the route table, the
 * router (hash routes; log-in, forced password change and the role's
 * permissions checked before a page runs) and the shell around the pages -
 * the top bar (as-of date, user, 退出), the navigation of the role, the
 * banner. It starts the UI: GET /api/v1/me, then the page of the hash.
 *
 * The UI is a hash-routed single page over the JSON API of docs/api.md,
 * plain scripts without a build step (see dom.js for how the files share
 * anxinLib, index.html for their order). A new page = a function in a page
 * file, added to anxinLib.pages + one line in ROUTES. A page takes (ctx):
 * ctx.main (the container), ctx.params (route captures), ctx.query
 * (URLSearchParams of the hash) and ctx.alive() (false once the user
 * navigated away); it may throw (a 404 shows 未找到).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, toFen, money, wan, pct, num, api, apiPost, session, loadMe, toLogin, state, charts, banner,
		loading, emptyState, pageHead, setTitle, datePicker, validateForm} = lib;

	const pages = lib.pages;

	/* Route table: pattern, nav entry highlighted, page function, and the
	 * permission the page needs (default read; null = none, e.g. log-in). */
	const ROUTES = [
		[/^\/login$/, null, pages.login, null],
		[/^\/password$/, null, pages.password, 'session'],
		[/^\/admin\/users$/, 'users', pages.users, 'users'],
		[/^\/admin\/tokens$/, 'tokens', pages.tokens, 'users'],
		[/^\/admin\/audit$/, 'audit', pages.audit, 'audit'],
		[/^\/admin\/params$/, 'params', pages.params, 'params'],
		[/^\/?$/, 'dashboard', pages.dashboard],
		[/^\/projects$/, 'projects', (c) => pages.list(c, 'projects')],
		[/^\/projects\/(?<id>\d+)$/, 'projects', pages.project],
		[/^\/enterprises$/, 'enterprises', (c) => pages.list(c, 'enterprises')],
		[/^\/enterprises\/(?<id>\d+)$/, 'enterprises', pages.enterprise],
		[/^\/workers$/, 'workers', (c) => pages.list(c, 'workers')],
		[/^\/workers\/(?<id>\d+)$/, 'workers', pages.worker],
		[/^\/accounts$/, 'accounts', (c) => pages.list(c, 'accounts')],
		[/^\/accounts\/(?<id>\d+)$/, 'accounts', pages.account],
		[/^\/deposits$/, 'deposits', (c) => pages.list(c, 'deposits')],
		[/^\/import$/, 'import', pages.import, 'import'],
		[/^\/warnings$/, 'warnings', pages.warnings],
		[/^\/warnings\/(?<id>\d+)$/, 'warnings', pages.warning],
		[/^\/clues$/, 'clues', pages.clues, 'cases'],
		[/^\/clues\/new$/, 'clues', pages.clueNew, 'cases'],
		[/^\/clues\/stats$/, 'clues', pages.clueStats, 'cases'],
		[/^\/clues\/(?<number>[A-Z]{2}-\d{4}-\d{6})$/, 'clues', pages.clue, 'cases'],
		[/^\/go\/(?<kind>[a-z_]+)\/(?<field>[a-z_]+)\/(?<value>.+)$/, null, pages.go],
	];

	let routeSeq = 0;

	async function route() {
		const seq = ++routeSeq;
		let raw = location.hash.replace(/^#/, '') || '/';
		const qi = raw.indexOf('?');
		const path = qi < 0 ? raw : raw.slice(0, qi);
		const query = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
		if (syncAsOf(path, query)) raw = location.hash.replace(/^#/, '');
		const main = document.getElementById('main');
		charts.disposeAll();
		banner.hide();
		document.body.classList.remove('nav-open');

		/* A page that is not there, or not for this role: say so. */
		const deadEnd = (title, text) => {
			clear(main).append(pageHead(title), emptyState(text), h('a', {href: '#/', class: 'btn'}, '返回驾驶舱'));
			setTitle(title);
			main.dataset.route = raw;
			main.dataset.ready = '1';
		};

		let hit = null;
		for (const [re, nav, fn, perm] of ROUTES) {
			const m = re.exec(path);
			if (m) {
				hit = {nav, fn, perm: perm === undefined ? 'read' : perm,
					params: Object.fromEntries(Object.entries(m.groups || {}).map(([k, v]) => [k, decodeURIComponent(v)]))};
				break;
			}
		}
		/* Not logged in: the log-in page; a password to change: that page;
		 * a page the role may not use: say so. */
		document.body.classList.toggle('logged-out', !session.me);
		if (hit && hit.perm !== null && !session.me) {
			toLogin();
			return;
		}
		if (hit && session.me && session.me.must_change && hit.fn !== pages.password && hit.fn !== pages.login) {
			location.hash = '#/password';
			return;
		}
		if (hit && hit.perm && hit.perm !== 'session' && !session.can(hit.perm)) {
			deadEnd('无权访问', '您的角色无权使用此页面。');
			return;
		}
		/* The entry of the page shown: highlighted and aria-current, also
		 * for a record's page (its list's entry) and none for others. */
		for (const a of document.querySelectorAll('.sidenav a[data-nav]')) {
			const on = !!hit && a.dataset.nav === hit.nav;
			a.classList.toggle('active', on);
			if (on) a.setAttribute('aria-current', 'page');
			else a.removeAttribute('aria-current');
		}
		if (!hit) {
			deadEnd('页面不存在', '没有这个页面。');
			return;
		}
		clear(main).append(loading());
		main.dataset.page = hit.nav || 'go';
		delete main.dataset.ready;
		delete main.dataset.route;
		const ctx = {main, params: hit.params, query, alive: () => seq === routeSeq};
		try {
			await hit.fn(ctx);
		} catch (e) {
			if (!ctx.alive()) return;
			if (e.status === 401) return; /* on the way to the log-in page */
			console.warn('page failed:', e);
			banner.show(e.message || String(e));
			/* 404 includes records outside the caller's scope: another
			 * street's project is not found, not merely hidden. */
			if (e.status === 404) clear(main).append(pageHead('未找到'), emptyState('没有找到该记录，或不在您的管辖范围内。'));
			else clear(main).append(h('div', {class: 'error-state'}, '加载失败：', e.message || String(e)));
		}
		if (ctx.alive()) {
			/* document.title follows the page: its heading. */
			const h1 = main.querySelector('h1');
			setTitle(h1 ? h1.textContent.trim() : '');
			main.dataset.route = location.hash.replace(/^#/, '') || '/';
			main.dataset.ready = '1';
			window.scrollTo(0, 0);
		}
	}

	/* The 数据日期 in the URL: a page's as_of= wins (a shared link, Back),
	 * else a picked date is written into the URL without a new history
	 * entry, so every page's URL says the date its figures are of.
	 * Returns true when it rewrote the URL. */
	function syncAsOf(path, query) {
		const input = document.getElementById('as-of');
		const v = query.get('as_of');
		let rewrote = false;
		if (v && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
			state.setAsOf(v);
		} else if (state.picked() && !/^\/(login|password)$/.test(path)) {
			query.set('as_of', state.picked());
			history.replaceState(null, '', '#' + path + '?' + query.toString());
			rewrote = true;
		}
		if (input) input.value = state.asOf();
		return rewrote;
	}

	/* Goes to the current page with the 数据日期 v ('' = today). */
	function goAsOf(v) {
		state.setAsOf(v);
		const raw = location.hash.replace(/^#/, '') || '/';
		const qi = raw.indexOf('?');
		const q = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
		if (state.picked()) q.set('as_of', state.picked());
		else q.delete('as_of');
		q.delete('page');
		const s = q.toString();
		const next = '#' + (qi < 0 ? raw : raw.slice(0, qi)) + (s ? '?' + s : '');
		if (next === location.hash) route();
		else location.hash = next;
	}

	/* What the top bar says of the person: the name, then the role and
	 * street - each only once (an account named 区人社局管理员 or
	 * 泰达街道劳动保障所 does not get its role or street repeated). */
	function userLabel(u) {
		if (!u) return ['', ''];
		const name = u.name || u.username || '';
		const parts = [u.role_zh, u.street].filter((x) => x && !name.includes(x) && !(u.role_zh === x && x.includes(name)));
		return [name, parts.join(' · ')];
	}

	/* The top bar's user box (and its copy in the navigation drawer, which
	 * a phone shows instead) and the navigation entries of the role. */
	function applySession(me) {
		const [name, role] = userLabel(me && me.user);
		for (const [box, n, r] of [['user-box', 'user-name', 'user-role'], ['nav-user', 'nav-user-name', 'nav-user-role']]) {
			const el = document.getElementById(box);
			if (!el) continue;
			el.hidden = !me;
			document.getElementById(n).textContent = name;
			document.getElementById(r).textContent = role;
			document.getElementById(r).hidden = !role;
		}
		document.body.classList.toggle('logged-out', !me);
		for (const el of document.querySelectorAll('[data-perm]'))
			el.hidden = !me || !el.dataset.perm.split(/\s+/).some((p) => session.can(p));
	}

	async function logout() {
		try {
			await apiPost('/api/v1/logout');
		} catch (_) {
			/* already ended: log in again anyway */
		}
		session.set(null);
		location.hash = '#/login';
	}

	function initShell() {
		const input = document.getElementById('as-of');
		input.value = state.asOf();
		datePicker(input);
		input.addEventListener('change', () => {
			/* a typed date counts once it is whole and valid (message next to it) */
			if (!validateForm(input.closest('form'))) return;
			goAsOf(input.value);
		});
		input.closest('form').addEventListener('submit', (e) => {
			e.preventDefault();
			input.dispatchEvent(new Event('change'));
		});
		document.getElementById('as-of-today').addEventListener('click', () => goAsOf(''));
		document.getElementById('banner-close').addEventListener('click', banner.hide);
		/* ☰: on a narrow screen (≤ 900 px) the navigation is a drawer over
		 * the page; wider, it folds away to give the tables room (kept). */
		if (localStorage.getItem('anxin.nav') === 'folded') document.body.classList.add('nav-folded');
		document.getElementById('nav-toggle').addEventListener('click', () => {
			if (window.matchMedia('(max-width: 900px)').matches) {
				document.body.classList.toggle('nav-open');
			} else {
				const folded = document.body.classList.toggle('nav-folded');
				localStorage.setItem('anxin.nav', folded ? 'folded' : '');
				charts.resizeAll();
			}
		});
		for (const id of ['logout', 'nav-logout']) {
			const out = document.getElementById(id);
			if (out) out.addEventListener('click', logout);
		}
		window.addEventListener('hashchange', route);
		window.addEventListener('resize', () => charts.resizeAll());
		loadMe().catch((e) => banner.show(e.message)).then(route);
	}

	session.onChange = applySession;
	/* For pages that redraw themselves after an action (warn.js). */
	lib.reload = () => route();

	/* For the browser tests and the console: the formatters. */
	window.anxin = {money, wan, pct, toFen, num, api, apiPost, session};

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initShell);
	else initShell();
})();
