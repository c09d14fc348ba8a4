/*
 * file_store.h - files kept beside the database, content-addressed: the
 * bytes of a file whose SHA-256 is H live in FILE-files/H[0..1]/H (FILE =
 * the main database file). The same content is stored once, whoever
 * uploads it how often; a name, an owner and the right to read it are the
 * caller's rows (e.g. warning_files), never this module's. Back the folder
 * up with the two database files.
 */
#ifndef ANXIN_FILE_STORE_H
#define ANXIN_FILE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/*
 * Copies the file at src into the store of d's database (unless the same
 * content is there already) and writes its SHA-256 in lower-case hex to
 * sha. The copy is written to a temp file, synced and renamed, so a crash
 * never leaves half a file under a hash. Returns DB_OK, or DB_ERROR with a
 * message in err.
 */
int file_store_put(db *d, const char *src, char sha[65], char *err, size_t errlen);

/* Opens the stored file of hash sha for reading: the descriptor (caller
 * closes) and its length, or -1 when it is missing or sha is malformed. */
int file_store_open(db *d, const char *sha, uint64_t *len);

/* The type of a stored file judged by its first bytes (never by its name):
 * "application/pdf", "image/jpeg", "image/png" - the three kinds evidence
 * and attachments may be - or NULL. */
const char *file_store_sniff(const unsigned char *head, size_t n);

/* A file name fit to keep and to send back: the base name of in without
 * folders ('/' or '\\'), control characters or quotes, at most 200 bytes
 * cut at a UTF-8 boundary; dflt when nothing is left. */
void file_store_clean_name(const char *in, const char *dflt, char *out, size_t outlen);

#endif
