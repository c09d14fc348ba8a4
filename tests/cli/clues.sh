#!/usr/bin/env bash
# clues.sh - black-box tests of `anxin clues` and `anxin cases overdue`
# (issue 11, ../shared/spec/cases.md "Arrears clue"): a clue from intake to
# 办结 through every subcommand (with a return and its reason, then a pass),
# a step the state forbids refused with its message, a retried step done
# once (--request-id), merge, attachments judged by content, overdue
# deadlines across the Spring Festival 2024 and the National Day 2025, and
# the year of tests/fixtures/cases: imported (a GB18030 file with Chinese
# headers among them), exported, re-imported into a fresh database and
# exported again - identical - and its statistics equal to the figures
# counted by hand in tests/fixtures/cases/README.md, written out below.
# Every database is given as --db PATH, so the suite runs unchanged on
# PostgreSQL through tests/pg/anxin-pg.
# Usage: ANXIN=build/anxin bash tests/cli/clues.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
FIX="$HERE/../fixtures"
CF="$FIX/cases"
: "${ANXIN:?set ANXIN to the anxin binary}"
# shellcheck source=lib.sh
. "$HERE/lib.sh"
# Attachments on PostgreSQL go to $ANXIN_FILES (else ./anxin-files): a
# folder of this run's own. SQLite keeps them beside the file (FILE-files).
export ANXIN_FILES="$T/anxin-files"

# j FILTER: jq -r FILTER on the last run's standard output.
j() { jq -r "$1" "$T/out"; }
# jc FILTER: the same, compact JSON.
jc() { jq -c "$1" "$T/out"; }
# expect_re NAME FILE REGEX: FILE matches the extended regular expression.
expect_re() {
	if grep -qE -- "$3" "$2"; then ok; else bad "$1: /$3/ not in $(basename "$2"): $(head -c 600 "$2")"; fi
}

ID1=120116198808081238
ID2=120116199203152341
ID3=120116197501013455

# add_clue AS_OF EMPLOYER [more options]: a clue by an officer; its number in $N.
add_clue() {
	local asof=$1 emp=$2
	shift 2
	run clues add --db "$DB" --as-of "$asof" --channel hotline --reporter-name 王小二 \
		--reporter-id-number "$ID1" --reporter-phone 13900001234 --employer-name "$emp" \
		--street 泰达街 --description "拖欠三个月工资" --format json "$@"
	N=$(jq -r .number "$T/out" 2>/dev/null || true)
}

# ---- help and usage ------------------------------------------------------
run clues --help
expect_rc "help clues" 0
expect_in "help clues" "$T/out" "usage: anxin clues add"
expect_in "help clues names review" "$T/out" "--return --reason TEXT"
run cases --help
expect_rc "help cases" 0
expect_in "help cases: the CSV contract" "$T/out" "number,type,state,street,deadline,"
for c in import export; do
	run "$c" --help
	expect_in "help $c lists the clue kinds" "$T/out" "clues clue_reviews"
done
run clues
expect_rc "clues without a subcommand" 2
run clues frobnicate --db "$T/none.db"
expect_rc "clues unknown subcommand" 2
expect_in "clues unknown subcommand named" "$T/err" "frobnicate"
run cases overdue --format pdf --db "$T/none.db"
expect_rc "cases bad format" 1
expect_in "cases bad format named" "$T/err" "pdf"
run cases overdue --as-of 2026-02-30 --db "$T/none.db"
expect_rc "cases bad as-of" 1
expect_in "cases bad as-of named" "$T/err" "2026-02-30"

# ---- one clue from intake to 办结 -----------------------------------------
fresh life
add_clue 2026-03-02 滨海宏达建筑劳务有限公司 --site-address "中新生态城某工地" \
	--workers-claimed 3 --amount-claimed 24000 \
	--worker "王小二,$ID1,13900001234" --worker "李大壮,$ID2," --worker 赵三
