-- 0009_versions.sql - the change counter of every table (db.h, "What a
-- computed result depends on"): the store bumps a table's counter in the
-- transaction of every write to it, so the response cache (http/cache.c)
-- keeps a page until a table it was computed from changes - not until any
-- commit at all. One table per file: a transaction of the desk lane never
-- writes the main file, so the desk's tables count in the desk.
CREATE TABLE data_versions (
	name TEXT PRIMARY KEY,   -- a table of the main file
	v INTEGER NOT NULL       -- bumped by one per transaction that wrote it
);
CREATE TABLE desk.desk_versions (
	name TEXT PRIMARY KEY,   -- a table of the desk file
	v INTEGER NOT NULL
);

-- A street's projects by contract amount (the project list's sort of
-- the 驾驶舱 and of `bench/api.sh`): the page is read off the index, no
-- sort of the street's projects.
CREATE INDEX projects_street_amount ON projects(street, contract_amount);
