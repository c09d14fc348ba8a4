#!/usr/bin/env bash
# bench/api.sh - API throughput of `anxin serve` beside nginx serving the
# same response bytes as a static file, in the same run, with wrk on
# loopback (64 connections). Not a test: prints req/s, p99 and the ratio.
#   bench/api.sh [SECONDS]        (default 10 s per server)
# The request: a 50-row project list filtered by street and sorted, on the
# demo data set.
set -euo pipefail
export ANXIN_CONFIG=  # the flags only, never a machine's /etc/anxin/anxin.conf
cd "$(dirname "$0")/.."
SECS=${1:-10}
ANXIN=${ANXIN:-build/anxin}
OUT=$(pwd)/bench/out
mkdir -p "$OUT/static"
PORT_A=18480
PORT_N=18481
DB="$OUT/demo.db"
# 2,000 projects so that one street holds more than 50 of them.
[ -f "$DB" ] || "$ANXIN" demo --no-serve --seed 1 --projects 2000 --db "$DB" >/dev/null

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
PORT_U=18483
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
for _ in $(seq 50); do
	curl -sf "http://127.0.0.1:$PORT_A/healthz" >/dev/null 2>&1 && break
	sleep 0.2
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

# The street with the most projects, percent-encoded.
STREET=$(sqlite3 "$DB" "SELECT street FROM projects GROUP BY street ORDER BY count(*) DESC LIMIT 1" |
	od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
PATHQ="/api/v1/projects?street=$STREET&sort=-contract_amount&per_page=50"
curl -sf -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT_A$PATHQ" >"$OUT/static/projects.json"
BYTES=$(wc -c <"$OUT/static/projects.json")
ITEMS=$(grep -o '"id":' "$OUT/static/projects.json" | wc -l)
echo "response: $BYTES bytes, $ITEMS projects"

bench() { # URL -> "req/s p99_ms"
	wrk -t2 -c64 -d"${SECS}s" --latency -H "Cookie: $COOKIE" "$1" | awk '
		/Requests\/sec/ {rps=$2}
		/^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; p99=v}
		END {print rps, p99}'
}
read -r n_rps n_p99 < <(bench "http://127.0.0.1:$PORT_N/projects.json")
read -r a_rps a_p99 < <(bench "http://127.0.0.1:$PORT_A$PATHQ")
read -r u_rps u_p99 < <(bench "http://127.0.0.1:$PORT_U$PATHQ")
printf '\nwrk -t2 -c64 -d%ss, same response bytes:\n' "$SECS"
printf '  nginx static file   %9.0f req/s   p99 %7.2f ms\n' "$n_rps" "$n_p99"
printf '  anxin API           %9.0f req/s   p99 %7.2f ms\n' "$a_rps" "$a_p99"
printf '  anxin --no-cache    %9.0f req/s   p99 %7.2f ms\n' "$u_rps" "$u_p99"
printf '  ratio (anxin / nginx): %.2f   (without the response cache: %.2f)\n' \
	"$(echo "$a_rps / $n_rps" | bc -l)" "$(echo "$u_rps / $n_rps" | bc -l)"