expect_rc "add" 0
expect_eq "add: a QX number of the year of receipt" "${N:0:8}" "QX-2026-"
expect_eq "add: transfer within 1 working day (Mon -> Tue)" "$(j .deadline)" 2026-03-03
run clues show "$N" --db "$DB" --as-of 2026-03-02 --format json
expect_rc "show" 0
expect_eq "show: received" "$(j .case.status)" received
expect_eq "show: state in Chinese" "$(j .case.state_zh)" 已接收
expect_eq "show: three workers" "$(j '.parties | length')" 3
expect_eq "show: ID numbers masked" "$(j '.parties[0].id_number | contains("*")')" true
expect_eq "show: the reporter's ID masked" "$(j '.case.reporter_id_number | contains("*")')" true
run clues show "$N" --db "$DB" --as-of 2026-03-02
expect_in "show text: state" "$T/out" "已接收 (received)"
expect_in "show text: workers" "$T/out" "李大壮"
expect_not_in "show text: the ID in full nowhere" "$T/out" "$ID2"

# a step the state does not allow: 签收 before 转办
run clues accept "$N" --db "$DB" --as-of 2026-03-02
expect_rc "accept a received clue: refused" 1
expect_in "refusal names the clue" "$T/err" "accept $N"
expect_re "refusal names the state" "$T/err" "已接收|received"
run clues show "$N" --db "$DB" --format json
expect_eq "refused: state unchanged" "$(j .case.status)" received

# transfer, retried with the same request id: done once
run clues transfer "$N" --street 泰达街 --db "$DB" --as-of 2026-03-03 --request-id req-t1 --actor tester --format json
expect_rc "transfer" 0
expect_eq "transfer: to transferred" "$(j .to)" transferred
expect_eq "transfer: 15 working days" "$(j .deadline)" 2026-03-24
expect_eq "transfer: not a replay" "$(j .replayed)" false
run clues transfer "$N" --street 泰达街 --db "$DB" --as-of 2026-03-03 --request-id req-t1 --actor tester
expect_rc "transfer retried" 0
expect_in "transfer retried: a replay" "$T/out" "replayed"
run clues show "$N" --db "$DB" --as-of 2026-03-03 --format json
expect_eq "retry: one transfer event" "$(j '[.history[] | select(.action == "transfer")] | length')" 1
expect_eq "transfer by cli:tester" "$(j '.history[] | select(.action == "transfer") | .actor')" cli:tester
run clues transfer "$N" --street 泰达街 --db "$DB" --as-of 2026-03-03
expect_rc "transfer again without the request id: refused" 1
expect_re "transfer again: the state named" "$T/err" "已转办|transferred"

run clues accept "$N" --db "$DB" --as-of 2026-03-04 --actor street1 --format json
expect_rc "accept" 0
expect_eq "accept: handling" "$(j .to)" handling
expect_eq "accept: the 15 days keep running" "$(j .deadline)" 2026-03-24

# conclude: every field required; a bad file refuses the conclusion
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$T/reply.pdf"
printf 'not a pdf at all\n' >"$T/fake.pdf"
run clues conclude "$N" --conclusion 1 --workers-resolved 3 --amount-resolved 24000 \
	--paid-by contractor --db "$DB" --as-of 2026-03-16
expect_rc "conclude without --reply" 1
expect_in "conclude without --reply: named" "$T/err" "--reply"
run clues conclude "$N" --conclusion 1 --workers-resolved 3 --amount-resolved 24000 \
	--paid-by contractor --reply "已由总包单位支付" --attach "$T/fake.pdf" --db "$DB" --as-of 2026-03-16
expect_rc "conclude with a text file named .pdf" 1
expect_in "conclude: the bad file named" "$T/err" "fake.pdf"
run clues conclude "$N" --conclusion 11 --workers-resolved 3 --amount-resolved 24000 \
	--paid-by contractor --reply "已由总包单位支付" --db "$DB" --as-of 2026-03-16
expect_rc "conclude with conclusion 11: refused" 1
expect_in "conclude 11: the field named" "$T/err" "conclusion"
run clues show "$N" --db "$DB" --format json
expect_eq "refused conclusions: still handling" "$(j .case.status)" handling
run clues conclude "$N" --conclusion 1 --workers-resolved 3 --amount-resolved 24000 \
	--paid-by contractor --reply "已由总包单位支付" --attach "$T/reply.pdf" --db "$DB" \
	--as-of 2026-03-16 --actor street1 --format json
