/*
 * fuzz_query.c - libFuzzer target for the HTTP query-string parser and the
 * typed getters built on it (src/http/req.c): any byte string must parse
 * or be refused without a crash, a leak or undefined behaviour, and a
 * value that parses as an integer must lie within the range asked for.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/req.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *qs = malloc(size + 1);
	http_req r;
	int64_t page;
	int flag;
	char day[11];

	memcpy(qs, data, size);
	qs[size] = 0;
	req_init(&r);
	if (req_parse_query(&r, qs) == 0) {
		if (req_int(&r, "page", 1, 1, 10000, &page) == 0 && (page < 1 || page > 10000))
			abort();
		req_bool(&r, "unmasked", 0, &flag);
		req_date(&r, "as_of", day);
		req_str(&r, "q");
		req_params_done(&r);
	}
	req_free(&r);
	free(qs);
	char *dec = req_decode((const char *)data, size, 1);
	free(dec);
	return 0;
}
