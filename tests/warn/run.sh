#!/usr/bin/env bash
# run.sh - black-box tests of the early-warning engine (warning-rules.md):
# for every rule the smallest data set that triggers it, data sets on each
# boundary (the day before / after each deadline, the cent below / at each
# amount, 29 vs 30 workers, 1 vs 2 months, lookback edges), each asserting
# the EXACT set of open warnings (rule,project_code,period,level,status) of
# `anxin warnings --format csv`; then the lifecycle (idempotent re-scan,
# automatic elimination, a returning condition, manual elimination with
# history, assignment, escalation) and incremental = full.
# Usage: ANXIN=build/anxin bash tests/warn/run.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
FIX="$HERE/../fixtures"
: "${ANXIN:?set ANXIN to the anxin binary}"
# shellcheck source=../cli/lib.sh
. "$HERE/../cli/lib.sh"

# SQL on the suite's database, either backend (tests/pg/dbsql)
DBSQL="$HERE/../pg/dbsql"

OWN=91120116MA05000011   # 建设单位 of the fixtures
CON=91120116MA05000024   # 施工总承包

# wid N: a valid GB 11643 ID number, distinct for each N.
wid() {
	awk -v i="$1" 'BEGIN {
		b = sprintf("120116%04d%02d%02d%03d", 1960 + i % 40, 1 + int(i / 40) % 12, 1 + int(i / 480) % 28, 100 + int(i / 13440) % 900)
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		s = 0; for (k = 1; k <= 17; k++) s += substr(b, k, 1) * w[k]
		print b substr("10X98765432", s % 11 + 1, 1) }'
}
W1=$(wid 1); W2=$(wid 2); W3=$(wid 3)

# imp KIND LINE...: imports the lines (header first) as one file.
imp() {
	local kind=$1
	shift
	printf '%s\n' "$@" >"$T/in.csv"
	if ! "$ANXIN" import "$kind" "$T/in.csv" --db "$DB" >/dev/null 2>"$T/imperr"; then
		bad "import $kind: $(head -c 400 "$T/imperr")"
	fi
}

# base NAME: a fresh database with the fixture enterprises and 40 workers.
base() {
	fresh "$1"
	"$ANXIN" import --db "$DB" "$FIX/good/enterprises.csv" >/dev/null
	{
		echo "id_number,name"
		for i in $(seq 1 40); do echo "$(wid "$i"),工人$i"; done
	} >"$T/workers.csv"
	"$ANXIN" import workers --db "$DB" "$T/workers.csv" >/dev/null
}

# project CODE [amount] [contract_date] [start_date] [status] [end_date] [board] [wage_day]
project() {
	imp projects "code,name,region_code,street,owner_uscc,contractor_uscc,contract_amount,contract_date,start_date,status,end_date,board_installed_date,wage_day" \
		"$1,项目$1,120116,泰达街道,$OWN,$CON,${2:-1000000.00},${3:-2026-01-05},${4:-2026-01-10},${5:-active},${6:-},${7-2026-01-12},${8:-15}"
}
account() { imp accounts "account_no,project_code,bank_name,opened_date,closed_date" "$1,$2,工商银行,${3:-2026-01-20},${4:-}"; }
deposit() { imp deposits "project_code,deposit_no,form,amount,deposit_date,expiry_date,released_date" "$1,$2,cash,$3,${4:-2026-01-25},${5:-},${6:-}"; }
# txn ACCOUNT ID DATE KIND AMOUNT [WORKER PERIOD]
txn() { imp transactions "account_no,txn_id,txn_date,kind,amount,worker_id_number,period" "$1,$2,$3,$4,$5,${6:-},${7:-}"; }
# employ PROJECT WORKER ENTRY [EXIT] [CONTRACT_SIGNED]
employ() { imp employments "project_code,worker_id_number,employer_uscc,entry_date,exit_date,contract_signed_date" "$1,$2,$CON,$3,${4:-},${5-$3}"; }
# attend PROJECT WORKER FIRST_DATE DAYS: consecutive calendar days
attend() {
	local lines=("project_code,worker_id_number,date") d
	for i in $(seq 0 $(($4 - 1))); do
		d=$(date -d "$3 + $i day" +%F)
		lines+=("$1,$2,$d")
	done
	imp attendance "${lines[@]}"
}
# pay PROJECT WORKER PERIOD DAYS DUE PAID [PAID_DATE] [CHANNEL]
pay() {
	imp payroll "project_code,worker_id_number,period,employer_uscc,days_worked,amount_due,amount_paid,paid_date,channel" \
		"$1,$2,$3,$CON,$4,$5,$6,${7:-},${8:-bank}"
}
# good PROJECT: a compliant project: board, account, 1% deposit, a recent
# labour-cost transfer (D around 2026-04).
good() {
	project "$1"
	account "A$1" "$1"
	deposit "$1" "D$1" 10000.00
	txn "A$1" "L$1-0" 2026-03-15 labor_cost 1000.00
	txn "A$1" "L$1-1" 2026-04-10 labor_cost 500000.00
}

