#!/usr/bin/env bash
# run.sh - black-box tests of backup and restore (issue 12): `anxin backup`
# of a database that a server is serving while an import writes to it, the
# backup restored to a database whose exports (every kind, unmasked,
# exchange form) equal the original's at the snapshot and whose audit chain
# verifies; restore refusing an existing or a live target; SIGKILL of a
# backup and of a server in the middle of its daily backup (made slow by
# ANXIN_TEST_BACKUP_PAUSE_MS) leaving the previous backup and the live
# database intact and nothing under the final name; retention keeping
# exactly N. Uses the sqlite3 and curl command-line tools.
# Usage: ANXIN=build/anxin bash tests/ops/run.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
: "${ANXIN:?set ANXIN to the anxin binary}"
# shellcheck source=../cli/lib.sh
. "$HERE/../cli/lib.sh"
export USER=tester ANXIN_TEST_FAST_HASH=1
KINDS="enterprises projects workers employments attendance payroll accounts transactions deposits min_wages"
SRV=""
cleanup() { [ -n "$SRV" ] && kill "$SRV" 2>/dev/null; wait 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

# exports DB DIR: every kind of DB, unmasked, exchange form, into DIR.
exports() {
	mkdir -p "$2"
	for k in $KINDS; do
		"$ANXIN" export "$k" --unmasked --form exchange --db "$1" >"$2/$k.csv" 2>/dev/null
	done
}

# same_exports NAME DIR1 DIR2: the two export folders are byte-identical.
same_exports() {
	if diff -r "$2" "$3" >"$T/diff" 2>&1; then ok; else bad "$1: exports differ: $(head -c 600 "$T/diff")"; fi
}

# intact NAME DB: both files pass integrity_check and the audit chain verifies.
intact() {
	expect_eq "$1: integrity of the main file" "$(sqlite3 "$2" 'PRAGMA integrity_check')" ok
	expect_eq "$1: integrity of the desk file" "$(sqlite3 "$2-desk" 'PRAGMA integrity_check')" ok
	run audit verify --db "$2"
	expect_rc "$1: audit verify" 0
}

# wait_for FILE-GLOB: waits (at most 20 s) until a file matching it exists.
wait_for() {
	for _ in $(seq 200); do
		# shellcheck disable=SC2086
		if compgen -G "$1" >/dev/null; then return 0; fi
		sleep 0.1
	done
	return 1
}

# serve DB [ARGS...]: starts a server on a free port (its pid in SRV, its
# base URL in URL, its standard error in $T/serve.err).
serve() {
	local db=$1
	shift
	"$ANXIN" serve --db "$db" --listen 127.0.0.1:0 --scan-at off "$@" >"$T/serve.out" 2>"$T/serve.err" &
	SRV=$!
	wait_for "$T/serve.out" || true
	for _ in $(seq 100); do
		URL=$(sed -n 's|^anxin: serving \(http://[^/]*\)/.*|\1|p' "$T/serve.out")
		[ -n "$URL" ] && return 0
		sleep 0.1
	done
	bad "server did not start: $(cat "$T/serve.err")"
}

stop() { kill "$SRV" 2>/dev/null || true; wait "$SRV" 2>/dev/null || true; SRV=""; }

# ---- conventions -------------------------------------------------------------
for c in backup restore; do
	run "$c" --help
	expect_rc "help $c" 0
	expect_in "help $c" "$T/out" "usage: anxin $c"
done
run backup --db "$T/x.db"
expect_rc "backup needs --to or --dir" 2
run restore --db "$T/x.db"
expect_rc "restore needs --from" 2
run backup --db "$T/missing.db" --to "$T/m.bak"
expect_rc "backup of a missing database" 1
expect_eq "nothing written for a missing database" "$(ls "$T" | grep -c m.bak || true)" 0

# ---- a demo-sized database with an evidence file -----------------------------
DB="$T/live.db"
run demo --no-serve --quiet --projects 6 --workers 300 --seed 5 --as-of 2026-06-15 --db "$DB"
expect_rc "demo" 0
run scan --as-of 2026-06-15 --db "$DB"
expect_rc "scan" 0
# One evidence file referenced by a warning, one stored but referenced by
# nothing (an upload whose transaction rolled back): only the first is
# part of the database.
printf 'bank receipt %s\n' "$RANDOM" >"$T/receipt.pdf"
SHA=$(sha256sum "$T/receipt.pdf" | cut -c1-64)
mkdir -p "$DB-files/${SHA:0:2}" "$DB-files/ff"
cp "$T/receipt.pdf" "$DB-files/${SHA:0:2}/$SHA"
echo orphan >"$DB-files/ff/ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
sqlite3 "$DB-desk" "INSERT INTO warning_files (warning_id, sha256, name, mime, size, uploaded_by, uploaded_at)
	SELECT min(id), '$SHA', 'receipt.pdf', 'application/pdf', 20, 'tester', '2026-06-15T00:00:00Z' FROM warnings"
expect_eq "an evidence file is referenced" "$(sqlite3 "$DB-desk" 'SELECT count(*) FROM warning_files')" 1

# New rows for the import that writes during the backup: the workers of
# another demo (other seed: other ID numbers).
run demo --no-serve --quiet --projects 2 --workers 400 --seed 9 --as-of 2026-06-15 --db "$T/other.db"
"$ANXIN" export workers --unmasked --db "$T/other.db" >"$T/new-workers.csv" 2>/dev/null

# ---- backup while a server serves and an import writes ------------------------
exports "$DB" "$T/ex-before"
serve "$DB"
expect_eq "server answers before the backup" "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz")" 200
ANXIN_TEST_BACKUP_PAUSE_MS=2 "$ANXIN" backup --db "$DB" --to "$T/b1.db" >"$T/b1.out" 2>"$T/b1.err" &
BK=$!
wait_for "$T/b1.db.tmp-*" || bad "the backup never started copying"
# The snapshot is taken before the copy starts: this import commits after it.
run import workers "$T/new-workers.csv" --db "$DB"
expect_rc "import during the backup" 0
codes=""
for _ in 1 2 3 4 5; do
	codes="$codes$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz") "
	codes="$codes$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/projects") "
