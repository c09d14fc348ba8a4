#!/usr/bin/env bash
# bench/api.sh - API throughput of `anxin serve` beside nginx serving the
# same response bytes as a static file, in the same run, with wrk on
# loopback (64 connections). Not a test: prints req/s, p99 and the ratios
# against issue 13's goal (uncached reads >= 0.3x nginx, p99 <= 20 ms).
#   bench/api.sh [SECONDS]        (default 10 s per measurement)
# Two requests, each measured three ways (nginx, anxin with its response
# cache, anxin --no-cache):
#   list    a 50-row project list filtered by street and sorted by amount
#   detail  a worker's page (GET /api/v1/workers/{id}: the worker with
#           employments, payroll, attendance by month, card history)
# and one line for the cache under writes: the cached list measured while
# `anxin import` (another process) writes one attendance row every second -
# the list does not depend on attendance, so it should stay warm (misses
# counted by /metrics).
set -euo pipefail
export ANXIN_CONFIG=  # the flags only, never a machine's /etc/anxin/anxin.conf
cd "$(dirname "$0")/.."
SECS=${1:-10}
ANXIN=${ANXIN:-build/anxin}
OUT=$(pwd)/bench/out
mkdir -p "$OUT/static"
PORT_A=18480
PORT_N=18481
PORT_U=18483
DB="$OUT/demo.db"
# 2,000 projects so that one street holds more than 50 of them.
# A warning scan, so that the list's warning levels are not all empty.
if [ ! -f "$DB" ]; then
	"$ANXIN" demo --no-serve --seed 1 --projects 2000 --db "$DB" >/dev/null
	"$ANXIN" scan --db "$DB" >/dev/null
fi
"$ANXIN" init --db "$DB" >/dev/null 2>&1 || true  # an older bench database: its upgrade
rm -f "$DB".pre-v*                                # (and not its 300 MB backup)

# An inspector (district-wide reader) to make the requests as.
PW1='Bench-pass-2026a'
PW2='Bench-pass-2026b'
printf '%s\n' "$PW1" | "$ANXIN" user add benchinsp --role inspector --password-stdin --db "$DB" >/dev/null 2>&1 || true
# --read-limit off: the per-caller read limit (300 reads, then 120 a
# minute) would answer most of wrk's requests 429; lifted explicitly so
# the figures stay comparable with the earlier runs.
"$ANXIN" serve --listen "127.0.0.1:$PORT_A" --scan-at off --read-limit off --db "$DB" >"$OUT/serve.log" 2>&1 &
APID=$!
# The same server without its response cache: every request computed.
"$ANXIN" serve --listen "127.0.0.1:$PORT_U" --scan-at off --no-cache --read-limit off --db "$DB" >"$OUT/serve-u.log" 2>&1 &
UPID=$!
cat >"$OUT/nginx.conf" <<NGINX
worker_processes 2;
daemon off;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
events { worker_connections 1024; }
http {
	access_log off;
	server {
		listen 127.0.0.1:$PORT_N;
		root $OUT/static;
		location / { default_type application/json; }
	}
}
NGINX
nginx -c "$OUT/nginx.conf" -p "$OUT" &
NPID=$!
trap 'kill $APID $UPID $NPID 2>/dev/null || true' EXIT
for port in $PORT_A $PORT_U; do
	for _ in $(seq 50); do
		curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
		sleep 0.2
	done
done

# Log in (changing the first password), keep the session cookie.
JAR="$OUT/cookies"
rm -f "$JAR"
login() { curl -sf -c "$JAR" -H 'Content-Type: application/json' \
	-d "{\"username\":\"benchinsp\",\"password\":\"$1\"}" "http://127.0.0.1:$PORT_A/api/v1/login"; }
