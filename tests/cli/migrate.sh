#!/usr/bin/env bash
# migrate.sh - black-box tests of `anxin migrate --from SRC --to DST`: a
# demo district moved from SQLite up to PostgreSQL and back down to a new
# SQLite file loses nothing (the export of every kind, the warnings list
# and the audit log identical on all three, each audit chain intact, the
# migration's own audit row on each target, identity sequences moved on);
# a target that is not empty is refused and left untouched; a source of
# another schema version is refused; a migration that fails or is killed
# half-way leaves the PostgreSQL target empty and no SQLite target file.
#
# It needs a PostgreSQL server: $ANXIN_PG_BASE (a URI base such as
# postgresql://postgres@127.0.0.1:5432, as scripts/pgtest prints) when set,
# else a throw-away one started here with scripts/pgtest and stopped on exit.
# Run on SQLite runs of the cli suite (the Makefile's cli target): it uses
# the real binary on both backends itself.
# Usage: ANXIN=build/anxin bash tests/cli/migrate.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${ANXIN:?set ANXIN to the anxin binary}"
# shellcheck source=lib.sh
. "$HERE/lib.sh"
export ANXIN_TEST_FAST_HASH=1
export ANXIN_FILES="$T/files"

PGDIR=
cleanup() {
	if [ -n "$PGDIR" ]; then "$ROOT/scripts/pgtest" stop "$PGDIR" >/dev/null 2>&1 || true; fi
	rm -rf "$T"
}
trap cleanup EXIT
if [ -z "${ANXIN_PG_BASE:-}" ]; then
	PGDIR=$(mktemp -d)
	ANXIN_PG_BASE=$(PGTEST_OWNER=$$ "$ROOT/scripts/pgtest" start "$PGDIR")
fi
BASE=$ANXIN_PG_BASE
export PGOPTIONS="-c client_min_messages=warning"
PSQL=$(command -v psql || echo "$(pg_config --bindir)/psql")

# newdb NAME: a new, empty PostgreSQL database (dropped first); its URI in $URI.
# Names carry the process id: a shared server may run other suites.
newdb() {
	local name="mig_$$_$1"
	"$PSQL" -qAt "$BASE/postgres" -v ON_ERROR_STOP=1 \
		-c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
	URI="$BASE/$name"
	DBS+=("$name")
}
DBS=()
dropall() {
	for n in "${DBS[@]}"; do
		"$PSQL" -qAt "$BASE/postgres" -c "DROP DATABASE IF EXISTS $n" >/dev/null 2>&1 || true
	done
}
trap 'dropall; cleanup' EXIT

# pgcount URI TABLE: the rows of TABLE.
pgcount() { "$PSQL" -qAt "$1" -c "SELECT count(*) FROM $2"; }

KINDS=$("$ANXIN" import --help | sed -n '/KIND:/,/omit/p' | sed 's/KIND://; s/(omit.*//')
KINDS=$(echo $KINDS)
expect_eq "kinds listed by import --help" "$(echo "$KINDS" | wc -w)" 12

# ---- the source: a demo district with warnings, their history, users -------
A="$T/a.db"
"$ANXIN" demo --no-serve --quiet --seed 7 --projects 30 --workers 600 --db "$A" >/dev/null
"$ANXIN" scan --db "$A" >/dev/null
WID=$("$ANXIN" warnings --db "$A" --format csv | sed -n '2p' | awk -F, '{print $6}')
"$ANXIN" warnings eliminate "$WID" --reason "已整改" --actor tester --db "$A" >/dev/null
printf 'Migr-Test-Pw-2026!\n' | "$ANXIN" user add ops1 --role inspector --password-stdin \
	--actor tester --db "$A" >/dev/null
"$ANXIN" params set board_grace_days 10 --actor tester --db "$A" >/dev/null
SRC_AUDIT=$("$ANXIN" audit list --format csv --db "$A" | tail -n +2 | wc -l)

# ---- SQLite -> PostgreSQL -> SQLite ------------------------------------------
newdb up
UP=$URI
run migrate --from "$A" --to "$UP" --actor tester
expect_rc "migrate a.db -> PostgreSQL" 0
expect_in "prints the counts" "$T/out" "(total)"
expect_in "counts of workers" "$T/out" "workers                           600          600"
expect_eq "PostgreSQL workers" "$(pgcount "$UP" workers)" 600
B="$T/b.db"
run migrate --from "$UP" --to "$B" --actor tester
expect_rc "migrate PostgreSQL -> b.db" 0
expect_eq "b.db in place" "$([ -f "$B" ] && [ -f "$B-desk" ] && echo yes)" yes
expect_eq "no partial file left" "$(ls "$T" | grep -c partial || true)" 0