# expect_set NAME AS_OF WANT: scans as of AS_OF and compares the open
# warnings (rule,project,period,level,status), sorted, with WANT (lines).
expect_set() {
	local name=$1
	run scan --as-of "$2" --db "$DB"
	expect_rc "$name: scan" 0
	"$ANXIN" warnings --format csv --db "$DB" | tail -n +2 | cut -d, -f1-5 | sort >"$T/got"
	printf '%s' "$3" | sed '/^$/d' | sort >"$T/want"
	if cmp -s "$T/got" "$T/want"; then ok; else
		bad "$name (as of $2): got [$(tr '\n' ' ' <"$T/got")] want [$(tr '\n' ' ' <"$T/want")]"
	fi
}

# ---- the CLI contract ----------------------------------------------------
for c in scan warnings params calendar; do
	run "$c" --help
	expect_rc "help $c" 0
	expect_in "help $c" "$T/out" "usage: anxin $c"
done
base contract
run scan --as-of 2026-04-20 --db "$DB"
expect_rc "scan on an empty database" 0
expect_in "scan summary" "$T/out" "raised 0"
run warnings --format csv --db "$DB"
expect_eq "csv header" "$(head -1 "$T/out" | cut -d, -f1-5)" "rule,project_code,period,level,status"
run scan --as-of 2026-13-01 --db "$DB"
expect_rc "bad as-of" 1
run warnings --format pdf --db "$DB"
expect_rc "bad format" 1
run warnings --rule NOPE --db "$DB"
expect_rc "bad rule" 1

# ---- a compliant project raises nothing ----------------------------------
base compliant
good P1
expect_set "compliant project" 2026-04-20 ""

# ---- NO_ACCOUNT: contract_date + 30 days < D -----------------------------
base no_account
project P1
deposit P1 D1 10000.00
expect_set "NO_ACCOUNT day of the deadline (2026-02-04)" 2026-02-04 ""
expect_set "NO_ACCOUNT day after" 2026-02-05 "NO_ACCOUNT,P1,,orange,open"
account A1 P1 2026-02-10 2026-02-20
expect_set "NO_ACCOUNT: account open on D" 2026-02-15 ""
expect_set "NO_ACCOUNT: account closed before D" 2026-02-21 "NO_ACCOUNT,P1,,orange,open"
# not active: planned, or ended
base no_account_inactive
project P1 1000000.00 2026-01-05 2026-01-10 planned "" 2026-01-12
project P2 1000000.00 2026-01-05 2026-03-20 active "" 2026-03-21
deposit P1 D1 10000.00
deposit P2 D2 10000.00
expect_set "NO_ACCOUNT only for active projects (started)" 2026-03-01 ""

# ---- LABOR_COST_LATE: cycle and 2 x cycle --------------------------------
base labor
project P1
deposit P1 D1 10000.00
account A1 P1 2026-01-20
expect_set "LABOR_COST_LATE: opened + 30 = deadline" 2026-02-19 ""
expect_set "LABOR_COST_LATE: day after the cycle" 2026-02-20 "LABOR_COST_LATE,P1,,yellow,open"
expect_set "LABOR_COST_LATE: 2 x cycle" 2026-03-21 "LABOR_COST_LATE,P1,,yellow,open"
expect_set "LABOR_COST_LATE: past 2 x cycle" 2026-03-22 "LABOR_COST_LATE,P1,,orange,open"
txn A1 L1 2026-03-01 labor_cost 1000.00
expect_set "LABOR_COST_LATE: latest transfer counts" 2026-03-31 ""
expect_set "LABOR_COST_LATE: transfer + 31" 2026-04-01 "LABOR_COST_LATE,P1,,yellow,open"
txn A1 L2 2026-04-05 labor_cost 1000.00
expect_set "LABOR_COST_LATE: a transfer after D does not count" 2026-04-01 "LABOR_COST_LATE,P1,,yellow,open"