expect_rc "conclude" 0
expect_eq "conclude: submitted" "$(j .to)" submitted
expect_eq "conclude: review within 3 working days" "$(j .deadline)" 2026-03-19

# review: a return needs its reason; then a return, a second conclusion, a pass
run clues review "$N" --return --db "$DB" --as-of 2026-03-17
expect_rc "return without --reason" 1
expect_in "return without --reason: named" "$T/err" "--reason"
run clues review "$N" --db "$DB" --as-of 2026-03-17
expect_rc "review without --pass/--return" 1
run clues review "$N" --return --reason "请补充工资支付凭证" --db "$DB" --as-of 2026-03-17 --actor tester --format json
expect_rc "return" 0
expect_eq "return: returned" "$(j .to)" returned
expect_eq "return: 5 more working days" "$(j .deadline)" 2026-03-24
run clues review "$N" --pass --db "$DB" --as-of 2026-03-18
expect_rc "pass a returned clue: refused" 1
expect_re "pass refused: the state named" "$T/err" "退回|returned"
run clues conclude "$N" --conclusion 1 --workers-resolved 3 --amount-resolved 24000.00 \
	--paid-by contractor --reply "已由总包单位支付, 附银行回单" --db "$DB" --as-of 2026-03-20 --format json
expect_rc "conclude again" 0
expect_eq "conclude again: submitted" "$(j .to)" submitted
expect_eq "conclude again: review by" "$(j .deadline)" 2026-03-25
run clues review "$N" --pass --db "$DB" --as-of 2026-03-23 --actor tester
expect_rc "pass" 0
expect_in "pass: 审核通过" "$T/out" "审核通过"
run clues show "$N" --db "$DB" --as-of 2026-03-23 --format json
expect_eq "passed" "$(j .case.status)" passed
expect_eq "passed: no deadline" "$(j .case.deadline)" null
expect_eq "passed: one return" "$(j .case.returns)" 1
expect_eq "passed: conclusion" "$(j .case.conclusion)" 1
expect_eq "passed: amount resolved" "$(j .case.amount_resolved)" 24000.00
expect_eq "passed: paid by" "$(j .case.paid_by)" contractor
expect_eq "passed: reply" "$(j .case.reply)" "已由总包单位支付, 附银行回单"
expect_eq "history: the steps in order" \
	"$(j '[.history[] | select(.action != "attach") | .action] | .[1:] | join(" ")')" \
	"transfer accept conclude return conclude pass"
expect_eq "history: the return's reason" "$(j '.history[] | select(.action == "return") | .reason')" 请补充工资支付凭证
expect_eq "history: the return by cli:tester" "$(j '.history[] | select(.action == "return") | .actor')" cli:tester
expect_eq "the PDF attached with the conclusion" "$(j '[.files[] | .name] | join(" ")')" reply.pdf
expect_eq "the attachment's type by content" "$(j '.files[0].mime')" application/pdf
expect_eq "the attachment's hash is the PDF's" "$(j '.files[0].sha256')" "$(sha256sum "$T/reply.pdf" | cut -d' ' -f1)"
expect_eq "its bytes stored beside the database" \
	"$(find "$DB-files" "$ANXIN_FILES" -type f -exec cmp -s {} "$T/reply.pdf" \; -print 2>/dev/null | wc -l)" 1
expect_eq "passed: nothing more to do" "$(j '.actions | length')" 0
run clues show "$N" --db "$DB" --as-of 2026-03-23
expect_in "show text: the conclusion" "$T/out" "已解决"
expect_in "show text: the return's reason" "$T/out" "请补充工资支付凭证"
run clues review "$N" --pass --db "$DB" --as-of 2026-03-24
expect_rc "pass a passed clue: refused" 1
run clues attach "$N" "$T/reply.pdf" --db "$DB" --as-of 2026-03-24
expect_rc "attach to a closed clue: refused" 1
# the review decisions are the kind clue_reviews; the steps are audited
run export clue_reviews --header en --db "$DB"
expect_in "review rows: the return" "$T/out" "$N,2026-03-17,1,return,请补充工资支付凭证"
expect_in "review rows: the pass" "$T/out" "$N,2026-03-23,"
run audit list --db "$DB" --format csv
expect_in "audited: the pass" "$T/out" "case_pass"
expect_in "audited: as cli:tester" "$T/out" "cli:tester"
run audit verify --db "$DB"
expect_rc "audit chain intact" 0
run clues list --box closed --db "$DB" --as-of 2026-03-24 --format csv
expect_eq "list csv header" "$(head -1 "$T/out" | cut -d, -f1-3)" "number,state,street"
expect_in "list: the passed clue closed" "$T/out" "$N,passed,泰达街"

