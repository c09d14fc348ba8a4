/*
 * public_form.c - a clue's intake form from JSON (see public_form.h).
 *
 * One table says, per member: its name, the longest text it may hold, on
 * which form it may come (public, officer, both), whether it is required
 * there and where in the clue_intake it goes. Anything else is refused by
 * name, so a typo never drops a value silently.
 */
#include "http/public_form.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum { ON_PUBLIC = 1, ON_OFFICER = 2, ON_BOTH = 3 };
enum { REQ_PUBLIC = 1, REQ_OFFICER = 2, REQ_BOTH = 3 };
enum { T_TEXT, T_LINES, T_COUNT, T_AMOUNT, T_WORKERS };

typedef struct member {
	const char *name;
	const char *zh;
	int type;
	size_t max;        /* bytes */
	int on, req;
} member;

static const member MEMBERS[] = {
	{"token", "表单令牌", T_TEXT, 200, ON_PUBLIC, REQ_PUBLIC},
	{"website", "网址", T_TEXT, 200, ON_PUBLIC, 0},
	{"request_id", "请求编号", T_TEXT, 100, ON_OFFICER, 0},
	{"channel", "来源渠道", T_TEXT, 20, ON_OFFICER, 0},
	{"received_date", "接收日期", T_TEXT, 10, ON_OFFICER, 0},
	{"reporter_name", "反映人姓名", T_TEXT, 50, ON_BOTH, REQ_BOTH},
	{"reporter_id_number", "反映人身份证号码", T_TEXT, 32, ON_BOTH, 0},
	{"reporter_phone", "联系电话", T_TEXT, 20, ON_BOTH, REQ_PUBLIC},
	{"employer_name", "被反映单位", T_TEXT, 100, ON_BOTH, REQ_BOTH},
	{"employer_uscc", "统一社会信用代码", T_TEXT, 32, ON_OFFICER, 0},
	{"project_code", "项目编号", T_TEXT, 40, ON_OFFICER, 0},
	{"project_name", "项目名称", T_TEXT, 100, ON_BOTH, 0},
	{"site_address", "工地地址", T_LINES, 200, ON_BOTH, 0},
	{"street", "办理街镇", T_TEXT, 50, ON_OFFICER, 0},
	{"workers_claimed", "涉及人数", T_COUNT, 10, ON_BOTH, 0},
	{"amount_claimed", "欠薪金额", T_AMOUNT, 20, ON_BOTH, 0},
	{"description", "情况描述", T_LINES, 4000, ON_BOTH, REQ_BOTH},
	{"workers", "涉及工人", T_WORKERS, 0, ON_BOTH, 0},
	{NULL, NULL, 0, 0, 0, 0},
};

/* Where member m's text goes in f. */
static const char **slot(public_form *f, const char *m)
{
	clue_intake *in = &f->in;
	static const struct {
		const char *name;
		size_t off;
	} IN[] = {
		{"channel", offsetof(clue_intake, channel)},
		{"received_date", offsetof(clue_intake, received_date)},
		{"reporter_name", offsetof(clue_intake, reporter_name)},
		{"reporter_id_number", offsetof(clue_intake, reporter_id_number)},
		{"reporter_phone", offsetof(clue_intake, reporter_phone)},
		{"employer_name", offsetof(clue_intake, employer_name)},
		{"employer_uscc", offsetof(clue_intake, employer_uscc)},
		{"project_code", offsetof(clue_intake, project_code)},
		{"project_name", offsetof(clue_intake, project_name)},
		{"site_address", offsetof(clue_intake, site_address)},
		{"street", offsetof(clue_intake, street)},
		{"workers_claimed", offsetof(clue_intake, workers_claimed)},
		{"amount_claimed", offsetof(clue_intake, amount_claimed)},
		{"description", offsetof(clue_intake, description)},
	};

	if (!strcmp(m, "token"))
		return &f->token;
	if (!strcmp(m, "website"))
		return &f->website;
	if (!strcmp(m, "request_id"))
		return &f->request_id;
	for (size_t i = 0; i < sizeof IN / sizeof IN[0]; i++)
		if (!strcmp(IN[i].name, m))
			return (const char **)(void *)((char *)in + IN[i].off);
	return NULL;
}

/* Sets what = name and err from fmt; returns -1. */
__attribute__((format(printf, 6, 7)))
static int fail(char *what, size_t whatlen, const char *name, char *err, size_t errlen,
		const char *fmt, ...)
{
	va_list ap;

	snprintf(what, whatlen, "%s", name);
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* Whether s (UTF-8, checked by jansson) holds a control character; lines:
 * line ends and tabs are allowed. */
static int has_control(const char *s, int lines)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(lines && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7F)
			return 1;
	return 0;
}

