/*
 * static.c - serves the web UI embedded in the binary (the generated
 * gen/assets.S): "/" is index.html (with the script tags of
 * web/scripts.list), "/static/NAME" the scripts (one per line of
 * web/scripts.list) and styles, "/report" the workers' public page
 * (web/report.html, with its report.js and report.css: no account). Each asset has its Content-Type and an
 * ETag (a hash of its bytes, computed once), so a browser revalidates
 * cheaply; index.html and the scripts are not cached without checking.
 * Unknown paths are 404: the UI routes with the URL hash, not the path.
 * A query string (`/static/app.js?v=2`, a cache-buster) is accepted and
 * ignored: it names the same file.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "http/api.h"

/* The UI's scripts come from web/scripts.list through the generated
 * gen/web_scripts.h (one WEB_SCRIPT(file, symbol) a line, in load order;
 * see the Makefile): adding a page is a line there, not an edit here. */
extern const char asset_index_html[], asset_index_html_end[];
#define WEB_SCRIPT(file, sym) extern const char sym[], sym##_end[];
#include "gen/web_scripts.h"
extern const char asset_style_css[], asset_style_css_end[];
extern const char asset_echarts_js[], asset_echarts_js_end[];
extern const char asset_report_html[], asset_report_html_end[];
extern const char asset_report_js[], asset_report_js_end[];
extern const char asset_report_css[], asset_report_css_end[];

typedef struct asset {
	const char *name;   /* after /static/; "" for "/", "/report" for itself */
	const char *ctype;
	const char *start, *end;
	const char *cache;
	char etag[24];
} asset;

/* The UI's scripts: revalidated on every load, like index.html, so that a
 * new binary's files are never mixed with old cached ones. */
#undef WEB_SCRIPT
#define WEB_SCRIPT(file, sym) {file, "text/javascript; charset=utf-8", sym, sym##_end, "no-cache", ""},

static asset assets[] = {
	{"", "text/html; charset=utf-8", asset_index_html, asset_index_html_end, "no-cache", ""},
#include "gen/web_scripts.h"
	{"style.css", "text/css; charset=utf-8", asset_style_css, asset_style_css_end, "no-cache", ""},
	{"/report", "text/html; charset=utf-8", asset_report_html, asset_report_html_end, "no-cache", ""},
	{"report.js", "text/javascript; charset=utf-8", asset_report_js, asset_report_js_end, "no-cache", ""},
	{"report.css", "text/css; charset=utf-8", asset_report_css, asset_report_css_end, "no-cache", ""},
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
	/* /static/{asset}: its name; "/" and "/report": the pages */
	const char *name = r->nargs > 0 ? r->args[0] : strcmp(r->path, "/report") == 0 ? "/report" : "";

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