# ---- attachments: by content, not by name ----------------------------------
add_clue 2026-03-02 滨海金石钢构有限公司
A=$N
run clues attach "$A" "$T/reply.pdf" --db "$DB" --as-of 2026-03-02 --actor tester
expect_rc "attach a PDF" 0
run clues attach "$A" "$T/fake.pdf" --db "$DB" --as-of 2026-03-02
expect_rc "attach a text file named .pdf: refused" 1
expect_in "attach refused: names the clue" "$T/err" "$A"
run clues attach QX-2026-999999 "$T/reply.pdf" --db "$DB" --as-of 2026-03-02
expect_rc "attach to an unknown clue: refused" 1
run clues show "$A" --db "$DB" --format json
expect_eq "one file kept" "$(j '.files | length')" 1
expect_eq "the attach in the history" "$(j '[.history[] | select(.action == "attach")] | length')" 1

# ---- merge: a duplicate into its survivor -----------------------------------
add_clue 2026-03-05 塘沽永信劳务分包有限公司
S=$N
add_clue 2026-03-06 塘沽永信劳务分包有限公司
D=$N
expect_in "intake flags the possible duplicate" "$T/out" "$S"
run clues merge "$D" --db "$DB" --as-of 2026-03-06
expect_rc "merge without --into" 1
run clues merge "$D" --into QX-2026-999999 --db "$DB" --as-of 2026-03-06
expect_rc "merge into an unknown clue: refused" 1
run clues merge "$D" --into "$S" --reason 同一项目重复反映 --db "$DB" --as-of 2026-03-06 --format json
expect_rc "merge" 0
expect_eq "merge: merged" "$(j .to)" merged
run clues show "$D" --db "$DB" --format json
expect_eq "the merged clue points at the survivor" "$(j .case.merged_into)" "$S"
expect_eq "the merged clue: conclusion 10" "$(j .case.conclusion)" 10
run clues show "$S" --db "$DB" --format json
expect_eq "the survivor stays open" "$(j .case.status)" received
run clues merge "$D" --into "$S" --db "$DB" --as-of 2026-03-06
expect_rc "merge a merged clue again: refused" 1
# the intake's and the filter's checks, named
run clues add --db "$DB" --as-of 2026-03-06 --channel fax --reporter-name 王小二 \
	--employer-name 某公司 --street 泰达街 --description 欠薪
expect_rc "add with channel fax: refused" 1
expect_in "add: the channel named" "$T/err" "fax"
run clues add --db "$DB" --as-of 2026-03-06 --channel hotline --reporter-name 王小二 \
	--employer-name 某公司 --street 泰达街 --description 欠薪 --reporter-id-number 120116199003070011
expect_rc "add with a bad ID number: refused" 1
expect_in "add: the ID's field named" "$T/err" "reporter_id_number"
run clues add --db "$DB" --as-of 2026-03-06 --channel hotline --reporter-name 王小二 \
	--employer-name 某公司 --street 泰达街
expect_rc "add without a description: refused" 1
expect_in "add: the description named" "$T/err" "description"
expect_eq "refused intakes wrote nothing" "$(count clues)" 4
run clues list --box inbox --db "$DB"
expect_rc "list --box inbox: refused" 1
expect_in "list: the box named" "$T/err" "inbox"
run clues list --state closed --db "$DB"
expect_rc "list --state closed: refused" 1
run clues list --box transfer --db "$DB" --as-of 2026-03-06 --format json
expect_eq "list json: the transfer box" "$(j '[.items[].number] | sort | join(" ")')" "$(printf '%s\n' "$A" "$S" | sort | paste -sd' ')"
expect_eq "list json: its count" "$(j .boxes.transfer)" 2

