/*
 * fuzz_public_form.c - libFuzzer target for the clue form's parser
 * (src/http/public_form.c): any byte string, read as the public form and as
 * the officer's intake, must parse or be refused without a crash, a leak or
 * undefined behaviour; a refusal names a member or the body, a parsed form
 * holds at most CLUE_MAX_WORKERS workers each with a name, and the public
 * form always carries its token and the channel "online".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/public_form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char what[64], err[512];

	for (int mode = PF_PUBLIC; mode <= PF_OFFICER; mode++) {
		public_form f;
		int rc = public_form_parse((const char *)data, size, (public_form_mode)mode, &f, what,
					   sizeof what, err, sizeof err);
		if (rc == 0) {
			if (f.in.nworkers < 0 || f.in.nworkers > CLUE_MAX_WORKERS)
				abort();
			for (int i = 0; i < f.in.nworkers; i++)
				if (!f.in.workers[i].name || !*f.in.workers[i].name)
					abort();
			if (mode == PF_PUBLIC &&
			    (!f.token || !*f.token || !f.in.public_form || strcmp(f.in.channel, "online")))
				abort();
			if (!f.in.reporter_name || !f.in.employer_name || !f.in.description)
				abort();
		} else if (rc != -1 || !err[0] || strlen(what) >= sizeof what) {
			abort();
		}
		public_form_free(&f);
	}
	return 0;
}
