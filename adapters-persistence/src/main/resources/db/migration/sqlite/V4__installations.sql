-- Forge lifecycle events, one row per distinct occurrence (occurrence_key = every field but
-- the received time; a redelivery only lowers received_ns). Installations are derived from these.
CREATE TABLE forge_lifecycle_events (
    installation_id   TEXT    NOT NULL,
    occurrence_key    TEXT    NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('INSTALLED', 'UPGRADED')),
    app_id            TEXT    NOT NULL,
    app_version       TEXT    NOT NULL,
    app_name          TEXT,
    owner_account_id  TEXT,
    environment_id    TEXT,
    context           TEXT,
    cloud_id          TEXT,
    account_id        TEXT,
    received_ns       INTEGER NOT NULL,
    PRIMARY KEY (installation_id, occurrence_key)
) WITHOUT ROWID;

CREATE INDEX forge_lifecycle_events_by_cloud_id ON forge_lifecycle_events (cloud_id);

-- Connect clients. shared_secret is sealed text: 'aes-gcm:v1:<base64>' when a key is set,
-- 'plain:<secret>' otherwise. revision grows on every install (compare-and-set on reinstall).
CREATE TABLE connect_installations (
    client_key    TEXT    NOT NULL PRIMARY KEY,
    app_key       TEXT    NOT NULL,
    base_url      TEXT    NOT NULL,
    site          TEXT    NOT NULL,
    cloud_id      TEXT,
    state         TEXT    NOT NULL CHECK (state IN ('INSTALLED', 'ENABLED', 'DISABLED', 'UNINSTALLED')),
    shared_secret TEXT    NOT NULL,
    revision      INTEGER NOT NULL,
    installed_ns  INTEGER NOT NULL,
    updated_ns    INTEGER NOT NULL
);

CREATE INDEX connect_installations_by_site ON connect_installations (site, updated_ns);

-- The other fields of the latest install payload (never the shared secret).
CREATE TABLE connect_installation_attributes (
    client_key TEXT NOT NULL REFERENCES connect_installations (client_key) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (client_key, name)
) WITHOUT ROWID;
