/*
 * req.c - the request struct's parsing, typed getters and response
 * helpers (see req.h). Owns query-string decoding and the 400 messages
 * for bad parameters; knows nothing of libmicrohttpd or of any route.
 */
#include "http/req.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/date.h"

void req_init(http_req *r)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->body);
	buf_init(&r->out);
	r->out_fd = -1;
}

void req_free(http_req *r)
{
	free(r->path);
	for (int i = 0; i < r->nparams; i++) {
		free(r->params[i].key);
		free(r->params[i].val);
	}
	for (int i = 0; i < r->nargs; i++)
		free(r->args[i]);
	for (int i = 0; i < r->nheaders; i++)
		free(r->hval[i]);
	buf_free(&r->body);
	buf_free(&r->out);
	free(r->if_none_match);
	free(r->hdr.session);
	free(r->hdr.authorization);
	free(r->hdr.csrf);
	free(r->hdr.forwarded_for);
	free(r->hdr.content_type);
	free(r->hdr.idempotency_key);
	explicit_bzero(&r->caller, sizeof r->caller);
	if (r->body_file) {
		unlink(r->body_file);
		free(r->body_file);
	}
	if (r->out_fd >= 0)
		close(r->out_fd);
	memset(r, 0, sizeof *r);
	r->out_fd = -1;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *req_decode(const char *s, size_t n, int plus_space)
{
	char *out = xmalloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			int hi = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
			int lo = i + 2 < n ? hexval((unsigned char)s[i + 2]) : -1;
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				goto bad;
			*o++ = (char)(hi * 16 + lo);
			i += 2;
			continue;
		}
		if (s[i] == '\0')
			goto bad;
		*o++ = plus_space && s[i] == '+' ? ' ' : s[i];
	}
	*o = 0;
	return out;
bad:
	free(out);
	return NULL;
}

int req_parse_query(http_req *r, const char *qs)
{
	const char *p = qs;

	while (p && *p) {
		const char *amp = strchr(p, '&');
		size_t len = amp ? (size_t)(amp - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		size_t klen = eq ? (size_t)(eq - p) : len;

		if (len == 0) {            /* "a=1&&b=2": tolerate empty pieces */
			p = amp ? amp + 1 : NULL;
			continue;
		}
		if (r->nparams == REQ_MAX_PARAMS) {
			http_error(r, 400, "查询参数过多(最多 %d 个)", REQ_MAX_PARAMS);
			return -1;
		}
		char *k = req_decode(p, klen, 1);
		char *v = eq ? req_decode(eq + 1, len - klen - 1, 1) : xstrdup("");
		if (!k || !v || !*k) {
			free(k);
			free(v);
			http_error(r, 400, "查询字符串格式错误(转义错误或参数名为空)");
			return -1;
		}
		for (int i = 0; i < r->nparams; i++)
			if (strcmp(r->params[i].key, k) == 0) {
				http_error(r, 400, "参数 %s 重复", k);
				free(k);
				free(v);
				return -1;
			}
		r->params[r->nparams].key = k;
		r->params[r->nparams].val = v;
		r->params[r->nparams].used = 0;
		r->nparams++;
		p = amp ? amp + 1 : NULL;
	}
	return 0;
}

const char *req_str(http_req *r, const char *name)
{
	for (int i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i].key, name) == 0) {
			r->params[i].used = 1;
			return r->params[i].val;
		}
	return NULL;
}

int req_int(http_req *r, const char *name, int64_t dflt, int64_t min,
	    int64_t max, int64_t *out)
{
	const char *s = req_str(r, name);
	char *end;
	long long v;

	if (!s || !*s) {
		*out = dflt;
		return 0;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || end == s || (s[0] != '-' && (s[0] < '0' || s[0] > '9'))) {
		http_error(r, 400, "参数 %s：“%s”不是整数", name, s);
		return -1;
	}
	if (v < min || v > max) {
		http_error(r, 400, "参数 %s：%s 超出范围 %lld..%lld", name, s,
			   (long long)min, (long long)max);
		return -1;
	}
	*out = v;
	return 0;
}

