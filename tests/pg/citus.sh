#!/usr/bin/env bash
# tests/pg/citus.sh - anxin on a Citus cluster (scripts/pgtest citus): a demo
# data set in a database made by `anxin init --distributed`, a full and an
# incremental scan, and EXPLAIN of the scan's main statements and of a
# street's project list page, run through psql on the coordinator, showing
# that each is pushed down to the shards: the plan is a "Custom Scan (Citus
# Adaptive)" with a "Task Count", no repartition, and no "Distributed
# Subplan" that itself reads a distributed table (pulling rows of a
# distributed table to the coordinator). A subplan over a small local table
# (the scan's temp table ws_p of the projects in scope) is broadcast, which
# is fine.
#
# The statements are the store's, copied with their values filled in; each
# names the store function it comes from. Should one of those change shape,
# change it here too.
#
# Usage (scripts/test runs it in the Citus section):
#   ANXIN_REAL=build/anxin ANXIN_PG_BASE=postgresql://USER@HOST:PORT bash tests/pg/citus.sh
set -euo pipefail
: "${ANXIN_REAL:?set ANXIN_REAL to the anxin binary}"
: "${ANXIN_PG_BASE:?set ANXIN_PG_BASE to a Citus coordinator (scripts/pgtest citus)}"

PASS=0 FAIL=0
ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*" >&2; }
T=$(mktemp -d)
DB=citus_demo_$$
URI="$ANXIN_PG_BASE/$DB"
cleanup() {
	PGOPTIONS="-c client_min_messages=warning" psql -X -q -d "$ANXIN_PG_BASE/postgres" \
		-c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1 || true
	rm -rf "$T"
}
trap cleanup EXIT
q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$URI" "$@"; }

# ---- a distributed database with the demo ----------------------------------
# The nodes of the cluster are registered per database: copied from the
# database postgres (as tests/pg/anxin-pg does).
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 \
	-d "$ANXIN_PG_BASE/postgres" -c "CREATE DATABASE \"$DB\"" >/dev/null
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 \
	-d "$ANXIN_PG_BASE/postgres" >/dev/null <<-EOF
	SELECT string_agg(CASE WHEN groupid = 0
	         THEN format('SELECT citus_set_coordinator_host(%L, %s);', nodename, nodeport)
	         ELSE format('SELECT citus_add_node(%L, %s);', nodename, nodeport) END,
	       ' ' ORDER BY groupid) AS nodes
	  FROM pg_dist_node \gset
	\c $DB
	:nodes
EOF
# init's administrator under another name than the demo's accounts
if "$ANXIN_REAL" init --distributed --admin citus-dba --db "$URI" >"$T/init" 2>&1; then ok; else
	bad "init --distributed: $(cat "$T/init")"; fi
grep -q "tables distributed (Citus)" "$T/init" && ok || bad "init --distributed: $(cat "$T/init")"
"$ANXIN_REAL" init --distributed --admin citus-dba --db "$URI" >"$T/init2" 2>&1 || bad "second init: $(cat "$T/init2")"
grep -q "already distributed" "$T/init2" && ok || bad "a second init --distributed is a no-op: $(cat "$T/init2")"
n=$(q -c "SELECT count(*) FROM citus_tables WHERE citus_table_type = 'distributed'")
[ "$n" -eq 11 ] && ok || bad "11 distributed tables, got $n"
n=$(q -c "SELECT count(DISTINCT colocation_id) FROM citus_tables WHERE citus_table_type = 'distributed'")
[ "$n" -eq 1 ] && ok || bad "the distributed tables are co-located (one group), got $n groups"

AS_OF=2026-05-20
if "$ANXIN_REAL" demo --no-serve --quiet --seed 7 --projects 30 --workers 600 --as-of "$AS_OF" \
	--db "$URI" >"$T/demo" 2>&1; then ok; else bad "demo: $(tail -5 "$T/demo")"; fi
n=$(q -c "SELECT count(*) FROM projects")
[ "$n" -eq 30 ] && ok || bad "demo: 30 projects, got $n"
# the rows are spread: more than one shard placement holds projects
n=$(q -c "SELECT count(DISTINCT nodeport) FROM citus_shards WHERE table_name = CAST('attendance' AS regclass) AND shard_size > 8192")
[ "$n" -ge 2 ] && ok || bad "attendance on the two workers, got $n node(s)"