# ---- NO_DEPOSIT: 20 working days across the Spring Festival; exact 1% ---
base deposit
project P1 1000000.50 2026-02-03 2026-02-10 active "" 2026-02-11
account A1 P1 2026-02-05
txn A1 L1 2026-03-01 labor_cost 1000.00
# 2026-02-03 + 20 working days = 2026-03-09 (02-14 and 02-28 work, 02-15..23 off)
expect_set "NO_DEPOSIT: on the deadline" 2026-03-09 ""
expect_set "NO_DEPOSIT: the day after" 2026-03-10 "NO_DEPOSIT,P1,,yellow,open"
deposit P1 D1 10000.00 2026-03-01
expect_set "NO_DEPOSIT: 10000.00 < 1% of 1000000.50" 2026-03-10 "NO_DEPOSIT,P1,,yellow,open"
deposit P1 D1 10000.01 2026-03-01
expect_set "NO_DEPOSIT: 10000.01 covers 10000.005" 2026-03-10 ""
deposit P1 D1 10000.01 2026-03-01 2026-03-15
expect_set "NO_DEPOSIT: valid on its expiry day" 2026-03-15 ""
expect_set "NO_DEPOSIT: expired" 2026-03-16 "NO_DEPOSIT,P1,,yellow,open"
deposit P1 D1 10000.01 2026-03-01 "" 2026-03-20
expect_set "NO_DEPOSIT: released on D" 2026-03-20 "NO_DEPOSIT,P1,,yellow,open"
expect_set "NO_DEPOSIT: not released yet" 2026-03-19 ""
run warnings --status all --format json --db "$DB"
expect_in "NO_DEPOSIT evidence: exact required amount" "$T/out" '"required":"10000.005"'
# a deadline reaching into an unknown year is skipped with a clear note
base deposit_unknown_year
project P1 1000000.00 2026-12-20 2026-12-21 active "" 2026-12-22
account A1 P1 2026-12-21
run scan --as-of 2027-01-05 --db "$DB"
expect_rc "unknown year: scan still runs" 0
expect_in "unknown year: note names it" "$T/out" "2027"
"$ANXIN" calendar add-year 2027 --off 2027-01-01 --db "$DB" >/dev/null
run calendar workdays 2026-12-20 20 --db "$DB"
expect_eq "calendar add-year then workdays" "$(cat "$T/out")" "2027-01-18"

# ---- NO_BOARD: start_date + 7 -------------------------------------------
base board
good P1
project P1 1000000.00 2026-01-05 2026-01-10 active "" ""
expect_set "NO_BOARD: start + 7" 2026-01-17 ""
expect_set "NO_BOARD: start + 8" 2026-01-18 "NO_BOARD,P1,,yellow,open"
project P1 1000000.00 2026-01-05 2026-01-10 active "" 2026-01-25
expect_set "NO_BOARD: installed after D" 2026-01-24 "NO_BOARD,P1,,yellow,open"
expect_set "NO_BOARD: installed on D" 2026-01-25 ""

# ---- NO_CONTRACT: entry_date + 30 ---------------------------------------
base contract30
good P1
employ P1 "$W1" 2026-03-01 "" ""
expect_set "NO_CONTRACT: entry + 30" 2026-03-31 ""
expect_set "NO_CONTRACT: entry + 31" 2026-04-01 "NO_CONTRACT,P1,,yellow,open"
employ P1 "$W1" 2026-03-01 "" 2026-04-02
expect_set "NO_CONTRACT: signed after D" 2026-04-01 "NO_CONTRACT,P1,,yellow,open"
expect_set "NO_CONTRACT: signed on D" 2026-04-02 ""
employ P1 "$W2" 2026-02-01 2026-03-15 ""
expect_set "NO_CONTRACT: exited before D" 2026-04-02 ""

# ---- WAGE_UNPAID: deadline, clamping, 29/30 workers, 1/2 months ---------
base unpaid
good P1
employ P1 "$W1" 2026-03-01
attend P1 "$W1" 2026-03-02 5
pay P1 "$W1" 2026-03 5 1500.00 0
# pay deadline of 2026-03 = 2026-04-15 (wage_day 15)
expect_set "WAGE_UNPAID: on the pay deadline" 2026-04-15 ""
expect_set "WAGE_UNPAID: the day after" 2026-04-16 "WAGE_UNPAID,P1,2026-03,orange,open"
pay P1 "$W1" 2026-03 5 1500.00 1500.00 2026-04-18
txn AP1 W-1 2026-04-18 wage 1500.00 "$W1" 2026-03
expect_set "WAGE_UNPAID: paid after D counts as unpaid" 2026-04-17 "WAGE_UNPAID,P1,2026-03,orange,open"
expect_set "WAGE_UNPAID: paid on D" 2026-04-18 ""
# worked, not on the payroll at all
employ P1 "$W2" 2026-03-01
attend P1 "$W2" 2026-03-02 3
expect_set "WAGE_UNPAID: worked, no payroll row" 2026-04-20 "WAGE_UNPAID,P1,2026-03,orange,open"
# on the payroll but no attendance: not 'worked'
base unpaid_noatt
good P1
employ P1 "$W1" 2026-03-01
pay P1 "$W1" 2026-03 0 1500.00 0
expect_set "WAGE_UNPAID: no attendance, no warning" 2026-04-20 ""

# 2 due months -> red; 1 -> orange
base unpaid_months
good P1
employ P1 "$W1" 2026-02-01
attend P1 "$W1" 2026-03-02 2
expect_set "WAGE_UNPAID: one month orange" 2026-04-20 "WAGE_UNPAID,P1,2026-03,orange,open"
attend P1 "$W1" 2026-02-02 2
expect_set "WAGE_UNPAID: two months red" 2026-04-20 "WAGE_UNPAID,P1,2026-02,red,open
WAGE_UNPAID,P1,2026-03,red,open"

