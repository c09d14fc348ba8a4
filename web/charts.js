/*
 * charts.js - ECharts (the global `echarts`, loaded by index.html first) for
 * the anxin web UI: charts.make() creates a chart in a box with the house
 * defaults, keeps it to resize with its container and to dispose of when
 * the route changes. Tooltips are drawn on the canvas (renderMode
 * richText), not as HTML with style attributes, which the CSP refuses.
 */
'use strict';

(() => {
	const lib = window.anxinLib;
	const {h} = lib;

	/* ECharts instances of the current page; disposed on route change and
	 * resized with their containers. */
	const charts = {
		list: [],
		observer: typeof ResizeObserver === 'function' ? new ResizeObserver(() => charts.resizeAll()) : null,
		make(el, option) {
			if (typeof echarts === 'undefined') {
				el.append(h('div', {class: 'empty-state'}, '图表组件未加载'));
				return null;
			}
			const c = echarts.init(el, null, {renderer: 'canvas'});
			c.setOption(Object.assign({
				textStyle: {fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif'},
				/* richText: the tooltip is drawn on the canvas, not as HTML
				 * with style attributes (which the CSP would refuse). */
				tooltip: {trigger: 'axis', renderMode: 'richText'},
				animationDuration: 300,
			}, option));
			this.list.push(c);
			if (this.observer) this.observer.observe(el);
			return c;
		},
		resizeAll() {
			for (const c of this.list) if (!c.isDisposed()) c.resize();
		},
		disposeAll() {
			if (this.observer) this.observer.disconnect();
			for (const c of this.list) if (!c.isDisposed()) c.dispose();
			this.list = [];
		},
	};

	function chartBox(testid, tall) {
		return h('div', {class: 'chart' + (tall ? ' chart-tall' : ''), dataset: {testid}});
	}

	Object.assign(lib, {charts, chartBox});
})();
