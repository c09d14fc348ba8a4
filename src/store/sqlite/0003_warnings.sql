-- 0003_warnings.sql - the early-warning engine (监控预警): the official
-- working-day calendar, the parameters table, the warnings with their
-- history, the scan bookkeeping (dirty set, scan log) and the attendance
-- aggregate the rules read instead of the raw attendance rows.
-- See docs/warnings.md and ../shared/spec/warning-rules.md.

-- ---- official calendar (calendar-cn.md) ----------------------------------
-- A year is known when it has a row in calendar_years; only then may a
-- working-day deadline reach into it. calendar_days holds the exceptions to
-- "Monday-Friday work, weekend off": the official days off (放假) and the
-- adjusted working days (调休上班).
CREATE TABLE calendar_years (
	year INTEGER PRIMARY KEY,
	source TEXT NOT NULL,                -- e.g. 国办发明电〔2023〕7号, or who added it
	added_by TEXT,
	added_at TEXT
);
CREATE TABLE calendar_days (
	date TEXT PRIMARY KEY,               -- YYYY-MM-DD
	is_workday INTEGER NOT NULL CHECK (is_workday IN (0, 1))
) WITHOUT ROWID;

INSERT INTO calendar_years (year, source) VALUES
	(2023, '国办发明电〔2022〕16号'),
	(2024, '国办发明电〔2023〕7号'),
	(2025, '国办发明电〔2024〕12号'),
	(2026, '国办发〔2025〕7号');

WITH RECURSIVE span(a, b) AS (VALUES
	-- 2023 days off (2022-12-31 is also off)
	('2022-12-31', '2022-12-31'), ('2023-01-01', '2023-01-02'),
	('2023-01-21', '2023-01-27'), ('2023-04-05', '2023-04-05'),
	('2023-04-29', '2023-05-03'), ('2023-06-22', '2023-06-24'),
	('2023-09-29', '2023-10-06'),
	-- 2024
	('2024-01-01', '2024-01-01'), ('2024-02-10', '2024-02-17'),
	('2024-04-04', '2024-04-06'), ('2024-05-01', '2024-05-05'),
	('2024-06-10', '2024-06-10'), ('2024-09-15', '2024-09-17'),
	('2024-10-01', '2024-10-07'),
	-- 2025
	('2025-01-01', '2025-01-01'), ('2025-01-28', '2025-02-04'),
	('2025-04-04', '2025-04-06'), ('2025-05-01', '2025-05-05'),
	('2025-05-31', '2025-06-02'), ('2025-10-01', '2025-10-08'),
	-- 2026
	('2026-01-01', '2026-01-03'), ('2026-02-15', '2026-02-23'),
	('2026-04-04', '2026-04-06'), ('2026-05-01', '2026-05-05'),
	('2026-06-19', '2026-06-21'), ('2026-09-25', '2026-09-27'),
	('2026-10-01', '2026-10-07')
), day(d, b) AS (
	SELECT a, b FROM span
	UNION ALL
	SELECT date(d, '+1 day'), b FROM day WHERE d < b
)
INSERT INTO calendar_days (date, is_workday) SELECT d, 0 FROM day;

INSERT INTO calendar_days (date, is_workday) VALUES
	('2023-01-28', 1), ('2023-01-29', 1), ('2023-04-23', 1), ('2023-05-06', 1),
	('2023-06-25', 1), ('2023-10-07', 1), ('2023-10-08', 1),
	('2024-02-04', 1), ('2024-02-18', 1), ('2024-04-07', 1), ('2024-04-28', 1),
	('2024-05-11', 1), ('2024-09-14', 1), ('2024-09-29', 1), ('2024-10-12', 1),
	('2025-01-26', 1), ('2025-02-08', 1), ('2025-04-27', 1), ('2025-09-28', 1),
	('2025-10-11', 1),
	('2026-01-04', 1), ('2026-02-14', 1), ('2026-02-28', 1), ('2026-05-09', 1),
	('2026-09-20', 1), ('2026-10-10', 1);