# 29 workers -> orange, 30 -> red
base unpaid_29
good P1
{ echo "project_code,worker_id_number,employer_uscc,entry_date,contract_signed_date"
  for i in $(seq 1 30); do echo "P1,$(wid "$i"),$CON,2026-03-01,2026-03-01"; done; } >"$T/emp.csv"
"$ANXIN" import employments "$T/emp.csv" --db "$DB" >/dev/null
{ echo "project_code,worker_id_number,date"
  for i in $(seq 1 29); do echo "P1,$(wid "$i"),2026-03-05"; done; } >"$T/att.csv"
"$ANXIN" import attendance "$T/att.csv" --db "$DB" >/dev/null
expect_set "WAGE_UNPAID: 29 workers orange" 2026-04-20 "WAGE_UNPAID,P1,2026-03,orange,open"
attend P1 "$(wid 30)" 2026-03-05 1
expect_set "WAGE_UNPAID: 30 workers red" 2026-04-20 "WAGE_UNPAID,P1,2026-03,red,open"

# wage_day 31 in February: month 2026-01 is due after 2026-02-28
base unpaid_feb
project P1 1000000.00 2026-01-05 2026-01-10 active "" 2026-01-12 31
account AP1 P1
deposit P1 DP1 10000.00
txn AP1 L1 2026-02-20 labor_cost 100000.00
employ P1 "$W1" 2026-01-10
attend P1 "$W1" 2026-01-12 3
expect_set "WAGE_UNPAID: wage_day 31 clamps to 02-28" 2026-02-28 ""
expect_set "WAGE_UNPAID: due from 03-01" 2026-03-01 "WAGE_UNPAID,P1,2026-01,orange,open"

# ---- WAGE_SHORT / NOT_VIA_BANK / BANK_MISMATCH ----------------------------
base short
good P1
employ P1 "$W1" 2026-03-01
attend P1 "$W1" 2026-03-02 5
pay P1 "$W1" 2026-03 5 1500.00 1000.00 2026-04-10
txn AP1 W-1 2026-04-10 wage 1000.00 "$W1" 2026-03
expect_set "WAGE_SHORT: before the deadline" 2026-04-15 ""
expect_set "WAGE_SHORT: 0 < paid < due" 2026-04-16 "WAGE_SHORT,P1,2026-03,yellow,open"

base notbank
good P1
employ P1 "$W1" 2026-03-01
attend P1 "$W1" 2026-03-02 5
pay P1 "$W1" 2026-03 5 1500.00 1500.00 2026-04-10 cash
pay P1 "$W2" 2026-04 0 800.00 800.00 2026-04-25 cash
expect_set "NOT_VIA_BANK: cash; a month not yet due counts; paid after D does not" 2026-04-20 \
	"NOT_VIA_BANK,P1,2026-03,yellow,open"
expect_set "NOT_VIA_BANK: the current month once paid" 2026-04-25 "NOT_VIA_BANK,P1,2026-03,yellow,open
NOT_VIA_BANK,P1,2026-04,yellow,open"

base mismatch
good P1
employ P1 "$W1" 2026-03-01
attend P1 "$W1" 2026-03-01 22
pay P1 "$W1" 2026-03 22 7000.00 7000.00 2026-04-10
txn AP1 W-1 2026-04-10 wage 6999.00 "$W1" 2026-03
expect_set "BANK_MISMATCH: exactly 1 yuan short is tolerated" 2026-04-20 ""
txn AP1 W-1 2026-04-10 wage 6998.99 "$W1" 2026-03
expect_set "BANK_MISMATCH: 1.01 short" 2026-04-20 "BANK_MISMATCH,P1,2026-03,orange,open"
txn AP1 W-2 2026-04-21 wage 1.01 "$W1" 2026-03
expect_set "BANK_MISMATCH: a transfer after D does not count" 2026-04-20 "BANK_MISMATCH,P1,2026-03,orange,open"
expect_set "BANK_MISMATCH: it counts from its date" 2026-04-21 ""

# ---- BALANCE_LOW ----------------------------------------------------------
base balance
project P1
account AP1 P1
deposit P1 DP1 10000.00
txn AP1 L1 2026-04-10 labor_cost 6999.99
pay P1 "$W1" 2026-04 10 7000.00 0
expect_set "BALANCE_LOW: outstanding 7000.00 > balance 6999.99" 2026-04-20 "BALANCE_LOW,P1,,yellow,open"
txn AP1 L1 2026-04-10 labor_cost 7000.00
expect_set "BALANCE_LOW: equal is enough" 2026-04-20 ""
txn AP1 O1 2026-04-12 other_out 0.01
expect_set "BALANCE_LOW: money out lowers the balance" 2026-04-20 "BALANCE_LOW,P1,,yellow,open"

