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
