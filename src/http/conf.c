/*
 * conf.c - the configuration file and the flags of `anxin serve` (see
 * conf.h): one table of keys, each with its parser and its printer, so the
 * file, the flags, `anxin config check` and a reload on SIGHUP agree.
 *
 * A line is `key = value`; spaces around both are dropped, a value may
 * not be quoted (a path with spaces is written as is), `#` starts a
 * comment only at the beginning of a line (a value may hold '#').
 */
#include "http/conf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/log.h"

typedef int (*conf_parse_fn)(http_config *c, const char *v, char *err, size_t errlen);
typedef void (*conf_print_fn)(const http_config *c, buf *out);

typedef struct conf_key {
	const char *key;
	conf_parse_fn parse;
	conf_print_fn print;
} conf_key;

#define FAIL(...) (snprintf(err, errlen, __VA_ARGS__), -1)

/* "HH:MM" -> minutes after midnight, "off" -> -1; -2 when malformed. */
static int parse_hhmm(const char *s)
{
	int h, m;
	char tail;

	if (!strcmp(s, "off"))
		return -1;
	if (sscanf(s, "%2d:%2d%c", &h, &m, &tail) != 2 || strlen(s) != 5 || h < 0 || h > 23 ||
	    m < 0 || m > 59)
		return -2;
	return h * 60 + m;
}

static void print_hhmm(buf *out, int m)
{
	if (m < 0)
		buf_puts(out, "off");
	else {
		char t[24];
		snprintf(t, sizeof t, "%02d:%02d", m / 60, m % 60);
		buf_puts(out, t);
	}
}

/* A whole decimal number in lo..hi into *out; -1 otherwise. */
static int parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;

	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* yes/no, on/off, true/false, 1/0 -> 1/0; -1 otherwise. */
static int parse_bool(const char *s)
{
	static const char *const yes[] = {"yes", "on", "true", "1"};
	static const char *const no[] = {"no", "off", "false", "0"};

	for (size_t i = 0; i < 4; i++) {
		if (!strcmp(s, yes[i]))
			return 1;
		if (!strcmp(s, no[i]))
			return 0;
	}
	return -1;
}

