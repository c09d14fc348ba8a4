/*
 * fuzz_rowsrc.c - libFuzzer target: any bytes through rowsrc, which sniffs
 * them as an XLSX zip or CSV text (any encoding, any quoting) - one target
 * for both readers, seeded with tests/fixtures/io (CSV, GB18030 CSV,
 * deflated and stored XLSX).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "io/rowsrc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], err[512], **fields;
	size_t n;
	int fd = memfd_create("fuzz_rowsrc", MFD_CLOEXEC);

	if (fd < 0)
		return 0;
	if (size && write(fd, data, size) != (ssize_t)size)
		goto out;
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	rowsrc *rs = rowsrc_open(path, err, sizeof err);
	if (!rs)
		goto out;
	while (rowsrc_next(rs, &fields, &n, err, sizeof err) == 1)
		for (size_t i = 0; i < n; i++)
			(void)strlen(fields[i]);
	long long done, total;
	rowsrc_progress(rs, &done, &total);
	(void)rowsrc_encoding(rs);
	rowsrc_close(rs);
out:
	close(fd);
	return 0;
}
