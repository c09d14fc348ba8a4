-- 0005_desk.sql - two write lanes (issue 7, finding 7): the tables that
-- short interactive writes touch move into the desk file (FILE-desk,
-- attached as schema "desk" by db_open), so that a log-in, a password
-- change, a reveal or a warning action takes the desk file's write lock
-- and never waits for an import, which holds the main file's lock for the
-- whole of its one transaction. See docs/architecture.md, "Two write
-- lanes". Names stay unique across both files, so the SQL elsewhere names
-- tables unqualified. Tokens and banks stay in the main file (a token's
-- last use is best-effort bookkeeping; banks are read by imports).

-- An empty table in each file: a write on it (DELETE ... WHERE 0) takes
-- that file's write lock and nothing else (db_begin_desk, db_begin_main).
CREATE TABLE main.lane (x INTEGER);
CREATE TABLE desk.lane (x INTEGER);

-- Small state of the desk file: 'last_scan' = the id of the warn_scans
-- row (main file) whose warnings committed here; a scan that finds it
-- behind runs full (the crash window between the two files' commits).
CREATE TABLE desk.desk_state (
	key TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);

-- The audit rows of transactions that wrote the main file, kept in the
-- main file with their data until the next such transaction has checked
-- that each reached desk.audit_log (audit.c, audit_reconcile): the two
-- files commit one after the other, so a crash in between must not leave
-- an import without its audit row. seq is the seq the row was given.
CREATE TABLE main.audit_journal (
	seq INTEGER PRIMARY KEY,
	time TEXT NOT NULL,
	actor TEXT NOT NULL,
	role TEXT NOT NULL,
	address TEXT NOT NULL,
	action TEXT NOT NULL,
	object_kind TEXT NOT NULL,
	object_key TEXT NOT NULL,
	before TEXT,
	after TEXT
);

-- ---- accounts and sessions (as in 0002_auth.sql) --------------------------
CREATE TABLE desk.users (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL CHECK (role IN ('admin','inspector','street','enterprise','leader')),
	street TEXT,
	uscc TEXT,
	disabled INTEGER NOT NULL DEFAULT 0,
	pw_hash TEXT NOT NULL,
	must_change INTEGER NOT NULL DEFAULT 1,
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked_until INTEGER NOT NULL DEFAULT 0,
	last_login INTEGER,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK ((role = 'street') = (street IS NOT NULL AND street <> '')),
	CHECK ((role = 'enterprise') = (uscc IS NOT NULL AND uscc <> ''))
);
INSERT INTO desk.users SELECT * FROM main.users;

CREATE TABLE desk.sessions (
	id_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	last_seen INTEGER NOT NULL,
	address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX desk.sessions_user ON sessions(user_id);
INSERT INTO desk.sessions SELECT * FROM main.sessions;

-- ---- the audit log (as in 0002_auth.sql; rows copied as they are, so the
-- hash chain is the same chain) ----------------------------------------------
CREATE TABLE desk.audit_log (
	seq INTEGER PRIMARY KEY,
	time TEXT NOT NULL,
	actor TEXT NOT NULL,
	role TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL,
	object_kind TEXT NOT NULL DEFAULT '',
	object_key TEXT NOT NULL DEFAULT '',
	before TEXT,
	after TEXT,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
INSERT INTO desk.audit_log SELECT * FROM main.audit_log;
CREATE INDEX desk.audit_log_actor ON audit_log(actor, seq);
CREATE INDEX desk.audit_log_action ON audit_log(action, seq);
CREATE TRIGGER desk.audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER desk.audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- ---- warnings and their history (as in 0003_warnings.sql) -----------------
CREATE TABLE desk.warnings (
	id INTEGER PRIMARY KEY,
	rule TEXT NOT NULL,
	project_code TEXT NOT NULL,
	period TEXT NOT NULL DEFAULT '',
	level TEXT NOT NULL CHECK (level IN ('red', 'orange', 'yellow')),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handling', 'eliminated')),
	enterprise_uscc TEXT,
	street TEXT,
	summary TEXT NOT NULL,
	items INTEGER NOT NULL DEFAULT 0,
	evidence TEXT NOT NULL,
	raised_on TEXT NOT NULL,
	updated_on TEXT NOT NULL,
	eliminated_on TEXT,
	eliminated_how TEXT CHECK (eliminated_how IN ('auto', 'manual')),
	eliminated_reason TEXT,
	level_at_elimination TEXT,
	suppressed INTEGER NOT NULL DEFAULT 0,
	assignee TEXT,
	escalated_on TEXT
);
INSERT INTO desk.warnings SELECT * FROM main.warnings;
CREATE UNIQUE INDEX desk.warnings_live ON warnings(rule, project_code, period)
	WHERE status <> 'eliminated';
CREATE INDEX desk.warnings_suppressed ON warnings(rule, project_code, period) WHERE suppressed = 1;
CREATE INDEX desk.warnings_status ON warnings(status, level);
CREATE INDEX desk.warnings_project ON warnings(project_code);

CREATE TABLE desk.warning_events (
	id INTEGER PRIMARY KEY,
	warning_id INTEGER NOT NULL REFERENCES warnings(id),
	event TEXT NOT NULL CHECK (event IN ('raised', 'updated', 'eliminated', 'assigned', 'escalated')),
	on_date TEXT NOT NULL,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	level TEXT,
	reason TEXT
);
INSERT INTO desk.warning_events SELECT * FROM main.warning_events;
CREATE INDEX desk.warning_events_warning ON warning_events(warning_id);

-- The scans already recorded had their warnings here: the marker starts
-- at the newest one.
INSERT INTO desk.desk_state (key, value)
	SELECT 'last_scan', coalesce(max(id), 0) FROM main.warn_scans;

-- ---- the old tables go (children first; the audit log's guards first) ----
DROP TABLE main.warning_events;
DROP TABLE main.warnings;
DROP TRIGGER main.audit_log_no_update;
DROP TRIGGER main.audit_log_no_delete;
DROP TABLE main.audit_log;
DROP TABLE main.sessions;
DROP TABLE main.users;

PRAGMA desk.user_version = 1;
