#!/usr/bin/env bash
# bench/import.sh - import throughput of anxin against sqlite3's .import of
# the same CSV into the same table shape (same UNIQUE index) on this machine,
# in the same run. Not a test: it prints figures and the ratio.
#   bench/import.sh [ROWS]          (default 2,000,000 attendance rows)
# Also reports peak memory (independent of file size) and rows/s for
# payroll and transactions.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-2000000}
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
