/*
 * clue_public.c - what a worker who filed a clue sees with its number and
 * query code (进度查询): the state in plain words, the dates, and the
 * bureau's reply once the review passed - nothing else about the clue and
 * nothing about anyone else. A wrong code and an unknown number answer
 * alike; the code is compared by its hash in constant time.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cases/clue.h"
#include "store/clue_store.h"

/* The reporter's words for a state: a return is internal (still 核处中). */
static const char *public_zh(const char *state)
{
	static const struct {
		const char *code, *zh;
	} m[] = {{"received", "已接收，待转办"}, {"transferred", "已转办，待核处"},
		 {"handling", "核处中"},         {"returned", "核处中"},
		 {"submitted", "已核处，待审核"}, {"passed", "已办结"},
		 {"merged", "已合并办理"}};

	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		if (!strcmp(m[i].code, state))
			return m[i].zh;
	return "处理中";
}

int clue_public_get(db *d, const char *number, const char *code, clue_public_view *out)
{
	clue_store_pub p;
	unsigned char md[crypto_hash_sha256_BYTES], want[crypto_hash_sha256_BYTES];
	size_t bin = 0;
	int f;

	memset(out, 0, sizeof *out);
	if (!number || !code || strlen(code) > 32 || strlen(number) > 40)
		return 0;
	crypto_hash_sha256(md, (const unsigned char *)code, strlen(code));
	if ((f = clue_store_public(d, number, &p)) <= 0)
		return f;
	int ok = strlen(p.query_hash) == 64 &&
		 sodium_hex2bin(want, sizeof want, p.query_hash, 64, NULL, &bin, NULL) == 0 &&
		 bin == sizeof want && sodium_memcmp(md, want, sizeof md) == 0;
	if (!ok) {
		free(p.reply);
		return 0;
	}
	snprintf(out->number, sizeof out->number, "%s", p.number);
	snprintf(out->received_date, sizeof out->received_date, "%s", p.received_date);
	snprintf(out->state, sizeof out->state, "%s", !strcmp(p.status, "returned") ? "handling" : p.status);
	out->state_zh = public_zh(p.status);
	snprintf(out->updated, sizeof out->updated, "%s", *p.state_date ? p.state_date : p.received_date);
	out->concluded = !strcmp(p.status, "passed") || !strcmp(p.status, "merged");
	if (!strcmp(p.status, "passed") && p.reply)
		snprintf(out->reply, sizeof out->reply, "%s", p.reply);
	if (!strcmp(p.status, "merged"))
		snprintf(out->merged_into, sizeof out->merged_into, "%s", p.merged_into);
	free(p.reply);
	return 1;
}
