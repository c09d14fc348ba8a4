/*
 * assets.S - the web UI built into the binary, so that anxin is one file.
 * Each asset becomes a symbol pair NAME / NAME_end; src/http/static.c maps
 * URL paths to them. ECharts comes from npm (package-lock.json pins it).
 */
	.section .rodata
	.balign 16

#define ASSET(name, path) \
	.global name; .global name##_end; \
	name: .incbin path; name##_end: .byte 0

ASSET(asset_index_html, "web/index.html")
ASSET(asset_app_js, "web/app.js")
ASSET(asset_warn_js, "web/warn.js")
ASSET(asset_style_css, "web/style.css")
ASSET(asset_echarts_js, "node_modules/echarts/dist/echarts.min.js")

	.section .note.GNU-stack,"",@progbits
