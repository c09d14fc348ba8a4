-- 0006_supervise.sql - 督办 (issue 8, item 7): a leader's supervision of a
-- warning is an event of its history ('supervised', the note as its
-- reason), read by whoever handles it. SQLite cannot change a CHECK
-- constraint, so desk.warning_events is rebuilt with the new event allowed
-- (same columns, same rows and ids, same index).
CREATE TABLE desk.warning_events_new (
	id INTEGER PRIMARY KEY,
	warning_id INTEGER NOT NULL REFERENCES warnings(id),
	event TEXT NOT NULL CHECK (event IN ('raised', 'updated', 'eliminated', 'assigned', 'escalated',
					     'supervised')),
	on_date TEXT NOT NULL,               -- the scan's as-of date, or the day of the action
	at TEXT NOT NULL,                    -- UTC timestamp
	actor TEXT NOT NULL,                 -- 'scan' or the person
	level TEXT,
	reason TEXT                          -- supervised: the leader's note
);
INSERT INTO desk.warning_events_new SELECT id, warning_id, event, on_date, at, actor, level, reason
	FROM desk.warning_events;
DROP TABLE desk.warning_events;
ALTER TABLE desk.warning_events_new RENAME TO warning_events;
CREATE INDEX desk.warning_events_warning ON warning_events(warning_id);
