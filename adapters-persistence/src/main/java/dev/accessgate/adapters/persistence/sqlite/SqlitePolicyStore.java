package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.ContainerRef;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The event store and the block ledger in one SQLite file, so that an event and its effect
 * commit together. Applies the domain's rule for repeated blocks ({@link Block#earliest})
 * in SQL; the contract tests check it agrees with the domain model.
 */
public final class SqlitePolicyStore implements EventStore, BlockLedgerStore {

    /** Rows per JDBC batch: big enough to amortise the calls, small enough to bound memory. */
    private static final int BATCH = 1_000;

    private final SqliteDatabase db;

    public SqlitePolicyStore(SqliteDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public RecordOutcome record(ReceivedEvent event, Processing processing) {
        return db.write(c -> {
            if (!insertEvent(c, event, processing)) {
                return sameFingerprint(c, event)
                        ? new RecordOutcome.Duplicate(event.id())
                        : new RecordOutcome.Conflict(event.id());
            }
            return new RecordOutcome.Recorded(event.id(), applyEffect(c, processing));
        });
    }

    @Override
    public RecordOutcome reprocess(EventId id, Processing processing) {
        return db.write(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE events SET status = ?, cloud_id = ?, detail = ? WHERE id = ? AND status = 'UNPROCESSED'""")) {
                bindProcessing(update, 1, processing);
                update.setString(4, id.value());
                if (update.executeUpdate() == 0) {
                    return new RecordOutcome.Duplicate(id);
                }
            }
            return new RecordOutcome.Recorded(id, applyEffect(c, processing));
        });
    }

    private static int applyEffect(Connection c, Processing processing) throws SQLException {
        return processing instanceof Processing.Applied applied ? apply(c, applied.event()) : 0;
    }

    private static boolean insertEvent(Connection c, ReceivedEvent event, Processing processing) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO events (id, type, source, time_ns, received_ns, content_mode, fingerprint,
                                    status, cloud_id, detail, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""")) {
            insert.setString(1, event.id().value());
            insert.setString(2, event.type());
            insert.setString(3, event.source());
            insert.setLong(4, Nanos.of(event.time()));
            insert.setLong(5, Nanos.of(event.receivedAt()));
            insert.setString(6, event.contentMode());
            insert.setString(7, event.fingerprint());
            bindProcessing(insert, 8, processing);
            insert.setString(11, event.body());
            return insert.executeUpdate() == 1;
        }
    }

    /** Binds status, cloud_id and detail. */
    private static void bindProcessing(PreparedStatement statement, int first, Processing processing)
            throws SQLException {
        statement.setString(first, processing.status().name());
        statement.setString(first + 1, processing instanceof Processing.Applied applied
                ? applied.event().workspace().cloudId() : null);
        statement.setString(first + 2, processing.detail());
    }

