/*
 * file_store.c - content-addressed files beside the database (see
 * file_store.h). Owns the folder FILE-files and nothing else: no table,
 * no access decision.
 */
#include "store/file_store.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"

/* The folder of d's files (db_files_dir), or NULL. Caller frees. */
static char *store_dir(db *d)
{
	return db_files_dir(d);
}

static int hex_ok(const char *sha)
{
	size_t n = 0;

	for (; sha[n]; n++)
		if (!((sha[n] >= '0' && sha[n] <= '9') || (sha[n] >= 'a' && sha[n] <= 'f')))
			return 0;
	return n == 64;
}

int file_store_put(db *d, const char *src, char sha[65], char *err, size_t errlen)
{
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES], chunk[65536];
	char *dir = store_dir(d), *tmp = NULL;
	buf path = BUF_INIT;
	int in = -1, out = -1, rc = DB_ERROR;
	ssize_t n;

	if (!dir) {
		snprintf(err, errlen, "no folder for files beside an in-memory database");
		return DB_ERROR;
	}
	if ((in = open(src, O_RDONLY | O_CLOEXEC)) < 0)
		goto ioerr;
	crypto_hash_sha256_init(&h);
	while ((n = read(in, chunk, sizeof chunk)) > 0)
		crypto_hash_sha256_update(&h, chunk, (unsigned long long)n);
	if (n < 0)
		goto ioerr;
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(sha, 65, md, sizeof md);
	char sub[3] = {sha[0], sha[1], 0};
	buf_fmt(&path, "%s/%s", dir, sub);
	if ((mkdir(dir, 0750) != 0 && errno != EEXIST) ||
	    (mkdir(buf_str(&path), 0750) != 0 && errno != EEXIST))
		goto ioerr;
	buf_fmt(&path, "/%s", sha);
	if (access(buf_str(&path), F_OK) == 0) { /* the same content is there */
		rc = DB_OK;
		goto out;
	}
	buf t = BUF_INIT;
	buf_fmt(&t, "%s.tmp-XXXXXX", buf_str(&path));
	tmp = buf_detach(&t);
	if ((out = mkstemp(tmp)) < 0 || lseek(in, 0, SEEK_SET) != 0)
		goto ioerr;
	while ((n = read(in, chunk, sizeof chunk)) > 0)
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, chunk + off, (size_t)(n - off));
			if (w < 0)
				goto ioerr;
			off += w;
		}
	if (n < 0 || fsync(out) != 0 || close(out) != 0) {
		out = -1;
		goto ioerr;
	}
	out = -1;
	if (rename(tmp, buf_str(&path)) != 0)
		goto ioerr;
	free(tmp);
	tmp = NULL;
	rc = DB_OK;
	goto out;
ioerr:
	snprintf(err, errlen, "cannot store the file: %s", strerror(errno));
out:
	if (out >= 0)
		close(out);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	if (in >= 0)
		close(in);
	buf_free(&path);
	free(dir);
	return rc;
}

int file_store_open(db *d, const char *sha, uint64_t *len)
{
	char *dir;
	buf path = BUF_INIT;
	struct stat st;
	int fd = -1;

	if (!sha || !hex_ok(sha) || !(dir = store_dir(d)))
		return -1;
	char sub[3] = {sha[0], sha[1], 0};
	buf_fmt(&path, "%s/%s/%s", dir, sub, sha);
	fd = open(buf_str(&path), O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) != 0) {
		close(fd);
		fd = -1;
	}
	if (fd >= 0)
		*len = (uint64_t)st.st_size;
	buf_free(&path);
	free(dir);
	return fd;
}

const char *file_store_sniff(const unsigned char *p, size_t n)
{
	if (n >= 5 && !memcmp(p, "%PDF-", 5))
		return "application/pdf";
	if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return "image/jpeg";
	if (n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8))
		return "image/png";
	return NULL;
}

void file_store_clean_name(const char *in, const char *dflt, char *out, size_t outlen)
{
	const char *base = in ? in : "";
	size_t n = 0;

	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	for (const unsigned char *p = (const unsigned char *)base; *p && n + 1 < outlen && n < 200; p++)
		if (*p >= 0x20 && *p != 0x7F && *p != '"')
			out[n++] = (char)*p;
	while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
		n--;       /* drop a cut multi-byte character ... */
	if (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0xC0)
		n--;       /* ... and its lead byte */
	out[n] = 0;
	if (!n)
		snprintf(out, outlen, "%s", dflt);
}
