-- Events as received, with how they were processed. A rowid table: bodies can be large.
CREATE TABLE events (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    type         TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    time_ns      INTEGER NOT NULL,
    received_ns  INTEGER NOT NULL,
    content_mode TEXT    NOT NULL,
    fingerprint  TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('APPLIED', 'STORED', 'UNPROCESSED')),
    cloud_id     TEXT,
    detail       TEXT    NOT NULL,
    body         TEXT    NOT NULL
);

-- Listing by status in arrival order (the unprocessed ones, to reprocess them).
CREATE INDEX events_by_status ON events (status, seq);

-- Per-workspace counters, kept in the same transaction as the blocks they count.
CREATE TABLE workspaces (
    cloud_id           TEXT    NOT NULL PRIMARY KEY,
    blocked_objects    INTEGER NOT NULL DEFAULT 0,
    blocked_containers INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The hot table: point look-ups and ordered scans by primary key, so no rowid.
CREATE TABLE blocked_objects (
    cloud_id      TEXT    NOT NULL,
    product       TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    object_id     TEXT    NOT NULL,
    blocked_at_ns INTEGER NOT NULL,
    event_id      TEXT    NOT NULL,
    PRIMARY KEY (cloud_id, product, type, object_id)
) WITHOUT ROWID;

CREATE TABLE blocked_containers (
    cloud_id      TEXT    NOT NULL,
    product       TEXT    NOT NULL,
    container_id  TEXT    NOT NULL,
    blocked_at_ns INTEGER NOT NULL,
    event_id      TEXT    NOT NULL,
    PRIMARY KEY (cloud_id, product, container_id)
) WITHOUT ROWID;
