/*
 * login.js - 登录 (#/login?next=…: log in, then go where the user was
 * heading, or to 修改密码 when the password must change) and 修改密码
 * (#/password: forced after first log-in or a reset). Error messages are the
 * server's (wrong password, locked, throttled, disabled, weak password).
 *
 * A page takes the router's ctx (see app.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, apiPost, session, loadMe, card, formRow} = lib;

	function pageLogin(ctx) {
		const next = ctx.query.get('next') || '/';
		const user = h('input', {class: 'input', name: 'username', autocomplete: 'username', required: true});
		const pw = h('input', {class: 'input', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
		const msg = h('div', {class: 'notice notice-error', role: 'alert', dataset: {testid: 'login-error'}});
		msg.hidden = true;
		const submit = h('button', {type: 'submit', class: 'btn btn-primary'}, '登录');
		const form = h('form', {class: 'login-form', dataset: {testid: 'login-form'}, onsubmit: async (ev) => {
			ev.preventDefault();
			msg.hidden = true;
			submit.disabled = true;
			try {
				await apiPost('/api/v1/login', {username: user.value.trim(), password: pw.value});
				pw.value = '';
				await loadMe();
				location.hash = '#' + (session.me && session.me.must_change ? '/password' : (/^\/(login|password)/.test(next) ? '/' : next));
			} catch (e) {
				/* 401 wrong name or password, 429 slowed (Retry-After),
				 * 403 disabled: the server's message says which. */
				msg.textContent = e.message;
				msg.dataset.status = String(e.status);
				msg.hidden = false;
				pw.value = '';
				pw.focus();
			} finally {
				submit.disabled = false;
			}
		}},
		h('h1', null, '登录'),
		h('p', {class: 'muted'}, '滨海新区农民工工资支付监控预警平台'),
		msg,
		formRow('用户名', user),
		formRow('密码', pw),
		h('div', {class: 'form-row'}, h('label', null, ''), submit));
		clear(ctx.main).append(h('div', {class: 'login-wrap'}, card(null, form)));
		user.focus();
	}

	function pagePassword(ctx) {
		const forced = !!(session.me && session.me.must_change);
		const old = h('input', {class: 'input', name: 'old', type: 'password', autocomplete: 'current-password', required: true});
		const pw1 = h('input', {class: 'input', name: 'new', type: 'password', autocomplete: 'new-password', required: true});
		const pw2 = h('input', {class: 'input', name: 'confirm', type: 'password', autocomplete: 'new-password', required: true});
		const msg = h('div', {class: 'notice notice-error', role: 'alert', dataset: {testid: 'password-error'}});
		msg.hidden = true;
		const form = h('form', {class: 'login-form', onsubmit: async (ev) => {
			ev.preventDefault();
			msg.hidden = true;
			if (pw1.value !== pw2.value) {
				msg.textContent = '两次输入的新密码不一致';
				msg.hidden = false;
				return;
			}
			try {
				await apiPost('/api/v1/password', {old: old.value, new: pw1.value});
				await loadMe(); /* a new session and CSRF token */
				location.hash = '#/';
			} catch (e) {
				msg.textContent = e.message;
				msg.hidden = false;
			}
		}},
		h('h1', null, '修改密码'),
		forced ? h('div', {class: 'notice notice-warn'}, '首次登录或密码已被重置：请先设置新密码。') : null,
		h('p', {class: 'muted'}, '至少10个字符，包含大写字母、小写字母、数字、符号中的三类，且不含用户名。'),
		msg,
		formRow('原密码', old),
		formRow('新密码', pw1),
		formRow('确认新密码', pw2),
		h('div', {class: 'form-row'}, h('label', null, ''), h('button', {type: 'submit', class: 'btn btn-primary'}, '保存新密码')));
		clear(ctx.main).append(h('div', {class: 'login-wrap'}, card(null, form)));
	}
	Object.assign(lib.pages, {login: pageLogin, password: pagePassword});
})();
