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
ASSET(asset_dom_js, "web/dom.js")
ASSET(asset_format_js, "web/format.js")
ASSET(asset_api_js, "web/api.js")
ASSET(asset_charts_js, "web/charts.js")
ASSET(asset_widgets_js, "web/widgets.js")
ASSET(asset_table_js, "web/table.js")
ASSET(asset_dashboard_js, "web/dashboard.js")
ASSET(asset_lists_js, "web/lists.js")
ASSET(asset_project_js, "web/project.js")
ASSET(asset_details_js, "web/details.js")
ASSET(asset_import_js, "web/import.js")
ASSET(asset_login_js, "web/login.js")
ASSET(asset_admin_js, "web/admin.js")
ASSET(asset_warn_js, "web/warn.js")
ASSET(asset_app_js, "web/app.js")
ASSET(asset_style_css, "web/style.css")
ASSET(asset_echarts_js, "node_modules/echarts/dist/echarts.min.js")

	.section .note.GNU-stack,"",@progbits
