-- 9001_site_checks.sql - the table of site_checks (tests/kind/site_checks.c),
-- a kind that only the test build $(B)/anxin-kind has: its migration, in
-- the form of src/store/sqlite/'s.

CREATE TABLE site_checks (               -- 现场检查记录
	id INTEGER PRIMARY KEY,
	project_code TEXT NOT NULL REFERENCES projects(code),
	check_date TEXT NOT NULL,
	inspector TEXT NOT NULL,
	result TEXT NOT NULL CHECK (result IN ('ok','rectify')),
	fine INTEGER,                        -- fen
	UNIQUE (project_code, check_date)
);
