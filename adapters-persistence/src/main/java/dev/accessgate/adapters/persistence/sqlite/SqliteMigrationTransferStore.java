package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.domain.migration.MigrationDetails;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationEventType;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Transfers as rows of their distinct events ({@code migration_transfer_events}, V6). The
 * domain's rule for two deliveries of one key (the first in {@link MigrationTransfer#PRECEDENCE}
 * is kept) is applied in the upsert; the state is folded from the rows by the domain. Calls
 * inside a {@link SqliteUnitOfWork} join its transaction.
 */
public final class SqliteMigrationTransferStore implements MigrationTransferStore {

    private static final String COLUMNS = """
            transfer_id, event_key, received_ns, fingerprint, sender, event_type, message_id, cloud_app_key,
            server_app_version, has_details, migration_id, migration_scope_id, migration_name, created_at_s,
            jira_client_key, confluence_client_key, cloud_url, s3_key, label, original_transfer_id""";

    private static final String UPSERT = "INSERT INTO migration_transfer_events (" + COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (transfer_id, event_key) DO UPDATE SET
                received_ns = excluded.received_ns, fingerprint = excluded.fingerprint, sender = excluded.sender,
                event_type = excluded.event_type, message_id = excluded.message_id,
                cloud_app_key = excluded.cloud_app_key, server_app_version = excluded.server_app_version,
                has_details = excluded.has_details, migration_id = excluded.migration_id,
                migration_scope_id = excluded.migration_scope_id, migration_name = excluded.migration_name,
                created_at_s = excluded.created_at_s, jira_client_key = excluded.jira_client_key,
                confluence_client_key = excluded.confluence_client_key, cloud_url = excluded.cloud_url,
                s3_key = excluded.s3_key, label = excluded.label, original_transfer_id = excluded.original_transfer_id
            WHERE (excluded.received_ns, excluded.fingerprint, excluded.sender)
                < (migration_transfer_events.received_ns, migration_transfer_events.fingerprint,
                   migration_transfer_events.sender)""";

    private final Database db;

    public SqliteMigrationTransferStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void add(MigrationEvent event) {
        TransferId transfer = event.transferId()
                .orElseThrow(() -> new IllegalArgumentException("the event names no transfer"));
        db.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                MigrationDetails details = event.details().orElse(MigrationDetails.none());
                int i = 1;
                upsert.setString(i++, transfer.value());
                upsert.setString(i++, event.key());
                upsert.setLong(i++, Nanos.of(event.receivedAt()));
                upsert.setString(i++, event.fingerprint());
                upsert.setString(i++, event.sender());
                upsert.setString(i++, event.type().name());
                setText(upsert, i++, event.messageId());
                setText(upsert, i++, event.cloudAppKey());
                setText(upsert, i++, event.serverAppVersion());
                upsert.setInt(i++, event.details().isPresent() ? 1 : 0);
                setText(upsert, i++, details.migrationId());
                setText(upsert, i++, details.migrationScopeId());
                setText(upsert, i++, details.name());
                if (details.createdAt().isPresent()) {
                    upsert.setLong(i++, details.createdAt().get().getEpochSecond());
                } else {
                    upsert.setNull(i++, Types.INTEGER);
                }
                setText(upsert, i++, details.jiraClientKey());
                setText(upsert, i++, details.confluenceClientKey());
                setText(upsert, i++, details.cloudUrl());
                setText(upsert, i++, event.s3Key());
                setText(upsert, i++, event.label());
                setText(upsert, i, event.originalTransferId().map(TransferId::value));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private static void setText(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        statement.setString(index, value.orElse(null));
    }

    @Override
    public Optional<MigrationTransfer> transfer(TransferId id) {
        Map<TransferId, List<MigrationEvent>> found = db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM migration_transfer_events WHERE transfer_id = ?")) {
                select.setString(1, id.value());
                return events(select);
            }
        });
        return Optional.ofNullable(found.get(id)).map(events -> MigrationTransfer.of(id, events));
    }

    @Override
    public List<MigrationTransfer> transfers(Optional<TransferId> after, int limit) {
        Map<TransferId, List<MigrationEvent>> found = db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + """
                     FROM migration_transfer_events WHERE transfer_id IN (
                        SELECT DISTINCT transfer_id FROM migration_transfer_events WHERE transfer_id > ?
                        ORDER BY transfer_id LIMIT ?)
                    ORDER BY transfer_id""")) {
                select.setString(1, after.map(TransferId::value).orElse(""));
                select.setInt(2, limit);
                return events(select);
            }
        });
        List<MigrationTransfer> transfers = new ArrayList<>(found.size());
        found.forEach((id, events) -> transfers.add(MigrationTransfer.of(id, events)));
        return transfers;
    }

    /** The events the query selects, grouped by transfer in the order the rows come. */
    private static Map<TransferId, List<MigrationEvent>> events(PreparedStatement select) throws SQLException {
        Map<TransferId, List<MigrationEvent>> byTransfer = new LinkedHashMap<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                TransferId transfer = new TransferId(row.getString("transfer_id"));
                byTransfer.computeIfAbsent(transfer, t -> new ArrayList<>()).add(event(transfer, row));
            }
        }
        return byTransfer;
    }

    private static MigrationEvent event(TransferId transfer, ResultSet row) throws SQLException {
        Optional<MigrationDetails> details = Optional.empty();
        if (row.getInt("has_details") == 1) {
            long createdAt = row.getLong("created_at_s");
            Optional<Instant> created = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(createdAt));
            details = Optional.of(new MigrationDetails(text(row, "migration_id"), text(row, "migration_scope_id"),
                    text(row, "migration_name"), created, text(row, "jira_client_key"),
                    text(row, "confluence_client_key"), text(row, "cloud_url")));
        }
        return new MigrationEvent(new MigrationEventType(row.getString("event_type")), Optional.of(transfer),
                text(row, "message_id"), row.getString("fingerprint"), row.getString("sender"),
                text(row, "cloud_app_key"), text(row, "server_app_version"), details, text(row, "s3_key"),
                text(row, "label"), text(row, "original_transfer_id").map(TransferId::new),
                Nanos.toInstant(row.getLong("received_ns")));
    }

    private static Optional<String> text(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }
}