-- ---- parameters (warning-rules.md, "Regional parameters") ---------------
-- One row a parameter; value and default as text in the form shown to the
-- user (decimals exact, never floats). Every change is logged in
-- param_changes with who made it (param_set in domain/params.c is the one
-- place a change is applied).
CREATE TABLE params (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL,
	default_value TEXT NOT NULL,
	description TEXT NOT NULL,
	updated_by TEXT,
	updated_at TEXT
);
INSERT INTO params (key, value, default_value, description) VALUES
	('deposit_ratio', '0.01', '0.01', '工资保证金比例(占合同金额) deposit as a share of the contract amount'),
	('account_deadline_days', '30', '30', '专用账户开设期限(合同签订后日历日) account opening deadline, calendar days after contract_date'),
	('deposit_deadline_workdays', '20', '20', '保证金存储期限(合同签订后工作日) deposit deadline, working days after contract_date'),
	('board_grace_days', '7', '7', '维权告示牌设立期限(开工后日历日) board grace, days after start_date'),
	('contract_grace_days', '30', '30', '劳动合同签订期限(进场后日历日) contract grace, days after entry_date'),
	('days_mismatch_tolerance', '3', '3', '工资表出勤与考勤允许差异(天) DAYS_MISMATCH tolerance in days'),
	('lookback_months', '12', '12', '回溯月数(D所在月之前) lookback, calendar months before the month of D'),
	('bank_mismatch_tolerance', '1.00', '1.00', '代发记录允许差额(元) BANK_MISMATCH tolerance in yuan'),
	('wage_unpaid_red_workers', '30', '30', '欠薪人数达到即为红色 WAGE_UNPAID red from this many workers in a month'),
	('wage_unpaid_red_months', '2', '2', '欠薪月数达到即为红色 WAGE_UNPAID red from this many due months'),
	('min_wage_month_days', '21.75', '21.75', '月计薪天数(最低工资折算) days a month for the daily minimum wage');

CREATE TABLE param_changes (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL REFERENCES params(key),
	old_value TEXT NOT NULL,
	new_value TEXT NOT NULL,
	actor TEXT NOT NULL,
	at TEXT NOT NULL                     -- UTC timestamp
);

-- ---- warnings and their history (预警处置) --------------------------------
CREATE TABLE warnings (
	id INTEGER PRIMARY KEY,
	rule TEXT NOT NULL,                  -- rule code, warn_rules.c
	project_code TEXT NOT NULL,
	period TEXT NOT NULL DEFAULT '',     -- YYYY-MM, '' for state rules
	level TEXT NOT NULL CHECK (level IN ('red', 'orange', 'yellow')),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handling', 'eliminated')),
	enterprise_uscc TEXT,                -- the responsible enterprise
	street TEXT,
	summary TEXT NOT NULL,               -- one line in Chinese
	items INTEGER NOT NULL DEFAULT 0,    -- workers / rows behind it (WAGE_UNPAID red)
	evidence TEXT NOT NULL,              -- JSON, see docs/warnings.md
	raised_on TEXT NOT NULL,             -- as-of date of the scan that raised it
	updated_on TEXT NOT NULL,            -- as-of date of the last scan that saw it
	eliminated_on TEXT,
	eliminated_how TEXT CHECK (eliminated_how IN ('auto', 'manual')),
	eliminated_reason TEXT,
	level_at_elimination TEXT,
	suppressed INTEGER NOT NULL DEFAULT 0, -- manual elimination while the condition persists
	assignee TEXT,
	escalated_on TEXT
);
-- At most one live warning per (rule, project, period).
CREATE UNIQUE INDEX warnings_live ON warnings(rule, project_code, period)
	WHERE status <> 'eliminated';
CREATE INDEX warnings_suppressed ON warnings(rule, project_code, period) WHERE suppressed = 1;
CREATE INDEX warnings_status ON warnings(status, level);
CREATE INDEX warnings_project ON warnings(project_code);

CREATE TABLE warning_events (
	id INTEGER PRIMARY KEY,
	warning_id INTEGER NOT NULL REFERENCES warnings(id),
	event TEXT NOT NULL CHECK (event IN ('raised', 'updated', 'eliminated', 'assigned', 'escalated')),
	on_date TEXT NOT NULL,               -- the scan's as-of date, or the day of the action
	at TEXT NOT NULL,                    -- UTC timestamp
	actor TEXT NOT NULL,                 -- 'scan' or the person
	level TEXT,
	reason TEXT
);
CREATE INDEX warning_events_warning ON warning_events(warning_id);

-- ---- scans ---------------------------------------------------------------
-- One row per scan (the trend of the warning centre).
CREATE TABLE warn_scans (
	id INTEGER PRIMARY KEY,
	as_of TEXT NOT NULL,
	full INTEGER NOT NULL,
	started_at TEXT NOT NULL,
	ms INTEGER,                          -- duration in milliseconds
	projects INTEGER,
	raised INTEGER, updated INTEGER, unchanged INTEGER, eliminated INTEGER,
	open_red INTEGER, open_orange INTEGER, open_yellow INTEGER
);

