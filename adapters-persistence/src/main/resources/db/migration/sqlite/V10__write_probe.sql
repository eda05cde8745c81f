-- One row that readiness rewrites to prove the file takes a write (issue 9, storage faults):
-- a lock held by another process, a full disk or a read-only file makes that write fail.
CREATE TABLE write_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    probed_at  INTEGER NOT NULL
);
INSERT INTO write_probe (id, probed_at) VALUES (1, 0);
