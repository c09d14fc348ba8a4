-- 0008_cases.sql - the case engine (docs/cases.md) and its first case
-- type, the wage-arrears clue (根治欠薪线索). All in the main file: a
-- transition changes the case's row, which imports write too (the main
-- lane); its audit row goes to the desk as every audited write's does.

-- The clue (欠薪线索): the columns of the exchange kind `clues`
-- (data-exchange-cases.md; kinds.c declares them) and, after them, the
-- columns the engine keeps, which no import writes.
CREATE TABLE clues (
	id INTEGER PRIMARY KEY,
	number TEXT NOT NULL UNIQUE,
	received_date TEXT NOT NULL,
	channel TEXT NOT NULL,
	reporter_name TEXT,
	reporter_id_number TEXT,
	reporter_phone TEXT,
	employer_name TEXT NOT NULL,
	employer_uscc TEXT,
	project_code TEXT,
	street TEXT NOT NULL,
	workers_claimed INTEGER,
	amount_claimed INTEGER,              -- fen
	status TEXT NOT NULL,
	transferred_date TEXT,
	conclusion INTEGER,
	workers_resolved INTEGER,
	amount_resolved INTEGER,             -- fen
	-- kept by the engine (not exchanged)
	description TEXT,
	site_address TEXT,
	paid_by TEXT,                        -- employer / contractor / deposit / emergency
	reply TEXT,                          -- the bureau's reply to the reporter
	state_date TEXT,                     -- the day the current state began
	deadline TEXT,                       -- the running deadline (NULL: none)
	deadline_basis TEXT,
	returns INTEGER NOT NULL DEFAULT 0,  -- times returned by the review
	merged_into TEXT,                    -- the surviving clue's number
	query_hash TEXT,                     -- SHA-256 of the reporter's query code
	opened_at TEXT,                      -- UTC time of intake (NULL: imported)
	opened_by TEXT
);
CREATE INDEX clues_street ON clues(street, status);
CREATE INDEX clues_received ON clues(received_date);
CREATE INDEX clues_employer ON clues(employer_uscc);
CREATE INDEX clues_project ON clues(project_code);

-- The review decisions of clues (审核): the exchange kind `clue_reviews`;
-- the engine's pass / return write one row each.
CREATE TABLE clue_reviews (
	id INTEGER PRIMARY KEY,
	clue_number TEXT NOT NULL,
	decided_date TEXT NOT NULL,
	seq INTEGER NOT NULL,
	result TEXT NOT NULL,
	reason TEXT,
	UNIQUE (clue_number, decided_date, seq)
);
CREATE INDEX clue_reviews_date ON clue_reviews(decided_date);

-- Case numbers {prefix}-{year}-{seq:06d}: the last number given per prefix
-- and year, taken in the creating transaction (gap-free: a rolled-back
-- creation gives its number back; never reused: the row only grows).
CREATE TABLE case_seq (
	prefix TEXT NOT NULL,
	year INTEGER NOT NULL,
	last INTEGER NOT NULL,
	PRIMARY KEY (prefix, year)
);

-- The history of every case: each transition, attachment, link, merge,
-- with who, when, from which state to which and why. request_key makes a
-- retried request a replay, not a second transition.
CREATE TABLE case_events (
	id INTEGER PRIMARY KEY,
	case_type TEXT NOT NULL,
	number TEXT NOT NULL,
	at TEXT NOT NULL,                    -- UTC time
	on_date TEXT NOT NULL,               -- the civil (as-of) day
	actor TEXT NOT NULL,
	role TEXT NOT NULL,
	action TEXT NOT NULL,
	from_state TEXT,
	to_state TEXT,
	reason TEXT,
	detail TEXT,                         -- JSON: what the action set
	request_key TEXT UNIQUE
);
CREATE INDEX case_events_case ON case_events(case_type, number);

-- The workers a case is about (a collective case has many).
CREATE TABLE case_parties (
	id INTEGER PRIMARY KEY,
	case_type TEXT NOT NULL,
	number TEXT NOT NULL,
	name TEXT NOT NULL,
	id_number TEXT,
	phone TEXT
);
CREATE INDEX case_parties_case ON case_parties(case_type, number);

-- Links from a case to another case or to a warning: possible duplicates
-- found at intake, a merge (the merged case points at the survivor), a
-- warning that opened the case.
CREATE TABLE case_links (
	id INTEGER PRIMARY KEY,
	case_type TEXT NOT NULL,
	number TEXT NOT NULL,
	target_type TEXT NOT NULL,           -- a case type code, or 'warning'
	target TEXT NOT NULL,                -- its number, or the warning's id
	relation TEXT NOT NULL,              -- 'duplicate' | 'merged_into' | 'merged' | 'from_warning'
	at TEXT NOT NULL,
	UNIQUE (case_type, number, target_type, target, relation)
);

-- Attachments: the bytes in FILE-files/ (content-addressed, file_store.c),
-- the case they belong to here.
CREATE TABLE case_files (
	id INTEGER PRIMARY KEY,
	case_type TEXT NOT NULL,
	number TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	name TEXT NOT NULL,
	mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
	size INTEGER NOT NULL,
	uploaded_by TEXT NOT NULL,
	uploaded_at TEXT NOT NULL
);
CREATE INDEX case_files_case ON case_files(case_type, number);

-- The clue deadlines (cases.md, local rules): audited parameters.
INSERT INTO params (key, value, default_value, description) VALUES
	('clue_transfer_workdays', '1', '1', '线索转办期限(接收后工作日) transfer within N working days of receipt'),
	('clue_conclude_workdays', '15', '15', '线索核处期限(转办后工作日) conclusion within N working days of transfer'),
	('clue_review_workdays', '3', '3', '线索审核期限(提交后工作日) review within N working days of submission'),
	('clue_return_workdays', '5', '5', '退回后补充核处期限(工作日) N more working days after a return'),
	('clue_duplicate_days', '30', '30', '疑似重复线索(日历日) same employer or project within N days');
