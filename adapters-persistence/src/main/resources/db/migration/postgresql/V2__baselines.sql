-- PostgreSQL mirror of sqlite/V2__baselines.sql (docs/scaling.md: how to add a migration).
-- Baselines (docs/baselines.md, docs/decisions/0004-baselines.md).
--
-- blocked_objects and blocked_containers stay the answer tables: one row per blocked thing,
-- holding its EARLIEST block fact (event_id is then the id of an event or of a baseline).
-- The other facts of things named by more than one event or baseline are kept below, so that
-- a baseline that deletes the earliest fact can promote the next one.

-- Baselines imported, per workspace; id is unique within its workspace.
CREATE TABLE baselines (
    cloud_id    TEXT COLLATE "C" NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    time_ns     BIGINT NOT NULL,
    product     TEXT COLLATE "C" NOT NULL,
    types       TEXT COLLATE "C",              -- the types, one per line; NULL: every type of the product
    containers  BIGINT,           -- how many containers it lists; NULL: containers out of scope
    objects     BIGINT NOT NULL,  -- how many distinct objects it lists
    fingerprint TEXT COLLATE "C" NOT NULL,
    received_ns BIGINT NOT NULL,
    PRIMARY KEY (cloud_id, id)
);

-- The latest baseline (time, then id) covering each (product, type); type '' = every type.
CREATE TABLE object_coverage (
    cloud_id    TEXT COLLATE "C" NOT NULL,
    product     TEXT COLLATE "C" NOT NULL,
    type        TEXT COLLATE "C" NOT NULL,
    time_ns     BIGINT NOT NULL,
    baseline_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cloud_id, product, type)
);

-- The latest baseline covering the containers of each product.
CREATE TABLE container_coverage (
    cloud_id    TEXT COLLATE "C" NOT NULL,
    product     TEXT COLLATE "C" NOT NULL,
    time_ns     BIGINT NOT NULL,
    baseline_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cloud_id, product)
);

-- Block facts other than the earliest (which is the row in blocked_objects).
CREATE TABLE object_block_facts (
    cloud_id      TEXT COLLATE "C" NOT NULL,
    product       TEXT COLLATE "C" NOT NULL,
    type          TEXT COLLATE "C" NOT NULL,
    object_id     TEXT COLLATE "C" NOT NULL,
    blocked_at_ns BIGINT NOT NULL,
    source_id     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cloud_id, product, type, object_id, blocked_at_ns, source_id)
);

CREATE TABLE container_block_facts (
    cloud_id      TEXT COLLATE "C" NOT NULL,
    product       TEXT COLLATE "C" NOT NULL,
    container_id  TEXT COLLATE "C" NOT NULL,
    blocked_at_ns BIGINT NOT NULL,
    source_id     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cloud_id, product, container_id, blocked_at_ns, source_id)
);