# Issue 7, finding 6: an older database (written before the field maxima,
# here with sqlite3 directly) holds 10,000 payroll rows of 9,999,999,999,999.99
# yuan owed on P2: the outstanding sum leaves int64. It used to wrap to a
# negative figure, so BALANCE_LOW was not raised; now the scan raises it
# (the outstanding exceeds any balance) and a note names project and month.
project P2
account AP2 P2
deposit P2 DP2 10000.00
txn AP2 L2 2026-04-10 labor_cost 1000.00
# (PostgreSQL has no printf(): the same zero-padded numbers with lpad.)
xid="printf('X%05d', i)"
! "$DBSQL" --pg || xid="'X' || lpad(CAST(i AS text), 5, '0')"
# (PostgreSQL checks the payroll's foreign key to workers, which the sqlite3
# shell leaves off: the 10,000 people are registered first.)
"$DBSQL" "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
	INSERT INTO workers (id_number, name) SELECT $xid, 'X' FROM n"
"$DBSQL" "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
	INSERT INTO payroll (project_code, worker_id_number, period, employer_uscc, days_worked,
	amount_due, amount_paid) SELECT 'P2', $xid, '2026-03', '$CON', 0,
	999999999999999, 0 FROM n"
run scan --as-of 2026-04-20 --full --db "$DB"
expect_rc "overflowing outstanding: scan" 0
expect_in "overflowing outstanding: the note names project and month" "$T/out" "项目P2 2026-03: 应付未付工资"
"$ANXIN" warnings --format csv --db "$DB" | tail -n +2 | cut -d, -f1-5 | sort >"$T/got"
expect_in "overflowing outstanding: BALANCE_LOW raised" "$T/got" "BALANCE_LOW,P2,,yellow,open"
expect_in "P1 unchanged beside it" "$T/got" "BALANCE_LOW,P1,,yellow,open"
id=$("$ANXIN" warnings --format csv --db "$DB" | grep '^BALANCE_LOW,P2,' | cut -d, -f6 || true)
run warnings show "$id" --db "$DB"
expect_in "overflowing outstanding: no wrapped figure, said so" "$T/out" "应付未付工资合计超出可计算范围"
expect_not_in "overflowing outstanding: no negative figure" "$T/out" "应付未付工资-"

# The import's transaction aggregate never turns into a wrapped or inexact
# figure: a day's sum that would leave int64 fails the import, nothing written.
"$DBSQL" "$DB" "UPDATE txn_day SET amount = 9223372036854775800 WHERE account_no = 'AP2' AND kind = 'labor_cost'"
printf 'account_no,txn_id,txn_date,kind,amount\nAP2,L3,2026-04-10,labor_cost,1.00\n' >"$T/big.csv"
run import transactions "$T/big.csv" --db "$DB"
expect_rc "aggregate past int64: the import fails" 1
expect_eq "aggregate past int64: nothing written" "$("$DBSQL" "$DB" "SELECT count(*) FROM transactions WHERE txn_id = 'L3'")" 0
# the stored type: SQLite's typeof() is 'integer'; PostgreSQL's column is a
# bigint, reported with the same word
typ="typeof(amount)"
! "$DBSQL" --pg || typ="CASE WHEN pg_typeof(amount) = CAST('bigint' AS regtype) THEN 'integer' ELSE CAST(pg_typeof(amount) AS text) END"
expect_eq "aggregate past int64: the aggregate unchanged" \
	"$("$DBSQL" "$DB" "SELECT amount, $typ FROM txn_day WHERE account_no = 'AP2' AND kind = 'labor_cost'")" \
	"9223372036854775800|integer"

# ---- BELOW_MIN_WAGE: days x 2180.00 / 21.75 exactly ----------------------
base minwage
good P1
employ P1 "$W1" 2026-03-01
attend P1 "$W1" 2026-03-01 10
pay P1 "$W1" 2026-03 10 1002.29 1002.29 2026-04-10
txn AP1 W-1 2026-04-10 wage 1002.29 "$W1" 2026-03
# 10 x 2180.00 / 21.75 = 1002.2988...
expect_set "BELOW_MIN_WAGE: 1002.29 is below" 2026-04-20 "BELOW_MIN_WAGE,P1,2026-03,orange,open"
pay P1 "$W1" 2026-03 10 1002.30 1002.30 2026-04-10
txn AP1 W-1 2026-04-10 wage 1002.30 "$W1" 2026-03
expect_set "BELOW_MIN_WAGE: 1002.30 is not" 2026-04-20 ""
# a district's own minimum wage overrides the city's (120116 -> 120000)
imp min_wages "region_code,effective_from,monthly" "120116,2026-03-01,2500.00"
expect_set "BELOW_MIN_WAGE: district rate in force on the 1st" 2026-04-20 "BELOW_MIN_WAGE,P1,2026-03,orange,open"
imp min_wages "region_code,effective_from,monthly" "120116,2026-03-01,2500.00" "120116,2026-03-02,1000.00"
expect_set "BELOW_MIN_WAGE: a rate from the 2nd is not in force on the 1st" 2026-04-20 "BELOW_MIN_WAGE,P1,2026-03,orange,open"

