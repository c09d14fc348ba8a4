-- 0004_scope.sql - the enterprise model of the row scope (issue 7,
-- docs/security.md "Review findings"): which enterprise supplied a
-- worker's data itself, and the changes of workers' bank cards waiting
-- to be written to the audit log by the transaction that made them.

-- An enterprise may register an employment of a person only when it
-- employs the person now or supplied the person's data itself (a worker
-- row it wrote): registering an employment never hands it someone
-- else's data. Rows are added by the HTTP layer's write check, inside
-- the write's transaction.
CREATE TABLE worker_suppliers (
	id_number TEXT NOT NULL,
	uscc TEXT NOT NULL,
	PRIMARY KEY (id_number, uscc)
) WITHOUT ROWID;

-- Every change of a worker's bank card (money: the card wages are paid
-- to), whoever makes it - API, upload, CLI import. The trigger notes it;
-- the writing transaction turns each note into a bank_card_change audit
-- row (values masked) and deletes it before it commits.
CREATE TABLE worker_card_changes (
	seq INTEGER PRIMARY KEY,
	worker_id INTEGER NOT NULL,
	id_number TEXT NOT NULL,
	old_card TEXT,
	new_card TEXT
);
CREATE TRIGGER workers_card_change AFTER UPDATE OF bank_card ON workers
WHEN old.bank_card IS NOT new.bank_card
BEGIN
	INSERT INTO worker_card_changes (worker_id, id_number, old_card, new_card)
	VALUES (new.id, new.id_number, old.bank_card, new.bank_card);
END;