int req_bool(http_req *r, const char *name, int dflt, int *out)
{
	const char *s = req_str(r, name);

	if (!s || !*s)
		*out = dflt;
	else if (!strcmp(s, "1") || !strcmp(s, "true"))
		*out = 1;
	else if (!strcmp(s, "0") || !strcmp(s, "false"))
		*out = 0;
	else {
		http_error(r, 400, "参数 %s：“%s”不是 1/0/true/false", name, s);
		return -1;
	}
	return 0;
}

int req_date(http_req *r, const char *name, char out[11])
{
	const char *s = req_str(r, name);
	day_t d;

	if (!s || !*s) {
		date_format(date_today(), out);
		return 0;
	}
	if (!date_parse_iso(s, &d)) {
		http_error(r, 400, "参数 %s：“%s”不是日期(应为 YYYY-MM-DD)", name, s);
		return -1;
	}
	date_format(d, out);
	return 0;
}

int req_params_done(http_req *r)
{
	for (int i = 0; i < r->nparams; i++)
		if (!r->params[i].used) {
			http_error(r, 400, "未知参数 %s", r->params[i].key);
			return -1;
		}
	return 0;
}

buf *http_json(http_req *r, int status)
{
	buf_reset(&r->out);
	r->status = status;
	r->ctype = NULL;
	r->static_body = NULL;
	if (r->out_fd >= 0) {
		close(r->out_fd);
		r->out_fd = -1;
	}
	return &r->out;
}

const char *http_status_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 401: return "unauthenticated";
	case 403: return "forbidden";
	case 404: return "not_found";
	case 405: return "method_not_allowed";
	case 413: return "too_large";
	case 415: return "unsupported_media_type";
	case 422: return "invalid";
	case 423: return "locked";
	case 429: return "too_many_requests";
	case 503: return "unavailable";
	default: return status >= 500 ? "internal" : "error";
	}
}

/* The Chinese message of a status whose message has no Chinese at all. */
static const char *status_zh(int status)
{
	switch (status) {
	case 400: return "请求有误";
	case 401: return "请先登录";
	case 403: return "无权进行此操作";
	case 404: return "未找到";
	case 409: return "状态已变化，无法执行此操作";
	case 413: return "请求内容过大";
	case 415: return "不支持的内容类型";
	case 422: return "数据校验未通过";
	case 429: return "请求过于频繁，请稍后再试";
	case 503: return "服务暂不可用，请稍后重试";
	default: return status >= 500 ? "服务器内部错误" : "请求失败";
	}
}

/* The error body of status/code with the formatted message, Chinese only
 * (issue 8): the English half of a bilingual "中文 (english)" message is
 * cut; a message with no Chinese (a lower layer's English) is logged and
 * replaced by the status's Chinese text. */
static int error_v(http_req *r, int status, const char *code, const char *fmt, va_list ap)
{
	buf msg = BUF_INIT;
	const char *m;
	size_t n;

	buf_vfmt(&msg, fmt, ap);
	m = buf_str(&msg);
	if (!text_has_cjk(m, msg.len)) {
		fprintf(stderr, "anxin: http: %d %s: %s\n", status, code, m);
		m = status_zh(status);
		n = strlen(m);
	} else {
		n = text_zh_len(m);
	}
	char *zh = xstrndup(m, n);
	buf *b = http_json(r, status);
	buf_fmt(b, "{\"error\":{\"status\":%d,\"code\":%j,\"message\":%j}}", status,
		code, zh);
	free(zh);
	buf_free(&msg);
	return status;
}

int http_error(http_req *r, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_v(r, status, http_status_code(status), fmt, ap);
	va_end(ap);
	return status;
}

int http_error_code(http_req *r, int status, const char *code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_v(r, status, code, fmt, ap);
	va_end(ap);
	return status;
}

void http_header(http_req *r, const char *name, const char *value)
{
	if (r->nheaders == REQ_MAX_HEADERS)
		return;
	r->hname[r->nheaders] = name;
	r->hval[r->nheaders++] = xstrdup(value);
}
