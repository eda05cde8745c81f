-- One row per event per subscription: the durable delivery schedule (issue 4).
-- due_ns is set exactly when the delivery waits for an attempt (PENDING, RETRY_SCHEDULED);
-- started_ns and lease_ns exactly when one is running (IN_FLIGHT).
CREATE TABLE deliveries (
    seq           INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    event_id      TEXT    NOT NULL REFERENCES events (id),
    event_type    TEXT    NOT NULL,
    subscription  TEXT    NOT NULL,
    created_ns    INTEGER NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN
                      ('PENDING', 'IN_FLIGHT', 'SUCCEEDED', 'RETRY_SCHEDULED', 'DEAD', 'FILTERED')),
    budget        INTEGER NOT NULL,
    due_ns        INTEGER,
    started_ns    INTEGER,
    lease_ns      INTEGER,
    filter_reason TEXT,
    version       INTEGER NOT NULL,
    UNIQUE (event_id, subscription)
);

-- The worker's two questions: what is due (earliest first), and which lease ran out.
CREATE INDEX deliveries_due ON deliveries (due_ns, seq) WHERE due_ns IS NOT NULL;
CREATE INDEX deliveries_lease ON deliveries (lease_ns, seq) WHERE lease_ns IS NOT NULL;
-- The API's list by state in creation order.
CREATE INDEX deliveries_state ON deliveries (state, seq);

-- Finished attempts, at most 25 per delivery (the domain's history).
CREATE TABLE delivery_attempts (
    delivery_seq  INTEGER NOT NULL REFERENCES deliveries (seq),
    budget        INTEGER NOT NULL,
    number        INTEGER NOT NULL,
    started_ns    INTEGER NOT NULL,
    ended_ns      INTEGER NOT NULL,
    result        TEXT    NOT NULL CHECK (result IN ('SUCCEEDED', 'RETRY_REQUESTED', 'FAILED', 'PERMANENT_FAILURE')),
    failure_kind  TEXT,
    retry_after_s INTEGER,
    retry_reason  TEXT,
    retry_data    TEXT,
    notes         TEXT,
    detail        TEXT,
    PRIMARY KEY (delivery_seq, budget, number)
) WITHOUT ROWID;
