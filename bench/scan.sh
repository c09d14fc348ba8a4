#!/usr/bin/env bash
# bench/scan.sh - the warning scan at province scale (not a test): generates
# 10,000 projects, 500,000 workers, one month of attendance (11 M rows),
# 12 months of payroll (6 M rows) and the matching bank transfers, imports
# them through anxin, then times a full scan, an idle full re-scan, and an
# incremental scan after a one-day attendance import (500,000 rows). Does
# the same at 1/10 of the size and prints how each figure grows.
#   bench/scan.sh [WORKERS] [PROJECTS]       (default 500000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
ANXIN=${ANXIN:-build/anxin}
OUT=bench/out/scan
AS_OF=2026-03-20
W=${1:-500000}
P=${2:-10000}
mkdir -p "$OUT"

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

# run_size WORKERS PROJECTS: prints "import full rescan incremental day_import warnings"
run_size() {
	local w=$1 p=$2 db="$OUT/scan-$1.db" t0 t1 t2 t3 t4 t5 t6 t7
	rm -f "$db" "$db-wal" "$db-shm"
	"$ANXIN" init --db "$db" >/dev/null
	"$ANXIN" import --quiet --db "$db" tests/fixtures/good/enterprises.csv >/dev/null
	t0=$(now)
	for k in projects accounts deposits workers employments attendance payroll transactions; do
		mawk -v kind=$k -v projects="$p" -v workers="$w" -f bench/gen_scan.awk >"$OUT/$k.csv"
		"$ANXIN" import "$k" --quiet --db "$db" "$OUT/$k.csv" >/dev/null
		rm -f "$OUT/$k.csv"
	done
	t1=$(now)
	"$ANXIN" scan --full --as-of $AS_OF --db "$db" >"$OUT/full-$w.txt"
	t2=$(now)
	"$ANXIN" scan --full --as-of $AS_OF --db "$db" >"$OUT/rescan-$w.txt"
	t3=$(now)
	mawk -v kind=day -v projects="$p" -v workers="$w" -f bench/gen_scan.awk >"$OUT/day.csv"
	t4=$(now)
	"$ANXIN" import attendance --quiet --db "$db" "$OUT/day.csv" >/dev/null
	t5=$(now)
	"$ANXIN" scan --as-of $AS_OF --db "$db" >"$OUT/incr-$w.txt"
	t6=$(now)
	local n
	n=$("$ANXIN" warnings --format csv --db "$db" | tail -n +2 | wc -l)
	echo "$(secs "$t0" "$t1") $(secs "$t1" "$t2") $(secs "$t2" "$t3") $(secs "$t5" "$t6") $(secs "$t4" "$t5") $n"
	grep -q incremental "$OUT/incr-$w.txt" || { echo "the last scan was not incremental" >&2; exit 1; }
}

printf 'generating and importing %d workers / %d projects (and 1/10) ...\n' "$W" "$P"
read -r si sf sr sn sd swarn < <(run_size $((W / 10)) $((P / 10)))
[ -n "${swarn:-}" ] || { echo "the 1/10 run failed" >&2; exit 1; }
read -r bi bf br bn bd bwarn < <(run_size "$W" "$P")
[ -n "${bwarn:-}" ] || { echo "the full-size run failed" >&2; exit 1; }

rows() { sqlite3 "$OUT/scan-$1.db" "select (select count(*) from attendance), (select count(*) from payroll), (select count(*) from transactions)"; }
printf '\nwarning scan as of %s on this machine (%s cores)\n' "$AS_OF" "$(nproc)"
printf '%-34s %14s %14s %8s\n' "" "1/10 size" "full size" "growth"
printf '%-34s %14s %14s\n' "workers / projects" "$((W / 10)) / $((P / 10))" "$W / $P"
printf '%-34s %14s %14s\n' "attendance | payroll | transactions" "$(rows $((W / 10)))" "$(rows "$W")"
line() { printf '%-34s %12.2f s %12.2f s %7.1fx\n' "$1" "$2" "$3" "$(echo "$3 / $2" | bc -l)"; }
line "import (all kinds)" "$si" "$bi"
line "full scan (first: raises)" "$sf" "$bf"
line "full re-scan (nothing changes)" "$sr" "$br"
line "import of one day (attendance)" "$sd" "$bd"
line "incremental scan after it" "$sn" "$bn"
printf '%-34s %14s %14s\n' "open warnings" "$swarn" "$bwarn"
echo
cat "$OUT/full-$W.txt" "$OUT/incr-$W.txt"
