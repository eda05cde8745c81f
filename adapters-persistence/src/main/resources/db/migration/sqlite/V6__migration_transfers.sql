-- App migration transfers, kept as their distinct events (one row per transfer and event key:
-- the messageId, or sha256:<digest of the body>). The state of a transfer is derived from its
-- rows by the domain (MigrationTransfer), so it cannot depend on the order they arrived in.
-- The raw bodies are in the events table (id 'migration:<event_key>').
CREATE TABLE migration_transfer_events (
    transfer_id           TEXT    NOT NULL,
    event_key             TEXT    NOT NULL,
    received_ns           INTEGER NOT NULL,
    fingerprint           TEXT    NOT NULL,
    sender                TEXT    NOT NULL,
    event_type            TEXT    NOT NULL,
    message_id            TEXT,
    cloud_app_key         TEXT,
    server_app_version    TEXT,
    -- migrationDetails: has_details tells an empty object from none at all.
    has_details           INTEGER NOT NULL CHECK (has_details IN (0, 1)),
    migration_id          TEXT,
    migration_scope_id    TEXT,
    migration_name        TEXT,
    created_at_s          INTEGER,
    jira_client_key       TEXT,
    confluence_client_key TEXT,
    cloud_url             TEXT,
    s3_key                TEXT,
    label                 TEXT,
    original_transfer_id  TEXT,
    PRIMARY KEY (transfer_id, event_key)
) WITHOUT ROWID;
