#!/usr/bin/env bash
# bench/import.sh - import throughput and memory of anxin against the
# databases' own bulk loaders on the same files, in the same run (not a
# test: it prints figures and ratios; the goals are issue 13's).
#   bench/import.sh [ROWS]          (default 2,000,000 attendance rows)
# In one run:
#  1. attendance: `anxin import` against sqlite3's .import of the same CSV
#     into the same table shape (the same UNIQUE key, in the same column
#     order), rows/s and the ratio (goal >= 1.0); for comparison also
#     against the key order before migration 0009 (project, worker, date);
#  2. peak memory at ROWS/4 and at ROWS rows, and their ratio (goal <= 1.10:
#     flat whatever the file's size);
#  3. payroll and transactions, rows/s (PAY=0 skips);
#  4. a day of attendance into a big table (DAY=0 skips): bench/scan.sh's
#     data set (gen_scan.awk: DAY_WORKERS workers, one project per 50,
#     22 days of attendance each) imported, then its next day (one row a
#     worker) timed through `anxin import` against sqlite3's .import of the
#     same day into a table of the same shape holding the same rows; the
#     ratio, and the seconds against the goal of 5 s at province size
#     (DAY_WORKERS=500000: 10,000 projects, 11 M rows). DAY_DB=FILE uses a
#     ready database of that data set instead of building one: it is copied
#     (and the copy upgraded when older), never written;
#  5. PostgreSQL (PG=0 skips it; PG=only runs it alone): a throw-away server
#     of scripts/pgtest (fsync, synchronous_commit and full_page_writes off
#     - both sides run on it), the same CSV imported by `anxin import
#     attendance --db postgresql://...` into a fresh database, against
#     `psql -c "\copy attendance_ref FROM ... CSV HEADER"` into a table of
#     the same shape in a database holding the same projects: the same
#     columns (an identity id as primary key, hours as numeric because the
#     CSV holds hours, anxin stores hundredths), the same UNIQUE key and the
#     same foreign key to projects; rows/s and the ratio (goal >= 0.8).
set -euo pipefail
export ANXIN_CONFIG=  # the flags only, never a machine's /etc/anxin/anxin.conf
cd "$(dirname "$0")/.."
ROWS=${1:-2000000}
PG=${PG:-1}
PAY=${PAY:-1}
DAY=${DAY:-1}
DAY_WORKERS=${DAY_WORKERS:-100000}
DAY_DB=${DAY_DB:-}
ANXIN=${ANXIN:-build/anxin}
OUT=bench/out
mkdir -p "$OUT"
rm -f "$OUT"/*.db "$OUT"/*.db-wal "$OUT"/*.db-shm "$OUT"/*.db-desk*

now() { date +%s.%N; }
ratio() { echo "$1 / $2" | bc -l; }
# peak_rss CMD...: runs CMD, prints "seconds peak_kib".
peak_rss() {
	local t0 t1 pid peak=0 cur
	t0=$(now)
	"$@" >/dev/null 2>"$OUT/stderr" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		cur=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
		[ -n "$cur" ] && [ "$cur" -gt "$peak" ] && peak=$cur
		sleep 0.05
	done
	wait "$pid" || { cat "$OUT/stderr" >&2; return 1; }
	t1=$(now)
	echo "$(echo "$t1 - $t0" | bc -l) $peak"
}

gen() { awk -v kind="$1" -v rows="$2" -v projects=1000 -f bench/gen.awk >"$OUT/$1-$2.csv"; }

base_db() { # the reference data attendance refers to
	"$ANXIN" init --db "$1" >/dev/null
	"$ANXIN" import --db "$1" tests/fixtures/good/enterprises.csv >/dev/null
	gen projects 0
	"$ANXIN" import --db "$1" "$OUT/projects-0.csv" >/dev/null
}

# ref_table FILE KEY: an empty table of attendance's shape for sqlite3's
# .import (its id is the rowid either way; WAL like anxin), with the UNIQUE
# key KEY ("project_code, date, worker_id_number" is attendance's).
ref_table() {
	sqlite3 "$1" >/dev/null <<-SQL
	PRAGMA journal_mode=WAL;
	CREATE TABLE attendance (project_code TEXT NOT NULL, worker_id_number TEXT NOT NULL,
		date TEXT NOT NULL, hours INTEGER NOT NULL DEFAULT 800);
	CREATE UNIQUE INDEX attendance_key ON attendance ($2);
	SQL
}
KEY_NOW="project_code, date, worker_id_number"
KEY_OLD="project_code, worker_id_number, date"
sqlite_import() { # DB CSV: sqlite3's .import, the way anxin commits (WAL, synchronous=NORMAL)
	sqlite3 "$1" -cmd "PRAGMA synchronous=NORMAL" ".import --csv --skip 1 $2 attendance"
}

echo "generating $ROWS attendance rows ..."
gen attendance "$ROWS"
CSV="$OUT/attendance-$ROWS.csv"
ls -l "$CSV" | awk '{printf "  %s: %.0f MB\n", $9, $5/1e6}'
if [ "$PG" != only ]; then

# ---- 1. attendance against sqlite3 .import -----------------------------------
# The warning engine adds no index or trigger to attendance; anxin's import
# also keeps the att_month aggregate (one upsert per worker-month touched,
# not per row) in the same transaction, which the reference does not do
# (docs/warnings.md).
ref_table "$OUT/ref.db" "$KEY_NOW"
read -r ref_s ref_kib < <(peak_rss sqlite_import "$OUT/ref.db" "$CSV")
ref_table "$OUT/ref-old.db" "$KEY_OLD"
read -r old_s _ < <(peak_rss sqlite_import "$OUT/ref-old.db" "$CSV")
base_db "$OUT/anxin.db"
read -r ax_s ax_kib < <(peak_rss "$ANXIN" import attendance "$CSV" --quiet --db "$OUT/anxin.db")

n_ref=$(sqlite3 "$OUT/ref.db" "select count(*) from attendance")
n_ax=$(sqlite3 "$OUT/anxin.db" "select count(*) from attendance")
[ "$n_ref" = "$ROWS" ] && [ "$n_ax" = "$ROWS" ] || { echo "row counts differ: $n_ref $n_ax" >&2; exit 1; }

printf '\n1. attendance import, %d rows (every validation on in anxin):\n' "$ROWS"
printf '  sqlite3 .import, same shape    %6.2f s  %9.0f rows/s  peak %6d KiB\n' "$ref_s" "$(ratio "$ROWS" "$ref_s")" "$ref_kib"
printf '  sqlite3 .import, former key    %6.2f s  %9.0f rows/s  (%s)\n' "$old_s" "$(ratio "$ROWS" "$old_s")" "$KEY_OLD"
printf '  anxin import                   %6.2f s  %9.0f rows/s  peak %6d KiB\n' "$ax_s" "$(ratio "$ROWS" "$ax_s")" "$ax_kib"
printf '  ratio (anxin speed / sqlite3 speed): %.2f (goal 1.0); against the former key: %.2f\n' \
	"$(ratio "$ref_s" "$ax_s")" "$(ratio "$old_s" "$ax_s")"

# ---- 2. peak memory, independent of the file's size ---------------------------
Q=$((ROWS / 4))
gen attendance "$Q"
base_db "$OUT/anxin-q.db"
read -r _ q_kib < <(peak_rss "$ANXIN" import attendance "$OUT/attendance-$Q.csv" --quiet --db "$OUT/anxin-q.db")
printf '\n2. peak memory: %d KiB at %d rows, %d KiB at %d rows: ratio %.3f (goal <= 1.10)\n' \
	"$q_kib" "$Q" "$ax_kib" "$ROWS" "$(ratio "$ax_kib" "$q_kib")"

# ---- 3. payroll and transactions (reference data first) -------------------------
if [ "$PAY" != 0 ]; then
	P=$((ROWS / 4))
	gen workers $((P / 6 + 1))
	gen payroll "$P"
	gen accounts 0
	gen transactions "$P"
	base_db "$OUT/pay.db"
	"$ANXIN" import --db "$OUT/pay.db" --quiet "$OUT/workers-$((P / 6 + 1)).csv" "$OUT/accounts-0.csv" >/dev/null
	read -r p_s p_kib < <(peak_rss "$ANXIN" import payroll "$OUT/payroll-$P.csv" --quiet --db "$OUT/pay.db")
	read -r t_s t_kib < <(peak_rss "$ANXIN" import transactions "$OUT/transactions-$P.csv" --quiet --db "$OUT/pay.db")
	printf '\n3. payroll import       %d rows: %9.0f rows/s  peak %6d KiB\n' "$P" "$(ratio "$P" "$p_s")" "$p_kib"
	printf '   transactions import  %d rows: %9.0f rows/s  peak %6d KiB\n' "$P" "$(ratio "$P" "$t_s")" "$t_kib"
fi

# ---- 4. a day of attendance into a big table ---------------------------------------
if [ "$DAY" != 0 ]; then
	DW=$DAY_WORKERS DP=$((DAY_WORKERS / 50))
	DDB="$OUT/day.db"
	gs() { mawk -v kind="$1" -v projects="$DP" -v workers="$DW" -f bench/gen_scan.awk; }
	if [ -n "$DAY_DB" ]; then
		echo
		echo "4. copying $DAY_DB ..."
		cp "$DAY_DB" "$DDB"
		cp "$DAY_DB-desk" "$DDB-desk"
		"$ANXIN" init --db "$DDB" >/dev/null  # the migrations, when it is older
		rm -f "$DDB".pre-v*
	else
		echo
		echo "4. building the table: $DW workers, $DP projects, 22 days each ..."
		"$ANXIN" init --db "$DDB" >/dev/null
		"$ANXIN" import --quiet --db "$DDB" tests/fixtures/good/enterprises.csv >/dev/null
		for k in projects workers employments attendance; do
			gs $k >"$OUT/day-$k.csv"
			"$ANXIN" import "$k" --quiet --db "$DDB" "$OUT/day-$k.csv" >/dev/null
			rm -f "$OUT/day-$k.csv"
		done
	fi
	gs day >"$OUT/day.csv"
	# the reference: the same rows in a table of the same shape
	ref_table "$OUT/ref-day.db" "$KEY_NOW"
	sqlite3 "$OUT/ref-day.db" "ATTACH '$DDB' AS a; INSERT INTO attendance
		SELECT project_code, worker_id_number, date, hours FROM a.attendance ORDER BY id"
	big=$(sqlite3 "$OUT/ref-day.db" "select count(*) from attendance")
	day_rows=$(($(wc -l <"$OUT/day.csv") - 1))
	read -r dref_s _ < <(peak_rss sqlite_import "$OUT/ref-day.db" "$OUT/day.csv")
	read -r dax_s dax_kib < <(peak_rss "$ANXIN" import attendance "$OUT/day.csv" --quiet --db "$DDB")
	printf '\n4. a day (%d rows) into a table of %d rows (%d workers, %d projects):\n' \
		"$day_rows" "$big" "$DW" "$DP"
	printf '  sqlite3 .import, same shape, same rows  %6.2f s\n' "$dref_s"
	printf '  anxin import (and att_month, scan_dirty) %6.2f s  peak %6d KiB\n' "$dax_s" "$dax_kib"
	printf '  ratio (anxin speed / sqlite3 speed): %.2f; goal %s\n' "$(ratio "$dref_s" "$dax_s")" \
		"$([ "$DW" -ge 500000 ] && printf '<= 5 s: %.2f s' "$dax_s" || echo "<= 5 s at DAY_WORKERS=500000")"
	rm -f "$OUT/ref-day.db"* "$DDB"*
fi
fi
[ "$PG" != 0 ] || exit 0

# ---- 5. PostgreSQL -------------------------------------------------------------
PGDIR=$(mktemp -d)
trap 'scripts/pgtest stop "$PGDIR"' EXIT
PGBASE=$(PGTEST_OWNER=$$ scripts/pgtest start "$PGDIR")
pgsql() { # DB SQL...: psql on the throw-away server, unaligned, stops at an error
	local dbname=$1
	shift
	PGOPTIONS="-c client_min_messages=warning" psql -X -q -tA -v ON_ERROR_STOP=1 "$PGBASE/$dbname" "$@"
}
pg_base_db() { # NAME: a fresh database with the reference data, its URI
	pgsql postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
	base_db "$PGBASE/$1"
}
pg_base_db ref >/dev/null
pgsql ref -c "CREATE TABLE attendance_ref (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	project_code text NOT NULL REFERENCES projects(code),
	worker_id_number text NOT NULL, date text NOT NULL, hours numeric NOT NULL)" \
	-c "CREATE UNIQUE INDEX attendance_ref_key ON attendance_ref ($KEY_NOW)"
read -r pref_s _ < <(peak_rss psql -X -q -v ON_ERROR_STOP=1 "$PGBASE/ref" -c \
	"\\copy attendance_ref (project_code, worker_id_number, date, hours) FROM '$CSV' CSV HEADER")
pg_base_db ax >/dev/null
read -r pax_s pax_kib < <(peak_rss "$ANXIN" import attendance "$CSV" --quiet --db "$PGBASE/ax")
n_ref=$(pgsql ref -c "select count(*) from attendance_ref")
n_ax=$(pgsql ax -c "select count(*) from attendance")
[ "$n_ref" = "$ROWS" ] && [ "$n_ax" = "$ROWS" ] || { echo "row counts differ: $n_ref $n_ax" >&2; exit 1; }
# Re-importing the same file: every row found unchanged (the per-row status).
read -r prei_s _ < <(peak_rss "$ANXIN" import attendance "$CSV" --quiet --db "$PGBASE/ax")

printf '\n5. PostgreSQL %s (scripts/pgtest: fsync, synchronous_commit, full_page_writes off;\n' \
	"$(pgsql postgres -c 'SHOW server_version')"
printf 'both sides on the same server), attendance import, %d rows:\n' "$ROWS"
printf '  psql \\copy (same shape, FK)  %6.2f s  %9.0f rows/s\n' "$pref_s" "$(ratio "$ROWS" "$pref_s")"
printf '  anxin import               %6.2f s  %9.0f rows/s  peak %6d KiB\n' "$pax_s" "$(ratio "$ROWS" "$pax_s")" "$pax_kib"
printf '  anxin re-import (unchanged) %5.2f s  %9.0f rows/s\n' "$prei_s" "$(ratio "$ROWS" "$prei_s")"
printf '  ratio (anxin speed / psql \\copy speed): %.2f  (goal 0.8)\n' "$(ratio "$pref_s" "$pax_s")"

if [ "$PAY" != 0 ]; then
	P=$((ROWS / 4))
	[ -f "$OUT/payroll-$P.csv" ] || { gen workers $((P / 6 + 1)); gen payroll "$P"; gen accounts 0; gen transactions "$P"; }
	pg_base_db pay >/dev/null
	"$ANXIN" import --db "$PGBASE/pay" --quiet "$OUT/workers-$((P / 6 + 1)).csv" "$OUT/accounts-0.csv" >/dev/null
	read -r pp_s _ < <(peak_rss "$ANXIN" import payroll "$OUT/payroll-$P.csv" --quiet --db "$PGBASE/pay")
	read -r pt_s _ < <(peak_rss "$ANXIN" import transactions "$OUT/transactions-$P.csv" --quiet --db "$PGBASE/pay")
	printf '\nPostgreSQL payroll import       %d rows: %9.0f rows/s\n' "$P" "$(ratio "$P" "$pp_s")"
	printf 'PostgreSQL transactions import  %d rows: %9.0f rows/s\n' "$P" "$(ratio "$P" "$pt_s")"
fi