# ---- DAYS_MISMATCH: tolerance 3 days -------------------------------------
base days
good P1
employ P1 "$W1" 2026-03-01
attend P1 "$W1" 2026-03-01 18
pay P1 "$W1" 2026-03 21 7000.00 7000.00 2026-04-10
txn AP1 W-1 2026-04-10 wage 7000.00 "$W1" 2026-03
expect_set "DAYS_MISMATCH: 21 vs 18 is within 3" 2026-04-20 ""
pay P1 "$W1" 2026-03 21.5 7000.00 7000.00 2026-04-10
expect_set "DAYS_MISMATCH: 21.5 vs 18" 2026-04-20 "DAYS_MISMATCH,P1,2026-03,yellow,open"

# ---- UNREGISTERED: lookback edges, partial cover --------------------------
base unreg
good P1
attend P1 "$W3" 2026-04-01 2
expect_set "UNREGISTERED: attendance without employment" 2026-04-20 "UNREGISTERED,P1,2026-04,yellow,open"
attend P1 "$W3" 2025-04-30 1
attend P1 "$W3" 2025-03-31 1
expect_set "UNREGISTERED: 12 months back in, 13 out" 2026-04-20 "UNREGISTERED,P1,2025-04,yellow,open
UNREGISTERED,P1,2026-04,yellow,open"
employ P1 "$W3" 2025-01-01
expect_set "UNREGISTERED: registered now" 2026-04-20 ""
employ P1 "$W2" 2026-04-05
attend P1 "$W2" 2026-04-03 4
expect_set "UNREGISTERED: days before entry" 2026-04-20 "UNREGISTERED,P1,2026-04,yellow,open"
expect_set "UNREGISTERED: rows after D do not count" 2026-04-02 ""

# ---- COMPLETION_UNSETTLED -------------------------------------------------
base completion
project P1 1000000.00 2024-11-20 2024-12-01 completed 2026-03-31 2024-12-05
employ P1 "$W1" 2025-01-01
attend P1 "$W1" 2025-01-02 3
expect_set "COMPLETION_UNSETTLED: no lookback limit" 2026-04-20 "COMPLETION_UNSETTLED,P1,,red,open"
attend P1 "$W1" 2026-03-02 3
expect_set "COMPLETION_UNSETTLED with WAGE_UNPAID" 2026-04-20 "COMPLETION_UNSETTLED,P1,,red,open
WAGE_UNPAID,P1,2026-03,orange,open"
pay P1 "$W1" 2025-01 3 900.00 900.00 2025-02-10
pay P1 "$W1" 2026-03 3 900.00 600.00 2026-04-10
expect_set "COMPLETION_UNSETTLED: a short month still open" 2026-04-20 "COMPLETION_UNSETTLED,P1,,red,open
WAGE_SHORT,P1,2026-03,yellow,open
BANK_MISMATCH,P1,2026-03,orange,open"

# ---- lifecycle --------------------------------------------------------------
csv_all() { "$ANXIN" warnings --status all --format csv --db "$DB" | tail -n +2 | sort; }
id_of() { "$ANXIN" warnings --status all --format csv --db "$DB" | awk -F, -v r="$1" -v s="$2" '$1 == r && $5 == s {print $6}' | head -1; }

base life
good P1
employ P1 "$W1" 2026-03-01
attend P1 "$W1" 2026-03-02 5
expect_set "lifecycle: raised" 2026-04-20 "WAGE_UNPAID,P1,2026-03,orange,open"
csv_all >"$T/first"
run scan --as-of 2026-04-20 --db "$DB"
expect_in "re-scan: nothing raised" "$T/out" "raised 0, 更新 updated 0"
expect_in "re-scan: incremental" "$T/out" "incremental"
csv_all >"$T/second"
expect_eq "re-scan is idempotent (same rows, same ids)" "$(cmp -s "$T/first" "$T/second" && echo same)" "same"
run scan --as-of 2026-04-20 --full --db "$DB"
expect_in "full re-scan: nothing raised or updated" "$T/out" "raised 0, 更新 updated 0"
expect_in "full re-scan: one unchanged" "$T/out" "unchanged 1"
first_id=$(id_of WAGE_UNPAID open)

# more workers unpaid: the same warning is updated, not duplicated
employ P1 "$W2" 2026-03-01
attend P1 "$W2" 2026-03-02 2
run scan --as-of 2026-04-20 --db "$DB"
expect_in "update: counted" "$T/out" "updated 1"
expect_eq "update keeps the id" "$(id_of WAGE_UNPAID open)" "$first_id"
expect_eq "update: one warning" "$(csv_all | grep -c WAGE_UNPAID)" 1

