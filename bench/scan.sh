#!/usr/bin/env bash
# bench/scan.sh - the warning scan at province scale (not a test): generates
# 10,000 projects, 500,000 workers, one month of attendance (11 M rows),
# 12 months of payroll (6 M rows) and the matching bank transfers, imports
# them through anxin, then times a full scan, an idle full re-scan, and an
# incremental scan after a one-day attendance import (500,000 rows), and
# measures the uncached project list API (wrk, `serve --no-cache`). Does
# the same at 1/10 of the size and prints how each figure grows.
#   BACKEND=sqlite|pg|citus|all bench/scan.sh [WORKERS] [PROJECTS]
#                                  (default sqlite, 500000 10000)
# pg: a throw-away PostgreSQL server of scripts/pgtest; citus: a throw-away
# Citus cluster (a coordinator and two workers, scripts/pgtest citus) and a
# database made by `anxin init --distributed` - reported "not measured"
# when this build's init has no --distributed. Both run with fsync,
# synchronous_commit and full_page_writes off (scripts/pgtest) and are
# stopped on exit. all: the three in turn, then one table of the three.
# API_SECS (default 5): wrk's seconds per measurement; 0 skips the API.
set -euo pipefail
export ANXIN_CONFIG=  # the flags only, never a machine's /etc/anxin/anxin.conf
cd "$(dirname "$0")/.."
ANXIN=${ANXIN:-build/anxin}
OUT=bench/out/scan
AS_OF=2026-03-20
W=${1:-500000}
P=${2:-10000}
BACKEND=${BACKEND:-sqlite}
PG_BASE= CITUS_BASE=
API_SECS=${API_SECS:-5}
API_PORT=${API_PORT:-18484}
mkdir -p "$OUT"
case "$BACKEND" in
	sqlite | pg | citus) BACKENDS=$BACKEND ;;
	all) BACKENDS="sqlite pg citus" ;;
	*) echo "BACKEND: sqlite, pg, citus or all" >&2; exit 2 ;;
esac

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

# Servers and processes to stop on exit.
PGDIRS=()
SERVE_PID=
cleanup() {
	[ -z "$SERVE_PID" ] || kill "$SERVE_PID" 2>/dev/null || true
	for d in "${PGDIRS[@]}"; do scripts/pgtest stop "$d" || true; done
}
trap cleanup EXIT

pgq() { # BASE DB SQL: one value from psql
	PGOPTIONS="-c client_min_messages=warning" psql -X -q -tA -v ON_ERROR_STOP=1 "$1/$2" -c "$3"
}

# new_db BACKEND NAME: a fresh, empty database for NAME (SQLite: the file
# NAME with - for _, as bench/scan_reads.sh expects); prints its --db.
new_db() {
	case "$1" in
	sqlite)
		rm -f "$OUT/${2/_/-}.db" "$OUT/${2/_/-}.db"-wal "$OUT/${2/_/-}.db"-shm "$OUT/${2/_/-}.db"-desk*
		echo "$OUT/${2/_/-}.db" ;;
	pg | citus)
		local base=$PG_BASE
		[ "$1" = pg ] || base=$CITUS_BASE
		pgq "$base" postgres "DROP DATABASE IF EXISTS $2 WITH (FORCE)" >/dev/null
		pgq "$base" postgres "CREATE DATABASE $2" >/dev/null
		if [ "$1" = citus ]; then
			# The node list is per database: the new one gets the cluster's.
			PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 \
				-d "$base/postgres" >/dev/null <<-EOF
				SELECT string_agg(CASE WHEN groupid = 0
				         THEN format('SELECT citus_set_coordinator_host(%L, %s);', nodename, nodeport)
				         ELSE format('SELECT citus_add_node(%L, %s);', nodename, nodeport) END,
				       ' ' ORDER BY groupid) AS nodes
				  FROM pg_dist_node \gset
				\c $2
				:nodes
			EOF
		fi
		echo "$base/$2" ;;
	esac
}

# sql BACKEND DB SQL: one line of values (|-separated) from the database.
sql() {
	if [ "$1" = sqlite ]; then
		sqlite3 "$2" "$3"
	else
		PGOPTIONS="-c client_min_messages=warning" psql -X -q -tA -v ON_ERROR_STOP=1 "$2" -c "$3"
	fi
}