/* A text member: v must be a string (or null: not given) within m's rules. */
static int text_of(const member *m, json_t *v, const char **out, char *what, size_t whatlen,
		   char *err, size_t errlen)
{
	if (json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return fail(what, whatlen, m->name, err, errlen, "%s须为文字 (%s must be a string)",
			    m->zh, m->name);
	const char *s = json_string_value(v);
	if (strlen(s) > m->max) {
		snprintf(what, whatlen, "%s", m->name);
		snprintf(err, errlen, "%s过长(最多 %zu 字节) (%s: at most %zu bytes)", m->zh, m->max,
			 m->name, m->max);
		return -1;
	}
	if (has_control(s, m->type == T_LINES))
		return fail(what, whatlen, m->name, err, errlen,
			    "%s含有控制字符 (%s holds a control character)", m->zh, m->name);
	*out = s;
	return 0;
}

/* A count or an amount: a JSON number, or text (the engine checks the
 * digits). A number is written into num. */
static int number_of(const member *m, json_t *v, char num[32], const char **out, char *what,
		     size_t whatlen, char *err, size_t errlen)
{
	if (json_is_string(v) || json_is_null(v))
		return text_of(m, v, out, what, whatlen, err, errlen);
	if (json_is_integer(v)) {
		snprintf(num, 32, "%lld", (long long)json_integer_value(v));
		*out = num;
		return 0;
	}
	if (json_is_real(v) && m->type == T_AMOUNT) {
		double x = json_real_value(v), c = x * 100;
		if (isfinite(x) && fabs(x) < 1e12 && fabs(c - round(c)) < 1e-6) {
			snprintf(num, 32, "%.2f", round(c) / 100);
			*out = num;
			return 0;
		}
		return fail(what, whatlen, m->name, err, errlen,
			    "%s最多两位小数 (%s: yuan with at most 2 decimals)", m->zh, m->name);
	}
	return fail(what, whatlen, m->name, err, errlen, "%s须为数字 (%s must be a number)", m->zh,
		    m->name);
}

/* workers: [{name, id_number, phone}], at most CLUE_MAX_WORKERS. */
static int workers_of(json_t *v, clue_intake *in, char *what, size_t whatlen, char *err,
		      size_t errlen)
{
	static const member W[] = {
		{"name", "工人姓名", T_TEXT, 50, ON_BOTH, 0},
		{"id_number", "工人身份证号码", T_TEXT, 32, ON_BOTH, 0},
		{"phone", "工人电话", T_TEXT, 20, ON_BOTH, 0},
	};
	size_t i;
	json_t *w;

	if (json_is_null(v))
		return 0;
	if (!json_is_array(v))
		return fail(what, whatlen, "workers", err, errlen, "%s须为列表 (%s must be an array)",
			    "涉及工人", "workers");
	if (json_array_size(v) > CLUE_MAX_WORKERS) {
		snprintf(what, whatlen, "workers");
		snprintf(err, errlen, "涉及工人最多 %d 人 (workers: at most %d)", CLUE_MAX_WORKERS,
			 CLUE_MAX_WORKERS);
		return -1;
	}
	json_array_foreach(v, i, w) {
		char name[32];
		const char *k;
		json_t *x;

		snprintf(name, sizeof name, "workers[%zu]", i);
		if (!json_is_object(w))
			return fail(what, whatlen, name, err, errlen,
				    "%s须为对象 (%s must be an object)", "涉及工人", name);
		json_object_foreach(w, k, x) {
			int j;
			for (j = 0; j < 3 && strcmp(W[j].name, k); j++)
				;
			if (j == 3) {
				snprintf(what, whatlen, "%s.%.40s", name, k);
				snprintf(err, errlen, "涉及工人：未知的项 %.40s (unknown member %.40s)", k, k);
				return -1;
			}
			const char **out = j == 0 ? &in->workers[i].name
					   : j == 1 ? &in->workers[i].id_number : &in->workers[i].phone;
			if (text_of(&W[j], x, out, what, whatlen, err, errlen) < 0) {
				snprintf(what, whatlen, "%s.%s", name, W[j].name);
				return -1;
			}
		}
		if (!in->workers[i].name || !*in->workers[i].name) {
			snprintf(what, whatlen, "%s.name", name);
			snprintf(err, errlen, "请填写第 %zu 位工人的姓名 (%s.name is required)", i + 1, name);
			return -1;
		}
	}
	in->nworkers = (int)json_array_size(v);
	return 0;
}

int public_form_parse(const char *body, size_t len, public_form_mode mode, public_form *f,
		      char *what, size_t whatlen, char *err, size_t errlen)
{
	json_error_t je;
	const char *k;
	json_t *v;
	int on = mode == PF_PUBLIC ? ON_PUBLIC : ON_OFFICER;

	memset(f, 0, sizeof *f);
	if (whatlen)
		what[0] = 0;
	f->in.public_form = mode == PF_PUBLIC;
	if (mode == PF_PUBLIC)
		f->in.channel = "online";
	f->root = json_loadb(body ? body : "", len, JSON_REJECT_DUPLICATES, &je);
	if (!f->root || !json_is_object(f->root)) {
		snprintf(err, errlen, "请求内容须为 JSON 对象 (the body must be one JSON object)");
		return -1;
	}
	json_object_foreach(f->root, k, v) {
		const member *m;
		for (m = MEMBERS; m->name && strcmp(m->name, k); m++)
			;
		if (!m->name || !(m->on & on)) {
			snprintf(what, whatlen, "%.60s", k);
			snprintf(err, errlen, "未知的项 %.60s (unknown member %.60s)", k, k);
			return -1;
		}
		int rc;
		if (m->type == T_WORKERS)
			rc = workers_of(v, &f->in, what, whatlen, err, errlen);
		else if (m->type == T_COUNT || m->type == T_AMOUNT)
			rc = number_of(m, v, f->num[m->type == T_AMOUNT], slot(f, m->name), what, whatlen,
				       err, errlen);
		else
			rc = text_of(m, v, slot(f, m->name), what, whatlen, err, errlen);
		if (rc < 0)
			return -1;
	}
	int req = mode == PF_PUBLIC ? REQ_PUBLIC : REQ_OFFICER;
	for (const member *m = MEMBERS; m->name; m++) {
		if (!(m->req & req) || m->type == T_WORKERS)
			continue;
		const char **s = slot(f, m->name);
		if (!*s || !**s)
			return fail(what, whatlen, m->name, err, errlen, "请填写%s (%s is required)", m->zh,
				    m->name);
	}
	return 0;
}

void public_form_free(public_form *f)
{
	if (f->root)
		json_decref(f->root);
	memset(f, 0, sizeof *f);
}