# ---- overdue across holidays -----------------------------------------------
fresh overdue
# received Friday 2024-02-09; 2024-02-10..17 is the Spring Festival and
# Sunday 2024-02-18 a working day: transfer by 2024-02-18, not 02-12.
add_clue 2024-02-09 滨海宏达建筑劳务有限公司 --received-date 2024-02-09
SF=$N
expect_eq "Spring Festival: transfer by the adjusted Sunday" "$(j .deadline)" 2024-02-18
# transferred Monday 2025-09-29; 2025-10-01..08 off, Saturday 2025-10-11
# worked: 15 working days end on 2025-10-27.
add_clue 2025-09-26 杭州道城建工程有限公司 --received-date 2025-09-26
ND=$N
run clues transfer "$ND" --street 杭州道街 --db "$DB" --as-of 2025-09-29 --format json
expect_eq "National Day: conclude by 2025-10-27" "$(j .deadline)" 2025-10-27
for d in 2024-02-16 2024-02-18; do
	run cases overdue --as-of "$d" --format csv --db "$DB"
	expect_rc "overdue $d" 0
	expect_not_in "not overdue on $d (the holidays do not count)" "$T/out" "$SF"
done
run cases overdue --as-of 2024-02-19 --format csv --db "$DB"
expect_eq "overdue csv header" "$(head -1 "$T/out" | cut -d, -f1-7)" \
	"number,type,state,street,deadline,deadline_basis,days_overdue"
expect_eq "overdue on 2024-02-19: one day" \
	"$(awk -F, -v n="$SF" '$1 == n { print $2, $3, $4, $5, $7 }' "$T/out")" "clue received 泰达街 2024-02-18 1"
run cases overdue --as-of 2025-10-27 --format csv --db "$DB"
expect_not_in "not overdue on its last day" "$T/out" "$ND"
run cases overdue --as-of 2025-10-28 --format json --db "$DB"
expect_eq "overdue json: both" "$(j '.items | length')" 2
expect_eq "overdue json: the most overdue first" "$(j '.items[0].number')" "$SF"
expect_eq "overdue json: a day past the National Day deadline" \
	"$(jq -r --arg n "$ND" '.items[] | select(.number == $n) | "\(.deadline) \(.days_overdue)"' "$T/out")" \
	"2025-10-27 1"
run cases overdue --as-of 2025-10-28 --db "$DB"
expect_in "overdue table" "$T/out" "逾期 1 天"
run clues list --box overdue --db "$DB" --as-of 2025-10-28 --format json
expect_eq "the overdue box agrees" "$(j .boxes.overdue)" 2

# ---- the year 2025: import, round trip, statistics --------------------------
fresh year
run import clues "$CF/clues.csv" "$CF/clues_zh_gb18030.csv" --db "$DB"
expect_rc "import the clues" 0
expect_in "the GB18030 file read as such" "$T/out" "GB18030"
run import clue_reviews "$CF/clue_reviews.csv" --db "$DB"
expect_rc "import the reviews" 0
expect_eq "33 clues" "$(count clues)" 33
expect_eq "34 review decisions" "$(count clue_reviews)" 34
# the Chinese labels of the GB18030 file stored as codes
run clues show QX-2025-000029 --db "$DB" --format json
expect_eq "GB18030 row: channel 12333 -> hotline" "$(j .case.channel)" hotline
expect_eq "GB18030 row: 已转办 -> transferred" "$(j .case.status)" transferred
expect_eq "GB18030 row: the name decoded" "$(j .case.reporter_name)" 萧立新

