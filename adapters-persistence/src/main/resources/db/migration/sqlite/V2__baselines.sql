-- Baselines (docs/baselines.md, docs/decisions/0004-baselines.md).
--
-- blocked_objects and blocked_containers stay the answer tables: one row per blocked thing,
-- holding its EARLIEST block fact (event_id is then the id of an event or of a baseline).
-- The other facts of things named by more than one event or baseline are kept below, so that
-- a baseline that deletes the earliest fact can promote the next one.

-- Baselines imported, per workspace; id is unique within its workspace.
CREATE TABLE baselines (
    cloud_id    TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    time_ns     INTEGER NOT NULL,
    product     TEXT    NOT NULL,
    types       TEXT,              -- the types, one per line; NULL: every type of the product
    containers  INTEGER,           -- how many containers it lists; NULL: containers out of scope
    objects     INTEGER NOT NULL,  -- how many distinct objects it lists
    fingerprint TEXT    NOT NULL,
    received_ns INTEGER NOT NULL,
    PRIMARY KEY (cloud_id, id)
) WITHOUT ROWID;

-- The latest baseline (time, then id) covering each (product, type); type '' = every type.
CREATE TABLE object_coverage (
    cloud_id    TEXT    NOT NULL,
    product     TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    time_ns     INTEGER NOT NULL,
    baseline_id TEXT    NOT NULL,
    PRIMARY KEY (cloud_id, product, type)
) WITHOUT ROWID;

-- The latest baseline covering the containers of each product.
CREATE TABLE container_coverage (
    cloud_id    TEXT    NOT NULL,
    product     TEXT    NOT NULL,
    time_ns     INTEGER NOT NULL,
    baseline_id TEXT    NOT NULL,
    PRIMARY KEY (cloud_id, product)
) WITHOUT ROWID;

-- Block facts other than the earliest (which is the row in blocked_objects).
CREATE TABLE object_block_facts (
    cloud_id      TEXT    NOT NULL,
    product       TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    object_id     TEXT    NOT NULL,
    blocked_at_ns INTEGER NOT NULL,
    source_id     TEXT    NOT NULL,
    PRIMARY KEY (cloud_id, product, type, object_id, blocked_at_ns, source_id)
) WITHOUT ROWID;

CREATE TABLE container_block_facts (
    cloud_id      TEXT    NOT NULL,
    product       TEXT    NOT NULL,
    container_id  TEXT    NOT NULL,
    blocked_at_ns INTEGER NOT NULL,
    source_id     TEXT    NOT NULL,
    PRIMARY KEY (cloud_id, product, container_id, blocked_at_ns, source_id)
) WITHOUT ROWID;