done
expect_eq "the server answers during the backup" "$codes" "200 401 200 401 200 401 200 401 200 401 "
BKRC=0
wait "$BK" || BKRC=$?
expect_eq "backup under load exits 0" "$BKRC" 0
expect_in "backup prints a summary" "$T/b1.out" "audit chain of"
expect_in "backup summary counts the evidence file" "$T/b1.out" "1 evidence files"
stop
exports "$DB" "$T/ex-after"
if diff -rq "$T/ex-before" "$T/ex-after" >/dev/null; then bad "the import changed nothing (test data)"; else ok; fi
expect_eq "backup files are the owner's only" "$(stat -c %a "$T/b1.db") $(stat -c %a "$T/b1.db-desk")" "600 600"
expect_eq "no temporary copy left" "$(ls "$T" | grep -c 'b1.db.tmp' || true)" 0

# ---- restore: equal exports, verified chain, evidence files ------------------
run restore --from "$T/b1.db" --db "$T/r1.db"
expect_rc "restore into a new name" 0
intact "restored" "$T/r1.db"
exports "$T/r1.db" "$T/ex-restored"
same_exports "restored exports equal the original's at the snapshot" "$T/ex-before" "$T/ex-restored"
if cmp -s "$T/receipt.pdf" "$T/r1.db-files/${SHA:0:2}/$SHA"; then ok; else bad "evidence file not restored"; fi
expect_eq "unreferenced file not carried" "$(ls "$T/r1.db-files" | grep -c '^ff$' || true)" 0

# ---- restore refuses what it must ----------------------------------------------
run restore --from "$T/b1.db" --db "$T/r1.db"
expect_rc "restore over an existing database without --force" 1
expect_in "says how" "$T/err" "--force"
serve "$T/r1.db"
run restore --from "$T/b1.db" --db "$T/r1.db" --force
expect_rc "restore over a live database, even with --force" 1
expect_in "says it is in use" "$T/err" "in use"
stop
"$ANXIN" import workers "$T/new-workers.csv" --db "$T/r1.db" >/dev/null 2>&1
run restore --from "$T/b1.db" --db "$T/r1.db" --force
expect_rc "restore --force over a stopped database" 0
ASIDE=$(sed -n 's/.*is kept as //p' "$T/out")
[ -n "$ASIDE" ] && [ -f "$ASIDE" ] && [ -f "$ASIDE-desk" ] && ok || bad "the replaced database was not kept aside: '$ASIDE'"
DB_SAVE=$DB
DB="$ASIDE"
expect_eq "the database taken aside keeps its rows" "$(count workers)" "$(tail -n +2 "$T/ex-after/workers.csv" | grep -c .)"
DB="$T/r1.db"
expect_eq "the restored database has the backup's rows" "$(count workers)" "$(tail -n +2 "$T/ex-before/workers.csv" | grep -c .)"
DB=$DB_SAVE

