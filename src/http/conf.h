/*
 * conf.h - the server's configuration file (default /etc/anxin/anxin.conf):
 * `key = value` lines, `#` comments, blank lines. Every key is also a flag
 * of `anxin serve` (--scan-at for scan_at ...), and a flag overrides the
 * file; both go through conf_set, so a value means the same wherever it is
 * written. Unknown keys, bad values and keys given twice are errors naming
 * FILE:LINE and the key. The server re-reads the file on SIGHUP
 * (server.c), with the same flags applied on top again.
 *
 * Must not: open the database or know about HTTP requests.
 */
#ifndef ANXIN_HTTP_CONF_H
#define ANXIN_HTTP_CONF_H

#include "http/http.h"
#include "util/buf.h"

/* The file read when neither --config nor $ANXIN_CONFIG names one (and
 * only when it exists). */
#define CONF_DEFAULT_PATH "/etc/anxin/anxin.conf"

/* The settings of a server that has no file and no flags. */
void conf_defaults(http_config *c);

/* Sets key (a file key: "scan_at", "read_limit" ...) from value after
 * validating it. Returns 0, or -1 with the reason (Chinese, then English
 * in parentheses, without the key or the place) in err. */
int conf_set(http_config *c, const char *key, const char *value, char *err, size_t errlen);

/* Reads path and sets every key it holds. Appends one line per error
 * ("FILE:LINE: KEY: reason") to errs and returns how many there were;
 * -1 when the file cannot be read (the reason in errs). Keys set before
 * errors are kept, so a caller that sees errors must not use c. */
int conf_read_file(const char *path, http_config *c, buf *errs);

/* The whole load: conf_defaults, then the file c->config_path (if not
 * ""), then flags (key, value pairs ending in NULL) over it. Keeps
 * config_path and flags in c (flags is borrowed). Returns the number of
 * errors (lines in errs, flag errors as "--FLAG 'VALUE': reason"). */
int conf_load(http_config *c, const char *config_path, const char *const *flags, buf *errs);

/* Appends the effective settings as `key = value` lines, the format of the
 * file (what `anxin config check` prints). */
void conf_print(const http_config *c, buf *out);

/* Appends one line "key = NEW (was: key = OLD)" per setting that differs
 * between was and now (a reload's log); returns how many. */
int conf_diff(const http_config *was, const http_config *now, buf *out);

/* The flag of a key ("scan_at" -> "--scan-at") into out. */
const char *conf_flag_name(const char *key, char *out, size_t outlen);

#endif