# api DB: "req/s p99_ms" of the uncached project list (a street's projects,
# sorted, 50 a page) - wrk -t2 -c16 for API_SECS against `serve --no-cache`.
api() {
	local db=$1 pw1='Scan-bench-2026a' pw2='Scan-bench-2026b' jar="$OUT/cookies" resp csrf cookie
	[ "$API_SECS" != 0 ] || { echo "- -"; return 0; }
	# (run_size runs in a subshell: its own trap stops the server)
	trap '[ -z "$SERVE_PID" ] || kill "$SERVE_PID" 2>/dev/null || true' EXIT
	printf '%s\n' "$pw1" | "$ANXIN" user add scanbench --role inspector --password-stdin --db "$db" >/dev/null 2>&1 || true
	"$ANXIN" serve --listen "127.0.0.1:$API_PORT" --scan-at off --no-cache --read-limit off --db "$db" \
		>"$OUT/serve.log" 2>&1 &
	SERVE_PID=$!
	for _ in $(seq 100); do
		curl -sf "http://127.0.0.1:$API_PORT/healthz" >/dev/null 2>&1 && break
		sleep 0.1
	done
	login() { curl -sf -c "$jar" -H 'Content-Type: application/json' \
		-d "{\"username\":\"scanbench\",\"password\":\"$1\"}" "http://127.0.0.1:$API_PORT/api/v1/login"; }
	rm -f "$jar"
	if ! resp=$(login "$pw2"); then
		resp=$(login "$pw1")
		csrf=$(printf '%s' "$resp" | sed 's/.*"csrf":"\([^"]*\)".*/\1/')
		curl -sf -b "$jar" -c "$jar" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
			-d "{\"old\":\"$pw1\",\"new\":\"$pw2\"}" "http://127.0.0.1:$API_PORT/api/v1/password" >/dev/null
	fi
	cookie="anxin_session=$(awk '$6 == "anxin_session" {print $7}' "$jar")"
	# 街道1 (the generator's streets are 街道0..19), percent-encoded.
	local url="http://127.0.0.1:$API_PORT/api/v1/projects?street=%E8%A1%97%E9%81%931&sort=-contract_amount&per_page=50"
	curl -sf -H "Cookie: $cookie" "$url" | grep -q '"code"' || { echo "the list request failed" >&2; exit 1; }
	wrk -t2 -c16 -d"${API_SECS}s" --latency -H "Cookie: $cookie" "$url" | awk '
		/Requests\/sec/ {rps=$2}
		/^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; p99=v}
		END {print rps, p99}'
	kill "$SERVE_PID" 2>/dev/null || true
	wait "$SERVE_PID" 2>/dev/null || true
	SERVE_PID=
}

# run_size BACKEND WORKERS PROJECTS: prints "import full rescan incremental
# day_import warnings api_rps api_p99 rows"
run_size() {
	local be=$1 w=$2 p=$3 db t0 t1 t2 t3 t4 t5 t6 init=()
	[ "$be" != citus ] || init=(--distributed)
	db=$(new_db "$be" "scan_$w")
	"$ANXIN" init "${init[@]}" --db "$db" >/dev/null
	"$ANXIN" import --quiet --db "$db" tests/fixtures/good/enterprises.csv >/dev/null
	t0=$(now)
	for k in projects accounts deposits workers employments attendance payroll transactions; do
		mawk -v kind=$k -v projects="$p" -v workers="$w" -f bench/gen_scan.awk >"$OUT/$k.csv"
		"$ANXIN" import "$k" --quiet --db "$db" "$OUT/$k.csv" >/dev/null
		rm -f "$OUT/$k.csv"
	done
	t1=$(now)
	"$ANXIN" scan --full --as-of $AS_OF --db "$db" >"$OUT/full-$be-$w.txt"
	t2=$(now)
	"$ANXIN" scan --full --as-of $AS_OF --db "$db" >"$OUT/rescan-$be-$w.txt"
	t3=$(now)
	mawk -v kind=day -v projects="$p" -v workers="$w" -f bench/gen_scan.awk >"$OUT/day.csv"
	t4=$(now)
	"$ANXIN" import attendance --quiet --db "$db" "$OUT/day.csv" >/dev/null
	t5=$(now)
	"$ANXIN" scan --as-of $AS_OF --db "$db" >"$OUT/incr-$be-$w.txt"
	t6=$(now)
	grep -q incremental "$OUT/incr-$be-$w.txt" || { echo "the last scan was not incremental" >&2; exit 1; }
	local n a rows
	n=$("$ANXIN" warnings --format csv --db "$db" | tail -n +2 | wc -l)
	a=$(api "$db")
	rows=$(sql "$be" "$db" "select (select count(*) from attendance) || '/' || (select count(*) from payroll) || '/' || (select count(*) from transactions)")
	echo "$(secs "$t0" "$t1") $(secs "$t1" "$t2") $(secs "$t2" "$t3") $(secs "$t5" "$t6") $(secs "$t4" "$t5") $n $a $rows"
}