if ! RESP=$(login "$PW2"); then
	RESP=$(login "$PW1")
	CSRF=$(printf '%s' "$RESP" | sed 's/.*"csrf":"\([^"]*\)".*/\1/')
	curl -sf -b "$JAR" -c "$JAR" -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" \
		-d "{\"old\":\"$PW1\",\"new\":\"$PW2\"}" "http://127.0.0.1:$PORT_A/api/v1/password" >/dev/null
fi
COOKIE="anxin_session=$(awk '$6 == "anxin_session" {print $7}' "$JAR")"

# The street with the most projects, percent-encoded; its top project; a
# worker employed there.
STREET_RAW=$(sqlite3 "$DB" "SELECT street FROM projects GROUP BY street ORDER BY count(*) DESC LIMIT 1")
STREET=$(printf '%s' "$STREET_RAW" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
TOP=$(sqlite3 "$DB" "SELECT code FROM projects WHERE street = '$STREET_RAW' ORDER BY contract_amount DESC, id DESC LIMIT 1")
WORKER=$(sqlite3 "$DB" "SELECT w.id FROM workers w JOIN employments e ON e.worker_id_number = w.id_number
	WHERE e.project_code = '$TOP' ORDER BY w.id LIMIT 1")
LIST="/api/v1/projects?street=$STREET&sort=-contract_amount&per_page=50"
DETAIL="/api/v1/workers/$WORKER"
for q in list:$LIST detail:$DETAIL; do
	curl -sf -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT_A${q#*:}" >"$OUT/static/${q%%:*}.json"
	curl -sf -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT_U${q#*:}" | cmp -s - "$OUT/static/${q%%:*}.json" ||
		{ echo "bench: the two servers answer ${q#*:} differently" >&2; exit 1; }
done
echo "list   $LIST: $(wc -c <"$OUT/static/list.json") bytes, $(grep -o '"id":' "$OUT/static/list.json" | wc -l) ids"
echo "detail $DETAIL: $(wc -c <"$OUT/static/detail.json") bytes"

bench() { # URL -> "req/s p99_ms"
	wrk -t2 -c64 -d"${SECS}s" --latency -H "Cookie: $COOKIE" "$1" | awk '
		/Requests\/sec/ {rps=$2}
		/^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; p99=v}
		END {print rps, p99}'
}
ratio() { echo "$1 / $2" | bc -l; }
verdict() { # RATIO P99 -> "ok" / "below"
	if [ "$(echo "$1 >= 0.3 && $2 <= 20" | bc -l)" = 1 ]; then echo "meets"; else echo "misses"; fi
}
# a warm-up of each server, then the three measurements of each request
wrk -t2 -c64 -d2s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT_U$LIST" >/dev/null
wrk -t2 -c64 -d2s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT_A$LIST" >/dev/null
declare -A R
for q in list detail; do
	[ "$q" = list ] && path=$LIST || path=$DETAIL
	read -r "R[${q}_n_rps]" "R[${q}_n_p99]" < <(bench "http://127.0.0.1:$PORT_N/$q.json")
	read -r "R[${q}_a_rps]" "R[${q}_a_p99]" < <(bench "http://127.0.0.1:$PORT_A$path")
	read -r "R[${q}_u_rps]" "R[${q}_u_p99]" < <(bench "http://127.0.0.1:$PORT_U$path")
done

# The cache under writes: the list, while an attendance row changes every
# second through `anxin import` (another process).
metric() { curl -s "http://127.0.0.1:$PORT_A/metrics" | awk -v m="$1" '$1 == m {print $2}'; }
ATT=$(sqlite3 -csv "$DB" "SELECT project_code, worker_id_number, date FROM attendance LIMIT 1")
writer() {
	local i=0
	while :; do
		i=$((i + 1))
		printf 'project_code,worker_id_number,date,hours\n%s,%s\n' "$ATT" "$((8 + i % 2))" >"$OUT/att-write.csv"
		"$ANXIN" import attendance "$OUT/att-write.csv" --db "$DB" --quiet >/dev/null 2>&1 && echo >>"$OUT/att-writes"
		sleep 1
	done
}
: >"$OUT/att-writes"
h0=$(metric anxin_cache_hits_total)
m0=$(metric anxin_cache_misses_total)
writer &
WPID=$!
read -r w_rps w_p99 < <(bench "http://127.0.0.1:$PORT_A$LIST")
kill $WPID 2>/dev/null || true
wait $WPID 2>/dev/null || true
h1=$(metric anxin_cache_hits_total)
m1=$(metric anxin_cache_misses_total)
writes=$(wc -l <"$OUT/att-writes")

printf '\nwrk -t2 -c64 -d%ss, same response bytes (goal: anxin --no-cache >= 0.30 x nginx, p99 <= 20 ms):\n' "$SECS"
for q in list detail; do
	n=${R[${q}_n_rps]} a=${R[${q}_a_rps]} u=${R[${q}_u_rps]}
	printf '  %-6s nginx static file   %9.0f req/s   p99 %7.2f ms\n' "$q" "$n" "${R[${q}_n_p99]}"
	printf '  %-6s anxin (cache)       %9.0f req/s   p99 %7.2f ms   %.2f x nginx\n' "$q" "$a" \
		"${R[${q}_a_p99]}" "$(ratio "$a" "$n")"
	printf '  %-6s anxin --no-cache    %9.0f req/s   p99 %7.2f ms   %.2f x nginx   (%s the goal)\n' "$q" "$u" \
		"${R[${q}_u_p99]}" "$(ratio "$u" "$n")" "$(verdict "$(ratio "$u" "$n")" "${R[${q}_u_p99]}")"
done
printf '  cache under writes: the list %.0f req/s (p99 %.2f ms) while %d attendance writes by `anxin import`:\n' \
	"$w_rps" "$w_p99" "$writes"
printf '    %d hits, %d misses (a write of another kind should cost none)\n' "$((h1 - h0))" "$((m1 - m0))"
