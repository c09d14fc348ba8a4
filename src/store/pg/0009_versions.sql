-- 0009_versions.sql (PostgreSQL) - the change counter of every table (db.h,
-- "What a computed result depends on"), bumped by the store in the
-- transaction of every write to the table: the response cache
-- (http/cache.c) keeps a page until a table it was computed from changes.
-- One database: every counter lives in data_versions; desk_versions is
-- SQLite's desk-file twin, kept here so that both schemas have the same
-- tables.
CREATE TABLE data_versions (
	name text PRIMARY KEY,
	v bigint NOT NULL
);
CREATE TABLE desk_versions (
	name text PRIMARY KEY,
	v bigint NOT NULL
);

CREATE INDEX projects_street_amount ON projects(street, contract_amount);

-- PostgreSQL counts every write itself, whoever makes it (psql too): a
-- statement trigger on every table bumps the table's counter in the
-- writing statement's transaction. db_pg.c attaches it to a table that a
-- later migration creates (anxin_count_attach), and counts in C instead on
-- a Citus coordinator, whose distributed tables take no triggers.
CREATE FUNCTION anxin_count() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO data_versions (name, v) VALUES (TG_TABLE_NAME, 1)
		ON CONFLICT (name) DO UPDATE SET v = data_versions.v + 1;
	RETURN NULL;
END;
$$;
CREATE FUNCTION anxin_count_attach() RETURNS void
	LANGUAGE plpgsql AS $$
DECLARE
	t text;
BEGIN
	IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
		RETURN;
	END IF;
	FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
		JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind = 'r'
		AND c.relname NOT IN ('data_versions', 'desk_versions', 'schema_version')
		AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
			WHERE g.tgrelid = c.oid AND g.tgname = 'anxin_count')
	LOOP
		EXECUTE format('CREATE TRIGGER anxin_count AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE'
			' ON %I FOR EACH STATEMENT EXECUTE FUNCTION anxin_count()', t);
		-- also when foreign keys and ordinary triggers are skipped
		-- (session_replication_role = replica: a replica, a bulk load)
		EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER anxin_count', t);
	END LOOP;
END;
$$;
SELECT anxin_count_attach();