static int set_path(char *dst, size_t dstlen, const char *v, char *err, size_t errlen)
{
	if (!*v)
		return FAIL("不能为空 (must not be empty)");
	if (strlen(v) >= dstlen)
		return FAIL("路径过长 (path too long)");
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

static int p_db(http_config *c, const char *v, char *err, size_t errlen)
{
	return set_path(c->db_path, sizeof c->db_path, v, err, errlen);
}

static void w_db(const http_config *c, buf *out)
{
	buf_puts(out, c->db_path);
}

static int p_listen(http_config *c, const char *v, char *err, size_t errlen)
{
	const char *colon = strrchr(v, ':');
	long port;

	if (!colon || colon == v || parse_int(colon + 1, 0, 65535, &port) < 0 ||
	    strlen(v) >= sizeof c->listen)
		return FAIL("格式应为 主机:端口，如 127.0.0.1:8080 (want HOST:PORT, e.g. "
			    "127.0.0.1:8080)");
	memcpy(c->listen, v, strlen(v) + 1);
	return 0;
}

static void w_listen(const http_config *c, buf *out)
{
	buf_puts(out, c->listen);
}

static int p_threads(http_config *c, const char *v, char *err, size_t errlen)
{
	long n;

	if (parse_int(v, 1, 64, &n) < 0)
		return FAIL("应为 1 到 64 之间的整数 (want a whole number 1..64)");
	c->threads = (int)n;
	return 0;
}

static void w_threads(const http_config *c, buf *out)
{
	buf_fmt(out, "%d", c->threads);
}

static int p_bool(int *dst, const char *v, char *err, size_t errlen)
{
	int b = parse_bool(v);

	if (b < 0)
		return FAIL("应为 yes 或 no (want yes or no)");
	*dst = b;
	return 0;
}

static int p_secure(http_config *c, const char *v, char *err, size_t errlen)
{
	return p_bool(&c->secure_cookies, v, err, errlen);
}

static void w_secure(const http_config *c, buf *out)
{
	buf_puts(out, c->secure_cookies ? "yes" : "no");
}

static int p_proxy(http_config *c, const char *v, char *err, size_t errlen)
{
	return p_bool(&c->trust_proxy, v, err, errlen);
}

static void w_proxy(const http_config *c, buf *out)
{
	buf_puts(out, c->trust_proxy ? "yes" : "no");
}

static int p_scan_at(http_config *c, const char *v, char *err, size_t errlen)
{
	int m = parse_hhmm(v);

	if (m < -1)
		return FAIL("应为 HH:MM(北京时间)或 off (want HH:MM (Asia/Shanghai) or off)");
	c->scan_at = m;
	return 0;
}

static void w_scan_at(const http_config *c, buf *out)
{
	print_hhmm(out, c->scan_at);
}

static int p_read_limit(http_config *c, const char *v, char *err, size_t errlen)
{
	int burst, per_min;
	char tail;

	if (!strcmp(v, "off")) {
		c->read_burst = 0;
		c->read_per_min = 0;
		return 0;
	}
	if (sscanf(v, "%d/%d%c", &burst, &per_min, &tail) != 2 || burst < 1 || burst > 1000000 ||
	    per_min < 1 || per_min > 6000000)
		return FAIL("格式应为 次数/每分钟补充数(如 %d/%d)或 off (want BURST/PER_MINUTE, "
			    "e.g. %d/%d, or off)", HTTP_READ_BURST, HTTP_READ_PER_MIN,
			    HTTP_READ_BURST, HTTP_READ_PER_MIN);
	c->read_burst = burst;
	c->read_per_min = per_min;
	return 0;
}

static void w_read_limit(const http_config *c, buf *out)
{
	if (c->read_burst <= 0)
		buf_puts(out, "off");
	else
		buf_fmt(out, "%d/%d", c->read_burst, c->read_per_min);
}

/* A size: bytes, or a whole number with K, M or G (powers of 1024). */
static int p_max_upload(http_config *c, const char *v, char *err, size_t errlen)
{
	char *end;
	unsigned long long n, mul = 1;

	errno = 0;
	n = strtoull(v, &end, 10);
	if (end != v && *end && !end[1]) {
		switch (*end) {
		case 'K': case 'k': mul = 1ull << 10; end++; break;
		case 'M': case 'm': mul = 1ull << 20; end++; break;
		case 'G': case 'g': mul = 1ull << 30; end++; break;
		default: break;
		}
	}
	if (end == v || *end || errno || v[0] == '-' || n == 0 || n > (64ull << 30) / mul ||
	    n * mul < 1024)
		return FAIL("应为 1K 到 64G 之间的大小，如 512M 或 2G (want a size from 1K to 64G, "
			    "e.g. 512M or 2G)");
	c->max_upload = n * mul;
	return 0;
}

static void w_max_upload(const http_config *c, buf *out)
{
	uint64_t n = c->max_upload;

	if (n % (1ull << 30) == 0)
		buf_fmt(out, "%lluG", (unsigned long long)(n >> 30));
	else if (n % (1ull << 20) == 0)
		buf_fmt(out, "%lluM", (unsigned long long)(n >> 20));
	else if (n % (1ull << 10) == 0)
		buf_fmt(out, "%lluK", (unsigned long long)(n >> 10));
	else
		buf_fmt(out, "%llu", (unsigned long long)n);
}

static int p_log_level(http_config *c, const char *v, char *err, size_t errlen)
{
	int l = log_level_parse(v);

	if (l < 0)
		return FAIL("应为 err、warning、notice、info 或 debug (want err, warning, notice, "
			    "info or debug)");
	c->log_level = l;
	return 0;
}

static void w_log_level(const http_config *c, buf *out)
{
	buf_puts(out, log_level_name(c->log_level));
}

static int p_stop_timeout(http_config *c, const char *v, char *err, size_t errlen)
{
	long n;

	if (parse_int(v, 0, 3600, &n) < 0)
		return FAIL("应为 0 到 3600 之间的秒数 (want seconds, 0..3600)");
	c->stop_timeout = (int)n;
	return 0;
}

static void w_stop_timeout(const http_config *c, buf *out)
{
	buf_fmt(out, "%d", c->stop_timeout);
}

static int p_backup_at(http_config *c, const char *v, char *err, size_t errlen)
{
	int m = parse_hhmm(v);

	if (m < -1)
		return FAIL("应为 HH:MM(北京时间)或 off (want HH:MM (Asia/Shanghai) or off)");
	c->backup_at = m;
	return 0;
}

static void w_backup_at(const http_config *c, buf *out)
{
	print_hhmm(out, c->backup_at);
}

static int p_backup_keep(http_config *c, const char *v, char *err, size_t errlen)
{
	long n;

	if (parse_int(v, 1, 1000, &n) < 0)
		return FAIL("应为 1 到 1000 之间的整数 (want a whole number 1..1000)");
	c->backup_keep = (int)n;
	return 0;
}

static void w_backup_keep(const http_config *c, buf *out)
{
	buf_fmt(out, "%d", c->backup_keep);
}

static int p_backup_dir(http_config *c, const char *v, char *err, size_t errlen)
{
	return set_path(c->backup_dir, sizeof c->backup_dir, v, err, errlen);
}

static void w_backup_dir(const http_config *c, buf *out)
{
	buf_puts(out, c->backup_dir);
}

/* Every key, in the order `anxin config check` prints them. */
static const conf_key KEYS[] = {
	{"listen", p_listen, w_listen},
	{"db", p_db, w_db},
	{"threads", p_threads, w_threads},
	{"scan_at", p_scan_at, w_scan_at},
	{"trust_proxy", p_proxy, w_proxy},
	{"secure_cookies", p_secure, w_secure},
	{"max_upload", p_max_upload, w_max_upload},
	{"read_limit", p_read_limit, w_read_limit},
	{"log_level", p_log_level, w_log_level},
	{"stop_timeout", p_stop_timeout, w_stop_timeout},
	{"backup_at", p_backup_at, w_backup_at},
	{"backup_keep", p_backup_keep, w_backup_keep},
	{"backup_dir", p_backup_dir, w_backup_dir},
};
#define NKEYS (sizeof KEYS / sizeof KEYS[0])

static int key_index(const char *key)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (!strcmp(KEYS[i].key, key))
			return (int)i;
	return -1;
}

