-- PostgreSQL mirror of sqlite/V6__migration_transfers.sql (docs/scaling.md: how to add a migration).
-- App migration transfers, kept as their distinct events (one row per transfer and event key:
-- the messageId, or sha256:<digest of the body>). The state of a transfer is derived from its
-- rows by the domain (MigrationTransfer), so it cannot depend on the order they arrived in.
-- The raw bodies are in the events table (id 'migration:<event_key>').
CREATE TABLE migration_transfer_events (
    transfer_id           TEXT COLLATE "C" NOT NULL,
    event_key             TEXT COLLATE "C" NOT NULL,
    received_ns           BIGINT NOT NULL,
    fingerprint           TEXT COLLATE "C" NOT NULL,
    sender                TEXT COLLATE "C" NOT NULL,
    event_type            TEXT COLLATE "C" NOT NULL,
    message_id            TEXT COLLATE "C",
    cloud_app_key         TEXT COLLATE "C",
    server_app_version    TEXT COLLATE "C",
    -- migrationDetails: has_details tells an empty object from none at all.
    has_details           BIGINT NOT NULL CHECK (has_details IN (0, 1)),
    migration_id          TEXT COLLATE "C",
    migration_scope_id    TEXT COLLATE "C",
    migration_name        TEXT COLLATE "C",
    created_at_s          BIGINT,
    jira_client_key       TEXT COLLATE "C",
    confluence_client_key TEXT COLLATE "C",
    cloud_url             TEXT COLLATE "C",
    s3_key                TEXT COLLATE "C",
    label                 TEXT COLLATE "C",
    original_transfer_id  TEXT COLLATE "C",
    PRIMARY KEY (transfer_id, event_key)
);
