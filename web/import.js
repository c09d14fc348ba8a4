/*
 * import.js - 数据导入 (#/import): upload a CSV or XLSX file of a kind (or
 * let the server recognise it), show the report - counts when it went in,
 * the list of errors when any row failed (then nothing is imported) - and
 * per kind a header-only CSV template and the export links.
 *
 * A page takes the router's ctx (see app.js).
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h, clear, DASH, num, api, kinds, forgetStreets, banner, card, pageHead, facts, exportLinks,
		table} = lib;

	/* The import template of kind k from the server: XLSX with the header
	 * row and a 填写说明 sheet (type, required, allowed values). */
	function templateLink(k) {
		return h('a', {class: 'btn btn-small', href: `/api/v1/template/${k.name}?format=xlsx`, download: '',
			dataset: {template: k.name}}, 'Excel 模板');
	}

	function contentType(name) {
		if (/\.xlsx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
		if (/\.csv$/i.test(name)) return 'text/csv';
		return 'application/octet-stream';
	}

	async function pageImport(ctx) {
		const all = await kinds();
		if (!ctx.alive()) return;
		const list = [...all.values()];
		const kindSel = h('select', {class: 'input', name: 'kind', 'aria-label': '数据类型'},
			h('option', {value: 'auto'}, '自动识别'),
			list.map((k) => h('option', {value: k.name}, k.zh)));
		/* the project's file button (Chinese, shows the chosen name), not the browser's */
		const fileBox = lib.fileField({name: 'file', required: true, accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'});
		const file = fileBox.querySelector('input');
		const ignore = h('input', {type: 'checkbox', name: 'ignore_unknown'});
		const submit = h('button', {type: 'submit', class: 'btn btn-primary'}, '上传并导入');
		const result = h('div', {class: 'import-result', dataset: {testid: 'import-result'}});
		const resultCard = card('导入结果', result);
		resultCard.hidden = true;

		const form = h('form', {class: 'import-form', onsubmit: async (ev) => {
			ev.preventDefault();
			banner.hide();
			const f = file.files && file.files[0];
			if (!f) {
				resultCard.hidden = false;
				clear(result).append(h('div', {class: 'notice notice-warn'}, '请先选择要导入的文件（CSV 或 XLSX）。'));
				return;
			}
			submit.disabled = true;
			resultCard.hidden = false;
			clear(result).append(h('div', {class: 'loading'}, `正在导入 ${f.name} …`));
			try {
				const body = await f.arrayBuffer();
				const rep = await api(`/api/v1/import/${kindSel.value}`, {filename: f.name, ignore_unknown: ignore.checked ? 1 : ''},
					{method: 'POST', body, headers: {'Content-Type': contentType(f.name), Accept: 'application/json'}}, [422]);
				if (!ctx.alive()) return;
				clear(result).append(importReport(rep, all, f.name));
				if (rep.ok) forgetStreets();
			} catch (e) {
				clear(result).append(h('div', {class: 'notice notice-error'}, '导入失败：', e.message));
				banner.show(e.message);
			} finally {
				submit.disabled = false;
			}
		}},
		h('div', {class: 'form-row'}, h('label', null, '数据类型'), kindSel),
		lib.formRow('文件', fileBox),
		h('div', {class: 'form-row'}, h('label', null, ''), h('label', {class: 'check'}, ignore, ' 忽略无法识别的列')),
		h('div', {class: 'form-row'}, h('label', null, ''), submit),
		h('p', {class: 'muted'}, '支持 CSV（UTF-8 或 GB18030 编码）与 Excel XLSX。整份文件逐行校验：只要有一行出错，将不导入任何数据，请按错误清单修改后重新上传。'));

		const kindTable = table({
			columns: [
				{key: 'zh', label: '数据类型', render: (k) => k.zh},
								{key: 'fields', label: '字段数', num: true, render: (k) => num(k.fields.filter((f) => !f.derived).length)},
				{key: 'dl', label: '下载', render: (k) => h('span', {class: 'btns'}, templateLink(k), exportLinks(k.name, 'btn btn-small'))},
			],
			rows: list, testid: 'import-kinds',
		});
		clear(ctx.main).append(
			pageHead('数据导入', '按《数据交换标准》导入企业、项目、实名制、考勤、工资、专用账户与保证金数据'),
			h('div', {class: 'grid-2 grid-import'}, card('上传文件', form), card('模板与导出', kindTable)),
			resultCard);
		/* Results appear below the form: bring them into view. */
		new MutationObserver(() => {
			if (!resultCard.hidden) resultCard.scrollIntoView({block: 'nearest'});
		}).observe(result, {childList: true});
	}

	/* The Chinese name of an error's field: the kind's header (the file's
	 * own header when the column was named in English). */
	function fieldZh(k, e) {
		if (!e.field) return DASH;
		const f = k && k.byKey.get(e.field);
		return f ? f.zh : (e.header || '—');
	}

	function importReport(rep, all, fileName) {
		const k = all.get(rep.kind);
		const kz = k ? k.zh : rep.kind || '';
		const meta = facts([
			['数据类型', kz],
			['文件', rep.file || fileName],
			['编码', rep.encoding || DASH],
			['数据行数', num(rep.rows)],
		]);
		if (rep.ok) {
			return h('div', {class: 'report report-ok', dataset: {testid: 'import-ok'}},
				h('div', {class: 'notice notice-ok'}, `导入成功：共 ${num(rep.rows)} 行，新增 ${num(rep.inserted)}，更新 ${num(rep.updated)}，未变 ${num(rep.unchanged)}。`),
				meta);
		}
		const errs = rep.errors || (rep.error && rep.error.errors) || [];
		const count = rep.error_count !== undefined ? rep.error_count : errs.length;
		return h('div', {class: 'report report-bad', dataset: {testid: 'import-errors'}},
			h('div', {class: 'notice notice-error'},
				h('b', null, `发现 ${num(count)} 处错误，未导入任何数据。`),
				rep.truncated || count > errs.length ? ` 以下列出前 ${num(errs.length)} 处。` : '',
				errs.length ? '' : ' ' + ((rep.error && rep.error.message) || '')),
			meta,
			table({
				columns: [
					{key: 'row', label: '行', num: true, render: (e) => e.row ? String(e.row) : '整个文件'},
					{key: 'column', label: '列', render: (e) => e.column || DASH},
					{key: 'header', label: '表头', render: (e) => e.header || DASH},
					/* the field's Chinese name, never its key (issue 8) */
					{key: 'field', label: '字段', render: (e) => fieldZh(k, e)},
					{key: 'value', label: '值', render: (e) => e.value ? h('span', {class: 'mono'}, e.value) : DASH},
					{key: 'reason', label: '原因', wrap: true, render: (e) => e.reason || DASH},
				],
				rows: errs, testid: 'import-error-table',
			}));
	}
	Object.assign(lib.pages, {import: pageImport});
})();
