/*
 * cli_actor.c - what the access-control commands (init, import, user,
 * token, audit) share: the audit actor of a CLI run and reading a password
 * from standard input.
 *
 * A CLI user already has the database file, so the CLI is not
 * authenticated; it is attributed. The actor is always "cli:NAME", so a
 * shell user cannot write audit rows that look like a web user's.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

void cli_actor(const char *opt, char *out, size_t outlen)
{
	const char *name = opt && *opt ? opt : getenv("USER");

	if (!name || !*name) {
		struct passwd *pw = getpwuid(geteuid());
		name = pw && pw->pw_name ? pw->pw_name : "unknown";
	}
	snprintf(out, outlen, "cli:%s", name);
}

int cli_read_secret(char *out, size_t outlen)
{
	size_t n;

	if (!fgets(out, (int)outlen, stdin))
		return -1;
	n = strlen(out);
	if (n > 0 && out[n - 1] != '\n' && !feof(stdin))
		return -1;  /* longer than the buffer */
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	return n > 0 ? 0 : -1;
}