declare -A R  # R[backend,size,figure]
for be in $BACKENDS; do
	case "$be" in
	pg)
		d=$(mktemp -d); PGDIRS+=("$d")
		PG_BASE=$(PGTEST_OWNER=$$ scripts/pgtest start "$d") ;;
	citus)
		if ! "$ANXIN" init --help 2>&1 | grep -q -- --distributed; then
			echo "Citus: not measured: --distributed missing (this build's anxin init has no --distributed)"
			R[citus,missing]=1
			continue
		fi
		d=$(mktemp -d); PGDIRS+=("$d")
		CITUS_BASE=$(PGTEST_OWNER=$$ scripts/pgtest citus "$d") ;;
	esac
	printf '%s: generating and importing %d workers / %d projects (and 1/10) ...\n' "$be" "$W" "$P"
	for size in small big; do
		if [ $size = small ]; then w=$((W / 10)) p=$((P / 10)); else w=$W p=$P; fi
		read -r i f r n d warn rps p99 rows < <(run_size "$be" "$w" "$p")
		[ -n "${rows:-}" ] || { echo "$be: the $size run failed" >&2; exit 1; }
		for v in i f r n d warn rps p99 rows; do R[$be,$size,$v]=${!v}; done
	done

	printf '\nwarning scan as of %s on %s, this machine (%s cores)\n' "$AS_OF" "$be" "$(nproc)"
	printf '%-34s %14s %14s %8s\n' "" "1/10 size" "full size" "growth"
	printf '%-34s %14s %14s\n' "workers / projects" "$((W / 10)) / $((P / 10))" "$W / $P"
	printf '%-34s %14s %14s\n' "attendance/payroll/transactions" "${R[$be,small,rows]}" "${R[$be,big,rows]}"
	# line LABEL SMALL BIG [GOAL_SECONDS GOAL_GROWTH]: the goals of issue 13
	# are checked at full size only (the 1/10 run measures the growth)
	line() {
		local g=$(echo "$3 / $2" | bc -l) verdict=""
		if [ -n "${4:-}" ]; then
			verdict="goal <= $4 s: $(echo "$3 <= $4" | bc -l | sed 's/1/met/; s/0/NOT met/')"
			[ -z "${5:-}" ] || verdict="$verdict; growth <= ${5}x: $(echo "$g <= $5" | bc -l | sed 's/1/met/; s/0/NOT met/')"
		fi
		printf '%-34s %12.2f s %12.2f s %7.1fx  %s\n' "$1" "$2" "$3" "$g" "$verdict"
	}
	line "import (all kinds)" "${R[$be,small,i]}" "${R[$be,big,i]}"
	line "full scan (first: raises)" "${R[$be,small,f]}" "${R[$be,big,f]}" 3 10.5
	line "full re-scan (nothing changes)" "${R[$be,small,r]}" "${R[$be,big,r]}" 3 10.5
	line "import of one day (attendance)" "${R[$be,small,d]}" "${R[$be,big,d]}" 5
	line "incremental scan after it" "${R[$be,small,n]}" "${R[$be,big,n]}" 1
	printf '%-34s %14s %14s\n' "open warnings" "${R[$be,small,warn]}" "${R[$be,big,warn]}"
	printf '%-34s %14s %14s\n' "list API uncached, req/s" "${R[$be,small,rps]}" "${R[$be,big,rps]}"
	printf '%-34s %14s %14s\n' "list API uncached, p99 ms" "${R[$be,small,p99]}" "${R[$be,big,p99]}"
	echo
	cat "$OUT/full-$be-$W.txt" "$OUT/incr-$be-$W.txt"
	echo
done

# All three side by side at the full size.
[ "$BACKEND" = all ] || exit 0
cell() { # BACKEND FIGURE [FORMAT]
	if [ -n "${R[$1,missing]:-}" ]; then printf '%14s' "not measured"; return; fi
	printf "${3:-%12.2f s}" "${R[$1,big,$2]}"
}
printf '\n%d workers / %d projects, all backends (PostgreSQL and Citus: scripts/pgtest, fsync off)\n' "$W" "$P"
printf '%-34s %14s %14s %14s\n' "" sqlite pg citus
for f in "i:import (all kinds)" "f:full scan" "r:full re-scan" "d:import of one day" "n:incremental scan"; do
	printf '%-34s %s %s %s\n' "${f#*:}" "$(cell sqlite "${f%%:*}")" "$(cell pg "${f%%:*}")" "$(cell citus "${f%%:*}")"
done
printf '%-34s %s %s %s\n' "open warnings" "$(cell sqlite warn %14s)" "$(cell pg warn %14s)" "$(cell citus warn %14s)"
printf '%-34s %s %s %s\n' "list API uncached, req/s" "$(cell sqlite rps %14s)" "$(cell pg rps %14s)" "$(cell citus rps %14s)"
printf '%-34s %s %s %s\n' "list API uncached, p99 ms" "$(cell sqlite p99 %14s)" "$(cell pg p99 %14s)" "$(cell citus p99 %14s)"
