-- Mirrors sqlite/V7: the pruner looks for the oldest events and the oldest finished deliveries.
CREATE INDEX events_by_received ON events (received_ns);
CREATE INDEX deliveries_finished_by_created ON deliveries (created_ns)
    WHERE state IN ('SUCCEEDED', 'DEAD', 'FILTERED');
