-- 0001_core.sql - the records of the data-exchange standard (数据交换标准 v1).
--
-- One table per kind. Every table has a surrogate integer id (for URLs and
-- joins) and a UNIQUE natural key (the kind's key in the standard), which
-- re-imports upsert on. References use the natural key of the parent, so a
-- row looks the same in the file, the table and the export.
-- Stored forms: money INTEGER fen; hours/days INTEGER hundredths; dates
-- TEXT 'YYYY-MM-DD'; months TEXT 'YYYY-MM'; booleans INTEGER 0/1.

CREATE TABLE enterprises (               -- 企业
	id INTEGER PRIMARY KEY,
	uscc TEXT NOT NULL UNIQUE,           -- 统一社会信用代码
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('owner','contractor','subcontractor','dispatch','other')),
	region_code TEXT NOT NULL,
	street TEXT,
	legal_rep TEXT,
	phone TEXT,
	union_established INTEGER,
	employees INTEGER
);

CREATE TABLE projects (                  -- 在建项目
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	region_code TEXT NOT NULL,
	street TEXT NOT NULL,
	address TEXT,
	owner_uscc TEXT NOT NULL REFERENCES enterprises(uscc),
	contractor_uscc TEXT NOT NULL REFERENCES enterprises(uscc),
	contract_amount INTEGER NOT NULL,    -- fen
	contract_date TEXT NOT NULL,
	start_date TEXT NOT NULL,
	planned_end_date TEXT,
	end_date TEXT,
	status TEXT NOT NULL CHECK (status IN ('planned','active','suspended','completed')),
	labor_cost_cycle_days INTEGER NOT NULL DEFAULT 30,
	wage_day INTEGER NOT NULL DEFAULT 15,
	board_installed_date TEXT,
	labor_officer TEXT,
	labor_officer_phone TEXT
);
CREATE INDEX projects_street ON projects(street, status);
CREATE INDEX projects_contractor ON projects(contractor_uscc);

CREATE TABLE workers (                   -- 实名制人员
	id INTEGER PRIMARY KEY,
	id_number TEXT NOT NULL UNIQUE,      -- 公民身份号码
	name TEXT NOT NULL,
	phone TEXT,
	bank_name TEXT,
	bank_card TEXT,
	birth_date TEXT,                     -- derived from id_number
	sex TEXT                             -- derived: 'M' / 'F'
);
CREATE INDEX workers_name ON workers(name);

CREATE TABLE employments (               -- 用工登记(进退场)
	id INTEGER PRIMARY KEY,
	project_code TEXT NOT NULL REFERENCES projects(code),
	worker_id_number TEXT NOT NULL REFERENCES workers(id_number),
	entry_date TEXT NOT NULL,
	employer_uscc TEXT NOT NULL REFERENCES enterprises(uscc),
	exit_date TEXT,
	team TEXT,
	trade TEXT,
	contract_signed_date TEXT,
	wage_basis TEXT,
	wage_rate INTEGER,
	UNIQUE (project_code, worker_id_number, entry_date)
);
CREATE INDEX employments_worker ON employments(worker_id_number);

-- The largest table: tens of millions of rows a month at province scale.
-- Only the key index: every other access goes through (project, worker).
CREATE TABLE attendance (                -- 考勤
	id INTEGER PRIMARY KEY,
	project_code TEXT NOT NULL REFERENCES projects(code),
	worker_id_number TEXT NOT NULL,      -- need not be registered
	date TEXT NOT NULL,
	hours INTEGER NOT NULL DEFAULT 800,  -- hundredths of an hour
	UNIQUE (project_code, worker_id_number, date)
);

CREATE TABLE payroll (                   -- 工资支付表
	id INTEGER PRIMARY KEY,
	project_code TEXT NOT NULL REFERENCES projects(code),
	worker_id_number TEXT NOT NULL REFERENCES workers(id_number),
	period TEXT NOT NULL,
	employer_uscc TEXT NOT NULL REFERENCES enterprises(uscc),
	days_worked INTEGER NOT NULL,        -- hundredths of a day
	amount_due INTEGER NOT NULL,
	amount_paid INTEGER NOT NULL,
	paid_date TEXT,
	channel TEXT NOT NULL DEFAULT 'bank' CHECK (channel IN ('bank','cash','other')),
	worker_confirmed INTEGER,
	UNIQUE (project_code, worker_id_number, period)
);
CREATE INDEX payroll_worker ON payroll(worker_id_number);
CREATE INDEX payroll_period ON payroll(period);

CREATE TABLE accounts (                  -- 农民工工资专用账户
	id INTEGER PRIMARY KEY,
	account_no TEXT NOT NULL UNIQUE,
	project_code TEXT NOT NULL REFERENCES projects(code),
	bank_name TEXT NOT NULL,
	opened_date TEXT NOT NULL,
	closed_date TEXT
);
CREATE INDEX accounts_project ON accounts(project_code);

CREATE TABLE transactions (              -- 专用账户流水
	id INTEGER PRIMARY KEY,
	account_no TEXT NOT NULL REFERENCES accounts(account_no),
	txn_id TEXT NOT NULL,
	txn_date TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('labor_cost','wage','refund','other_in','other_out')),
	amount INTEGER NOT NULL CHECK (amount > 0),
	worker_id_number TEXT,
	period TEXT,
	counterparty TEXT,
	memo TEXT,
	UNIQUE (account_no, txn_id)
);
CREATE INDEX transactions_date ON transactions(account_no, txn_date);

CREATE TABLE deposits (                  -- 工资保证金
	id INTEGER PRIMARY KEY,
	project_code TEXT NOT NULL REFERENCES projects(code),
	deposit_no TEXT NOT NULL,
	form TEXT NOT NULL CHECK (form IN ('cash','guarantee','insurance')),
	amount INTEGER NOT NULL,
	deposit_date TEXT NOT NULL,
	expiry_date TEXT,
	released_date TEXT,
	issuer TEXT,
	UNIQUE (project_code, deposit_no)
);

CREATE TABLE min_wages (                 -- 最低工资标准
	id INTEGER PRIMARY KEY,
	region_code TEXT NOT NULL,
	effective_from TEXT NOT NULL,
	monthly INTEGER NOT NULL,
	hourly INTEGER,
	UNIQUE (region_code, effective_from)
);

-- Shipped default (warning-rules.md): 天津 2180.00 yuan/month and 22.60
-- yuan/hour from 2021-07-01.
INSERT INTO min_wages (region_code, effective_from, monthly, hourly)
VALUES ('120000', '2021-07-01', 218000, 2260);
