/*
 * test_conf.c - the configuration file (http/conf.c): a good file sets
 * every key; each kind of error (unknown key, bad value, a key twice, a
 * line without '=') names its line and key; flags override the file and
 * are checked the same way; what conf_print writes reads back the same.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "http/conf.h"
#include "util/log.h"

/* Writes text to a new temp file; returns its path (static). */
static const char *write_conf(const char *text)
{
	static char path[64];

	snprintf(path, sizeof path, "/tmp/anxin-conf-XXXXXX");
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

Test(conf, defaults_are_those_of_anxin_serve)
{
	http_config c;

	conf_defaults(&c);
	cr_assert_str_eq(c.listen, "127.0.0.1:8080");
	cr_assert_eq(c.threads, 2);
	cr_assert_eq(c.scan_at, 120);
	cr_assert_eq(c.read_burst, HTTP_READ_BURST);
	cr_assert_eq(c.read_per_min, HTTP_READ_PER_MIN);
	cr_assert_eq(c.max_upload, HTTP_MAX_UPLOAD);
	cr_assert_eq(c.stop_timeout, 20);
	cr_assert_eq(c.log_level, LOG_INFO);
	cr_assert_eq(c.backup_at, 60);  /* 01:00; the backup runs only with a backup_dir */
	cr_assert_str_eq(c.backup_dir, "");
	cr_assert_str_eq(c.db_path, "");
}

Test(conf, a_good_file_sets_every_key)
{
	const char *path = write_conf(
		"# anxin.conf\n"
		"\n"
		"listen = [::1]:9090\n"
		"  db=/var/lib/anxin/anxin.db  \n"
		"threads = 8\n"
		"scan_at = 01:30\n"
		"trust_proxy = yes\n"
		"secure_cookies = on\n"
		"max_upload = 512M\n"
		"read_limit = 50/30\n"
		"log_level = debug\n"
		"stop_timeout = 90\n"
		"backup_at = 03:15\n"
		"backup_keep = 14\n"
		"backup_dir = /var/backups/anxin # not a comment\n");
	http_config c;
	buf errs = BUF_INIT;

	cr_assert_eq(conf_load(&c, path, NULL, &errs), 0, "%s", buf_str(&errs));
	cr_assert_str_eq(c.listen, "[::1]:9090");
	cr_assert_str_eq(c.db_path, "/var/lib/anxin/anxin.db");
	cr_assert_eq(c.threads, 8);
	cr_assert_eq(c.scan_at, 90);
	cr_assert_eq(c.trust_proxy, 1);
	cr_assert_eq(c.secure_cookies, 1);
	cr_assert_eq(c.max_upload, 512ull << 20);
	cr_assert_eq(c.read_burst, 50);
	cr_assert_eq(c.read_per_min, 30);
	cr_assert_eq(c.log_level, LOG_DEBUG);
	cr_assert_eq(c.stop_timeout, 90);
	cr_assert_eq(c.backup_at, 195);
	cr_assert_eq(c.backup_keep, 14);
	cr_assert_str_eq(c.backup_dir, "/var/backups/anxin # not a comment",
			 "'#' starts a comment only at the start of a line");
	cr_assert_str_eq(c.config_path, path);
	unlink(path);
	buf_free(&errs);
}

/* Loads text; asserts exactly one error, on line, containing want. */
static void one_error(const char *text, int line, const char *want)
{
	const char *path = write_conf(text);
	http_config c;
	buf errs = BUF_INIT;
	char where[128];

	cr_assert_eq(conf_load(&c, path, NULL, &errs), 1, "errors: %s", buf_str(&errs));
	snprintf(where, sizeof where, "%s:%d: ", path, line);
	cr_assert(strncmp(buf_str(&errs), where, strlen(where)) == 0, "want %s in: %s", where,
		  buf_str(&errs));
	cr_assert(strstr(buf_str(&errs), want), "want '%s' in: %s", want, buf_str(&errs));
	unlink(path);
	buf_free(&errs);
}

Test(conf, each_kind_of_error_names_its_line_and_key)
{
	one_error("threads = 2\nfoo = 1\n", 2, "foo: 未知的设置项 (unknown key)");
	one_error("threads = 2\n\nthreads = 3\n", 3, "threads: 重复设置，第 1 行已设置 (duplicate key, "
		  "first set on line 1)");
	one_error("# c\nthreads\n", 2, "缺少 '='");
	one_error("threads = 0\n", 1, "threads '0': ");
	one_error("threads = 65\n", 1, "threads '65'");
	one_error("threads = 2x\n", 1, "threads '2x'");
	one_error("scan_at = 24:00\n", 1, "scan_at '24:00': 应为 HH:MM");
	one_error("scan_at = 2:00\n", 1, "scan_at '2:00'");
	one_error("backup_at = 03:60\n", 1, "backup_at '03:60'");
	one_error("trust_proxy = maybe\n", 1, "trust_proxy 'maybe': 应为 yes 或 no");
	one_error("secure_cookies =\n", 1, "secure_cookies ''");
	one_error("max_upload = 0\n", 1, "max_upload '0'");
	one_error("max_upload = 100G\n", 1, "max_upload '100G'");
	one_error("max_upload = 5T\n", 1, "max_upload '5T'");
	one_error("max_upload = -1M\n", 1, "max_upload '-1M'");
	one_error("read_limit = 300\n", 1, "read_limit '300': ");
	one_error("read_limit = 0/10\n", 1, "read_limit '0/10'");
	one_error("listen = 8080\n", 1, "listen '8080': ");
	one_error("listen = host:99999\n", 1, "listen 'host:99999'");
	one_error("db =\n", 1, "db '': 不能为空");
	one_error("log_level = loud\n", 1, "log_level 'loud'");
	one_error("stop_timeout = 3601\n", 1, "stop_timeout '3601'");
	one_error("backup_keep = 0\n", 1, "backup_keep '0'");
}

Test(conf, every_error_is_reported_not_only_the_first)
{
	const char *path = write_conf("threads = 0\nfoo = 1\nthreads = 4\nscan_at = x\n");
	http_config c;
	buf errs = BUF_INIT;

	cr_assert_eq(conf_load(&c, path, NULL, &errs), 4, "%s", buf_str(&errs));
	cr_assert(strstr(buf_str(&errs), ":1: threads '0'"));
	cr_assert(strstr(buf_str(&errs), ":2: foo:"));
	cr_assert(strstr(buf_str(&errs), ":3: threads: "), "a bad first value still counts as set");
	cr_assert(strstr(buf_str(&errs), ":4: scan_at 'x'"));
	unlink(path);
	buf_free(&errs);
}

Test(conf, a_missing_file_is_an_error)
{
	http_config c;
	buf errs = BUF_INIT;

	cr_assert_eq(conf_load(&c, "/nonexistent/anxin.conf", NULL, &errs), 1);
	cr_assert(strstr(buf_str(&errs), "/nonexistent/anxin.conf: 无法读取配置文件"));
	buf_free(&errs);
}

Test(conf, flags_override_the_file_and_are_checked_alike)
{
	const char *path = write_conf("threads = 4\nscan_at = 03:00\nread_limit = off\n");
	const char *flags[] = {"scan_at", "off", "threads", "6", NULL};
	const char *bad[] = {"read_limit", "300", NULL};
	http_config c;
	buf errs = BUF_INIT;

	cr_assert_eq(conf_load(&c, path, flags, &errs), 0, "%s", buf_str(&errs));
	cr_assert_eq(c.scan_at, -1);
	cr_assert_eq(c.threads, 6);
	cr_assert_eq(c.read_burst, 0, "the file's key where no flag is given");
	cr_assert_eq(c.flags, flags);
	cr_assert_eq(conf_load(&c, path, bad, &errs), 1);
	cr_assert(strstr(buf_str(&errs), "--read-limit '300': "), "%s", buf_str(&errs));
	unlink(path);
	buf_free(&errs);
}

Test(conf, what_conf_print_writes_reads_back_the_same)
{
	char path[64];
	http_config a, b;
	buf errs = BUF_INIT, out = BUF_INIT;

	snprintf(path, sizeof path, "%s", write_conf("max_upload = 1536K\nscan_at = 00:05\n"
		 "backup_dir = /b\nread_limit = 7/9\ntrust_proxy = true\n"));
	cr_assert_eq(conf_load(&a, path, NULL, &errs), 0);
	snprintf(a.db_path, sizeof a.db_path, "x.db");
	conf_print(&a, &out);
	cr_assert(strstr(buf_str(&out), "max_upload = 1536K\n"), "%s", buf_str(&out));
	cr_assert(strstr(buf_str(&out), "scan_at = 00:05\n"));
	cr_assert(strstr(buf_str(&out), "trust_proxy = yes\n"));
	const char *again = write_conf(buf_str(&out));
	cr_assert_eq(conf_load(&b, again, NULL, &errs), 0, "%s", buf_str(&errs));
	buf_reset(&errs);
	buf out2 = BUF_INIT;
	conf_print(&b, &out2);
	cr_assert_str_eq(buf_str(&out2), buf_str(&out));
	unlink(path);
	unlink(again);
	buf_free(&errs);
	buf_free(&out);
	buf_free(&out2);
}

Test(conf, conf_diff_names_each_changed_setting)
{
	http_config a, b;
	buf d = BUF_INIT;

	conf_defaults(&a);
	b = a;
	cr_assert_eq(conf_diff(&a, &b, &d), 0);
	b.trust_proxy = 1;
	b.scan_at = -1;
	cr_assert_eq(conf_diff(&a, &b, &d), 2);
	cr_assert_str_eq(buf_str(&d), "scan_at = off (was: scan_at = 02:00)\n"
				      "trust_proxy = yes (was: trust_proxy = no)\n");
	buf_free(&d);
}