    private static boolean sameFingerprint(Connection c, ReceivedEvent event) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT fingerprint FROM events WHERE id = ?")) {
            select.setString(1, event.id().value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getString(1).equals(event.fingerprint());
            }
        }
    }

    /** Applies one policy event; returns how many objects or containers became blocked. */
    private static int apply(Connection c, PolicyEvent event) throws SQLException {
        String cloudId = event.workspace().cloudId();
        Block block = event.block();
        int newObjects = 0;
        int newContainers = 0;
        if (event instanceof ObjectsBlocked blocked) {
            newObjects = blockObjects(c, cloudId, blocked.objects(), block);
        } else {
            newContainers = blockContainer(c, cloudId, ((ContainerBlocked) event).container(), block);
        }
        try (PreparedStatement count = c.prepareStatement("""
                INSERT INTO workspaces (cloud_id, blocked_objects, blocked_containers) VALUES (?, ?, ?)
                ON CONFLICT (cloud_id) DO UPDATE SET
                    blocked_objects = blocked_objects + excluded.blocked_objects,
                    blocked_containers = blocked_containers + excluded.blocked_containers""")) {
            count.setString(1, cloudId);
            count.setLong(2, newObjects);
            count.setLong(3, newContainers);
            count.executeUpdate();
        }
        return newObjects + newContainers;
    }

    private static int blockObjects(Connection c, String cloudId, List<ObjectRef> objects, Block block)
            throws SQLException {
        // Sorted keys turn random B-tree inserts into appends: about ten times faster.
        List<ObjectRef> sorted = new ArrayList<>(objects);
        sorted.sort(null);
        long at = Nanos.of(block.at());
        String eventId = block.eventId().value();
        int inserted = 0;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO blocked_objects (cloud_id, product, type, object_id, blocked_at_ns, event_id)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (int from = 0; from < sorted.size(); from += BATCH) {
                for (ObjectRef object : sorted.subList(from, Math.min(sorted.size(), from + BATCH))) {
                    insert.setString(1, cloudId);
                    bindObject(insert, 2, object);
                    insert.setLong(5, at);
                    insert.setString(6, eventId);
                    insert.addBatch();
                }
                inserted += sum(insert.executeBatch());
            }
        }
        if (inserted < sorted.size()) {
            keepEarliestObjectBlocks(c, cloudId, sorted, at, eventId);
        }
        return inserted;
    }

    // Objects blocked before: the earlier block wins, ties go to the smaller event id (Block.earliest).
    private static void keepEarliestObjectBlocks(Connection c, String cloudId, List<ObjectRef> objects, long at,
                                                 String eventId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE blocked_objects SET blocked_at_ns = ?, event_id = ?
                WHERE cloud_id = ? AND product = ? AND type = ? AND object_id = ?
                  AND (blocked_at_ns > ? OR (blocked_at_ns = ? AND event_id > ?))""")) {
            for (int from = 0; from < objects.size(); from += BATCH) {
                for (ObjectRef object : objects.subList(from, Math.min(objects.size(), from + BATCH))) {
                    update.setLong(1, at);
                    update.setString(2, eventId);
                    update.setString(3, cloudId);
                    bindObject(update, 4, object);
                    update.setLong(7, at);
                    update.setLong(8, at);
                    update.setString(9, eventId);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    private static int blockContainer(Connection c, String cloudId, ContainerRef container, Block block)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO blocked_containers (cloud_id, product, container_id, blocked_at_ns, event_id)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, cloudId);
            insert.setString(2, container.product().name());
            insert.setString(3, container.id());
            insert.setLong(4, Nanos.of(block.at()));
            insert.setString(5, block.eventId().value());
            if (insert.executeUpdate() == 1) {
                return 1;
            }
        }
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE blocked_containers SET blocked_at_ns = ?, event_id = ?
                WHERE cloud_id = ? AND product = ? AND container_id = ?
                  AND (blocked_at_ns > ? OR (blocked_at_ns = ? AND event_id > ?))""")) {
            update.setLong(1, Nanos.of(block.at()));
            update.setString(2, block.eventId().value());
            update.setString(3, cloudId);
            update.setString(4, container.product().name());
            update.setString(5, container.id());
            update.setLong(6, Nanos.of(block.at()));
            update.setLong(7, Nanos.of(block.at()));
            update.setString(8, block.eventId().value());
            update.executeUpdate();
        }
        return 0;
    }

    private static final String EVENT_COLUMNS = """
            SELECT seq, id, type, source, time_ns, received_ns, content_mode, body, fingerprint, status, cloud_id, detail
            FROM events""";

    @Override
    public Optional<StoredEvent> find(EventId id) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(EVENT_COLUMNS + " WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(storedEvent(row)) : Optional.<StoredEvent>empty();
                }
            }
        });
    }

    @Override
    public EventPage list(EventQuery query) {
        String sql = EVENT_COLUMNS + " WHERE seq > ?" + (query.status().isPresent() ? " AND status = ?" : "")
                + " ORDER BY seq LIMIT ?";
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                int i = 1;
                select.setLong(i++, query.after().orElse(0L));
                if (query.status().isPresent()) {
                    select.setString(i++, query.status().get().name());
                }
                select.setInt(i, query.limit() + 1);
                List<StoredEvent> events = new ArrayList<>();
                long lastSeq = 0;
                boolean more = false;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (events.size() == query.limit()) {
                            more = true;
                            break;
                        }
                        lastSeq = rows.getLong(1);
                        events.add(storedEvent(rows));
                    }
                }
                return new EventPage(events, more ? Optional.of(lastSeq) : Optional.empty());
            }
        });
    }

    @Override
    public long countUnprocessed() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT count(*) FROM events WHERE status = 'UNPROCESSED'");
                 ResultSet row = select.executeQuery()) {
                return row.getLong(1);
            }
        });
    }

    private static StoredEvent storedEvent(ResultSet row) throws SQLException {
        ReceivedEvent event = new ReceivedEvent(new EventId(row.getString(2)), row.getString(3), row.getString(4),
                Nanos.toInstant(row.getLong(5)), Nanos.toInstant(row.getLong(6)), row.getString(7), row.getString(8),
                row.getString(9));
        String cloudId = row.getString(11);
        return new StoredEvent(event, StoredEvent.Status.valueOf(row.getString(10)),
                Optional.ofNullable(cloudId).map(WorkspaceId::new), row.getString(12));
    }

    /** Objects per query of {@link #blockedAmong}: three parameters each, far below SQLite's limit. */
    private static final int CHECK_CHUNK = 500;

    @Override
    public List<BlockedObject> blockedAmong(WorkspaceId workspace, Collection<ObjectRef> objects) {
        List<ObjectRef> wanted = new ArrayList<>(new TreeSet<>(objects));
        return db.read(c -> {
            List<BlockedObject> blocked = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += CHECK_CHUNK) {
                List<ObjectRef> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHECK_CHUNK));
                String values = String.join(",", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?)"));
                try (PreparedStatement select = c.prepareStatement(
                        "WITH wanted (product, type, object_id) AS (VALUES " + values + ") "
                        + "SELECT b.product, b.type, b.object_id, b.blocked_at_ns, b.event_id "
                        + "FROM wanted w JOIN blocked_objects b ON b.cloud_id = ? AND b.product = w.product "
                        + "AND b.type = w.type AND b.object_id = w.object_id "
                        + "ORDER BY b.product, b.type, b.object_id")) {
                    int i = 1;
                    for (ObjectRef object : chunk) {
                        bindObject(select, i, object);
                        i += 3;
                    }
                    select.setString(i, workspace.cloudId());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            blocked.add(blockedObject(rows));
                        }
                    }
                }
            }
            return blocked;
        });
    }

    @Override
    public Optional<Block> objectBlock(WorkspaceId workspace, ObjectRef object) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT blocked_at_ns, event_id FROM blocked_objects
                    WHERE cloud_id = ? AND product = ? AND type = ? AND object_id = ?""")) {
                select.setString(1, workspace.cloudId());
                bindObject(select, 2, object);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(block(row, 1)) : Optional.<Block>empty();
                }
            }
        });
    }

    @Override
    public List<WorkspaceSummary> workspaces() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT cloud_id, blocked_objects, blocked_containers FROM workspaces ORDER BY cloud_id");
                 ResultSet rows = select.executeQuery()) {
                List<WorkspaceSummary> summaries = new ArrayList<>();
                while (rows.next()) {
                    summaries.add(new WorkspaceSummary(new WorkspaceId(rows.getString(1)), rows.getLong(2),
                            rows.getLong(3)));
                }
                return summaries;
            }
        });
    }

    @Override
    public List<BlockedContainer> containers(WorkspaceId workspace) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT product, container_id, blocked_at_ns, event_id FROM blocked_containers
                    WHERE cloud_id = ? ORDER BY product, container_id""")) {
                select.setString(1, workspace.cloudId());
                try (ResultSet rows = select.executeQuery()) {
                    List<BlockedContainer> containers = new ArrayList<>();
                    while (rows.next()) {
                        containers.add(new BlockedContainer(
                                new ContainerRef(new Product(rows.getString(1)), rows.getString(2)), block(rows, 3)));
                    }
                    return containers;
                }
            }
        });
    }

    @Override
    public List<BlockedObject> objects(WorkspaceId workspace, ObjectQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT product, type, object_id, blocked_at_ns, event_id FROM blocked_objects WHERE cloud_id = ?");
        List<String> arguments = new ArrayList<>(List.of(workspace.cloudId()));
        query.product().ifPresent(product -> {
            sql.append(" AND product = ?");
            arguments.add(product.name());
        });
        query.type().ifPresent(type -> {
            sql.append(" AND type = ?");
            arguments.add(type);
        });
        query.after().ifPresent(after -> {
            sql.append(" AND (product, type, object_id) > (?, ?, ?)");
            arguments.addAll(List.of(after.product().name(), after.type(), after.id()));
        });
        sql.append(" ORDER BY product, type, object_id LIMIT ").append(query.limit());
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < arguments.size(); i++) {
                    select.setString(i + 1, arguments.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    List<BlockedObject> objects = new ArrayList<>();
                    while (rows.next()) {
                        objects.add(blockedObject(rows));
                    }
                    return objects;
                }
            }
        });
    }

    private static void bindObject(PreparedStatement statement, int first, ObjectRef object) throws SQLException {
        statement.setString(first, object.product().name());
        statement.setString(first + 1, object.type());
        statement.setString(first + 2, object.id());
    }

    /** Reads product, type, object_id, blocked_at_ns, event_id. */
    private static BlockedObject blockedObject(ResultSet row) throws SQLException {
        return new BlockedObject(new ObjectRef(new Product(row.getString(1)), row.getString(2), row.getString(3)),
                block(row, 4));
    }

    private static Block block(ResultSet row, int first) throws SQLException {
        return new Block(Nanos.toInstant(row.getLong(first)), new EventId(row.getString(first + 1)));
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int n : counts) {
            total += Math.max(n, 0);
        }
        return total;
    }
}
