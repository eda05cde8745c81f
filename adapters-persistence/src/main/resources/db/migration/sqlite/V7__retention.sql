-- Retention (docs/operations.md, ACCESSGATE_RETENTION): the pruner looks for the oldest events
-- and the oldest finished deliveries; without these it would scan both tables every run.
CREATE INDEX events_by_received ON events (received_ns);
CREATE INDEX deliveries_finished_by_created ON deliveries (created_ns)
    WHERE state IN ('SUCCEEDED', 'DEAD', 'FILTERED');
