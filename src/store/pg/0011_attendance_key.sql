-- 0011_attendance_key.sql (PostgreSQL) - attendance's key index in the
-- order (project, date, worker): see sqlite/0011_attendance_key.sql. The
-- same columns as the UNIQUE constraint it replaces, so the same
-- uniqueness and the same ON CONFLICT target (PostgreSQL infers the index
-- whatever the order of the target's columns); an index, not a
-- constraint, as on SQLite. It holds the distribution column (Citus).
CREATE UNIQUE INDEX attendance_key ON attendance (project_code, date, worker_id_number);
ALTER TABLE attendance DROP CONSTRAINT attendance_project_code_worker_id_number_date_key;