for k in $KINDS; do
	"$ANXIN" export "$k" --db "$A" >"$T/a.$k.csv"
	"$ANXIN" export "$k" --db "$UP" >"$T/up.$k.csv"
	"$ANXIN" export "$k" --db "$B" >"$T/b.$k.csv"
	if cmp -s "$T/a.$k.csv" "$T/up.$k.csv"; then ok; else bad "export $k: a.db and PostgreSQL differ"; fi
	if cmp -s "$T/a.$k.csv" "$T/b.$k.csv"; then ok; else bad "export $k: a.db and b.db differ"; fi
done
for k in enterprises projects workers attendance payroll transactions; do
	if [ "$(wc -l <"$T/a.$k.csv")" -gt 1 ]; then ok; else bad "export $k of the demo is empty"; fi
done

for d in "$A" "$UP" "$B"; do
	"$ANXIN" warnings --status all --format csv --db "$d" >"$T/w.$(basename "$d").csv"
done
expect_eq "the demo has warnings" "$([ "$(wc -l <"$T/w.a.db.csv")" -gt 2 ] && echo yes)" yes
expect_in "a warning being handled" "$T/w.a.db.csv" ",handling,$WID,"
if cmp -s "$T/w.a.db.csv" "$T/w.$(basename "$UP").csv"; then ok; else bad "warnings: a.db and PostgreSQL differ"; fi
if cmp -s "$T/w.a.db.csv" "$T/w.b.db.csv"; then ok; else bad "warnings: a.db and b.db differ"; fi
"$ANXIN" warnings show "$WID" --format json --db "$A" >"$T/show.a"
"$ANXIN" warnings show "$WID" --format json --db "$B" >"$T/show.b"
expect_in "the warning has a history" "$T/show.a" "review_requested"
if cmp -s "$T/show.a" "$T/show.b"; then ok; else bad "warning $WID's history differs"; fi
"$ANXIN" params --db "$B" >"$T/params.b"
expect_in "the changed parameter came along" "$T/params.b" "board_grace_days           10"

# The audit log: each chain intact, the source's rows first, then one
# migrate row per migration.
run audit verify --db "$A"
expect_rc "audit verify a.db" 0
run audit verify --db "$UP"
expect_rc "audit verify PostgreSQL" 0
expect_in "PostgreSQL: the source's rows and one" "$T/out" "audit log OK: $((SRC_AUDIT + 1)) rows"
run audit verify --db "$B"
expect_rc "audit verify b.db" 0
expect_in "b.db: the source's rows and two" "$T/out" "audit log OK: $((SRC_AUDIT + 2)) rows"
"$ANXIN" audit list --format csv --db "$A" >"$T/audit.a"
"$ANXIN" audit list --format csv --db "$B" >"$T/audit.b"
if cmp -s "$T/audit.a" <(head -n "$((SRC_AUDIT + 1))" "$T/audit.b"); then ok; else bad "audit rows of a.db not copied as they were"; fi
expect_eq "the migrations' own rows" \
	"$(tail -n 2 "$T/audit.b" | grep -c ',cli:tester,cli,,migrate,database,')" 2

# The identity sequences moved on: a new row gets the next id, no clash.
run user add ops2 --role inspector --actor tester --db "$UP"
expect_rc "a new user on PostgreSQL after the migration" 0
expect_eq "its id follows the copied ones" "$(pgcount "$UP" "users WHERE username = 'ops2' AND id = (SELECT max(id) FROM users WHERE username <> 'ops2') + 1")" 1