# fixing the data eliminates automatically, on D, with the standard reason
pay P1 "$W1" 2026-03 5 1500.00 1500.00 2026-04-10
pay P1 "$W2" 2026-03 2 600.00 600.00 2026-04-10
txn AP1 W-1 2026-04-10 wage 1500.00 "$W1" 2026-03
txn AP1 W-2 2026-04-10 wage 600.00 "$W2" 2026-03
expect_set "fixed: no open warning" 2026-04-20 ""
run warnings --status eliminated --format json --db "$DB"
expect_in "auto elimination reason" "$T/out" '"eliminated_reason":"数据复核已消除"'
expect_in "auto elimination date" "$T/out" '"eliminated_on":"2026-04-20"'
expect_in "auto elimination kind" "$T/out" '"eliminated_how":"auto"'

# the condition returns: a NEW warning
pay P1 "$W2" 2026-03 2 600.00 0
expect_set "returning condition raised again" 2026-04-20 "WAGE_UNPAID,P1,2026-03,orange,open"
new_id=$(id_of WAGE_UNPAID open)
if [ -n "$new_id" ] && [ "$new_id" != "$first_id" ]; then ok; else bad "returning condition: new id $new_id vs $first_id"; fi
expect_eq "the old warning stays eliminated" "$(id_of WAGE_UNPAID eliminated)" "$first_id"

# assignment -> handling; escalation; manual elimination keeps history
run warnings assign "$new_id" --to nobody --actor tester --db "$DB"
expect_rc "assign to someone who is not an inspector or officer" 1
printf 'Zhang-San-2026!\n' | ANXIN_TEST_FAST_HASH=1 "$ANXIN" user add zhangsan --role inspector \
	--password-stdin --db "$DB" >/dev/null
run warnings assign "$new_id" --to zhangsan --actor tester --db "$DB"
expect_rc "assign" 0
expect_eq "assigned: handling" "$(csv_all | awk -F, '$5 == "handling"' | cut -d, -f1-5)" "WAGE_UNPAID,P1,2026-03,orange,handling"
run warnings escalate "$new_id" --actor tester --db "$DB"
expect_rc "escalate" 0
run warnings eliminate "$new_id" --db "$DB"
expect_rc "eliminate without a reason is refused" 1
run warnings eliminate "$new_id" --reason 已约谈整改 --actor tester --db "$DB"
expect_rc "eliminate by hand" 0
run warnings eliminate "$new_id" --reason again --db "$DB"
expect_rc "eliminate twice is refused" 1
run warnings show "$new_id" --db "$DB"
expect_rc "show" 0
for ev in raised assigned escalated eliminated; do
	expect_in "history has $ev" "$T/out" "$ev"
done
expect_in "history: who eliminated" "$T/out" "cli:tester"
expect_in "history: why" "$T/out" "已约谈整改"
expect_in "show: legal basis" "$T/out" "第十二条"
expect_in "show: evidence lists the worker" "$T/out" "$W2"
run audit list --format csv --db "$DB"
for a in warning_assign warning_escalate warning_eliminate; do
	expect_in "audited: $a" "$T/out" "$a"