void conf_defaults(http_config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->listen, sizeof c->listen, "127.0.0.1:8080");
	c->threads = 2;
	c->scan_at = 2 * 60;  /* 02:00 Asia/Shanghai */
	c->read_burst = HTTP_READ_BURST;
	c->read_per_min = HTTP_READ_PER_MIN;
	c->max_upload = HTTP_MAX_UPLOAD;
	c->log_level = LOG_INFO;
	c->stop_timeout = HTTP_STOP_TIMEOUT;
	c->backup_at = 60;  /* 01:00, before the 02:00 scan (with a backup_dir) */
	c->backup_keep = 7;
}

int conf_set(http_config *c, const char *key, const char *value, char *err, size_t errlen)
{
	int i = key_index(key);

	if (i < 0)
		return FAIL("未知的设置项 (unknown key)");
	return KEYS[i].parse(c, value, err, errlen);
}

const char *conf_flag_name(const char *key, char *out, size_t outlen)
{
	size_t i = 0;

	if (outlen < 3)
		return "";
	out[i++] = '-';
	out[i++] = '-';
	for (; *key && i + 1 < outlen; key++)
		out[i++] = *key == '_' ? '-' : *key;
	out[i] = 0;
	return out;
}

/* Drops spaces and tabs at both ends of s in place; returns its start. */
static char *trim(char *s)
{
	char *e = s + strlen(s);

	while (*s == ' ' || *s == '\t')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = 0;
	return s;
}