# ---- a target that is not empty is refused, untouched --------------------------
before=$("$PSQL" -qAt "$UP" -c "SELECT count(*), max(seq) FROM audit_log")
run migrate --from "$A" --to "$UP"
expect_rc "refuses a PostgreSQL target with rows" 1
expect_in "says why" "$T/err" "is not empty"
expect_eq "the PostgreSQL target untouched" "$("$PSQL" -qAt "$UP" -c "SELECT count(*), max(seq) FROM audit_log")" "$before"
sum_b=$(cat "$B" "$B-desk" | sha256sum)
run migrate --from "$A" --to "$B"
expect_rc "refuses a SQLite target with rows" 1
expect_in "says why (SQLite)" "$T/err" "is not empty"
expect_eq "b.db untouched" "$(cat "$B" "$B-desk" | sha256sum)" "$sum_b"
newdb seeded
printf 'Migr-Test-Pw-2026!\n' | "$ANXIN" init --admin-password-stdin --db "$URI" >/dev/null
run migrate --from "$A" --to "$URI"
expect_rc "refuses a target with only its first administrator" 1
expect_in "names the tables" "$T/err" "users (1 rows)"

# An existing target with nothing but what the migrations seed (made by a
# command that creates the schema and adds nothing) is empty: SQLite to
# SQLite, the file replaced whole.
"$ANXIN" params --db "$T/e.db" >/dev/null
run migrate --from "$A" --to "$T/e.db"
expect_rc "migrate into an existing empty SQLite file (SQLite -> SQLite)" 0
"$ANXIN" export payroll --db "$T/e.db" >"$T/e.payroll.csv"
if cmp -s "$T/a.payroll.csv" "$T/e.payroll.csv"; then ok; else bad "SQLite -> SQLite: payroll differs"; fi

# ---- a source of another schema version is refused ------------------------------
V="$T/v.db"
cp "$T/b.db" "$V"
cp "$T/b.db-desk" "$V-desk"
sqlite3 "$V" "PRAGMA user_version = 99"
newdb ver
run migrate --from "$V" --to "$URI"
expect_rc "refuses a newer source schema" 1
expect_in "says the version" "$T/err" "schema version 99"
sqlite3 "$V" "PRAGMA user_version = 6"
run migrate --from "$V" --to "$URI"
expect_rc "refuses an older source schema" 1
expect_eq "nothing written on a refusal" "$(pgcount "$URI" "pg_tables WHERE schemaname = 'public'")" 0

# ---- a failure or a kill half-way leaves the target empty -----------------------
newdb fail
ANXIN_TEST_MIGRATE_FAIL_AFTER=workers run migrate --from "$A" --to "$URI"
expect_rc "an injected failure" 1
expect_in "reports it" "$T/err" "test failure injected after table workers"
expect_eq "PostgreSQL: the workers copied before it rolled back" "$(pgcount "$URI" workers)" 0
expect_eq "PostgreSQL: no project" "$(pgcount "$URI" projects)" 0
expect_eq "PostgreSQL: the seeded calendar kept" "$(pgcount "$URI" calendar_years)" 4
ANXIN_TEST_MIGRATE_FAIL_AFTER=workers run migrate --from "$A" --to "$T/c.db"
expect_rc "an injected failure (SQLite)" 1
expect_eq "no SQLite target after a failure" "$(ls "$T" | grep -c '^c\.db' || true)" 0

# kill -9 while it runs: stalled after a table by the test hook, then killed.
killed_run() {  # DST: runs migrate a.db -> DST, kills it mid-way
	ANXIN_TEST_MIGRATE_STALL_AFTER=workers "$ANXIN" migrate --from "$A" --to "$1" \
		>"$T/kout" 2>"$T/kerr" &
	local pid=$! i
	for i in $(seq 1 300); do
		grep -q "test stall after table workers" "$T/kerr" && break
		sleep 0.1
	done
	expect_in "it stalled mid-way" "$T/kerr" "test stall after table workers"
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
}
newdb kill
killed_run "$URI"
sleep 0.5
expect_eq "PostgreSQL after kill -9: no worker" "$(pgcount "$URI" workers)" 0
expect_eq "PostgreSQL after kill -9: no audit row" "$(pgcount "$URI" audit_log)" 0
run migrate --from "$A" --to "$URI"
expect_rc "the killed target takes a new migration" 0
killed_run "$T/k.db"
expect_eq "SQLite after kill -9: no target file" "$([ -e "$T/k.db" ] && echo exists || echo none)" none
run migrate --from "$A" --to "$T/k.db"
expect_rc "a new migration after the kill" 0
expect_eq "its partial files cleared" "$(ls "$T" | grep -c '^k\.db\.partial' || true)" 0

summary
