-- 0011_attendance_key.sql - attendance's key index in the order (project,
-- date, worker) instead of (project, worker, date). The same columns, so
-- the same uniqueness and the same ON CONFLICT target; but a project's rows
-- of one day now sit side by side, and a day's import (500,000 rows at
-- province scale) writes one place per project instead of one per worker,
-- all over an index of millions of rows (issue 13). Every reader of
-- attendance asks by project first (stats.c, warn_store.c): the new order
-- still serves them. The importer writes its rows in the same order
-- (kinds.c, key_order).
--
-- SQLite cannot drop a table's UNIQUE constraint: the rows are copied into
-- a table without it (the same ids), and the index is built once, sorted.
CREATE TABLE attendance_new (            -- 考勤
	id INTEGER PRIMARY KEY,
	project_code TEXT NOT NULL REFERENCES projects(code),
	worker_id_number TEXT NOT NULL,      -- need not be registered
	date TEXT NOT NULL,
	hours INTEGER NOT NULL DEFAULT 800   -- hundredths of an hour
);
INSERT INTO attendance_new (id, project_code, worker_id_number, date, hours)
SELECT id, project_code, worker_id_number, date, hours FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_new RENAME TO attendance;
CREATE UNIQUE INDEX attendance_key ON attendance(project_code, date, worker_id_number);
