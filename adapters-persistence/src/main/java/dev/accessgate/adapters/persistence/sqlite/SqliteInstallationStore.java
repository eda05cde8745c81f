package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.application.model.ConnectClient;
import dev.accessgate.application.port.out.ConnectInstallationStore;
import dev.accessgate.application.port.out.ForgeInstallationStore;
import dev.accessgate.domain.installation.AppVersion;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.ForgeApp;
import dev.accessgate.domain.installation.ForgeInstallation;
import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import dev.accessgate.domain.installation.InstallationContext;
import dev.accessgate.domain.installation.LifecycleKind;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Forge and Connect installations in the SQLite file. Shared secrets are sealed by a
 * {@link SecretSealer} before they are written; opening the store checks that the configured
 * key can read the secrets already stored, so a wrong or missing key fails at start-up, not
 * at the first request.
 */
public final class SqliteInstallationStore implements ForgeInstallationStore, ConnectInstallationStore {

    private final Database db;
    private final SecretSealer sealer;

    public SqliteInstallationStore(Database db, SecretSealer sealer) {
        this.db = Objects.requireNonNull(db, "db");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        checkSecretsReadable();
    }

    private void checkSecretsReadable() {
        db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT client_key, shared_secret FROM connect_installations
                    WHERE shared_secret NOT LIKE 'plain:%' LIMIT 1""");
                 ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    sealer.open(rows.getString(1), rows.getString(2));
                }
                return null;
            }
        });
    }

    // --- Forge -------------------------------------------------------------------------------

    @Override
    public Outcome record(ForgeLifecycleEvent event) {
        return db.write(c -> {
            boolean first;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO forge_lifecycle_events (installation_id, occurrence_key, kind, app_id, app_version,
                        app_name, owner_account_id, environment_id, context, cloud_id, account_id, received_ns)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (installation_id, occurrence_key) DO NOTHING""")) {
                insert.setString(1, event.installationId());
                insert.setString(2, event.occurrenceKey());
                insert.setString(3, event.kind().name());
                insert.setString(4, event.app().id());
                insert.setString(5, event.app().version().value());
                insert.setString(6, event.app().name().orElse(null));
                insert.setString(7, event.app().ownerAccountId().orElse(null));
                insert.setString(8, event.environmentId().orElse(null));
                insert.setString(9, event.context().map(InstallationContext::ari).orElse(null));
                insert.setString(10, event.context().flatMap(InstallationContext::workspace)
                        .map(WorkspaceId::cloudId).orElse(null));
                insert.setString(11, event.accountId().orElse(null));
                insert.setLong(12, Nanos.of(event.receivedAt()));
                first = insert.executeUpdate() == 1;
            }
            if (!first) {
                try (PreparedStatement earliest = c.prepareStatement("""
                        UPDATE forge_lifecycle_events SET received_ns = ?
                        WHERE installation_id = ? AND occurrence_key = ? AND received_ns > ?""")) {
                    earliest.setLong(1, Nanos.of(event.receivedAt()));
                    earliest.setString(2, event.installationId());
                    earliest.setString(3, event.occurrenceKey());
                    earliest.setLong(4, Nanos.of(event.receivedAt()));
                    earliest.executeUpdate();
                }
            }
            return new Outcome(loadForge(c, event.installationId()).orElseThrow(), first);
        });
    }

    @Override
    public Optional<ForgeInstallation> forgeInstallation(String installationId) {
        return db.read(c -> loadForge(c, installationId));
    }

    @Override
    public List<ForgeInstallation> forgeInstallations() {
        return db.read(c -> {
            Map<String, List<ForgeLifecycleEvent>> byId = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement(FORGE_COLUMNS + " ORDER BY installation_id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ForgeLifecycleEvent event = forgeEvent(rows);
                    byId.computeIfAbsent(event.installationId(), id -> new ArrayList<>()).add(event);
                }
            }
            return byId.entrySet().stream().map(e -> new ForgeInstallation(e.getKey(), e.getValue())).toList();
        });
    }

    private static final String FORGE_COLUMNS = """
            SELECT installation_id, kind, app_id, app_version, app_name, owner_account_id, environment_id, context,
                   account_id, received_ns
            FROM forge_lifecycle_events""";

    private static Optional<ForgeInstallation> loadForge(Connection c, String installationId) throws SQLException {
        List<ForgeLifecycleEvent> events = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(FORGE_COLUMNS + " WHERE installation_id = ?")) {
            select.setString(1, installationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(forgeEvent(rows));
                }
            }
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(new ForgeInstallation(installationId, events));
    }

    private static ForgeLifecycleEvent forgeEvent(ResultSet row) throws SQLException {
        return new ForgeLifecycleEvent(LifecycleKind.valueOf(row.getString(2)), row.getString(1),
                new ForgeApp(row.getString(3), new AppVersion(row.getString(4)), optional(row, 5), optional(row, 6)),
                optional(row, 7), optional(row, 8).map(InstallationContext::parse), optional(row, 9),
                Nanos.toInstant(row.getLong(10)));
    }

    // --- Connect -----------------------------------------------------------------------------

    @Override
    public Optional<ConnectClient> client(String clientKey) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(CONNECT_COLUMNS + " WHERE client_key = ?")) {
                select.setString(1, clientKey);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    ConnectInstallation installation = connectInstallation(rows, attributes(c, clientKey));
                    return Optional.of(new ConnectClient(installation, sealer.open(clientKey, rows.getString(8)),
                            rows.getLong(9)));
                }
            }
        });
    }

    @Override
    public OptionalLong save(ConnectInstallation installation, SharedSecret secret, OptionalLong expectedRevision) {
        String sealed = sealer.seal(installation.clientKey(), secret);
        return db.write(c -> {
            OptionalLong current = OptionalLong.empty();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT revision FROM connect_installations WHERE client_key = ?")) {
                select.setString(1, installation.clientKey());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        current = OptionalLong.of(rows.getLong(1));
                    }
                }
            }
            if (!current.equals(expectedRevision)) {
                return OptionalLong.empty();
            }
            long revision = current.isPresent() ? current.getAsLong() + 1 : 1;
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO connect_installations (client_key, app_key, base_url, site, cloud_id, state,
                        shared_secret, revision, installed_ns, updated_ns)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (client_key) DO UPDATE SET app_key = excluded.app_key, base_url = excluded.base_url,
                        site = excluded.site, cloud_id = excluded.cloud_id, state = excluded.state,
                        shared_secret = excluded.shared_secret, revision = excluded.revision,
                        installed_ns = excluded.installed_ns, updated_ns = excluded.updated_ns
                    WHERE connect_installations.revision = ?""")) {
                upsert.setString(1, installation.clientKey());
                upsert.setString(2, installation.appKey());
                upsert.setString(3, installation.baseUrl().value());
                upsert.setString(4, installation.site().value());
                upsert.setString(5, installation.cloudId().map(WorkspaceId::cloudId).orElse(null));
                upsert.setString(6, installation.state().name());
                upsert.setString(7, sealed);
                upsert.setLong(8, revision);
                upsert.setLong(9, Nanos.of(installation.installedAt()));
                upsert.setLong(10, Nanos.of(installation.updatedAt()));
                // Compare-and-set again in the write itself: another instance may have saved
                // since the read above (never NULL = NULL, so a first install never overwrites).
                upsert.setLong(11, current.orElse(-1));
                if (upsert.executeUpdate() != 1) {
                    return OptionalLong.empty();
                }
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM connect_installation_attributes WHERE client_key = ?")) {
                delete.setString(1, installation.clientKey());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO connect_installation_attributes (client_key, name, value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> attribute : installation.attributes().entrySet()) {
                    insert.setString(1, installation.clientKey());
                    insert.setString(2, attribute.getKey());
                    insert.setString(3, attribute.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return OptionalLong.of(revision);
        });
    }

    @Override
    public boolean changeState(String clientKey, ConnectState state, Instant at) {
        return db.write(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE connect_installations SET state = ?, updated_ns = ? WHERE client_key = ?")) {
                update.setString(1, state.name());
                update.setLong(2, Nanos.of(at));
                update.setString(3, clientKey);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<ConnectInstallation> connectInstallations() {
        return db.read(c -> {
            Map<String, Map<String, String>> attributes = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT client_key, name, value FROM connect_installation_attributes");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attributes.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
            List<ConnectInstallation> all = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(CONNECT_COLUMNS + " ORDER BY client_key");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(connectInstallation(rows, attributes.getOrDefault(rows.getString(1), Map.of())));
                }
            }
            return all;
        });
    }

    @Override
    public Optional<WorkspaceId> workspaceOf(SiteUrl site) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT cloud_id FROM connect_installations
                    WHERE site = ? AND cloud_id IS NOT NULL
                    ORDER BY updated_ns DESC, client_key DESC LIMIT 1""")) {
                select.setString(1, ConnectInstallation.origin(site).value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new WorkspaceId(rows.getString(1))) : Optional.empty();
                }
            }
        });
    }

    private static final String CONNECT_COLUMNS = """
            SELECT client_key, app_key, base_url, cloud_id, state, installed_ns, updated_ns, shared_secret, revision
            FROM connect_installations""";

    private static ConnectInstallation connectInstallation(ResultSet row, Map<String, String> attributes)
            throws SQLException {
        return new ConnectInstallation(row.getString(1), row.getString(2), SiteUrl.of(row.getString(3)),
                optional(row, 4).map(WorkspaceId::new), ConnectState.valueOf(row.getString(5)), attributes,
                Nanos.toInstant(row.getLong(6)), Nanos.toInstant(row.getLong(7)));
    }

    private static Map<String, String> attributes(Connection c, String clientKey) throws SQLException {
        Map<String, String> attributes = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT name, value FROM connect_installation_attributes WHERE client_key = ?")) {
            select.setString(1, clientKey);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attributes.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return attributes;
    }

    private static Optional<String> optional(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }
}
