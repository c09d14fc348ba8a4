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

#endif