# every bad row reported, with row, column and field; nothing imported
run import clues "$CF/bad/clues.csv" --db "$DB"
expect_rc "bad clues refused" 1
expect_in "bad ID" "$T/err" '第3行 (row 3), 列 E reporter_id_number [reporter_id_number] "120116199003070011"'
expect_in "bad channel" "$T/err" '第4行 (row 4), 列 C channel [channel] "fax"'
expect_in "bad status" "$T/err" '第5行 (row 5), 列 M status [status] "closed"'
expect_in "bad clues: the count" "$T/err" "3 处错误"
expect_eq "bad clues: nothing imported" "$(count clues)" 33
run import clue_reviews "$CF/bad/clue_reviews.csv" --db "$DB"
expect_rc "bad reviews refused" 1
expect_in "return without reason" "$T/err" "第3行 (row 3), 列 E reason [reason]"
expect_in "unknown clue" "$T/err" '第4行 (row 4), 列 A clue_number [clue_number] "QX-2025-999999"'
expect_in "bad result" "$T/err" '第5行 (row 5), 列 D result [result] "reject"'
expect_in "bad reviews: the count" "$T/err" "3 处错误"
expect_eq "bad reviews: nothing imported" "$(count clue_reviews)" 34

# round trip: export, import into a fresh database, export again: identical
YEAR_DB=$DB
for k in clues clue_reviews; do
	run export "$k" --form exchange --unmasked --out "$T/rt1-$k.csv" --db "$YEAR_DB"
	expect_rc "export $k" 0
done
fresh year2
for k in clues clue_reviews; do
	run import "$k" "$T/rt1-$k.csv" --db "$DB"
	expect_rc "re-import $k" 0
	run export "$k" --form exchange --unmasked --out "$T/rt2-$k.csv" --db "$DB"
	if cmp -s "$T/rt1-$k.csv" "$T/rt2-$k.csv"; then ok; else bad "round trip $k: the exports differ"; fi
done
# and the export holds the fixture's rows as they were written
"$ANXIN" export clue_reviews --header en --unmasked --db "$DB" | tail -n +2 | tr -d '\r' | sort >"$T/rv-got"
tail -n +2 "$CF/clue_reviews.csv" | sort >"$T/rv-want"
if cmp -s "$T/rv-got" "$T/rv-want"; then ok; else bad "clue_reviews export differs from the fixture: $(diff "$T/rv-want" "$T/rv-got" | head -5)"; fi
"$ANXIN" export clues --header en --unmasked --db "$DB" | tail -n +2 | tr -d '\r' | sort >"$T/cl-got"
tail -n +2 "$CF/clues.csv" | sort | comm -23 - "$T/cl-got" >"$T/cl-missing"
expect_eq "every row of clues.csv exported as written" "$(wc -l <"$T/cl-missing")" 0

# The statistics of 2025 as of 2026-01-15: the hand count of
# tests/fixtures/cases/README.md.
DB=$YEAR_DB
run clues stats --year 2025 --as-of 2026-01-15 --format json --db "$DB"
expect_rc "stats 2025" 0
expect_eq "stats 2025: the year" \
	"$(jc '{received,resolved,decisions,passes,pass_rate,workers_resolved,amount_resolved,overdue}')" \
	'{"received":32,"resolved":28,"decisions":34,"passes":28,"pass_rate":"82.35","workers_resolved":69,"amount_resolved":"261451.25","overdue":4}'
# month: received, resolved, decisions, workers, amount
expect_eq "stats 2025: by month" \
	"$(jc '[.by_month[] | [.month, .received, .resolved, .decisions, .workers_resolved, .amount_resolved]]')" \
	'[[1,3,2,2,5,"23600.00"],[2,3,3,4,5,"15200.00"],[3,4,4,5,11,"37900.50"],[4,3,3,3,10,"45000.00"],[5,3,3,5,7,"23100.00"],[6,2,2,3,4,"12500.00"],[7,2,3,3,9,"37100.00"],[8,2,2,2,4,"14400.00"],[9,2,1,2,3,"11250.75"],[10,1,1,1,1,"3600.00"],[11,2,2,2,2,"8800.00"],[12,5,2,2,8,"29000.00"]]'