# ---- a full and an incremental scan ----------------------------------------
"$ANXIN_REAL" scan --as-of "$AS_OF" --full --db "$URI" >"$T/full" 2>&1 || bad "full scan: $(cat "$T/full")"
grep -q "full" "$T/full" && ok || bad "full scan: $(cat "$T/full")"
full_open=$("$ANXIN_REAL" warnings --format csv --db "$URI" | tail -n +2 | wc -l)
[ "$full_open" -gt 0 ] && ok || bad "the demo's planted violations raise warnings"
# one attendance day of a registered worker on one project: an import that
# makes the next scan incremental (that project, that month)
read -r proj worker < <(q -F ' ' -c "SELECT project_code, worker_id_number FROM employments
	WHERE exit_date IS NULL ORDER BY project_code, worker_id_number LIMIT 1")
printf 'project_code,worker_id_number,date,hours\n%s,%s,%s,8\n' "$proj" "$worker" "$AS_OF" >"$T/att.csv"
"$ANXIN_REAL" import attendance "$T/att.csv" --db "$URI" >"$T/imp" 2>&1 || bad "import: $(cat "$T/imp")"
"$ANXIN_REAL" scan --as-of "$AS_OF" --db "$URI" >"$T/inc" 2>&1 || bad "incremental scan: $(cat "$T/inc")"
grep -q "incremental" "$T/inc" && ok || bad "incremental scan: $(cat "$T/inc")"

# A bank-card change of a registered worker: workers is a reference table
# whose card-change trigger fires on every placement and notes the change on
# the coordinator only (distribute.sql): the import succeeds and the change
# is audited once.
name=$(q -c "SELECT name FROM workers WHERE id_number = '$worker'")
card=$(q -c "SELECT coalesce(bank_card, '') FROM workers WHERE id_number = '$worker'")
# luhn DIGITS: DIGITS with its Luhn check digit appended (a valid card number)
luhn() {
	awk -v b="$1" 'BEGIN { s = 0; n = length(b)
		for (i = n; i >= 1; i--) { d = substr(b, i, 1) + 0; if ((n - i) % 2 == 0) { d *= 2; if (d > 9) d -= 9 }; s += d }
		print b (10 - s % 10) % 10 }'
}
new_card=$(luhn 622202020011223344)
[ "$card" != "$new_card" ] || new_card=$(luhn 622202020011223355)
printf 'id_number,name,bank_name,bank_card\n%s,%s,中国工商银行,%s\n' "$worker" "$name" "$new_card" >"$T/w.csv"
"$ANXIN_REAL" import workers "$T/w.csv" --db "$URI" >"$T/imp" 2>&1 && ok || bad "card change import: $(cat "$T/imp")"
wkid=$(q -c "SELECT id FROM workers WHERE id_number = '$worker'")
n=$(q -c "SELECT count(*) FROM audit_log WHERE action = 'bank_card_change' AND object_key = '$wkid'")
[ "$n" -eq 1 ] && ok || bad "the card change audited once, got $n"
n=$(q -c "SELECT count(*) FROM worker_card_changes")
[ "$n" -eq 0 ] && ok || bad "the card-change notes taken, $n left"

# ---- EXPLAIN: pushed down -------------------------------------------------
MONTH=${AS_OF%-*}
STREET=$(q -c "SELECT street FROM projects ORDER BY street LIMIT 1")