# ---- SIGKILL in the middle of `anxin backup` -----------------------------------
ANXIN_TEST_BACKUP_PAUSE_MS=50 "$ANXIN" backup --db "$DB" --to "$T/b2.db" >/dev/null 2>&1 &
BK=$!
wait_for "$T/b2.db.tmp-*" || bad "the slow backup never started copying"
sleep 0.3
kill -9 "$BK"
wait "$BK" 2>/dev/null || true
expect_eq "killed backup: nothing under its final name" "$(ls "$T" | grep -cE '^b2\.db(-desk|-files)?$' || true)" 0
intact "live database after the kill" "$DB"
intact "previous backup after the kill" "$T/b1.db"
run restore --from "$T/b1.db" --db "$T/r2.db"
expect_rc "the previous backup still restores" 0
exports "$T/r2.db" "$T/ex-r2"
same_exports "and restores the same data" "$T/ex-before" "$T/ex-r2"
run backup --db "$DB" --to "$T/b2.db"
expect_rc "a new backup under the killed one's name" 0
expect_eq "which removes the killed one's leftovers" "$(ls "$T" | grep -c 'b2.db.tmp' || true)" 0

# ---- SIGKILL of the server in the middle of its daily backup ---------------------
mkdir -p "$T/daily"
ANXIN_TEST_BACKUP_NOW=1 ANXIN_TEST_BACKUP_PAUSE_MS=50 serve "$DB" --backup-dir "$T/daily" --backup-keep 3
wait_for "$T/daily/anxin-*.db.tmp-*" || bad "the server's backup never started copying"
kill -9 "$SRV"
wait "$SRV" 2>/dev/null || true
SRV=""
expect_eq "killed server: no daily backup under its final name" "$(ls "$T/daily" | grep -cE '\.db(-desk|-files)?$' || true)" 0
intact "live database after killing the server" "$DB"
ANXIN_TEST_BACKUP_NOW=1 serve "$DB" --backup-dir "$T/daily" --backup-keep 3
wait_for "$T/daily/anxin-*.db" || bad "the server's backup was not made"
stop
expect_in "the daily backup is logged" "$T/serve.err" "anxin: backup (start-up, test)"
expect_eq "one daily backup, no leftovers" "$(ls "$T/daily" | grep -vcE '^anxin-[0-9-]{10}\.db(-desk|-files)?$' || true)" 0
intact "the server's daily backup" "$(ls "$T"/daily/anxin-*.db)"

# ---- retention: the newest N daily backups ------------------------------------
RET="$T/ret"
mkdir -p "$RET"
for d in 01 02 03 04 05; do
	cp "$T/b1.db" "$RET/anxin-2000-01-$d.db"
	cp "$T/b1.db-desk" "$RET/anxin-2000-01-$d.db-desk"
	cp -r "$T/b1.db-files" "$RET/anxin-2000-01-$d.db-files"
done
echo keep >"$RET/notes.txt"
cp "$T/b1.db" "$RET/anxin-1999-12-31.db.tmp-999999999"  # a killed backup's leftover
run backup --db "$DB" --dir "$RET" --keep 3
expect_rc "backup --dir --keep 3" 0
expect_eq "exactly 3 backups kept" "$(ls "$RET" | grep -cE '^anxin-[0-9-]{10}\.db$')" 3
expect_eq "the newest: today's, 01-05, 01-04" \
	"$(ls "$RET" | grep -E '^anxin-2000-[0-9-]{5}\.db$' | tr '\n' ' ')" "anxin-2000-01-04.db anxin-2000-01-05.db "
expect_eq "their desk files and folders go with them" "$(ls "$RET" | grep -cE '^anxin-2000-01-0[123]')" 0
expect_eq "other files are left alone" "$(cat "$RET/notes.txt")" keep
run backup --db "$DB" --dir "$RET" --keep 3
expect_rc "a second backup the same day" 0
expect_in "is not made twice" "$T/out" "exists already"

summary