# street: received, resolved, decisions, passes, pass rate, workers, amount, overdue
street() { jq -c --arg s "$1" '.by_street[] | select(.street == $s) | [.received, .resolved, .decisions, .passes, .pass_rate, .workers_resolved, .amount_resolved, .overdue]' "$T/out"; }
expect_eq "stats 2025: 泰达街" "$(street 泰达街)" '[11,9,12,9,"75.00",16,"60900.00",2]'
expect_eq "stats 2025: 新港街" "$(street 新港街)" '[7,6,6,6,"100.00",5,"14800.00",1]'
expect_eq "stats 2025: 塘沽街" "$(street 塘沽街)" '[7,7,9,7,"77.78",21,"77700.00",0]'
expect_eq "stats 2025: 杭州道街" "$(street 杭州道街)" '[7,6,7,6,"85.71",27,"108051.25",1]'
expect_eq "stats 2025: four streets" "$(j '.by_street | length')" 4
expect_eq "stats 2025: by conclusion type" "$(jc '[.by_conclusion[] | .count]')" '[18,2,2,1,1,1,1,1,1,0]'
expect_eq "stats 2025: conclusion 1 named" "$(j '.by_conclusion[0].zh')" "已解决(工资已支付)"
run clues stats --year 2025 --street 塘沽街 --as-of 2026-01-15 --format json --db "$DB"
expect_eq "stats 2025, one street" \
	"$(jc '[.received, .resolved, .decisions, .passes, .pass_rate, .workers_resolved, .amount_resolved, .overdue]')" \
	'[7,7,9,7,"77.78",21,"77700.00",0]'
run clues stats --year 2025 --as-of 2026-01-15 --format csv --db "$DB"
expect_eq "stats csv header" "$(head -1 "$T/out")" \
	"group,key,received,resolved,decisions,passes,pass_rate,workers_resolved,amount_resolved,overdue"
expect_in "stats csv: the year" "$T/out" "year,2025,32,28,34,28,82.35,69,261451.25,4"
expect_in "stats csv: a month" "$T/out" "month,2025-03,4,4,5,4,80.00,11,37900.50,"
run clues stats --year 2025 --as-of 2026-01-15 --db "$DB"
expect_in "stats table: the pass rate" "$T/out" "82.35"
run clues stats --year 2024 --as-of 2026-01-15 --format json --db "$DB"
expect_eq "stats 2024: one received, none resolved, no rate" \
	"$(jc '[.received, .resolved, .decisions, .pass_rate]')" '[1,0,0,null]'
run clues stats --db "$DB"
expect_rc "stats without --year" 1
expect_in "stats without --year: named" "$T/err" "--year"

# the imported open clues have deadlines from their dates
run cases overdue --as-of 2026-01-15 --format csv --db "$DB"
expect_eq "imported: the four open clues overdue" "$(tail -n +2 "$T/out" | cut -d, -f1 | sort | paste -sd' ')" \
	"QX-2025-000028 QX-2025-000029 QX-2025-000031 QX-2025-000032"
run clues list --box all --db "$DB" --as-of 2026-01-15 --format json
expect_eq "list: all 33" "$(j .total)" 33
expect_eq "list: 29 closed (28 passed, 1 merged)" "$(j .boxes.closed)" 29

# the engine on an imported clue: concluded and passed in 2026 - the
# figures of 2026 change, those of 2025 do not (but one fewer overdue)
run clues conclude QX-2025-000028 --conclusion 1 --workers-resolved 3 --amount-resolved 10500 \
	--paid-by employer --reply 已支付 --db "$DB" --as-of 2026-01-15
expect_rc "conclude an imported clue" 0
run clues review QX-2025-000028 --pass --db "$DB" --as-of 2026-01-16
expect_rc "pass an imported clue" 0
run clues stats --year 2026 --as-of 2026-01-16 --format json --db "$DB"
expect_eq "stats 2026: the engine's pass counted" \
	"$(jc '[.received, .resolved, .decisions, .passes, .pass_rate, .workers_resolved, .amount_resolved]')" \
	'[0,1,1,1,"100.00",3,"10500.00"]'
run clues stats --year 2025 --as-of 2026-01-16 --format json --db "$DB"
expect_eq "stats 2025 after it" "$(jc '[.received, .resolved, .decisions, .pass_rate, .workers_resolved, .amount_resolved, .overdue]')" \
	'[32,28,34,"82.35",69,"261451.25",3]'

summary