done
run audit verify --db "$DB"
expect_rc "audit chain intact after the actions" 0
run warnings show "$new_id" --format json --db "$DB"
expect_in "show json: history" "$T/out" '"event":"escalated"'
# the condition persists: a manual elimination is not undone every morning
expect_set "manual elimination holds while the condition persists" 2026-04-20 ""
expect_set "... also on the next day" 2026-04-21 ""
# it worsens (red: a second month): a NEW warning, while the one eliminated
# by hand stays eliminated as it was (its id, level, reason) - in both
# paths of the reconcile: a full scan re-evaluates the 2026-03 cell (found,
# worse than at elimination); an incremental one touches only 2026-02 and
# re-levels the eliminated 2026-03 warning it did not re-evaluate.
employ P1 "$W2" 2026-02-01 2026-02-28
attend P1 "$W2" 2026-02-02 2
"$HERE/../pg/dbcopy" "$DB" "$T/worse_full.db"   # with the desk file: warnings live there
# expect_worse NAME DB: the 2026-03 cell holds the two eliminated warnings
# (automatically $first_id, by hand $new_id, orange) as they were, and a
# new open red one with another id.
expect_worse() {
	"$ANXIN" warnings --status all --format csv --db "$2" | tail -n +2 |
		awk -F, '$1 == "WAGE_UNPAID" && $3 == "2026-03" {print $5 "," $4 "," $6}' | sort >"$T/cell"
	expect_eq "$1: three warnings for the cell" "$(wc -l <"$T/cell")" 3
	expect_eq "$1: the first stays eliminated" \
		"$(awk -F, '$3 == "'"$first_id"'" {print $1}' "$T/cell")" "eliminated"
	expect_eq "$1: the old one stays eliminated, orange" \
		"$(awk -F, '$3 == "'"$new_id"'" {print $1 "," $2}' "$T/cell")" "eliminated,orange"
	local fresh_id
	fresh_id=$(awk -F, '$1 == "open" {print $3}' "$T/cell")
	expect_eq "$1: a new open warning, red" "$(awk -F, '$1 == "open" {print $2}' "$T/cell")" "red"
	if [ -n "$fresh_id" ] && [ "$fresh_id" != "$new_id" ] && [ "$fresh_id" != "$first_id" ]; then ok; else
		bad "$1: the open warning has id '$fresh_id', the eliminated one $new_id"; fi
	"$ANXIN" warnings show "$new_id" --format json --db "$2" >"$T/old.json"
	expect_in "$1: the old one keeps its reason" "$T/old.json" '"eliminated_reason":"已约谈整改"'
	expect_in "$1: ... and how" "$T/old.json" '"eliminated_how":"manual"'
}
run scan --as-of 2026-04-21 --full --db "$T/worse_full.db"
expect_rc "worse, full scan" 0
expect_in "worse, full scan: full" "$T/out" "full"
expect_worse "worse than when eliminated (full scan)" "$T/worse_full.db"
expect_set "worse than when eliminated: raised again" 2026-04-21 "WAGE_UNPAID,P1,2026-02,red,open
WAGE_UNPAID,P1,2026-03,red,open"
expect_in "worse, incremental scan: incremental" "$T/out" "incremental"
expect_worse "worse than when eliminated (incremental scan)" "$DB"
run warnings show 99999 --db "$DB"
expect_rc "show unknown id" 1

# ---- parameters: attributable changes, full re-scan -----------------------
run params --db "$DB"
expect_in "params lists deposit_ratio" "$T/out" "deposit_ratio"
run params set deposit_ratio 2 --db "$DB"
expect_rc "params: bad ratio refused" 1
run params set board_grace_days 100 --actor 李科长 --db "$DB"
expect_rc "params set" 0
run params --db "$DB"
expect_in "params: who changed it" "$T/out" "cli:李科长"
run scan --as-of 2026-04-21 --db "$DB"
expect_in "param change: next scan is full" "$T/out" "full"
run audit list --db "$DB" --format csv
expect_in "param change audited" "$T/out" "param_set"

# ---- incremental = full --------------------------------------------------------
base incr
good P1
good P2
good P3
project P4 1000000.00 2026-01-05 2026-01-10 active "" ""
for p in P1 P2 P3; do employ "$p" "$W1" 2026-03-01; done
attend P1 "$W1" 2026-03-02 5
attend P2 "$W1" 2026-03-02 5
pay P2 "$W1" 2026-03 5 1500.00 1500.00 2026-04-10 cash
attend P3 "$W3" 2026-04-01 3
run scan --as-of 2026-04-20 --db "$DB"
expect_rc "incr: first scan" 0
# a day's imports touching some projects and months
attend P1 "$W2" 2026-04-19 1
attend P2 "$W1" 2026-04-19 1
employ P3 "$W3" 2026-04-01
pay P1 "$W1" 2026-03 5 1500.00 900.00 2026-04-10
txn AP1 W-1 2026-04-10 wage 900.00 "$W1" 2026-03
deposit P2 DP2 5000.00
pay P3 "$W1" 2026-04 22 9000.00 0
# a copy of the database (on SQLite with the desk file: warnings, audit log)
"$HERE/../pg/dbcopy" "$DB" "$T/full.db"
run scan --as-of 2026-04-20 --db "$DB"
expect_in "incr: incremental" "$T/out" "incremental"
"$ANXIN" warnings --status all --format csv --db "$DB" | tail -n +2 | cut -d, -f1-5,15,16 | sort >"$T/inc.csv"
run scan --as-of 2026-04-20 --full --db "$T/full.db"
expect_in "incr: the copy scans fully" "$T/out" "full"
"$ANXIN" warnings --status all --format csv --db "$T/full.db" | tail -n +2 | cut -d, -f1-5,15,16 | sort >"$T/full.csv"
if cmp -s "$T/inc.csv" "$T/full.csv"; then ok; else bad "incremental != full: $(diff "$T/inc.csv" "$T/full.csv" | head -20)"; fi
expect_in "incr: the set is not trivial" "$T/inc.csv" "NO_DEPOSIT"
# and a full scan right after the incremental one changes nothing
run scan --as-of 2026-04-20 --full --db "$DB"
expect_in "full after incremental: nothing to do" "$T/out" "raised 0, 更新 updated 0, 未变 unchanged"
expect_in "full after incremental: nothing eliminated" "$T/out" "消除 eliminated 0"

summary
