-- PostgreSQL mirror of sqlite/V4__installations.sql (docs/scaling.md: how to add a migration).
-- Forge lifecycle events, one row per distinct occurrence (occurrence_key = every field but
-- the received time; a redelivery only lowers received_ns). Installations are derived from these.
CREATE TABLE forge_lifecycle_events (
    installation_id   TEXT COLLATE "C" NOT NULL,
    occurrence_key    TEXT COLLATE "C" NOT NULL,
    kind              TEXT COLLATE "C" NOT NULL CHECK (kind IN ('INSTALLED', 'UPGRADED')),
    app_id            TEXT COLLATE "C" NOT NULL,
    app_version       TEXT COLLATE "C" NOT NULL,
    app_name          TEXT COLLATE "C",
    owner_account_id  TEXT COLLATE "C",
    environment_id    TEXT COLLATE "C",
    context           TEXT COLLATE "C",
    cloud_id          TEXT COLLATE "C",
    account_id        TEXT COLLATE "C",
    received_ns       BIGINT NOT NULL,
    PRIMARY KEY (installation_id, occurrence_key)
);

CREATE INDEX forge_lifecycle_events_by_cloud_id ON forge_lifecycle_events (cloud_id);

-- Connect clients. shared_secret is sealed text: 'aes-gcm:v1:<base64>' when a key is set,
-- 'plain:<secret>' otherwise. revision grows on every install (compare-and-set on reinstall).
CREATE TABLE connect_installations (
    client_key    TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    app_key       TEXT COLLATE "C" NOT NULL,
    base_url      TEXT COLLATE "C" NOT NULL,
    site          TEXT COLLATE "C" NOT NULL,
    cloud_id      TEXT COLLATE "C",
    state         TEXT COLLATE "C" NOT NULL CHECK (state IN ('INSTALLED', 'ENABLED', 'DISABLED', 'UNINSTALLED')),
    shared_secret TEXT COLLATE "C" NOT NULL,
    revision      BIGINT NOT NULL,
    installed_ns  BIGINT NOT NULL,
    updated_ns    BIGINT NOT NULL
);

CREATE INDEX connect_installations_by_site ON connect_installations (site, updated_ns);

-- The other fields of the latest install payload (never the shared secret).
CREATE TABLE connect_installation_attributes (
    client_key TEXT COLLATE "C" NOT NULL REFERENCES connect_installations (client_key) ON DELETE CASCADE,
    name       TEXT COLLATE "C" NOT NULL,
    value      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (client_key, name)
);
