/*
 * log.h - the server's log lines on standard error, in the form journald
 * keeps: one line per event, starting with the syslog priority in angle
 * brackets ("<6>anxin: ..."), which journald reads as the line's level
 * (SyslogLevelPrefix=, on by default) and strips. A line is written with
 * one write(2), so threads never interleave within a line; control
 * characters in it become '?', so a value from a request cannot forge a
 * second line.
 *
 * Must not: allocate on the hot path beyond the stack, or know HTTP.
 */
#ifndef ANXIN_UTIL_LOG_H
#define ANXIN_UTIL_LOG_H

/* The syslog priorities used (sd-daemon.h's SD_ERR ... SD_DEBUG). */
enum { LOG_ERR = 3, LOG_WARNING = 4, LOG_NOTICE = 5, LOG_INFO = 6, LOG_DEBUG = 7 };

/* Lines above level (less urgent) are dropped; LOG_INFO by default.
 * Thread-safe (a reload changes it while requests log). */
void log_set_level(int level);
int log_get_level(void);
/* "err", "warning", "notice", "info", "debug" -> the priority; -1 else. */
int log_level_parse(const char *s);
/* The name of a priority ("info"). */
const char *log_level_name(int level);

/* Writes "<LEVEL>anxin: " + the formatted message + "\n" to stderr when
 * level is at most the current level. Lines longer than 2 KiB are cut. */
void log_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
