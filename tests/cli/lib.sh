# lib.sh - a tiny harness for the black-box tests of the anxin binary.
# Each test is a function call that runs the real binary on real files and
# asserts its exit status and output; the summary line is the plain
# "N passed, N failed" that CI reads.

PASS=0
FAIL=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*" >&2; }

# run CMD...: runs anxin, capturing stdout/stderr into $T/out, $T/err and
# the exit status into RC.
run() {
	set +e
	"$ANXIN" "$@" >"$T/out" 2>"$T/err"
	RC=$?
	set -e
}

# expect_rc NAME N: the last run exited with N.
expect_rc() {
	if [ "$RC" -eq "$2" ]; then ok; else bad "$1: exit $RC, expected $2; stderr: $(head -c 600 "$T/err")"; fi
}

# expect_in NAME FILE TEXT: FILE contains TEXT (fixed string).
expect_in() {
	if grep -qF -- "$3" "$2"; then ok; else bad "$1: '$3' not in $(basename "$2"): $(head -c 600 "$2")"; fi
}

expect_not_in() {
	if grep -qF -- "$3" "$2"; then bad "$1: '$3' unexpectedly in $(basename "$2")"; else ok; fi
}

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}

# fresh DB: a new initialised database path in $DB.
fresh() {
	DB="$T/$1.db"
	rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-desk" "$DB-desk-wal" "$DB-desk-shm"
	"$ANXIN" init --db "$DB" >/dev/null
}

# count KIND: the number of records of KIND (export line count minus header).
count() {
	"$ANXIN" export "$1" --db "$DB" | tail -n +2 | grep -c . || true
}

# load_base: enterprises, projects and workers of the good fixtures.
load_base() {
	for k in enterprises projects workers; do
		"$ANXIN" import --db "$DB" "$FIX/good/$k.csv" >/dev/null
	done
}

summary() {
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}