-- The state the next scan needs: the as-of of the last scan, whether a
-- full scan is due (parameters, calendar or minimum wages changed), and the
-- sequence number stamped on dirty entries.
CREATE TABLE scan_state (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	last_as_of TEXT,
	need_full INTEGER NOT NULL DEFAULT 1,
	seq INTEGER NOT NULL DEFAULT 0
);
INSERT INTO scan_state (id) VALUES (1);

-- Projects (and months) touched by imports since the last scan, with the
-- rules that may have changed (a bit mask, warn_rules.h). month '' = all.
CREATE TABLE scan_dirty (
	project_code TEXT NOT NULL,
	month TEXT NOT NULL DEFAULT '',
	mask INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (project_code, month)
) WITHOUT ROWID;

-- ---- attendance aggregate -------------------------------------------------
-- One row per (month, project, worker): distinct attendance days and the
-- first and last day, kept by the import (store/scan_mark.c) in the same
-- transaction as the attendance rows. covered = some employment of the
-- worker on the project spans [first_date, last_date] (recomputed when
-- attendance or employments of the pair change); UNREGISTERED looks at the
-- uncovered rows only.
CREATE TABLE att_month (
	month TEXT NOT NULL,
	project_code TEXT NOT NULL,
	worker_id_number TEXT NOT NULL,
	days INTEGER NOT NULL,
	first_date TEXT NOT NULL,
	last_date TEXT NOT NULL,
	covered INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (month, project_code, worker_id_number)
) WITHOUT ROWID;
CREATE INDEX att_month_pair ON att_month(project_code, worker_id_number);
CREATE INDEX att_month_uncovered ON att_month(month, project_code) WHERE covered = 0;

INSERT INTO att_month (month, project_code, worker_id_number, days, first_date, last_date)
SELECT substr(date, 1, 7), project_code, worker_id_number, count(*), min(date), max(date)
FROM attendance GROUP BY 1, 2, 3;
UPDATE att_month SET covered = EXISTS (
	SELECT 1 FROM employments e
	WHERE e.project_code = att_month.project_code
	  AND e.worker_id_number = att_month.worker_id_number
	  AND e.entry_date <= att_month.first_date
	  AND (e.exit_date IS NULL OR e.exit_date >= att_month.last_date));

-- ---- payroll, month by month -------------------------------------------
-- The scan reads payroll one month at a time in (project, worker) order,
-- merged with att_month and wage_month (same order): a covering index makes
-- that one range read with no look-up into the table.
CREATE INDEX payroll_scan ON payroll(period, project_code, worker_id_number, channel,
	amount_due, amount_paid, paid_date, days_worked, employer_uscc);

-- ---- transaction aggregates ------------------------------------------------
-- Per account, day and kind: the amounts (balances, the latest labour-cost
-- transfer). Per month, project and worker: the wage transfers (BANK_MISMATCH),
-- with the last transfer date so a scan as of an earlier day knows when it
-- must sum the rows themselves. Both kept by the import (store/scan_mark.c).
CREATE TABLE txn_day (
	account_no TEXT NOT NULL,
	txn_date TEXT NOT NULL,
	kind TEXT NOT NULL,
	amount INTEGER NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (account_no, txn_date, kind)
) WITHOUT ROWID;
CREATE TABLE wage_month (
	period TEXT NOT NULL,
	project_code TEXT NOT NULL,
	worker_id_number TEXT NOT NULL,
	amount INTEGER NOT NULL,
	n INTEGER NOT NULL,
	last_date TEXT NOT NULL,
	PRIMARY KEY (period, project_code, worker_id_number)
) WITHOUT ROWID;
CREATE INDEX wage_month_project ON wage_month(project_code);

INSERT INTO txn_day (account_no, txn_date, kind, amount, n)
SELECT account_no, txn_date, kind, sum(amount), count(*) FROM transactions GROUP BY 1, 2, 3;
INSERT INTO wage_month (period, project_code, worker_id_number, amount, n, last_date)
SELECT t.period, a.project_code, t.worker_id_number, sum(t.amount), count(*), max(t.txn_date)
FROM transactions t JOIN accounts a ON a.account_no = t.account_no
WHERE t.kind = 'wage' AND t.period IS NOT NULL AND t.worker_id_number IS NOT NULL
GROUP BY 1, 2, 3;
