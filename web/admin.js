/*
 * admin.js - 系统管理 for administrators and auditors: 用户管理
 * (#/admin/users: add, disable / enable, reset a password, unlock - new
 * passwords shown once), 接口令牌 (#/admin/tokens: tokens for banks and site
 * gates, shown once, revocable) and 审计日志 (#/admin/audit: filter, page,
 * verify the hash chain). 参数设置 is in warn.js.
 *
 * A page takes the router's ctx (see app.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, DASH, num, fmtTime, api, apiPost, banner, card, pageHead, formRow, setQuery, table} = lib;

	const ROLE_OPTIONS = [['admin', '区人社局管理员'], ['inspector', '监察员'], ['street', '街镇'],
		['enterprise', '企业'], ['leader', '领导']];

	/* A notice showing a secret once (a new password, a token). */
	function secretOnce(label, value, testid) {
		return h('div', {class: 'notice notice-ok secret', dataset: {testid}},
			label, h('code', {class: 'mono secret-value', dataset: {testid: testid + '-value'}}, value),
			h('div', {class: 'muted'}, '只显示这一次，请立即妥善转交；关闭页面后无法再次查看。'));
	}

	async function pageUsers(ctx) {
		const res = await api('/api/v1/users');
		if (!ctx.alive()) return;
		const out = h('div', {dataset: {testid: 'users-result'}});
		const act = async (u, action, label) => {
			try {
				const r = await apiPost(`/api/v1/users/${encodeURIComponent(u.username)}/${action}`);
				await pageUsers(ctx);
				if (r.password) ctx.main.prepend(secretOnce(`${u.username} 的新密码：`, r.password, 'new-password'));
				else banner.hide();
			} catch (e) {
				banner.show(`${label}失败：${e.message}`);
			}
		};
		const rows = (res.items || []).map((u) => Object.assign({}, u));
		const tbl = table({
			columns: [
				{key: 'username', label: '用户名', render: (u) => h('span', {class: 'mono'}, u.username)},
				{key: 'name', label: '姓名', render: (u) => u.name || DASH},
				{key: 'role', label: '角色', render: (u) => u.role_zh},
				{key: 'scope', label: '街镇 / 企业', render: (u) => u.street || u.uscc || '全区'},
				{key: 'status', label: '状态', render: (u) => u.disabled ? h('span', {class: 'badge b-suspended'}, '已停用')
					: u.locked ? h('span', {class: 'badge b-suspended'}, '已锁定') : u.must_change ? h('span', {class: 'badge b-planned'}, '待改密')
						: h('span', {class: 'badge b-active'}, '正常')},
				{key: 'last_login', label: '最近登录', render: (u) => fmtTime(u.last_login)},
				{key: 'ops', label: '操作', render: (u) => h('span', {class: 'btns'},
					u.disabled ? h('button', {type: 'button', class: 'btn btn-small', onclick: () => act(u, 'enable', '启用')}, '启用')
						: h('button', {type: 'button', class: 'btn btn-small', onclick: () => act(u, 'disable', '停用')}, '停用'),
					h('button', {type: 'button', class: 'btn btn-small', onclick: () => act(u, 'reset-password', '重置密码')}, '重置密码'),
					u.locked ? h('button', {type: 'button', class: 'btn btn-small', onclick: () => act(u, 'unlock', '解锁')}, '解锁') : null)},
			],
			rows, testid: 'users-table',
		});
		const f = {
			username: h('input', {class: 'input', name: 'username', required: true}),
			name: h('input', {class: 'input', name: 'name'}),
			role: h('select', {class: 'input', name: 'role'}, ROLE_OPTIONS.map(([v, l]) => h('option', {value: v}, l))),
			street: h('input', {class: 'input', name: 'street', placeholder: '街镇角色必填，如 新港街道'}),
			uscc: h('input', {class: 'input', name: 'uscc', placeholder: '企业角色必填：统一社会信用代码'}),
		};
		const sync = () => {
			f.street.closest('.form-row').hidden = f.role.value !== 'street';
			f.uscc.closest('.form-row').hidden = f.role.value !== 'enterprise';
		};
		f.role.addEventListener('change', sync);
		const form = h('form', {class: 'import-form', dataset: {testid: 'user-add'}, onsubmit: async (ev) => {
			ev.preventDefault();
			try {
				const r = await apiPost('/api/v1/users', {username: f.username.value.trim(), name: f.name.value.trim(), role: f.role.value,
					street: f.role.value === 'street' ? f.street.value.trim() : '', uscc: f.role.value === 'enterprise' ? f.uscc.value.trim() : ''});
				await pageUsers(ctx);
				ctx.main.prepend(secretOnce(`已添加用户 ${r.user.username}，初始密码：`, r.password, 'new-password'));
			} catch (e) {
				clear(out).append(h('div', {class: 'notice notice-error'}, '添加失败：', e.message));
			}
		}},
		formRow('用户名', f.username), formRow('姓名', f.name), formRow('角色', f.role), formRow('所属街镇', f.street), formRow('企业信用代码', f.uscc),
		h('div', {class: 'form-row'}, h('label', null, ''), h('button', {type: 'submit', class: 'btn btn-primary'}, '添加用户')),
		h('p', {class: 'muted'}, '系统生成初始密码（只显示一次），用户首次登录时必须修改。'));
		sync();
		clear(ctx.main).append(pageHead('用户管理', `共 ${num(rows.length)} 个账户`), card(null, tbl), card('添加用户', [form, out]));
	}

	async function pageTokens(ctx) {
		const res = await api('/api/v1/tokens');
		if (!ctx.alive()) return;
		const out = h('div');
		const tbl = table({
			columns: [
				{key: 'id', label: '编号', num: true, render: (t) => String(t.id)},
				{key: 'name', label: '名称', render: (t) => t.name},
				{key: 'prefix', label: '前缀', render: (t) => h('span', {class: 'mono'}, t.prefix + '…')},
				{key: 'scope', label: '范围', render: (t) => t.bank_code ? `银行 ${t.bank_code}` : `企业 ${t.uscc}`},
				{key: 'kinds', label: '可写入', render: (t) => t.kinds},
				{key: 'last_used', label: '最近使用', render: (t) => fmtTime(t.last_used)},
				{key: 'state', label: '状态', render: (t) => t.revoked ? h('span', {class: 'badge b-suspended'}, '已吊销') : h('span', {class: 'badge b-active'}, '有效')},
				{key: 'ops', label: '操作', render: (t) => t.revoked ? DASH : h('button', {type: 'button', class: 'btn btn-small', onclick: async () => {
					try {
						await apiPost(`/api/v1/tokens/${t.id}/revoke`);
						await pageTokens(ctx);
					} catch (e) {
						banner.show('吊销失败：' + e.message);
					}
				}}, '吊销')},
			],
			rows: res.items || [], testid: 'tokens-table',
		});
		const f = {
			name: h('input', {class: 'input', name: 'name', required: true, placeholder: '如 icbc-binhai'}),
			type: h('select', {class: 'input', name: 'type'}, h('option', {value: 'bank'}, '银行'), h('option', {value: 'enterprise'}, '企业（如工地闸机）')),
			scope: h('input', {class: 'input', name: 'scope', required: true, placeholder: '银行代码（如 ICBC）或统一社会信用代码'}),
			kinds: h('input', {class: 'input', name: 'kinds', value: 'transactions', placeholder: 'transactions 或 attendance,payroll'}),
		};
		const form = h('form', {class: 'import-form', onsubmit: async (ev) => {
			ev.preventDefault();
			const bank = f.type.value === 'bank';
			try {
				const r = await apiPost('/api/v1/tokens', {name: f.name.value.trim(), bank_code: bank ? f.scope.value.trim() : '',
					uscc: bank ? '' : f.scope.value.trim(), kinds: f.kinds.value.trim()});
				await pageTokens(ctx);
				ctx.main.prepend(secretOnce(`令牌 ${r.token.name}：`, r.value, 'new-token'));
			} catch (e) {
				clear(out).append(h('div', {class: 'notice notice-error'}, '创建失败：', e.message));
			}
		}},
		formRow('名称', f.name), formRow('类型', f.type), formRow('范围', f.scope), formRow('可写入数据', f.kinds),
		h('div', {class: 'form-row'}, h('label', null, ''), h('button', {type: 'submit', class: 'btn btn-primary'}, '创建令牌')),
		h('p', {class: 'muted'}, '令牌只显示一次；系统只保存其哈希。调用方式：Authorization: Bearer anx_…'));
		clear(ctx.main).append(pageHead('接口令牌', '银行、工地闸机等系统推送数据所用的令牌'), card(null, tbl), card('创建令牌', [form, out]));
	}

	/* before -> after of an audit row as labelled changes (issue 8): one
	 * line per field whose value differs, "字段：旧 → 新", labels from the
	 * record kind's fields (GET /api/v1/kinds) or the server's label tables
	 * (labels.fields / labels.values of GET /api/v1/audit); never raw JSON. */
	/* Keys of before/after whose values are codes (audit.c AUDIT_VALUES). */
	const CODED_KEYS = new Set(['role', 'status', 'level', 'result', 'format', 'header', 'form']);

	function auditDiff(x, labels, kindsMap) {
		const parse = (t) => {
			if (!t) return {};
			try {
				const v = JSON.parse(t);
				return v && typeof v === 'object' && !Array.isArray(v) ? v : {value: v};
			} catch (_) {
				return {value: t};
			}
		};
		const before = parse(x.before), after = parse(x.after);
		const k = kindsMap && kindsMap.get(x.object_kind);
		const label = (key) => {
			const f = k && k.byKey.get(key);
			if (f) return f.zh;
			if (x.object_kind === 'params' && key === x.object_key) return '参数值';
			return labels.fields[key] || key;
		};
		const show = (key, v) => {
			if (v === null || v === undefined || v === '') return '空';
			if (typeof v === 'object') return Array.isArray(v) ? v.map((e) => show(key, e)).join('、') : Object.entries(v).map(([a, b]) => `${label(a)} ${show(a, b)}`).join('，');
			const f = k && k.byKey.get(key);
			if (f) {
				const d = lib.fieldValue(f, v, null, null);
				return typeof d === 'string' ? d : d.textContent;
			}
			const coded = typeof v === 'boolean' || CODED_KEYS.has(key);
			return (coded && labels.values[String(v)]) || String(v);
		};
		/* what after says (before's other keys are context, not changes) */
		const keys = Object.keys(after).length ? Object.keys(after) : Object.keys(before);
		const lines = [];
		for (const key of keys) {
			const a = before[key], b = after[key];
			if (JSON.stringify(a) === JSON.stringify(b)) continue;
			lines.push(h('div', {class: 'diff-line'}, h('b', null, label(key) + '：'),
				key in before ? [h('span', {class: 'diff-old'}, show(key, a)), ' → '] : null,
				h('span', {class: 'diff-new'}, show(key, b))));
		}
		return lines.length ? h('div', {class: 'audit-diff', dataset: {testid: 'audit-diff'}}, lines) : DASH;
	}

	async function pageAudit(ctx) {
		const q = ctx.query;
		const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
		const params = {page, per_page: 50};
		for (const k of ['actor', 'action', 'since', 'until']) if (q.get(k)) params[k] = q.get(k);
		const [res, kindsMap] = await Promise.all([api('/api/v1/audit', params), lib.kinds().catch(() => null)]);
		if (!ctx.alive()) return;
		const labels = Object.assign({actions: {}, objects: {}, fields: {}, values: {}}, res.labels || {});
		const nav = (mut) => setQuery('#/admin/audit', q, mut);
		const f = {
			actor: h('input', {class: 'input', name: 'actor', placeholder: '操作人', value: q.get('actor') || ''}),
			action: h('select', {class: 'input', name: 'action'}, h('option', {value: ''}, '全部操作'),
				Object.entries(labels.actions).map(([a, zh]) => h('option', {value: a, selected: q.get('action') === a}, zh))),
			since: lib.dateField({name: 'since', 'aria-label': '起始日期', 'data-label': '起始日期', value: q.get('since') || ''}),
			until: lib.dateField({name: 'until', 'aria-label': '截止日期', 'data-label': '截止日期', value: q.get('until') || ''}),
		};
		const form = h('form', {class: 'toolbar', onsubmit: (ev) => {
			ev.preventDefault();
			nav((n) => {
				for (const [k, box] of Object.entries(f)) {
					const el = box.matches('input,select') ? box : box.querySelector('input');
					if (el.value) n.set(k, el.value.trim());
					else n.delete(k);
				}
				n.delete('page');
			});
		}}, f.actor, f.action, f.since, ' 至 ', f.until, h('button', {type: 'submit', class: 'btn btn-primary'}, '筛选'));
		const verifyOut = h('span', {class: 'verify-result', dataset: {testid: 'verify-result'}});
		const verify = h('button', {type: 'button', class: 'btn', onclick: async () => {
			clear(verifyOut).append('校验中…');
			try {
				const v = await api('/api/v1/audit/verify');
				clear(verifyOut).append(v.ok
					? h('span', {class: 'badge b-active'}, `校验通过：共 ${num(v.rows)} 条，链尾 ${String(v.head).slice(0, 16)}…`)
					: h('span', {class: 'badge b-suspended'}, `校验失败：第 ${v.bad_seq} 条 — ${v.reason}`));
			} catch (e) {
				clear(verifyOut).append(e.message);
			}
		}}, '校验日志链');
		const tbl = table({
			columns: [
				{key: 'seq', label: '序号', num: true, render: (x) => String(x.seq)},
				{key: 'time', label: '时间', render: (x) => fmtTime(x.time)},
				{key: 'actor', label: '操作人', render: (x) => h('span', {title: x.actor}, x.actor_name || x.actor)},
				{key: 'role', label: '角色', render: (x) => x.role_zh || x.role || DASH},
				{key: 'address', label: '来源地址', render: (x) => x.address || DASH},
				{key: 'action', label: '操作', render: (x) => x.action_zh || x.action},
				{key: 'object', label: '对象', render: (x) => [x.object_zh || x.object_kind, x.object_key].filter(Boolean).join(' ') || DASH},
				{key: 'after', label: '变更内容', wrap: true, render: (x) => auditDiff(x, labels, kindsMap)},
			],
			rows: res.items || [], testid: 'audit-table',
		});
		const pg = h('div', {class: 'pager'},
			h('button', {type: 'button', class: 'btn', disabled: page <= 1, onclick: () => nav((n) => n.set('page', page - 1))}, '‹ 上一页'),
			h('span', {class: 'pager-page'}, `第 ${page} 页`),
			h('button', {type: 'button', class: 'btn', disabled: !res.more, onclick: () => nav((n) => n.set('page', page + 1))}, '下一页 ›'));
		clear(ctx.main).append(pageHead('审计日志', '所有变更与特权读取（显示完整信息、未脱敏导出）均记录在哈希链中', [verify, verifyOut]),
			card(null, [form, tbl, pg]));
	}
	Object.assign(lib.pages, {users: pageUsers, tokens: pageTokens, audit: pageAudit});
})();
