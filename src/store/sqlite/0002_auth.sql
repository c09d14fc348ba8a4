-- 0002_auth.sql - access control: banks, users, sessions, machine tokens and
-- the tamper-evident audit log (issue 3). Times used by rules (lock-out,
-- session timeouts, token use) are INTEGER Unix seconds, so "now" can be
-- passed in by tests; the audit log keeps its time as UTC ISO text because
-- it is read by people and hashed as written.

-- Banks a bank token may act for. An account belongs to a bank when its
-- accounts.bank_name (the branch, e.g. 中国工商银行天津滨海分行) starts with
-- the bank's name; no column is added to accounts, so every file already
-- imported is covered. Add a row here for another bank.
CREATE TABLE banks (                     -- 银行
	code TEXT PRIMARY KEY,               -- short ASCII code, e.g. ICBC
	name TEXT NOT NULL UNIQUE            -- head-office name, prefix of branch names
);
INSERT INTO banks (code, name) VALUES
	('ICBC', '中国工商银行'),
	('ABC', '中国农业银行'),
	('BOC', '中国银行'),
	('CCB', '中国建设银行'),
	('BOCOM', '交通银行'),
	('PSBC', '中国邮政储蓄银行'),
	('BOTJ', '天津银行'),
	('TRCB', '天津农商银行'),
	('CMB', '招商银行'),
	('CIB', '兴业银行'),
	('SPDB', '上海浦东发展银行'),
	('CITIC', '中信银行'),
	('CMBC', '中国民生银行'),
	('CEB', '中国光大银行'),
	('BOHAI', '渤海银行');

-- People who log in. The bank role is for machine tokens only.
CREATE TABLE users (                     -- 用户
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL CHECK (role IN ('admin','inspector','street','enterprise','leader')),
	street TEXT,                         -- the street/zone of a street officer
	uscc TEXT,                           -- the enterprise of an enterprise user
	disabled INTEGER NOT NULL DEFAULT 0,
	pw_hash TEXT NOT NULL,               -- crypto_pwhash_str (Argon2id) string
	must_change INTEGER NOT NULL DEFAULT 1,
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked_until INTEGER NOT NULL DEFAULT 0,
	last_login INTEGER,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK ((role = 'street') = (street IS NOT NULL AND street <> '')),
	CHECK ((role = 'enterprise') = (uscc IS NOT NULL AND uscc <> ''))
);

-- Log-in sessions. The cookie value is never stored: id_hash is the hex
-- SHA-256 of it. The CSRF token is derived from the cookie value (keyed
-- BLAKE2b), so it is not stored either.
CREATE TABLE sessions (
	id_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	last_seen INTEGER NOT NULL,
	address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

-- API tokens of machines (bank systems, site gates): scoped to one bank or
-- one enterprise and to the kinds they may write. value_hash is the hex
-- SHA-256 of the token (high entropy, so a fast hash suffices).
CREATE TABLE tokens (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	value_hash TEXT NOT NULL UNIQUE,
	prefix TEXT NOT NULL,                -- first characters, for recognition
	bank_code TEXT REFERENCES banks(code),
	uscc TEXT,
	kinds TEXT NOT NULL,                 -- comma-separated kind names
	created_at INTEGER NOT NULL,
	created_by TEXT NOT NULL,
	revoked_at INTEGER,
	last_used INTEGER,
	CHECK ((bank_code IS NULL) <> (uscc IS NULL))
);

-- The audit log (行政执法全过程记录): append-only, hash-chained. hash =
-- SHA-256(prev_hash || canonical content), see src/domain/access/audit.c;
-- `anxin audit verify` recomputes the chain. seq is dense from 1, taken
-- inside the writer's transaction.
CREATE TABLE audit_log (
	seq INTEGER PRIMARY KEY,
	time TEXT NOT NULL,                  -- UTC, 2026-03-01T08:00:00Z
	actor TEXT NOT NULL,                 -- username, token:ID or cli:USER
	role TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL,
	object_kind TEXT NOT NULL DEFAULT '',
	object_key TEXT NOT NULL DEFAULT '',
	before TEXT,                         -- JSON or NULL
	after TEXT,                          -- JSON or NULL
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
CREATE INDEX audit_log_action ON audit_log(action, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
