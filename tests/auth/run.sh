#!/usr/bin/env bash
# run.sh - black-box tests of access control on the command line: the first
# administrator made by `anxin init`, `anxin user`, `anxin token`, the audit
# rows of CLI changes and imports, and `anxin audit verify` against a log
# tampered with directly in the database (sqlite3 CLI or psql, triggers
# dropped):
# an edited, a deleted and two swapped rows must each be named.
# Usage: ANXIN=build/anxin bash tests/auth/run.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
FIX="$HERE/../fixtures"
: "${ANXIN:?set ANXIN to the anxin binary}"
# shellcheck source=../cli/lib.sh
. "$HERE/../cli/lib.sh"
export USER=tester

# pg: true when the suite runs on PostgreSQL (through tests/pg/anxin-pg).
pg() { "$HERE/../pg/dbsql" --pg; }

# sq DB SQL [PG-SQL]: runs SQL on the database of DB and prints the result.
# On SQLite with the sqlite3 CLI, the desk file (DB-desk: users, sessions,
# the audit log, warnings) attached as anxin attaches it, so tables are
# named unqualified; on PostgreSQL with psql (tests/pg/dbsql, the same
# output format), PG-SQL in place of SQL when given (the PostgreSQL form of
# a statement that uses SQLite-only functions).
sq() {
	if pg; then
		"$HERE/../pg/dbsql" "$1" "${3:-$2}"
	else
		sqlite3 -batch -cmd "ATTACH '$1-desk' AS desk" "$1" "$2"
	fi
}

