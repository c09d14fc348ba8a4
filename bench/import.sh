#!/usr/bin/env bash
# bench/import.sh - import throughput of anxin against sqlite3's .import of
# the same CSV into the same table shape (same UNIQUE index) on this machine,
# in the same run. Not a test: it prints figures and the ratio.
#   bench/import.sh [ROWS]          (default 2,000,000 attendance rows)
# Also reports peak memory (independent of file size) and rows/s for
# payroll and transactions.
#
# Then the same on PostgreSQL (PG=0 skips it; PG=only runs it alone): a
# throw-away server of scripts/pgtest (fsync, synchronous_commit and
# full_page_writes off - both sides run on it), the same CSV imported by
# `anxin import attendance --db postgresql://...` into a fresh database,
# against `psql -c "\copy attendance_ref FROM ... CSV HEADER"` into a table
# of the same shape in a database holding the same projects: the same
# columns (an identity id as primary key, hours as numeric because the CSV
# holds hours, anxin stores hundredths), the same UNIQUE key and the same
# foreign key to projects; rows/s and the ratio (goal: anxin >= 0.8x).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-2000000}
PG=${PG:-1}
ANXIN=${ANXIN:-build/anxin}
OUT=bench/out
mkdir -p "$OUT"
rm -f "$OUT"/*.db "$OUT"/*.db-wal "$OUT"/*.db-shm "$OUT"/*.db-desk*

now() { date +%s.%N; }
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

echo "generating $ROWS attendance rows ..."
gen attendance "$ROWS"
CSV="$OUT/attendance-$ROWS.csv"
ls -l "$CSV" | awk '{printf "  %s: %.0f MB\n", $9, $5/1e6}'
if [ "$PG" != only ]; then

# sqlite3 .import into the same table shape: attendance's columns and UNIQUE
# key (its id is the rowid either way), WAL like anxin. The warning engine
# adds no index or trigger to attendance; anxin's import also keeps the
# att_month aggregate (one upsert per worker-month touched, not per row) in
# the same transaction, which the reference does not do (docs/warnings.md).
sqlite3 "$OUT/ref.db" <<'SQL' >/dev/null
PRAGMA journal_mode=WAL;
CREATE TABLE attendance (project_code TEXT NOT NULL, worker_id_number TEXT NOT NULL,
	date TEXT NOT NULL, hours INTEGER NOT NULL DEFAULT 800,
	UNIQUE (project_code, worker_id_number, date));
SQL
read -r ref_s ref_kib < <(peak_rss sqlite3 "$OUT/ref.db" -cmd "PRAGMA synchronous=NORMAL" ".import --csv --skip 1 $CSV attendance")
base_db "$OUT/anxin.db"
read -r ax_s ax_kib < <(peak_rss "$ANXIN" import attendance "$CSV" --quiet --db "$OUT/anxin.db")

n_ref=$(sqlite3 "$OUT/ref.db" "select count(*) from attendance")
n_ax=$(sqlite3 "$OUT/anxin.db" "select count(*) from attendance")
[ "$n_ref" = "$ROWS" ] && [ "$n_ax" = "$ROWS" ] || { echo "row counts differ: $n_ref $n_ax" >&2; exit 1; }

printf '\nattendance import, %d rows (every validation on in anxin):\n' "$ROWS"
printf '  sqlite3 .import   %6.2f s  %9.0f rows/s  peak %6d KiB\n' "$ref_s" "$(echo "$ROWS / $ref_s" | bc -l)" "$ref_kib"
printf '  anxin import      %6.2f s  %9.0f rows/s  peak %6d KiB\n' "$ax_s" "$(echo "$ROWS / $ax_s" | bc -l)" "$ax_kib"
printf '  ratio (anxin speed / sqlite3 speed): %.2f\n' "$(echo "$ref_s / $ax_s" | bc -l)"

# Peak memory independent of file size: a quarter of the rows.
Q=$((ROWS / 4))
gen attendance "$Q"
base_db "$OUT/anxin-q.db"
read -r q_s q_kib < <(peak_rss "$ANXIN" import attendance "$OUT/attendance-$Q.csv" --quiet --db "$OUT/anxin-q.db")
printf '  peak memory at %d rows: %d KiB; at %d rows: %d KiB\n' "$Q" "$q_kib" "$ROWS" "$ax_kib"

# Payroll and transactions (reference data first).
P=$((ROWS / 4))
gen workers $((P / 6 + 1))
gen payroll "$P"
gen accounts 0
gen transactions "$P"
base_db "$OUT/pay.db"
"$ANXIN" import --db "$OUT/pay.db" --quiet "$OUT/workers-$((P / 6 + 1)).csv" "$OUT/accounts-0.csv" >/dev/null
read -r p_s _ < <(peak_rss "$ANXIN" import payroll "$OUT/payroll-$P.csv" --quiet --db "$OUT/pay.db")
read -r t_s _ < <(peak_rss "$ANXIN" import transactions "$OUT/transactions-$P.csv" --quiet --db "$OUT/pay.db")
printf '\npayroll import       %d rows: %9.0f rows/s\n' "$P" "$(echo "$P / $p_s" | bc -l)"
printf 'transactions import  %d rows: %9.0f rows/s\n' "$P" "$(echo "$P / $t_s" | bc -l)"
fi
[ "$PG" != 0 ] || exit 0

# ---- PostgreSQL -------------------------------------------------------------
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
	worker_id_number text NOT NULL, date text NOT NULL, hours numeric NOT NULL,
	UNIQUE (project_code, worker_id_number, date))"
read -r pref_s _ < <(peak_rss psql -X -q -v ON_ERROR_STOP=1 "$PGBASE/ref" -c \
	"\\copy attendance_ref (project_code, worker_id_number, date, hours) FROM '$CSV' CSV HEADER")
pg_base_db ax >/dev/null
read -r pax_s pax_kib < <(peak_rss "$ANXIN" import attendance "$CSV" --quiet --db "$PGBASE/ax")
n_ref=$(pgsql ref -c "select count(*) from attendance_ref")
n_ax=$(pgsql ax -c "select count(*) from attendance")
[ "$n_ref" = "$ROWS" ] && [ "$n_ax" = "$ROWS" ] || { echo "row counts differ: $n_ref $n_ax" >&2; exit 1; }
# Re-importing the same file: every row found unchanged (the per-row status).
read -r prei_s _ < <(peak_rss "$ANXIN" import attendance "$CSV" --quiet --db "$PGBASE/ax")

printf '\nPostgreSQL %s (scripts/pgtest: fsync, synchronous_commit, full_page_writes off;\n' \
	"$(pgsql postgres -c 'SHOW server_version')"
printf 'both sides on the same server), attendance import, %d rows:\n' "$ROWS"
printf '  psql \\copy (same shape, FK)  %6.2f s  %9.0f rows/s\n' "$pref_s" "$(echo "$ROWS / $pref_s" | bc -l)"
printf '  anxin import               %6.2f s  %9.0f rows/s  peak %6d KiB\n' "$pax_s" "$(echo "$ROWS / $pax_s" | bc -l)" "$pax_kib"
printf '  anxin re-import (unchanged) %5.2f s  %9.0f rows/s\n' "$prei_s" "$(echo "$ROWS / $prei_s" | bc -l)"
printf '  ratio (anxin speed / psql \\copy speed): %.2f  (goal 0.8)\n' "$(echo "$pref_s / $pax_s" | bc -l)"

P=$((ROWS / 4))
[ -f "$OUT/payroll-$P.csv" ] || { gen workers $((P / 6 + 1)); gen payroll "$P"; gen accounts 0; gen transactions "$P"; }
pg_base_db pay >/dev/null
"$ANXIN" import --db "$PGBASE/pay" --quiet "$OUT/workers-$((P / 6 + 1)).csv" "$OUT/accounts-0.csv" >/dev/null
read -r pp_s _ < <(peak_rss "$ANXIN" import payroll "$OUT/payroll-$P.csv" --quiet --db "$PGBASE/pay")
read -r pt_s _ < <(peak_rss "$ANXIN" import transactions "$OUT/transactions-$P.csv" --quiet --db "$PGBASE/pay")
printf '\nPostgreSQL payroll import       %d rows: %9.0f rows/s\n' "$P" "$(echo "$P / $pp_s" | bc -l)"
printf 'PostgreSQL transactions import  %d rows: %9.0f rows/s\n' "$P" "$(echo "$P / $pt_s" | bc -l)"