int conf_read_file(const char *path, http_config *c, buf *errs)
{
	FILE *f = fopen(path, "r");
	int seen[NKEYS] = {0};  /* the line a key was set on */
	char line[8192], err[256];
	int n = 0, lineno = 0;

	if (!f) {
		buf_fmt(errs, "%s: 无法读取配置文件 (cannot read the configuration file): %s\n",
			path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			buf_fmt(errs, "%s:%d: 行过长 (line too long)\n", path, lineno);
			n++;
			int ch;
			while ((ch = fgetc(f)) != EOF && ch != '\n')
				;
			continue;
		}
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			buf_fmt(errs, "%s:%d: 缺少 '=', 应为 键 = 值 (want key = value): %s\n", path,
				lineno, s);
			n++;
			continue;
		}
		*eq = 0;
		char *key = trim(s), *val = trim(eq + 1);
		int i = key_index(key);
		if (i < 0) {
			buf_fmt(errs, "%s:%d: %s: 未知的设置项 (unknown key)\n", path, lineno, key);
			n++;
		} else if (seen[i]) {
			buf_fmt(errs, "%s:%d: %s: 重复设置，第 %d 行已设置 (duplicate key, first set "
				"on line %d)\n", path, lineno, key, seen[i], seen[i]);
			n++;
		} else {
			seen[i] = lineno;
			if (KEYS[i].parse(c, val, err, sizeof err) < 0) {
				buf_fmt(errs, "%s:%d: %s '%s': %s\n", path, lineno, key, val, err);
				n++;
			}
		}
	}
	if (ferror(f)) {
		buf_fmt(errs, "%s: 读取出错 (read error): %s\n", path, strerror(errno));
		n++;
	}
	fclose(f);
	return n;
}

int conf_load(http_config *c, const char *config_path, const char *const *flags, buf *errs)
{
	char err[256], flag[64];
	int n = 0;

	conf_defaults(c);
	if (config_path && *config_path) {
		snprintf(c->config_path, sizeof c->config_path, "%s", config_path);
		int rc = conf_read_file(config_path, c, errs);
		n += rc < 0 ? 1 : rc;
	}
	c->flags = flags;
	for (const char *const *f = flags; f && f[0] && f[1]; f += 2) {
		if (conf_set(c, f[0], f[1], err, sizeof err) < 0) {
			buf_fmt(errs, "%s '%s': %s\n", conf_flag_name(f[0], flag, sizeof flag), f[1],
				err);
			n++;
		}
	}
	return n;
}

void conf_print(const http_config *c, buf *out)
{
	for (size_t i = 0; i < NKEYS; i++) {
		if (!strcmp(KEYS[i].key, "backup_dir") && !c->backup_dir[0]) {
			buf_puts(out, "# backup_dir: unset, no daily backup\n");
			continue;
		}
		buf_fmt(out, "%s = ", KEYS[i].key);
		KEYS[i].print(c, out);
		buf_putc(out, '\n');
	}
}

int conf_diff(const http_config *was, const http_config *now, buf *out)
{
	buf a = BUF_INIT, b = BUF_INIT;
	int n = 0;

	conf_print(was, &a);
	conf_print(now, &b);
	const char *pa = buf_str(&a), *pb = buf_str(&b);
	while (*pa && *pb) {
		size_t la = strcspn(pa, "\n"), lb = strcspn(pb, "\n");
		if (la != lb || memcmp(pa, pb, la) != 0) {
			buf_putn(out, pb, lb);
			buf_puts(out, " (was: ");
			buf_putn(out, pa, la);
			buf_puts(out, ")\n");
			n++;
		}
		pa += la + (pa[la] != 0);
		pb += lb + (pb[lb] != 0);
	}
	buf_free(&a);
	buf_free(&b);
	return n;
}
