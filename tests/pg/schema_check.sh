#!/usr/bin/env bash
# schema_check.sh - checks that the PostgreSQL schema (src/store/pg/0007_initial.sql)
# equals the SQLite schema that "anxin init" builds with the migrations
# src/store/sqlite/0001 ... 0007: the same tables, the same columns in the
# same order (with their types, NOT NULL and defaults, after the translation
# rules written at the top of the PostgreSQL file), the same indexes and
# triggers, and the same seed rows. Exits non-zero and prints the difference
# when they differ.
#
# usage: ANXIN=path/to/anxin tests/pg/schema_check.sh POSTGRESQL-URI
#   POSTGRESQL-URI names an empty database (no table in schema public); the
#   script loads the schema into it and leaves it there.
#   The test kind's table (tests/kind/): ANXIN=build/anxin-kind
#   PG_EXTRA=tests/kind/9001_site_checks.pg.sql (files loaded after the
#   schema, paths from the top of the tree; the schema version, which the
#   backend's migration runner sets, is then not compared).
set -euo pipefail

uri=${1:?usage: ANXIN=path/to/anxin $0 POSTGRESQL-URI}
anxin=${ANXIN:?set ANXIN to the anxin binary}
root=$(cd "$(dirname "$0")/../.." && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Tables that only SQLite has (lane: the write-lock table), tables that only
# PostgreSQL has (schema_version: the PRAGMA user_version of SQLite), and
# triggers that only PostgreSQL has (the TRUNCATE guard of the audit log,
# the change counter of every table: SQLite's store counts in C).
SQLITE_ONLY='lane'
PG_ONLY='schema_version'
PG_ONLY_TRIGGERS='audit_log_no_truncate anxin_count'
# Tables that "anxin init" writes beyond the migrations (the first
# administrator and the audit row of its creation, and the change counters
# of the tables that wrote): their rows are not compared; the PostgreSQL
# ones must be empty.
INIT_WRITES='users audit_log data_versions desk_versions'

psql_q() { psql "$uri" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
fail=0
# compare NAME FILE-A FILE-B: diff the two, remember a difference.
compare() {
	if ! diff -u --label "sqlite: $1" --label "postgresql: $1" "$2" "$3"; then
		fail=1
	fi
}
in_list() { [[ " $2 " == *" $1 "* ]]; }

# ---- build both ----------------------------------------------------------------
db=$tmp/s.db
"$anxin" init --db "$db" >"$tmp/init.out" 2>&1 || { cat "$tmp/init.out" >&2; exit 1; }
n=$(psql_q -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
if [ "$n" != 0 ]; then
	echo "schema_check: the PostgreSQL database is not empty ($n tables in public)" >&2
	exit 1
fi
# every PostgreSQL migration, in order (0007_initial.sql, then the pairs)
for f in "$root"/src/store/pg/[0-9][0-9][0-9][0-9]_*.sql; do
	psql_q -f "$f"
	# the version the migration runner records after each file
	v=$(basename "$f"); v=$((10#${v%%_*}))
	psql_q -c "UPDATE schema_version SET version = $v"
done
for extra in ${PG_EXTRA:-}; do
	psql_q -f "$root/$extra"
done

# sqlite3 on the table's file: the main file or the desk file (0005_desk.sql).
file_of() {
	if [ -n "$(sqlite3 "$db" "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '$1'")" ]; then
		echo "$db"
	else
		echo "$db-desk"
	fi
}

# ---- tables ------------------------------------------------------------------
list_sqlite_tables() {
	for f in "$db" "$db-desk"; do
		sqlite3 "$f" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
	done | while read -r t; do in_list "$t" "$SQLITE_ONLY" || echo "$t"; done | LC_ALL=C sort
}
list_pg_tables() {
	psql_q -c "SELECT table_name FROM information_schema.tables
		   WHERE table_schema = 'public' AND table_type = 'BASE TABLE'" |
		while read -r t; do in_list "$t" "$PG_ONLY" || echo "$t"; done | LC_ALL=C sort
}
list_sqlite_tables >"$tmp/tables.s"
list_pg_tables >"$tmp/tables.p"
compare tables "$tmp/tables.s" "$tmp/tables.p"
tables=$(LC_ALL=C comm -12 "$tmp/tables.s" "$tmp/tables.p")

# ---- columns, in order: name|type|not null|default ---------------------------
# SQLite's types and defaults are mapped by the translation rules; a primary
# key column counts as NOT NULL (PostgreSQL makes it so; SQLite's INTEGER
# PRIMARY KEY is never NULL), and an identity column has no default.
for t in $tables; do
	sqlite3 -separator '|' "$(file_of "$t")" \
		"SELECT name,
			CASE upper(type) WHEN 'INTEGER' THEN 'bigint' WHEN 'TEXT' THEN 'text'
				WHEN 'REAL' THEN 'double precision' WHEN 'BLOB' THEN 'bytea' ELSE type END,
			CASE WHEN \"notnull\" OR pk > 0 THEN 'NOT NULL' ELSE '' END,
			ifnull(dflt_value, '')
		 FROM pragma_table_info('$t') ORDER BY cid" | sed "s/^/$t./"
done >"$tmp/columns.s"
for t in $tables; do
	psql_q -F '|' -c "SELECT column_name, data_type,
			CASE WHEN is_nullable = 'NO' THEN 'NOT NULL' ELSE '' END,
			regexp_replace(coalesce(column_default, ''), '::(text|bigint)$', '')
		 FROM information_schema.columns
		 WHERE table_schema = 'public' AND table_name = '$t' ORDER BY ordinal_position" |
		sed "s/^/$t./"
done >"$tmp/columns.p"
compare columns "$tmp/columns.s" "$tmp/columns.p"

# ---- indexes and triggers (by name, with their table) -------------------------
for f in "$db" "$db-desk"; do
	sqlite3 -separator ' ' "$f" "SELECT tbl_name, type, name FROM sqlite_master
		WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
done | LC_ALL=C sort >"$tmp/objects.s"
psql_q -F ' ' -c "SELECT t.relname, 'index', i.relname FROM pg_index x
		  JOIN pg_class i ON i.oid = x.indexrelid
		  JOIN pg_class t ON t.oid = x.indrelid
		  JOIN pg_namespace s ON s.oid = t.relnamespace
		  WHERE s.nspname = 'public'
		    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
		  UNION ALL
		  SELECT c.relname, 'trigger', g.tgname FROM pg_trigger g
		  JOIN pg_class c ON c.oid = g.tgrelid
		  JOIN pg_namespace s ON s.oid = c.relnamespace
		  WHERE s.nspname = 'public' AND NOT g.tgisinternal" |
	while read -r tb kind name; do
		in_list "$name" "$PG_ONLY_TRIGGERS" || echo "$tb $kind $name"
	done | LC_ALL=C sort >"$tmp/objects.p"
compare 'indexes and triggers' "$tmp/objects.s" "$tmp/objects.p"

# ---- schema version ------------------------------------------------------------
if [ -z "${PG_EXTRA:-}" ]; then
	sqlite3 "$db" 'PRAGMA user_version' >"$tmp/version.s"
	psql_q -c 'SELECT version FROM schema_version' >"$tmp/version.p"
	compare 'schema version' "$tmp/version.s" "$tmp/version.p"
fi

# ---- rows ----------------------------------------------------------------------
# Each row as one CSV line made by the same SQL on both sides (every non-NULL
# value quoted, NULL empty), in the order of all columns; text orders by code
# point on both sides (SQLite's BINARY, PostgreSQL's COLLATE "C").
for t in $tables; do
	f=$(file_of "$t")
	line='' order_s='' order_p=''
	while read -r col; do
		q="\"$col\""
		line+="${line:+ || ',' || }CASE WHEN $q IS NULL THEN '' ELSE '\"' || replace(CAST($q AS TEXT), '\"', '\"\"') || '\"' END"
		order_s+="${order_s:+, }$q"
	done < <(sqlite3 "$f" "SELECT name FROM pragma_table_info('$t') ORDER BY cid")
	while IFS='|' read -r col type; do
		q="\"$col\""
		[ "$type" = text ] && q+=' COLLATE "C"'
		order_p+="${order_p:+, }$q"
	done < <(psql_q -F '|' -c "SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name = '$t' ORDER BY ordinal_position")
	if in_list "$t" "$INIT_WRITES"; then
		echo "$t: 0 rows" >>"$tmp/rows.s"
		echo "$t: $(psql_q -c "SELECT count(*) FROM $t") rows" >>"$tmp/rows.p"
		continue
	fi
	echo "$t: $(sqlite3 "$f" "SELECT count(*) FROM $t") rows" >>"$tmp/rows.s"
	sqlite3 "$f" "SELECT $line FROM $t ORDER BY $order_s" >>"$tmp/rows.s"
	echo "$t: $(psql_q -c "SELECT count(*) FROM $t") rows" >>"$tmp/rows.p"
	psql_q -c "SELECT $line FROM $t ORDER BY $order_p" >>"$tmp/rows.p"
done
compare rows "$tmp/rows.s" "$tmp/rows.p"

if [ "$fail" != 0 ]; then
	echo "schema_check: the PostgreSQL schema differs from the SQLite one (above)" >&2
	exit 1
fi
echo "schema_check: $(wc -w <<<"$tables") tables, columns, indexes, triggers and seed rows equal"
