/*
 * api.js - the client side of the JSON API of docs/api.md: api() and
 * apiPost() (errors become ApiError with the server's Chinese message),
 * the logged-in caller (session), the metadata read once and cached (kinds,
 * streets) and the as-of date the user picked (state).
 *
 * Access: the session is an HttpOnly cookie the page never sees; session.me
 * keeps GET /api/v1/me (user, role, CSRF token, permissions). Every
 * state-changing request sends X-CSRF-Token; any 401 goes to the log-in
 * page. The server enforces all access anyway; the UI only hides what a
 * role may not use, for clarity. No DOM here: the shell (app.js) listens
 * to session changes through session.onChange.
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {todayShanghai} = lib;

	class ApiError extends Error {
		constructor(status, code, message, body) {
			super(message);
			this.status = status;
			this.code = code;
			this.body = body;
		}
	}

	function qs(params) {
		if (!params) return '';
		const u = new URLSearchParams();
		for (const [k, v] of Object.entries(params))
			if (v !== undefined && v !== null && v !== '') u.set(k, v);
		const s = u.toString();
		return s ? '?' + s : '';
	}

	/* Parses a response; resolves to the JSON body, rejects with ApiError
	 * carrying the API's error.message (or a Chinese fallback). When
	 * acceptStatus includes the status, the body is returned anyway (the
	 * import report comes with 422). */
	async function readJson(res, acceptStatus) {
		const text = await res.text();
		let body = null;
		try {
			body = text ? JSON.parse(text) : null;
		} catch (_) {
			body = null;
		}
		if (res.ok || (acceptStatus && acceptStatus.includes(res.status) && body)) {
			if (body === null) throw new ApiError(res.status, 'bad_json', '服务器返回的数据无法解析');
			return body;
		}
		const e = body && body.error;
		throw new ApiError(res.status, e && e.code, (e && e.message) || `请求失败 (HTTP ${res.status})`, body);
	}

	/* The logged-in caller: GET /api/v1/me, or null. */
	const session = {
		me: null,
		can(p) {
			return !!this.me && (this.me.permissions || []).includes(p);
		},
		csrf() {
			return this.me ? this.me.csrf : null;
		},
		/* Whether the caller sees personal fields in full; a role that sees
		 * them masked may not filter, search or sort by them (issue 7). */
		seesPersonal() {
			return !!this.me && !!this.me.sees_personal;
		},
		/* Called with the new caller after set() (app.js: the top bar and
		 * the navigation of the role). */
		onChange: null,
		/* A new caller (null: logged out): what was cached for the old one
		 * is forgotten. */
		set(me) {
			this.me = me;
			forgetStreets();
			if (this.onChange) this.onChange(me);
		},
	};

	async function api(path, params, init, acceptStatus) {
		const opts = Object.assign({}, init || {});
		const method = (opts.method || 'GET').toUpperCase();
		opts.headers = Object.assign({Accept: 'application/json'}, opts.headers || {});
		if (method !== 'GET' && method !== 'HEAD' && session.csrf()) opts.headers['X-CSRF-Token'] = session.csrf();
		opts.credentials = 'same-origin';
		let res;
		try {
			res = await fetch(path + qs(params), opts);
		} catch (e) {
			throw new ApiError(0, 'network', '无法连接服务器：' + e.message);
		}
		if (res.status === 401 && path !== '/api/v1/login' && path !== '/api/v1/me') {
			/* The session ended (timeout, log-out elsewhere): log in again. */
			session.me = null;
			toLogin();
		}
		return readJson(res, acceptStatus);
	}

	/* POSTs a JSON body (with the CSRF token, as every write). */
	function apiPost(path, body, acceptStatus) {
		return api(path, null, {method: 'POST', headers: {'Content-Type': 'application/json'},
			body: JSON.stringify(body || {})}, acceptStatus);
	}

	/* Loads the caller into session (null when not logged in). */
	async function loadMe() {
		let me;
		try {
			me = await api('/api/v1/me');
		} catch (e) {
			if (e.status !== 401) throw e;
			me = null;
		}
		session.set(me);
		return session.me;
	}

	function toLogin() {
		const raw = location.hash.replace(/^#/, '') || '/';
		if (!/^\/login/.test(raw)) location.hash = '#/login?next=' + encodeURIComponent(raw);
	}

	let kindsPromise = null;

	/* GET /api/v1/kinds once: Map name -> kind with .byKey (field by key). */
	function kinds() {
		if (!kindsPromise) {
			kindsPromise = api('/api/v1/kinds').then((list) => {
				const arr = Array.isArray(list) ? list : (list.kinds || list.items || []);
				const m = new Map();
				for (const k of arr) {
					k.byKey = new Map();
					for (const f of k.fields || []) {
						f.t = String(f.type || 'text').toLowerCase().replace(/^ft_/, '');
						k.byKey.set(f.key, f);
					}
					m.set(k.name, k);
				}
				return m;
			}).catch((e) => {
				kindsPromise = null;
				throw e;
			});
		}
		return kindsPromise;
	}

	async function kindOf(name) {
		const k = (await kinds()).get(name);
		if (!k) throw new ApiError(0, 'unknown_kind', `未知的数据类型：${name}`);
		return k;
	}

	function enumLabel(f, code) {
		if (!f || !f.values) return code;
		const v = f.values.find((x) => x.code === code || x.label === code);
		return v ? v.label : code;
	}

	let streetsPromise = null;

	/* The distinct streets of all projects (one request, cached until
	 * forgetStreets(): a new session, an import). */
	function streets() {
		if (!streetsPromise) {
			streetsPromise = api('/api/v1/projects', {per_page: 500, sort: 'street'}).then((r) =>
				[...new Set((r.items || []).map((x) => x.street).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN')))
				.catch((e) => {
					streetsPromise = null;
					throw e;
				});
		}
		return streetsPromise;
	}

	function forgetStreets() {
		streetsPromise = null;
	}

	/* The as-of date of the figures (the top bar's 数据日期): the URL's
	 * as_of= when it has one (app.js puts a picked date into every page's
	 * URL, so a link or Back shows the same figures), kept in localStorage;
	 * today in Shanghai when none was picked. */
	const state = {
		asOf() {
			return localStorage.getItem('anxin.as_of') || todayShanghai();
		},
		/* The picked date, or '' (today). */
		picked() {
			return localStorage.getItem('anxin.as_of') || '';
		},
		setAsOf(v) {
			if (v && v !== todayShanghai()) localStorage.setItem('anxin.as_of', v);
			else localStorage.removeItem('anxin.as_of');
		},
	};

	Object.assign(lib, {api, apiPost, session, loadMe, toLogin, kinds, kindOf, enumLabel, streets,
		forgetStreets, state});
})();
