#!/usr/bin/env bash
# bench/scan_reads.sh - does the server keep answering API reads while a
# full warning scan runs? (Not a test.) Serves the database that
# bench/scan.sh left behind, logs in as an inspector, and sends list
# requests one after another (each for a page not asked before, so none is
# answered from the response cache): first with no scan, then while `anxin scan
# --full` runs in another process. Prints the request count and the
# median / max latency of each phase.
#   bench/scan_reads.sh [DB]      (default bench/out/scan/scan-500000.db)
set -euo pipefail
export ANXIN_CONFIG=  # the flags only, never a machine's /etc/anxin/anxin.conf
cd "$(dirname "$0")/.."
ANXIN=${ANXIN:-build/anxin}
DB=${1:-bench/out/scan/scan-500000.db}
PORT=18482
[ -f "$DB" ] || { echo "no $DB: run bench/scan.sh first" >&2; exit 1; }
PW='Scan-reads-2026x'
printf '%s\n' "$PW" | "$ANXIN" user add scanreader --role inspector --password-stdin --db "$DB" \
	>/dev/null 2>&1 || true
# --read-limit off: one caller reading as fast as it can is what the
# per-caller read limit stops; lifted explicitly so the figures stay
# comparable with the earlier runs.
"$ANXIN" serve --listen "127.0.0.1:$PORT" --scan-at off --read-limit off --db "$DB" >/dev/null 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
JAR=$(mktemp)
login() { curl -sf -c "$JAR" -H 'Content-Type: application/json' \
	-d "{\"username\":\"scanreader\",\"password\":\"$1\"}" "http://127.0.0.1:$PORT/api/v1/login"; }
# The account's first password must be changed; a second run logs in
# with the changed one.
if ! login "$PW-2" >/dev/null; then
	RESP=$(login "$PW")
	CSRF=$(printf '%s' "$RESP" | sed 's/.*"csrf":"\([^"]*\)".*/\1/')
	curl -sf -b "$JAR" -c "$JAR" -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" \
		-d "{\"old\":\"$PW\",\"new\":\"$PW-2\"}" "http://127.0.0.1:$PORT/api/v1/password" >/dev/null
fi

# reads SECONDS FIRST: list requests for SECONDS from page FIRST on, one
# latency (ms) per line.
reads() {
	local end=$(( $(date +%s) + $1 )) page=$2
	while [ "$(date +%s)" -lt "$end" ]; do
		curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}\n' \
			"http://127.0.0.1:$PORT/api/v1/workers?per_page=50&sort=name&page=$page"
		page=$(( page + 1 ))
	done | awk '$1 != 200 {bad++} {print $2 * 1000} END {if (bad) print "non-200: " bad > "/dev/stderr"}'
}
summary() { sort -n | awk '{a[NR] = $1} END {printf "%5d requests, median %6.1f ms, max %7.1f ms\n", NR, a[int((NR + 1) / 2)], a[NR]}'; }

printf 'API reads with no scan:          %s\n' "$(reads 5 1 | summary)"
( "$ANXIN" scan --full --as-of 2026-03-20 --db "$DB" >/dev/null ) &
SCAN=$!
t0=$(date +%s.%N)
LAT=$(mktemp)
first=2000
while kill -0 "$SCAN" 2>/dev/null && [ "$first" -lt 10000 ]; do
	reads 1 "$first" >>"$LAT"
	first=$(( first + 500 ))
done
wait "$SCAN"
t1=$(date +%s.%N)
printf 'API reads during a full scan:    %s (scan took %.1f s)\n' "$(summary <"$LAT")" "$(echo "$t1 - $t0" | bc -l)"
rm -f "$JAR" "$LAT"
