/*
 * report.js - the script of the workers' public page (web/report.html,
 * GET /report; issue 11): file a wage-arrears clue without an account and
 * later see its progress with number + query code. Standalone (the
 * officers' UI and its anxinLib are not loaded here): a few lines of DOM
 * with textContent only, never innerHTML.
 *
 * Filing: GET /api/v1/public/form gives a signed form token, which a
 * filing must carry no sooner than 3 s and no later than 2 h after it was
 * issued (the server's guard against scripted filing, with the honeypot
 * field `website` that a person never sees); the page waits out the 3 s
 * itself when someone is quicker, and fetches a fresh token when the old
 * one is older than 1 h 50 min. Then POST /api/v1/public/clues, and each
 * photo (JPEG/PNG, <= 5 MiB, at most 3) raw to .../{number}/photos?code=.
 * The number and the query code are shown once, with the advice to keep
 * them. Query: POST /api/v1/public/clues/{number}/status {code}; a wrong
 * code and an unknown number answer alike (404).
 *
 * Checks in the browser are for the worker's convenience (the server
 * checks all of them again): required fields, the GB 11643 check digit of
 * the ID number, an 11-digit mobile number, a money amount, photo sizes.
 */
'use strict';

(() => {
	const MAX_PHOTO = 5 * 1024 * 1024;
	const MAX_PHOTOS = 3;
	const TOKEN_MIN_MS = 3000;
	const TOKEN_MAX_MS = 110 * 60 * 1000;

	const $ = (id) => document.getElementById(id);
	let token = null;
	let tokenAt = 0;
	let photos = [];

	/* GB 11643: 17 digits, then the check character of the weighted sum. */
	function idNumberOk(s) {
		if (!/^\d{17}[\dX]$/.test(s)) return false;
		const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
		let sum = 0;
		for (let i = 0; i < 17; i++) sum += Number(s[i]) * w[i];
		return '10X98765432'[sum % 11] === s[17];
	}

	/* fetch + JSON; rejects with an Error whose message is the server's
	 * Chinese message (or a fallback) and .status the HTTP status. */
	async function call(path, init) {
		let res;
		try {
			res = await fetch(path, Object.assign({credentials: 'omit', headers: {Accept: 'application/json'}}, init || {}));
		} catch (_) {
			throw Object.assign(new Error('网络连接失败，请检查网络后重试'), {status: 0});
		}
		let body = null;
		try {
			body = await res.json();
		} catch (_) {
			body = null;
		}
		if (!res.ok) {
			const e = body && body.error;
			const msg = res.status === 429 ? '提交太频繁，请稍后再试' : (e && e.message) || `提交失败（${res.status}），请稍后重试`;
			throw Object.assign(new Error(msg), {status: res.status, code: e && e.code});
		}
		return body;
	}

	async function fetchToken() {
		const r = await call('/api/v1/public/form');
		token = r.token;
		tokenAt = Date.now();
	}

	const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

	/* A usable token: fetched if missing or nearly expired, and at least
	 * TOKEN_MIN_MS old. */
	async function readyToken() {
		if (!token || Date.now() - tokenAt > TOKEN_MAX_MS) await fetchToken();
		const wait = TOKEN_MIN_MS + 200 - (Date.now() - tokenAt);
		if (wait > 0) await sleep(wait);
		return token;
	}

	/* ---- tabs: #file (default) and #query ------------------------------ */

	function showTab() {
		const tab = location.hash === '#query' ? 'query' : 'file';
		for (const a of document.querySelectorAll('.r-tab')) {
			const on = a.dataset.tab === tab;
			a.classList.toggle('active', on);
			a.setAttribute('aria-selected', on ? 'true' : 'false');
		}
		for (const p of document.querySelectorAll('.r-panel')) p.hidden = p.dataset.panel !== tab;
		document.body.dataset.tab = tab;
	}

	/* ---- field messages ------------------------------------------------- */

	function fieldMsg(input, msg) {
		const holder = input.closest('.r-field') || input.parentNode;
		let box = holder.querySelector('.r-field-error');
		if (!box) {
			box = document.createElement('div');
			box.className = 'r-field-error';
			box.setAttribute('role', 'alert');
			holder.append(box);
		}
		box.textContent = msg || '';
		box.hidden = !msg;
		if (msg) input.setAttribute('aria-invalid', 'true');
		else input.removeAttribute('aria-invalid');
	}

	function labelOf(input) {
		const f = input.closest('.r-field');
		const s = f && f.querySelector('span');
		return s ? s.firstChild.textContent.trim() : (input.placeholder || '此项');
	}

	/* Checks the filing form; returns the first bad field or null. */
	function checkFileForm(form) {
		let first = null;
		const bad = (el, msg) => {
			fieldMsg(el, msg);
			if (msg && !first) first = el;
		};
		for (const el of form.querySelectorAll('input:not([type=file]):not([name=website]),textarea')) {
			const v = el.value.trim();
			if (el.required && !v) bad(el, '请填写' + labelOf(el));
			else fieldMsg(el, null);
		}
		const id = form.reporter_id_number;
		const idv = id.value.trim().toUpperCase();
		if (idv && !/^\d{17}[\dX]$/.test(idv)) bad(id, '身份证号应为 18 位（末位可为 X）');
		else if (idv && !idNumberOk(idv)) bad(id, '身份证号有误（校验位不对），请核对');
		const ph = form.reporter_phone;
		if (ph.value.trim() && !/^1\d{10}$/.test(ph.value.trim())) bad(ph, '请填写 11 位手机号');
		const wc = form.workers_claimed;
		if (wc.value.trim() && !/^[1-9]\d{0,5}$/.test(wc.value.trim())) bad(wc, '请填写人数（正整数）');
		const am = form.amount_claimed;
		if (am.value.trim() && !/^\d{1,11}(\.\d{1,2})?$/.test(am.value.trim())) bad(am, '请填写金额（元），如 12000 或 12000.50');
		if (!form.project_name.value.trim() && !form.site_address.value.trim()) bad(form.site_address, '项目名称和工地地址至少填一项');
		for (const row of document.querySelectorAll('.r-worker')) {
			const [n, i] = row.querySelectorAll('input');
			const iv = i.value.trim().toUpperCase();
			if (!n.value.trim() && iv) bad(n, '请填写工友姓名');
			if (iv && !idNumberOk(iv)) bad(i, '身份证号有误，请核对');
		}
		if (photos.length > MAX_PHOTOS) bad($('photos'), `最多 ${MAX_PHOTOS} 张照片`);
		if (photos.some((p) => p.size > MAX_PHOTO)) bad($('photos'), '每张照片不超过 5 MB，请换一张或压缩后再选');
		if (photos.some((p) => !/^image\/(jpeg|png)$/.test(p.type))) bad($('photos'), '只能上传 JPG 或 PNG 照片');
		return first;
	}

	/* ---- workers and photos ----------------------------------------------- */

	function addWorker() {
		const rows = document.querySelectorAll('.r-worker');
		if (rows.length >= 49) return;
		const row = document.createElement('div');
		row.className = 'r-worker r-field';
		const mk = (name, ph, mode, max) => {
			const i = document.createElement('input');
			i.name = name;
			i.placeholder = ph;
			i.maxLength = max;
			if (mode) i.inputMode = mode;
			i.setAttribute('aria-label', ph);
			return i;
		};
		const del = document.createElement('button');
		del.type = 'button';
		del.className = 'r-btn r-btn-light r-del';
		del.textContent = '删除';
		del.addEventListener('click', () => row.remove());
		row.append(mk('w_name', '工友姓名', null, 50), mk('w_id', '工友身份证号(可不填)', 'text', 18), mk('w_phone', '工友手机号(可不填)', 'tel', 11), del);
		$('workers').append(row);
		row.querySelector('input').focus();
	}

	function showPhotos() {
		const list = $('photo-list');
		list.textContent = '';
		for (const p of photos) {
			const li = document.createElement('li');
			const kb = Math.max(1, Math.round(p.size / 1024));
			li.textContent = `${p.name}（${kb >= 1024 ? (kb / 1024).toFixed(1) + ' MB' : kb + ' KB'}）`;
			if (p.size > MAX_PHOTO) li.className = 'r-bad';
			list.append(li);
		}
		fieldMsg($('photos'), photos.length > MAX_PHOTOS ? `最多 ${MAX_PHOTOS} 张照片，已选 ${photos.length} 张`
			: photos.some((p) => p.size > MAX_PHOTO) ? '每张照片不超过 5 MB，请换一张或压缩后再选' : null);
	}

	/* ---- filing ------------------------------------------------------------ */

	async function submitFile(e) {
		e.preventDefault();
		const form = e.target;
		const err = $('file-error');
		err.hidden = true;
		const first = checkFileForm(form);
		if (first) {
			first.focus();
			return;
		}
		const btn = $('file-submit');
		btn.disabled = true;
		btn.textContent = '正在提交…';
		const v = (n) => form[n].value.trim();
		const body = {
			reporter_name: v('reporter_name'), reporter_id_number: v('reporter_id_number').toUpperCase(),
			reporter_phone: v('reporter_phone'), employer_name: v('employer_name'), project_name: v('project_name'),
			site_address: v('site_address'), workers_claimed: v('workers_claimed'), amount_claimed: v('amount_claimed'),
			description: v('description'), website: form.website.value,
			workers: [...document.querySelectorAll('.r-worker')].map((row) => {
				const [n, i, p] = row.querySelectorAll('input');
				return {name: n.value.trim(), id_number: i.value.trim().toUpperCase(), phone: p.value.trim()};
			}).filter((w) => w.name),
		};
		try {
			body.token = await readyToken();
			let r;
			try {
				r = await call('/api/v1/public/clues', {method: 'POST', headers: {'Content-Type': 'application/json', Accept: 'application/json'},
					body: JSON.stringify(body)});
			} finally {
				/* a token is used once: the next filing gets a fresh one */
				token = null;
			}
			let sent = 0;
			const failed = [];
			for (const p of photos.slice(0, MAX_PHOTOS)) {
				try {
					await call(`/api/v1/public/clues/${encodeURIComponent(r.number)}/photos?code=${encodeURIComponent(r.query_code)}`,
						{method: 'POST', headers: {'Content-Type': p.type, Accept: 'application/json'}, body: p});
					sent++;
				} catch (ex) {
					failed.push(`${p.name}：${ex.message}`);
				}
			}
			$('filed-number').textContent = r.number;
			$('filed-code').textContent = r.query_code;
			$('filed-date').textContent = r.received_date || '';
			$('filed-photos').textContent = photos.length ? `已上传照片 ${sent} 张` + (failed.length ? `；未上传：${failed.join('；')}` : '') : '';
			$('filed-photos').hidden = !photos.length;
			/* the query form is ready for this clue */
			const qf = $('query-form');
			qf.number.value = r.number;
			qf.code.value = r.query_code;
			form.hidden = true;
			document.querySelector('.r-intro').hidden = true;
			$('filed').hidden = false;
			$('filed').scrollIntoView();
		} catch (ex) {
			err.textContent = ex.message;
			err.hidden = false;
			if (ex.code === 'invalid' || ex.status === 422) fetchToken().catch(() => {});
		} finally {
			btn.disabled = false;
			btn.textContent = '提交';
		}
	}

	/* ---- query ------------------------------------------------------------- */

	async function submitQuery(e) {
		e.preventDefault();
		const form = e.target;
		const err = $('query-error');
		err.hidden = true;
		$('status').hidden = true;
		let first = null;
		for (const el of [form.number, form.code]) {
			const msg = el.value.trim() ? null : '请填写' + labelOf(el);
			fieldMsg(el, msg);
			if (msg && !first) first = el;
		}
		if (first) {
			first.focus();
			return;
		}
		const number = form.number.value.trim().toUpperCase();
		try {
			const r = await call(`/api/v1/public/clues/${encodeURIComponent(number)}/status`, {method: 'POST',
				headers: {'Content-Type': 'application/json', Accept: 'application/json'},
				body: JSON.stringify({code: form.code.value.trim().toUpperCase()})});
			$('st-number').textContent = r.number;
			$('st-state').textContent = r.state_zh || r.state;
			$('st-state').className = 'r-state' + (r.concluded ? ' r-state-done' : '');
			$('st-received').textContent = r.received_date || '—';
			$('st-updated').textContent = r.updated || '—';
			/* a passed review is said in words (state_zh is the short form) */
			$('st-done').hidden = r.state !== 'passed';
			$('st-merged').hidden = !r.merged_into;
			$('st-merged').textContent = r.merged_into ? `您反映的问题已与线索 ${r.merged_into} 合并办理。` : '';
			$('st-reply-box').hidden = !r.reply;
			$('st-reply').textContent = r.reply || '';
			$('st-wait').hidden = !!r.reply || !!r.concluded;
			$('status').hidden = false;
		} catch (ex) {
			err.textContent = ex.status === 404 ? '没有查到：请核对线索编号和查询码' : ex.message;
			err.hidden = false;
		}
	}

	function init() {
		window.addEventListener('hashchange', showTab);
		showTab();
		$('file-form').addEventListener('submit', submitFile);
		$('query-form').addEventListener('submit', submitQuery);
		$('add-worker').addEventListener('click', addWorker);
		$('photos').addEventListener('change', (e) => {
			photos = [...e.target.files];
			showPhotos();
		});
		document.addEventListener('input', (e) => {
			if (e.target.getAttribute && e.target.getAttribute('aria-invalid') === 'true') fieldMsg(e.target, null);
		});
		/* the token is fetched at once: by the time a person has typed the
		 * form, it is old enough */
		fetchToken().catch(() => {});
		document.body.dataset.ready = '1';
	}

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
	else init();
})();
