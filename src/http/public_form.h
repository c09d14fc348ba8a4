/*
 * public_form.h - the JSON body of a clue's intake (欠薪线索登记) turned
 * into a clue_intake (domain/cases/clue.h): the worker's public form
 * (POST /api/v1/public/clues) and the officer's intake (POST
 * /api/v1/cases/clue) share it.
 *
 * Pure: no database, no HTTP, no clock - so a fuzzer (tests/fuzz/
 * fuzz_public_form.c) can feed it any bytes. It checks the shape (an
 * object; known members only; strings of bounded length without control
 * characters; counts and amounts as a number or digits; workers a list of
 * at most CLUE_MAX_WORKERS objects) and names the member at fault. What
 * the values mean (an ID number's check digit, a phone, a street) is the
 * engine's to judge (clue_create).
 */
#ifndef ANXIN_HTTP_PUBLIC_FORM_H
#define ANXIN_HTTP_PUBLIC_FORM_H

#include <stddef.h>

#include "domain/cases/clue.h"

struct json_t;

typedef enum { PF_PUBLIC, PF_OFFICER } public_form_mode;

/* A parsed form: in borrows the strings of root (and of num). */
typedef struct public_form {
	struct json_t *root;      /* owned: the parsed body */
	clue_intake in;
	const char *token;        /* PF_PUBLIC: the form token */
	const char *website;      /* PF_PUBLIC: the honeypot ("" from a person) */
	const char *request_id;   /* PF_OFFICER: an idempotency key, or NULL */
	char num[2][32];          /* workers_claimed, amount_claimed given as numbers */
} public_form;

/*
 * Parses the len bytes of body as the form of mode into f (zeroed first;
 * public_form_free after, also on failure). The public form may not set
 * channel, received date, USCC, project code or street (it is "online", today, and
 * routed by the engine) and must carry token; reporter_phone is required
 * there. Returns 0, or -1 with the member at fault in field ("" for the
 * body as a whole) and a message "中文 (english)" in err.
 */
int public_form_parse(const char *body, size_t len, public_form_mode mode, public_form *f,
		      char *what, size_t whatlen, char *err, size_t errlen);
void public_form_free(public_form *f);

#endif
