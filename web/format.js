/*
 * format.js - how values read in the anxin web UI: money, numbers, months,
 * times. Money arrives from the API as a string of yuan and is formatted
 * through BigInt fen (toFen) - never float arithmetic, except yuanNumber()
 * for chart heights and pct() for percentages. Dates and times are shown in
 * Asia/Shanghai. DASH stands for a missing value. Pure functions: no DOM,
 * no requests.
 */
'use strict';

(() => {
	const lib = window.anxinLib;

	const DASH = '—';

	/* "1234.50" (or a JSON number) -> BigInt fen; null when empty/invalid. */
	function toFen(s) {
		if (s === null || s === undefined || s === '') return null;
		let t = String(s).trim();
		const neg = t.startsWith('-');
		if (neg || t.startsWith('+')) t = t.slice(1);
		const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
		if (!m || (m[1] === '' && !m[2])) return null;
		const v = BigInt(m[1] || '0') * 100n + BigInt(((m[2] || '') + '00').slice(0, 2));
		return neg ? -v : v;
	}

	function groupDigits(str) {
		return str.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	}

	/* BigInt fen -> "1,234.50". */
	function fenText(v) {
		const neg = v < 0n;
		const a = neg ? -v : v;
		const cents = String(a % 100n).padStart(2, '0');
		return (neg ? '-' : '') + groupDigits(String(a / 100n)) + '.' + cents;
	}

	/* Money string -> "¥1,234.50" (DASH when empty). */
	function money(s) {
		const v = toFen(s);
		return v === null ? DASH : '¥' + fenText(v);
	}

	/* Money string -> "123.46" in 万元 (rounded half up), for big KPI figures. */
	function wan(s) {
		const v = toFen(s);
		if (v === null) return DASH;
		const neg = v < 0n;
		const a = neg ? -v : v;
		const r = (a + 5000n) / 10000n; /* hundredths of 万元 */
		return (neg ? '-' : '') + groupDigits(String(r / 100n)) + '.' + String(r % 100n).padStart(2, '0');
	}

	/* Ratio of two money strings as "97.3%"; DASH when the base is 0. */
	function pct(part, whole) {
		const a = toFen(part), b = toFen(whole);
		if (a === null || b === null || b === 0n) return DASH;
		return (Number(a) * 100 / Number(b)).toFixed(1) + '%';
	}

	/* 发放率 of a wage row of the API (stats_wage_months: the warning rules'
	 * definitions): the share of the owed worker-months of due months
	 * paid in full, "97.3%"; DASH when none was due yet. The one
	 * paid-rate on screen (驾驶舱, a project's 工资发放). */
	function wageRate(row) {
		const due = Number((row && row.due_workers) || 0);
		if (!due) return DASH;
		return pct(String(due - Number(row.unpaid_workers || 0)), String(due));
	}

	/* Money string -> JS number of yuan, for chart heights only. */
	function yuanNumber(s) {
		const v = toFen(s);
		return v === null ? 0 : Number(v) / 100;
	}

	function num(n) {
		if (n === null || n === undefined || n === '') return DASH;
		const x = Number(n);
		if (!Number.isFinite(x)) return String(n);
		const [i, d] = String(Math.abs(x)).split('.');
		return (x < 0 ? '-' : '') + groupDigits(i) + (d ? '.' + d : '');
	}

	function todayShanghai() {
		return new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit'}).format(new Date());
	}

	function monthLabel(m) {
		const x = /^(\d{4})-(\d{2})$/.exec(m || '');
		return x ? `${x[1]}年${Number(x[2])}月` : (m || DASH);
	}

	function fmtTime(t) {
		if (!t) return DASH;
		return new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short'})
			.format(new Date(typeof t === 'number' ? t * 1000 : t));
	}

	Object.assign(lib, {DASH, toFen, money, wan, pct, wageRate, yuanNumber, num, todayShanghai, monthLabel, fmtTime});
})();