# pg_db PATH: the PostgreSQL database tests/pg/anxin-pg maps PATH to.
pg_db() {
	local abs hash
	case "$1" in /*) abs=$1 ;; *) abs="$PWD/$1" ;; esac
	hash=$(printf '%s' "$abs" | sha1sum)
	printf 't_%s' "${hash:0:16}"
}

# pg_admin SQL...: psql on the server's database postgres (CREATE/DROP
# DATABASE).
pg_admin() {
	local args=() s
	for s in "$@"; do args+=(-c "$s"); done
	PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 \
		-d "$ANXIN_PG_BASE/postgres" "${args[@]}" >/dev/null
}

# ---- conventions -----------------------------------------------------------
for c in user token audit; do
	run "$c" --help
	expect_rc "help $c" 0
	expect_in "help $c" "$T/out" "usage: anxin $c"
done
run user frobnicate
expect_rc "unknown user subcommand" 2
run audit
expect_rc "audit without subcommand" 2
run user list --db "$T/missing.db"
expect_rc "user list needs an existing database" 1

# ---- init: the first administrator ---------------------------------------------
DB="$T/init.db"
run init --db "$DB"
expect_rc "init" 0
expect_in "init creates admin" "$T/out" "administrator admin created"
expect_in "init prints the password once" "$T/out" "initial password (shown once"
PW=$(sed -n 's/^initial password (shown once, to be changed at first log-in): //p' "$T/out")
expect_eq "generated password is 16 characters" "${#PW}" 16
expect_eq "password hashed with Argon2id, interactive limits" \
	"$(sq "$DB" "SELECT CASE WHEN pw_hash LIKE '\$argon2id\$v=19\$m=65536,t=2,%' THEN 1 ELSE 0 END FROM users WHERE username='admin'")" 1
expect_eq "password not stored in clear" \
	"$(sq "$DB" "SELECT count(*) FROM users WHERE pw_hash LIKE '%$PW%'")" 0
expect_eq "admin must change the generated password" \
	"$(sq "$DB" "SELECT role || must_change FROM users")" "admin1"
run init --db "$DB"
expect_rc "second init" 0
expect_not_in "second init creates no administrator" "$T/out" "administrator"
expect_not_in "second init prints no password" "$T/out" "password"
expect_eq "still one user" "$(sq "$DB" "SELECT count(*) FROM users")" 1
expect_eq "init audited" "$(sq "$DB" "SELECT actor || ' ' || action || ' ' || object_key FROM audit_log")" \
	"cli:tester user_add admin"

export ANXIN_TEST_FAST_HASH=1
DB="$T/init2.db"
printf 'Bureau-Admin-2026\n' | "$ANXIN" init --db "$DB" --admin chief --admin-password-stdin >"$T/out" 2>"$T/err" && RC=0 || RC=$?
expect_rc "init with a given password" 0
expect_in "init --admin NAME" "$T/out" "administrator chief created"
expect_not_in "given password not printed" "$T/out" "Bureau-Admin-2026"
expect_eq "a chosen password need not be changed" "$(sq "$DB" "SELECT username || must_change FROM users")" "chief0"
DB="$T/init3.db"
set +e
printf 'admin\n' | "$ANXIN" init --db "$DB" --admin-password-stdin >"$T/out" 2>"$T/err"
RC=$?
set -e
expect_rc "weak administrator password refused" 1
expect_in "says why" "$T/err" "10"
expect_eq "no user after a refused password" "$(sq "$DB" "SELECT count(*) FROM users")" 0

# ---- users ----------------------------------------------------------------------
fresh users
run user add alice --role street --street 新港街道 --name 张三 --db "$DB"
expect_rc "add street officer" 0
expect_in "add prints a password" "$T/out" "initial password (shown once"
run user add bob --role enterprise --uscc 91120116MA05000024 --db "$DB"
expect_rc "add enterprise user" 0
printf 'Leader-View-2026\n' | "$ANXIN" user add lee --role leader --password-stdin --db "$DB" >"$T/out" && RC=0 || RC=$?
expect_rc "add with a given password" 0
expect_not_in "given password not printed" "$T/out" "Leader-View-2026"
run user add alice --role inspector --db "$DB"
expect_rc "duplicate user" 1
expect_in "duplicate named" "$T/err" "already exists"
run user add carl --role street --db "$DB"
expect_rc "street officer without street" 1
run user add carl --role bank --db "$DB"
expect_rc "bank is not a role for people" 1
run user add carl --role enterprise --uscc 91120116MA05000025 --db "$DB"
expect_rc "bad USCC check digit" 1
run user add carl --db "$DB"
expect_rc "role required" 1
run user add 'Carl Smith' --role leader --db "$DB"
expect_rc "bad user name" 1
printf 'short\n' | "$ANXIN" user add carl --role leader --password-stdin --db "$DB" >/dev/null 2>"$T/err" && RC=0 || RC=$?
expect_rc "weak password" 1
printf 'carl-Password-1\n' | "$ANXIN" user add carl --role leader --password-stdin --db "$DB" >/dev/null 2>"$T/err" && RC=0 || RC=$?
expect_rc "password holding the user name" 1
run user list --db "$DB"
expect_rc "list" 0
expect_in "list shows alice" "$T/out" "alice"
expect_in "list shows street" "$T/out" "新港街道"
expect_in "list shows uscc" "$T/out" "91120116MA05000024"
expect_not_in "list shows no hash" "$T/out" "argon2"
run user disable alice --db "$DB"
expect_rc "disable" 0
run user list --db "$DB"
expect_in "list shows disabled" "$T/out" "disabled"
run user enable alice --db "$DB"
expect_rc "enable" 0
run user disable nobody --db "$DB"
expect_rc "disable unknown user" 1
run user passwd bob --db "$DB"
expect_rc "passwd generates" 0
expect_in "passwd prints the new password" "$T/out" "new password (shown once)"
run user unlock bob --actor ops --db "$DB"
expect_rc "unlock" 0
expect_eq "CLI changes audited" \
	"$(sq "$DB" "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log ORDER BY seq)" \
		"SELECT string_agg(action, ' ' ORDER BY seq) FROM audit_log")" \
	"user_add user_add user_add user_add user_disable user_enable user_passwd user_unlock"
expect_eq "actor is cli:\$USER" "$(sq "$DB" "SELECT count(*) FROM audit_log WHERE actor='cli:tester'")" 7
expect_eq "--actor NAME is cli:NAME" "$(sq "$DB" "SELECT actor FROM audit_log WHERE action='user_unlock'")" "cli:ops"
expect_eq "before/after recorded" \
	"$(sq "$DB" "SELECT json_extract(before,'$.disabled') || json_extract(after,'$.disabled') FROM audit_log WHERE action='user_disable'" \
		"SELECT (before::jsonb->'disabled')::boolean::int::text || (after::jsonb->'disabled')::boolean::int::text
			FROM audit_log WHERE action='user_disable'")" "01"

# ---- tokens ----------------------------------------------------------------------
run token create --name icbc-push --scope-bank ICBC --kinds transactions --db "$DB"
expect_rc "bank token" 0
TOKEN=$(sed -n 's/^token (shown once.*): //p' "$T/out")
expect_eq "token shape" "${TOKEN:0:4}${#TOKEN}" "anx_47"
run token create --name gate --scope-uscc 91120116MA05000024 --kinds attendance,payroll --db "$DB"
expect_rc "enterprise token" 0
run token create --name bad --scope-bank ICBC --kinds attendance --db "$DB"
expect_rc "bank token for attendance refused" 1
run token create --name bad --scope-bank XXX --kinds transactions --db "$DB"
expect_rc "unknown bank refused" 1
run token create --name bad --kinds transactions --db "$DB"
expect_rc "scope required" 1
run token list --db "$DB"
expect_in "list shows the prefix" "$T/out" "${TOKEN:0:10}"
expect_not_in "list never shows the token" "$T/out" "$TOKEN"
# The whole database as SQL: sqlite3's .dump, on PostgreSQL pg_dump.
if pg; then
	pg_dump --no-owner -d "$ANXIN_PG_BASE/$(pg_db "$DB")" >"$T/dump.sql"
else
	sq "$DB" ".dump" >"$T/dump.sql"
fi
expect_in "the dump has the token table" "$T/dump.sql" "tokens ("
expect_eq "token not stored in clear" "$(grep -cF -- "$TOKEN" "$T/dump.sql" || true)" 0
run token revoke 1 --db "$DB"
expect_rc "revoke" 0
run token revoke 1 --db "$DB"
expect_rc "revoke twice" 1
run token list --db "$DB"
expect_in "list shows revoked" "$T/out" "revoked"
expect_eq "token changes audited" "$(sq "$DB" "SELECT count(*) FROM audit_log WHERE object_kind='token'")" 3

# ---- import is audited: one row per committed file -------------------------------
run import --db "$DB" "$FIX/good/enterprises.csv"
expect_rc "import" 0
expect_eq "import audit row" \
	"$(sq "$DB" "SELECT object_kind || ' ' || json_extract(after,'$.inserted') FROM audit_log WHERE action='import'" \
		"SELECT object_kind || ' ' || (after::json->>'inserted') FROM audit_log WHERE action='import'")" \
	"enterprises 4"
expect_in "file name recorded" <(sq "$DB" "SELECT object_key FROM audit_log WHERE action='import'") "enterprises.csv"
printf 'uscc,name,kind,region_code\nbad,x,owner,120116\n' >"$T/bad.csv"
run import enterprises "$T/bad.csv" --db "$DB"
expect_rc "bad import" 1
expect_eq "a rolled-back import leaves no audit row" \
	"$(sq "$DB" "SELECT count(*) FROM audit_log WHERE action='import'")" 1
run import --db "$DB" "$FIX/good/projects.csv" "$FIX/good/workers.csv"
expect_eq "one row per file" "$(sq "$DB" "SELECT count(*) FROM audit_log WHERE action='import'")" 3

# ---- audit list ---------------------------------------------------------------------
run audit list --db "$DB"
expect_rc "audit list" 0
expect_in "table lists user_add" "$T/out" "user_add"
run audit list --action import --format csv --db "$DB"
expect_eq "csv: header + 3 imports" "$(grep -c . "$T/out")" 4
expect_in "csv header" "$T/out" "seq,time,actor,role,address,action"
run audit list --actor cli:ops --format json --db "$DB"
expect_eq "json parses, filtered by actor" \
	"$(node -e 'const a=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(a.length+" "+a[0].action)' "$T/out")" \
	"1 user_unlock"
run audit list --since 2000-01-01 --limit 2 --db "$DB"
expect_eq "--limit: newest N" "$(tail -n +2 "$T/out" | grep -c .)" 2
run audit list --since 2999-01-01 --db "$DB"
expect_eq "--since in the future: nothing" "$(tail -n +2 "$T/out" | grep -c . || true)" 0
run audit list --since yesterday --db "$DB"
expect_rc "bad --since" 1
run audit list --format xml --db "$DB"
expect_rc "bad --format" 1

# ---- audit verify and tampering -------------------------------------------------------
run audit verify --db "$DB"
expect_rc "verify untouched log" 0
ROWS=$(sq "$DB" "SELECT count(*) FROM audit_log")
expect_in "verify reports the row count" "$T/out" "audit log OK: $ROWS rows"
# The triggers refuse UPDATE and DELETE.
set +e
sq "$DB" "UPDATE audit_log SET actor='cli:mallory' WHERE seq=3" 2>"$T/err"; RC=$(( $? != 0 ))
set -e
expect_rc "trigger refuses UPDATE" 1
expect_in "trigger message" "$T/err" "append-only"
set +e
sq "$DB" "DELETE FROM audit_log WHERE seq=3" 2>"$T/err"; RC=$(( $? != 0 ))
set -e
expect_rc "trigger refuses DELETE" 1

# tamper NAME SQL: a copy of the log with SQL applied (triggers dropped).
# On SQLite a copy of the two files; on PostgreSQL a copy of the database
# (CREATE DATABASE ... TEMPLATE, named as tests/pg/anxin-pg names the
# path's, the path left as its marker file).
tamper() {
	if pg; then
		pg_admin "DROP DATABASE IF EXISTS \"$(pg_db "$T/$1.db")\" WITH (FORCE)" \
			"CREATE DATABASE \"$(pg_db "$T/$1.db")\" TEMPLATE \"$(pg_db "$DB")\""
		: >"$T/$1.db"
		sq "$T/$1.db" "DROP TRIGGER audit_log_no_update ON audit_log;
			DROP TRIGGER audit_log_no_delete ON audit_log; $2"
	else
		cp "$DB" "$T/$1.db"
		cp "$DB-desk" "$T/$1.db-desk"
		rm -f "$T/$1.db-wal" "$T/$1.db-shm" "$T/$1.db-desk-wal" "$T/$1.db-desk-shm"
		sq "$T/$1.db" "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; $2"
	fi
}
# SQLite: the WAL folded into the files the copies are made of (PostgreSQL
# copies a database whole).
pg || sq "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

tamper edited "UPDATE audit_log SET actor='cli:mallory' WHERE seq=5"
run audit verify --db "$T/edited.db"
expect_rc "(a) edited row fails" 1
expect_in "(a) names row 5" "$T/err" "FAILED at row 5:"
expect_in "(a) says edited" "$T/err" "edited"
expect_in "(a) warns about the dropped triggers" "$T/err" "triggers"

# Every hashed field, one at a time, on a row where it is set (before and
# after both JSON; a CLI row's address is empty, so the edit writes one in):
# the edit must be found at that row. Leaving any field out of the hash
# (audit_row_hash) fails one of these.
FSEQ=$(sq "$DB" "SELECT min(seq) FROM audit_log WHERE before IS NOT NULL AND after IS NOT NULL
	AND role <> '' AND object_key <> ''")
expect_eq "a row with every field set" "$(sq "$DB" "SELECT count(*) FROM audit_log WHERE seq=$FSEQ
	AND time <> '' AND actor <> '' AND action <> '' AND object_kind <> ''")" 1
for f in time actor role address action object_kind object_key before after; do
	tamper "field_$f" "UPDATE audit_log SET $f = coalesce($f, '') || '~' WHERE seq=$FSEQ"
	expect_eq "$f: tamper applied" \
		"$(sq "$T/field_$f.db" "SELECT CASE WHEN $f LIKE '%~' THEN 1 ELSE 0 END FROM audit_log WHERE seq=$FSEQ")" 1
	run audit verify --db "$T/field_$f.db"
	expect_rc "$f edited: verify fails" 1
	expect_in "$f edited: names row $FSEQ" "$T/err" "FAILED at row $FSEQ:"
	expect_in "$f edited: says edited" "$T/err" "edited"
done
tamper edited_json "UPDATE audit_log SET after=replace(after,'\"inserted\":4','\"inserted\":3') WHERE action='import'"
IMPORT_SEQ=$(sq "$DB" "SELECT min(seq) FROM audit_log WHERE action='import'")
run audit verify --db "$T/edited_json.db"
expect_rc "(a) edited counts fail" 1
expect_in "(a) names the import row" "$T/err" "FAILED at row $IMPORT_SEQ:"

tamper deleted "DELETE FROM audit_log WHERE seq=4"
run audit verify --db "$T/deleted.db"
expect_rc "(b) deleted row fails" 1
expect_in "(b) names the row after the gap" "$T/err" "FAILED at row 5:"
expect_in "(b) says which is missing" "$T/err" "row 4 is missing"

tamper deleted_first "DELETE FROM audit_log WHERE seq=1"
run audit verify --db "$T/deleted_first.db"
expect_rc "(b) deleted first row fails" 1
expect_in "(b) names row 2" "$T/err" "FAILED at row 2:"

tamper swapped "CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (6,7);
	DELETE FROM audit_log WHERE seq IN (6,7);
	INSERT INTO audit_log SELECT CASE seq WHEN 6 THEN 7 ELSE 6 END, time, actor, role, address,
		action, object_kind, object_key, before, after, prev_hash, hash FROM t;"
expect_eq "swap applied" "$(sq "$T/swapped.db" "SELECT action FROM audit_log WHERE seq=6")" "user_passwd"
run audit verify --db "$T/swapped.db"
expect_rc "(c) swapped rows fail" 1
expect_in "(c) names the first swapped row" "$T/err" "FAILED at row 6:"

tamper renumbered "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 8"
run audit verify --db "$T/renumbered.db"
expect_rc "renumbered rows fail" 1
expect_in "renumbered: names the row" "$T/err" "FAILED at row 108:"

# An attacker who rewrites a row and recomputes its hash breaks the link of
# the next row.
tamper rehashed "UPDATE audit_log SET hash = '$(printf '%064d' 0)' WHERE seq=3"
run audit verify --db "$T/rehashed.db"
expect_rc "rewritten hash fails" 1
expect_in "rewritten hash: named" "$T/err" "FAILED at row 3:"

run audit verify --db "$DB"
expect_rc "the original is still intact" 0

# ---- the crash window between the two files (issue 7, finding 7) ----------
# An import commits its data and a journal copy of its audit row in the
# main file, then its audit row in the desk file. A crash in between is
# simulated on a copy: the import's desk half is lost (the audit row goes,
# the journal copy stays). The next command appends the row again, and
# the chain verifies.
tamper crashed "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)"
LAST=$(sq "$DB" "SELECT seq || '|' || action || '|' || object_key FROM audit_log ORDER BY seq DESC LIMIT 1")
expect_eq "crash: the last audited change was an import, journaled" \
	"$(sq "$DB" "SELECT seq || '|' || action || '|' || object_key FROM audit_journal")" "$LAST"
sq "$T/crashed.db" "CREATE TRIGGER desk.audit_log_no_update BEFORE UPDATE ON audit_log
	BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
	CREATE TRIGGER desk.audit_log_no_delete BEFORE DELETE ON audit_log
	BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;" \
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
		FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
	CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
		FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();"
run audit verify --db "$T/crashed.db"
expect_rc "crash: the lost row is appended again, the chain verifies" 0
expect_in "crash: said so" "$T/err" "appended again"
expect_eq "crash: the import is attributed again" \
	"$(sq "$T/crashed.db" "SELECT seq || '|' || action || '|' || object_key FROM audit_log ORDER BY seq DESC LIMIT 1")" "$LAST"
run audit verify --db "$T/crashed.db"
expect_not_in "crash: appended once only" "$T/err" "appended again"

summary
