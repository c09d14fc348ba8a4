-- 0007_warn_review.sql - the warning centre as a place to work in (issue 8,
-- item 4): a red warning's elimination waits for a second person's
-- confirmation (复核), and an elimination can carry evidence files (a bank
-- receipt). All in the desk file: these are short warning-action writes
-- (docs/architecture.md, "Two write lanes"). See docs/warnings.md,
-- "Working on warnings".

-- A pending 复核: who asked to eliminate (user name), on which day, and the
-- reason they gave. Set while status is not 'eliminated'; the API reports
-- such a warning with status "review" (待复核). Confirming eliminates it
-- with that reason; rejecting clears the three columns.
ALTER TABLE desk.warnings ADD COLUMN review_by TEXT;
ALTER TABLE desk.warnings ADD COLUMN review_on TEXT;
ALTER TABLE desk.warnings ADD COLUMN review_reason TEXT;

-- The history gains the 复核 steps and attached files: the CHECK of the
-- event column is part of the table, so the table is rebuilt (rows and ids
-- as they were).
CREATE TABLE desk.warning_events_v7 (
	id INTEGER PRIMARY KEY,
	warning_id INTEGER NOT NULL REFERENCES warnings(id),
	event TEXT NOT NULL CHECK (event IN ('raised', 'updated', 'eliminated', 'assigned',
		'escalated', 'supervised', 'review_requested', 'review_confirmed', 'review_rejected', 'attached')),
	on_date TEXT NOT NULL,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	level TEXT,
	reason TEXT
);
INSERT INTO desk.warning_events_v7 SELECT * FROM desk.warning_events;
DROP TABLE desk.warning_events;
ALTER TABLE desk.warning_events_v7 RENAME TO warning_events;
CREATE INDEX desk.warning_events_warning ON warning_events(warning_id);

-- Evidence files of a warning. The bytes live beside the database in
-- FILE-files/<first two hex digits>/<sha256> (content-addressed: the same
-- receipt attached twice is stored once); this row says which warning it
-- belongs to, under which name it was uploaded and by whom.
CREATE TABLE desk.warning_files (
	id INTEGER PRIMARY KEY,
	warning_id INTEGER NOT NULL REFERENCES warnings(id),
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	name TEXT NOT NULL,
	mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
	size INTEGER NOT NULL,
	uploaded_by TEXT NOT NULL,
	uploaded_at TEXT NOT NULL
);
CREATE INDEX desk.warning_files_warning ON warning_files(warning_id);
