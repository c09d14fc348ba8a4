-- distribute.sql - turns a freshly created anxin schema (0007_initial.sql) on
-- a Citus coordinator into a distributed one: `anxin init --distributed`
-- runs it once, right after the schema, while every table is still empty
-- (db_distribute, src/store/db_distribute.c). The choice of each table and
-- its reason: docs/scale.md, "Distribution".
--
--   * distributed by project code, all co-located with projects (one shard
--     holds a project's records, aggregates and warnings; every warning rule
--     and every project-scoped list runs inside one shard group):
--       projects (code), employments, attendance, payroll, deposits,
--       att_month, wage_month, scan_dirty, warnings (project_code)
--   * distributed by account number (transactions and their day totals,
--     co-located with each other): transactions, txn_day
--   * reference tables (a copy on every node; small, shared, or joined from
--     any shard): enterprises, workers, accounts, min_wages, banks, tokens,
--     users, calendar_years, calendar_days, params, param_changes,
--     warning_events, warning_files, worker_suppliers, warn_scans,
--     scan_state, desk_state, schema_version, and the cases: clues,
--     clue_reviews, case_seq, case_events, case_parties, case_links,
--     case_files
--   * left on the coordinator: audit_log and audit_journal (the hash chain,
--     its append-only triggers, one writer), worker_card_changes (below),
--     sessions (becomes a Citus local table through its foreign key to
--     users), the sequence anxin_changes.
--
-- Citus's rules met here, without touching the shared schema:
--   * a distributed table's PRIMARY KEY / UNIQUE include its distribution
--     column: the "id" primary keys become (distribution column, id); the
--     identity default keeps the ids unique;
--   * a foreign key between distributed tables includes the distribution
--     column (employments -> projects(code) does); one from a reference to a
--     distributed table is impossible and is dropped (accounts -> projects,
--     warning_events/warning_files -> warnings): the importer checks its
--     references itself (DB_OPEN_BULK), the warning tables are written by
--     the store only;
--   * the card-change trigger of workers runs on every placement of the
--     reference table (citus.enable_unsafe_triggers), and notes a change on
--     the coordinator only (below).
-- Run in one transaction by db_distribute; Citus needs the sequential mode
-- to create reference tables and foreign keys to them in one transaction.

SET LOCAL citus.multi_shard_modify_mode TO 'sequential';
SET LOCAL citus.enable_unsafe_triggers TO on;
SET LOCAL client_min_messages TO warning;

-- ---- foreign keys a reference table cannot keep ---------------------------
ALTER TABLE accounts DROP CONSTRAINT accounts_project_code_fkey;
ALTER TABLE warning_events DROP CONSTRAINT warning_events_warning_id_fkey;
ALTER TABLE warning_files DROP CONSTRAINT warning_files_warning_id_fkey;

-- ---- foreign keys of the tables to distribute: put aside -----------------
-- Citus distributes a plain table with no foreign key in or out at once;
-- one already tied to a reference table has become a Citus local table,
-- which it cannot distribute while others refer to it. So the foreign keys
-- of the tables distributed below are dropped here and added again at the
-- end, once every table has its final kind.
CREATE TEMP TABLE anxin_fks ON COMMIT DROP AS
SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
  FROM pg_constraint c
 WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
   AND c.conrelid::regclass::text IN ('projects', 'employments', 'attendance', 'payroll',
       'deposits', 'transactions');
DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT * FROM anxin_fks LOOP
		EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', r.tbl, r.name);
	END LOOP;
END;
$$;

-- ---- identity columns of the distributed tables ---------------------------
-- Citus cannot turn a table with an identity column (made a Citus local
-- table by its foreign key to a reference table) into a distributed one:
-- each id becomes a plain column whose default is a sequence of the same
-- name an identity has (pg_get_serial_sequence still finds it: OWNED BY).
DO $$
DECLARE t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['projects', 'employments', 'attendance', 'payroll',
	                         'deposits', 'warnings', 'transactions'] LOOP
		EXECUTE format('ALTER TABLE %I ALTER COLUMN id DROP IDENTITY', t);
		EXECUTE format('CREATE SEQUENCE %I OWNED BY %I.id', t || '_id_seq', t);
		EXECUTE format('ALTER TABLE %I ALTER COLUMN id SET DEFAULT nextval(%L)', t, t || '_id_seq');
	END LOOP;
END;
$$;

