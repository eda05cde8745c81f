-- Mirrors sqlite/V10 so both layouts keep the same versions; readiness probes writes on SQLite only
-- (a PostgreSQL server reports its own faults on every statement).
CREATE TABLE write_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    probed_at  BIGINT NOT NULL
);
INSERT INTO write_probe (id, probed_at) VALUES (1, 0);
