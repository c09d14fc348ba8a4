#!/usr/bin/env bash
# upgrade.sh - black-box tests of schema upgrades: a database made by the
# previous release (tests/fixtures/upgrade/, an SQL dump of schema 3) is
# upgraded by `anxin init`, which backs it up first and loses no row; the
# other commands refuse an older schema; and a database of a newer schema
# than the binary's is refused by every command with both files left
# byte-identical. Migrations rolling back whole is tests/unit/test_db.c's.
# Usage: ANXIN=build/anxin bash tests/cli/upgrade.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
FIX="$HERE/../fixtures"
: "${ANXIN:?set ANXIN to the anxin binary}"
# shellcheck source=lib.sh
. "$HERE/lib.sh"
export ANXIN_TEST_FAST_HASH=1

# rows DB TABLE: the row count of TABLE, its desk file attached if present.
rows() {
	if [ -f "$1-desk" ]; then
		sqlite3 "$1" "ATTACH '$1-desk' AS desk; SELECT count(*) FROM $2"
	else
		sqlite3 "$1" "SELECT count(*) FROM $2"
	fi
}

# ---- the previous release's database upgrades, backed up first ------------
OLD="$T/old.db"   # the fixture as the previous release left it, for counting
sqlite3 "$OLD" <"$FIX/upgrade/v3-fceb55c.sql"
DB="$T/prod.db"
sqlite3 "$DB" <"$FIX/upgrade/v3-fceb55c.sql"
expect_eq "fixture is schema 3" "$(sqlite3 "$DB" 'PRAGMA user_version')" 3
LATEST=$("$ANXIN" init --db "$T/new.db" |
	sed -n 's/.*(schema version \([0-9]*\)).*/\1/p')

run serve --db "$DB" --listen 127.0.0.1:0
expect_rc "serve refuses an older schema" 1
expect_in "serve says to run init" "$T/err" "run \`anxin init --db $DB\` to upgrade it"
run import "$FIX/good/enterprises.csv" --db "$DB"
expect_rc "import refuses an older schema" 1
expect_eq "the refusal changed nothing" "$(sqlite3 "$DB" 'PRAGMA user_version')" 3
expect_eq "the refusal made no desk file" "$(ls "$DB"-desk 2>/dev/null | wc -l)" 0

run init --db "$DB"
expect_rc "init upgrades" 0
expect_in "init names the backup" "$T/out" "schema version 3 -> $LATEST: backup of the old database at $DB.pre-v$LATEST-"
BAK=$(ls "$DB".pre-v"$LATEST"-* 2>/dev/null | grep -v -- '-desk$' | head -1)
expect_eq "one backup beside it" "$(ls "$DB".pre-v* | wc -l)" 1
expect_eq "the backup is the old schema" "$(sqlite3 "$BAK" 'PRAGMA user_version')" 3
expect_eq "the backup is intact" "$(sqlite3 "$BAK" 'PRAGMA integrity_check')" ok
expect_eq "now the latest schema" "$(sqlite3 "$DB" 'PRAGMA user_version')" "$LATEST"
expect_eq "no administrator added (there is one)" "$(grep -c 'administrator' "$T/out" || true)" 0
for t in $(sqlite3 "$OLD" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
	if [ "$t" = params ]; then
		# later migrations add parameters (0008: the clue deadlines):
		# every old one is kept with its value
		expect_eq "rows of params kept" "$(sqlite3 "$DB" "ATTACH '$OLD' AS o;
			SELECT count(*) FROM o.params p JOIN main.params q ON q.key = p.key AND q.value = p.value")" \
			"$(rows "$OLD" params)"
	else
		expect_eq "rows of $t kept" "$(rows "$DB" "$t")" "$(rows "$OLD" "$t")"
	fi
	expect_eq "rows of $t in the backup" "$(rows "$BAK" "$t")" "$(rows "$OLD" "$t")"
done
expect_eq "warnings moved to the desk file" \
	"$(sqlite3 "$DB-desk" "SELECT count(*) FROM warnings")" "$(rows "$OLD" warnings)"
for t in users sessions audit_log warnings warning_events warning_files desk_state; do
	expect_eq "desk table $t exists" \
		"$(sqlite3 "$DB-desk" "SELECT count(*) FROM sqlite_master WHERE name = '$t'")" 1
done
run audit verify --db "$DB"
expect_rc "the audit chain verifies after the upgrade" 0
expect_in "every audit row" "$T/out" "audit log OK: $(rows "$OLD" audit_log) rows"
run audit verify --db "$BAK"
expect_rc "the backup refuses use until upgraded (older schema)" 1
run export workers --db "$DB"
expect_rc "the upgraded database exports" 0
expect_in "its workers" "$T/out" "120116********1233,张伟"
run scan --as-of 2026-05-31 --db "$DB"
expect_rc "and scans" 0
run init --db "$DB"
expect_rc "init again" 0
expect_eq "no second backup when current" "$(ls "$DB".pre-v* | wc -l)" 1

# ---- a newer schema is refused, untouched --------------------------------
NEW="$T/newer.db"
"$ANXIN" init --db "$NEW" >/dev/null
sqlite3 "$NEW" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 999" >/dev/null
before=$(cat "$NEW" "$NEW-desk" | sha256sum)
for c in "init" "serve --listen 127.0.0.1:0" "scan" "export workers" "audit verify" "user list"; do
	# shellcheck disable=SC2086
	run $c --db "$NEW"
	expect_rc "$c refuses a newer schema" 1
	expect_in "$c names both versions" "$T/err" "database schema version 999 is newer than this anxin's $LATEST"
done
expect_eq "the newer database is byte-identical" "$(cat "$NEW" "$NEW-desk" | sha256sum)" "$before"
expect_eq "and no backup was taken" "$(ls "$NEW".pre-v* 2>/dev/null | wc -l)" 0

summary