-- ---- keys: the distribution column in every PRIMARY KEY -------------------
ALTER TABLE projects DROP CONSTRAINT projects_pkey;
ALTER TABLE projects ADD PRIMARY KEY (code, id);
ALTER TABLE employments DROP CONSTRAINT employments_pkey;
ALTER TABLE employments ADD PRIMARY KEY (project_code, id);
ALTER TABLE attendance DROP CONSTRAINT attendance_pkey;
ALTER TABLE attendance ADD PRIMARY KEY (project_code, id);
ALTER TABLE payroll DROP CONSTRAINT payroll_pkey;
ALTER TABLE payroll ADD PRIMARY KEY (project_code, id);
ALTER TABLE deposits DROP CONSTRAINT deposits_pkey;
ALTER TABLE deposits ADD PRIMARY KEY (project_code, id);
ALTER TABLE warnings DROP CONSTRAINT warnings_pkey;
ALTER TABLE warnings ADD PRIMARY KEY (project_code, id);
ALTER TABLE transactions DROP CONSTRAINT transactions_pkey;
ALTER TABLE transactions ADD PRIMARY KEY (account_no, id);

-- ---- distributed by project code, co-located with projects ----------------
SELECT create_distributed_table('projects', 'code');
SELECT create_distributed_table('employments', 'project_code', colocate_with => 'projects');
SELECT create_distributed_table('attendance', 'project_code', colocate_with => 'projects');
SELECT create_distributed_table('payroll', 'project_code', colocate_with => 'projects');
SELECT create_distributed_table('deposits', 'project_code', colocate_with => 'projects');
SELECT create_distributed_table('att_month', 'project_code', colocate_with => 'projects');
SELECT create_distributed_table('wage_month', 'project_code', colocate_with => 'projects');
SELECT create_distributed_table('scan_dirty', 'project_code', colocate_with => 'projects');
SELECT create_distributed_table('warnings', 'project_code', colocate_with => 'projects');

-- ---- distributed by account number ----------------------------------------
SELECT create_distributed_table('transactions', 'account_no', colocate_with => 'projects');
SELECT create_distributed_table('txn_day', 'account_no', colocate_with => 'projects');

-- ---- the card-change trigger of workers ----------------------------------
-- On a reference table the trigger fires on every placement (the
-- coordinator's and each worker's, citus.enable_unsafe_triggers), where a
-- write into another Citus table would be a nested distributed query, which
-- Citus refuses. worker_card_changes stays a plain table on the coordinator,
-- written by the coordinator's placement only; the workers' placements note
-- nothing (the store reads and empties the table on the coordinator, in the
-- writing transaction, record.c rec_take_card_changes).
CREATE OR REPLACE FUNCTION workers_card_change() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	IF citus_is_coordinator() THEN
		INSERT INTO worker_card_changes (worker_id, id_number, old_card, new_card)
		VALUES (NEW.id, NEW.id_number, OLD.bank_card, NEW.bank_card);
	END IF;
	RETURN NULL;
END;
$$;

-- ---- reference tables (referenced ones first) -----------------------------
SELECT create_reference_table('enterprises');
SELECT create_reference_table('workers');
SELECT create_reference_table('accounts');
SELECT create_reference_table('min_wages');
SELECT create_reference_table('banks');
SELECT create_reference_table('tokens');
SELECT create_reference_table('users');
SELECT create_reference_table('calendar_years');
SELECT create_reference_table('calendar_days');
SELECT create_reference_table('params');
SELECT create_reference_table('param_changes');
SELECT create_reference_table('warning_events');
SELECT create_reference_table('warning_files');
SELECT create_reference_table('worker_suppliers');
SELECT create_reference_table('warn_scans');
SELECT create_reference_table('scan_state');
SELECT create_reference_table('desk_state');
SELECT create_reference_table('schema_version');
-- the cases (0008_cases.sql): few rows, read across streets and joined with
-- each other (a clue and its reviews, history, files)
SELECT create_reference_table('clues');
SELECT create_reference_table('clue_reviews');
SELECT create_reference_table('case_seq');
SELECT create_reference_table('case_events');
SELECT create_reference_table('case_parties');
SELECT create_reference_table('case_links');
SELECT create_reference_table('case_files');

-- ---- the foreign keys put aside, back ------------------------------------
DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT * FROM anxin_fks LOOP
		EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', r.tbl, r.name, r.def);
	END LOOP;
END;
$$;