# pushed NAME SQL: EXPLAIN SQL (after the setup in $T/setup.sql, same
# session) and assert the plan is pushed down (see the header).
pushed() {
	local name=$1 sql=$2 plan
	plan=$({ cat "$T/setup.sql"; echo "EXPLAIN $sql;"; } | q 2>&1) || { bad "$name: EXPLAIN failed: $plan"; return; }
	printf '== %s\n%s\n' "$name" "$plan" >>"$T/plans"
	grep -q "Custom Scan (Citus Adaptive)" <<<"$plan" && ok || bad "$name: not a Citus Adaptive scan: $plan"
	grep -q "Task Count: " <<<"$plan" && ok || bad "$name: no Task Count: $plan"
	if grep -qi "repartition" <<<"$plan"; then bad "$name: repartitions: $plan"; else ok; fi
	# the lines of each Distributed Subplan (deeper than its header line)
	# must not contain a distributed scan of their own
	if awk '
		/Distributed Subplan/ { match($0, /^ */); depth = RLENGTH; insub = 1; next }
		insub { match($0, /^ */); if (RLENGTH <= depth) insub = 0
			else if ($0 ~ /Custom Scan \(Citus/) bad = 1 }
		END { exit bad ? 0 : 1 }' <<<"$plan"; then
		bad "$name: a subplan pulls a distributed table to the coordinator: $plan"
	else
		ok
	fi
}

# The scan's scope tables (warn_store_scope): the incremental scan's
# projects and months, temp tables of the session.
cat >"$T/setup.sql" <<EOF
CREATE TEMP TABLE IF NOT EXISTS ws_p (code TEXT PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS ws_m (month TEXT PRIMARY KEY);
INSERT INTO ws_p VALUES ('$proj') ON CONFLICT DO NOTHING;
INSERT INTO ws_m VALUES ('$MONTH') ON CONFLICT DO NOTHING;
EOF

# warn_store_payroll_month (full scan: every project of a month)
pushed "payroll of a month" "SELECT project_code, worker_id_number, period, employer_uscc, paid_date,
	channel, days_worked, amount_due, amount_paid FROM payroll WHERE period = '$MONTH'
	ORDER BY project_code, worker_id_number"
# warn_store_att_month
pushed "attendance aggregate of a month" "SELECT month, project_code, worker_id_number, first_date,
	last_date, days FROM att_month WHERE month = '$MONTH' ORDER BY project_code, worker_id_number"
# warn_store_wage_month, scoped to the incremental scan's projects (WS_P)
pushed "wage transfers of a month, scoped" "SELECT period, project_code, worker_id_number, last_date,
	amount, n FROM wage_month WHERE period = '$MONTH' AND project_code IN (SELECT code FROM ws_p)
	ORDER BY project_code, worker_id_number"
# warn_store_employments, scoped (WS_P)
pushed "employments, scoped" "SELECT project_code, worker_id_number, employer_uscc, entry_date,
	exit_date, contract_signed_date FROM employments WHERE entry_date <= '$AS_OF'
	AND project_code IN (SELECT code FROM ws_p)"
# warn_store_att_uncovered, scoped (WS_P, WS_M)
pushed "uncovered attendance, scoped" "SELECT month, project_code, worker_id_number, first_date,
	last_date, days FROM att_month WHERE covered = 0 AND first_date <= '$AS_OF'
	AND project_code IN (SELECT code FROM ws_p) AND month IN (SELECT month FROM ws_m)"
# warn_store_txn_days, scoped: the account's project through accounts (reference)
pushed "transaction days, scoped" "SELECT account_no, txn_date, kind, amount, n FROM txn_day
	WHERE txn_date <= '$AS_OF' AND (SELECT project_code FROM accounts a
	WHERE a.account_no = txn_day.account_no) IN (SELECT code FROM ws_p)"
# scan_mark.c COVERED_SQL: the attendance aggregate against the employments
# (a co-located correlated subquery), for one project
pushed "covered attendance update" "UPDATE att_month SET covered = CASE WHEN EXISTS (SELECT 1
	FROM employments e WHERE e.project_code = att_month.project_code
	AND e.worker_id_number = att_month.worker_id_number AND e.entry_date <= att_month.first_date
	AND (e.exit_date IS NULL OR e.exit_date >= att_month.last_date)) THEN 1 ELSE 0 END
	WHERE project_code = '$proj'"
# rec_list of projects in a street officer's scope (street_rows), first page
pushed "a street's project list page" "SELECT id, code, name, region_code, street, address,
	owner_uscc, contractor_uscc, contract_amount, contract_date, start_date, planned_end_date,
	end_date, status FROM projects WHERE 1 = 1 AND projects.code IN (SELECT code FROM projects
	WHERE street = '$STREET') ORDER BY code ASC, id ASC LIMIT 50 OFFSET 0"
# warn_query.c (WQ_FROM): a street's open warnings with their project and
# enterprise names (co-located join, reference join)
pushed "a street's warnings" "SELECT w.id, w.rule, w.project_code, p.name, e.name FROM warnings w
	LEFT JOIN projects p ON p.code = w.project_code LEFT JOIN enterprises e
	ON e.uscc = w.enterprise_uscc WHERE 1 = 1 AND w.status <> 'eliminated' AND w.street = '$STREET'
	ORDER BY w.id DESC LIMIT 50 OFFSET 0"

if [ "${CITUS_SHOW_PLANS:-0}" = 1 ]; then cat "$T/plans"; fi
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
