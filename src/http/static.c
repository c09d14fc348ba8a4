/*
 * static.c - serves the web UI embedded in the binary (assets.S): "/" is
 * index.html, "/static/NAME" the scripts (one per .js file of web/) and
 * styles. Each asset has its Content-Type and an ETag (a hash of its
 * bytes, computed once), so a browser revalidates cheaply; index.html and
 * the scripts are not cached without checking.
 * Unknown paths are 404: the UI routes with the URL hash, not the path.
 * A query string (`/static/app.js?v=2`, a cache-buster) is accepted and
 * ignored: it names the same file.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "http/api.h"

extern const char asset_index_html[], asset_index_html_end[];
extern const char asset_dom_js[], asset_dom_js_end[];
extern const char asset_format_js[], asset_format_js_end[];
extern const char asset_api_js[], asset_api_js_end[];
extern const char asset_charts_js[], asset_charts_js_end[];
extern const char asset_widgets_js[], asset_widgets_js_end[];
extern const char asset_table_js[], asset_table_js_end[];
extern const char asset_dashboard_js[], asset_dashboard_js_end[];
extern const char asset_lists_js[], asset_lists_js_end[];
extern const char asset_project_js[], asset_project_js_end[];
extern const char asset_details_js[], asset_details_js_end[];
extern const char asset_import_js[], asset_import_js_end[];
extern const char asset_login_js[], asset_login_js_end[];
extern const char asset_admin_js[], asset_admin_js_end[];
extern const char asset_warn_js[], asset_warn_js_end[];
extern const char asset_app_js[], asset_app_js_end[];
extern const char asset_style_css[], asset_style_css_end[];
extern const char asset_echarts_js[], asset_echarts_js_end[];

typedef struct asset {
	const char *name;   /* after /static/, or "" for "/" */
	const char *ctype;
	const char *start, *end;
	const char *cache;
	char etag[24];
} asset;

/* The UI's scripts (the .js files of web/): revalidated on every load, like index.html,
 * so that a new binary's files are never mixed with old cached ones. */
#define JS_ASSET(file, sym) {file, "text/javascript; charset=utf-8", sym, sym##_end, "no-cache", ""}

static asset assets[] = {
	{"", "text/html; charset=utf-8", asset_index_html, asset_index_html_end, "no-cache", ""},
	JS_ASSET("dom.js", asset_dom_js),
	JS_ASSET("format.js", asset_format_js),
	JS_ASSET("api.js", asset_api_js),
	JS_ASSET("charts.js", asset_charts_js),
	JS_ASSET("widgets.js", asset_widgets_js),
	JS_ASSET("table.js", asset_table_js),
	JS_ASSET("dashboard.js", asset_dashboard_js),
	JS_ASSET("lists.js", asset_lists_js),
	JS_ASSET("project.js", asset_project_js),
	JS_ASSET("details.js", asset_details_js),
	JS_ASSET("import.js", asset_import_js),
	JS_ASSET("login.js", asset_login_js),
	JS_ASSET("admin.js", asset_admin_js),
	JS_ASSET("warn.js", asset_warn_js),
	JS_ASSET("app.js", asset_app_js),
	{"style.css", "text/css; charset=utf-8", asset_style_css, asset_style_css_end, "no-cache", ""},
	{"echarts.min.js", "text/javascript; charset=utf-8", asset_echarts_js, asset_echarts_js_end,
	 "public, max-age=86400", ""},
};

static pthread_once_t etag_once = PTHREAD_ONCE_INIT;

/* FNV-1a of each asset as its ETag: the assets never change while the
 * binary runs. */
static void compute_etags(void)
{
	for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++) {
		uint64_t h = 1469598103934665603ull;
		for (const char *p = assets[i].start; p < assets[i].end; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ull;
		snprintf(assets[i].etag, sizeof assets[i].etag, "\"%016llx\"", (unsigned long long)h);
	}
}

int http_static(http_req *r)
{
	const char *name = r->nargs > 0 ? r->args[0] : "";

	pthread_once(&etag_once, compute_etags);
	/* Any query is a cache-buster: read (ignored), so never a 400. */
	for (int i = 0; i < r->nparams; i++)
		r->params[i].used = 1;
	for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++) {
		asset *a = &assets[i];
		if (strcmp(a->name, name) != 0)
			continue;
		http_header(r, "ETag", a->etag);
		http_header(r, "Cache-Control", a->cache);
		if (r->if_none_match && strstr(r->if_none_match, a->etag)) {
			http_json(r, 304);
			return r->status;
		}
		http_json(r, 200);
		r->ctype = a->ctype;
		r->static_body = a->start;
		r->static_len = (size_t)(a->end - a->start);
		return r->status;
	}
	return http_error(r, 404, "没有这个文件：%s", r->path);
}
