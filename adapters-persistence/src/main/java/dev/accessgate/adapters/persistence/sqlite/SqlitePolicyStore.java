package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.jdbc.Dialect;
import dev.accessgate.adapters.persistence.jdbc.NumberedSql;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.BaselineImportOutcome;
import dev.accessgate.application.model.BaselineObjects;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.BaselineStore;
import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.policy.BaselineHeader;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event store, the baseline store and the block ledger in one SQLite file, so that an
 * event, its effect and its deliveries (or a baseline and its effect) commit together. Applies the domain's rules
 * ({@link dev.accessgate.domain.policy.WorkspacePolicy}) in SQL; the contract tests check it
 * agrees with the domain model.
 *
 * <p>{@code blocked_objects} and {@code blocked_containers} hold the answer of each blocked
 * thing, its earliest block fact; the other facts wait in {@code object_block_facts} and
 * {@code container_block_facts} in case a baseline removes the earliest.
 */
public final class SqlitePolicyStore implements EventStore, BlockLedgerStore, BaselineStore {

    /** Rows per JDBC batch: big enough to amortise the calls, small enough to bound memory. */
    private static final int BATCH = 1_000;

    private final Database db;
    /** Told of every committed change of {@code blocked_objects}; null without an index. */
    private final BlockIndex index;

    public SqlitePolicyStore(Database db) {
        this(db, null);
    }

    /** A store that keeps {@code index} current (its writes register after-commit hooks). */
    public SqlitePolicyStore(Database db, BlockIndex index) {
        this.db = Objects.requireNonNull(db, "db");
        this.index = index;
    }

    /**
     * Group-committed with the events recorded at the same time ({@link SqliteDatabase#writeGrouped}):
     * acknowledged only after that commit, and an event that fails changes nothing.
     */
    @Override
    public RecordOutcome record(ReceivedEvent event, Processing processing, List<NewDelivery> deliveries) {
        return db.writeGrouped(c -> {
            lockWorkspace(c, processing);
            if (!insertEvent(c, event, processing)) {
                return sameFingerprint(c, event)
                        ? new RecordOutcome.Duplicate(event.id())
                        : new RecordOutcome.Conflict(event.id());
            }
            int newlyBlocked = applyEffect(c, processing);
            SqliteDeliveryStore.insert(c, event, deliveries);
            return new RecordOutcome.Recorded(event.id(), newlyBlocked);
        });
    }

    @Override
    public RecordOutcome reprocess(EventId id, Processing processing) {
        return db.write(c -> {
            lockWorkspace(c, processing);
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

    /** Taken before the event row, so that of two instances given the same event the second waits and sees it. */
    private void lockWorkspace(Connection c, Processing processing) throws SQLException {
        if (processing instanceof Processing.Applied applied) {
            db.dialect().lockWorkspace(c, applied.event().workspace().cloudId());
        }
    }

    private int applyEffect(Connection c, Processing processing) throws SQLException {
        return processing instanceof Processing.Applied applied ? apply(c, applied.event()) : 0;
    }

    @Override
    public BaselineImportOutcome importBaseline(BaselineHeader header, BaselineObjects objects, Instant receivedAt) {
        return db.write(c -> {
            String cloudId = header.workspace().cloudId();
            db.dialect().lockWorkspace(c, cloudId);
            BaselineImportOutcome outcome = SqliteBaselineImport.run(c, db.dialect(), header, objects, receivedAt);
            if (index != null) {
                // A baseline may remove answers anywhere in the workspace: rebuilt, not patched.
                db.afterCommit(() -> index.workspaceReplaced(cloudId));
            }
            return outcome;
        });
    }

    private boolean insertEvent(Connection c, ReceivedEvent event, Processing processing) throws SQLException {
        PreparedStatement insert = db.prepared(c, """
                INSERT INTO events (id, type, source, time_ns, received_ns, content_mode, fingerprint,
                                    status, cloud_id, detail, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""");
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

    /** Binds status, cloud_id and detail. */
    private static void bindProcessing(PreparedStatement statement, int first, Processing processing)
            throws SQLException {
        statement.setString(first, processing.status().name());
        statement.setString(first + 1, processing instanceof Processing.Applied applied
                ? applied.event().workspace().cloudId() : null);
        statement.setString(first + 2, processing.detail());
    }

    private boolean sameFingerprint(Connection c, ReceivedEvent event) throws SQLException {
        PreparedStatement select = db.prepared(c, "SELECT fingerprint FROM events WHERE id = ?");
        select.setString(1, event.id().value());
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() && rows.getString(1).equals(event.fingerprint());
        }
    }

    /** Applies one policy event; returns how many objects or containers became blocked. */
    private int apply(Connection c, PolicyEvent event) throws SQLException {
        String cloudId = event.workspace().cloudId();
        Block block = event.block();
        int newObjects = 0;
        int newContainers = 0;
        if (event instanceof ObjectsBlocked blocked) {
            newObjects = blockObjects(c, cloudId, blocked.objects(), block);
        } else {
            newContainers = blockContainer(c, cloudId, ((ContainerBlocked) event).container(), block);
        }
        bindCount(db.prepared(c, COUNT_BLOCKED), cloudId, newObjects, newContainers).executeUpdate();
        return newObjects + newContainers;
    }

    private static final String COUNT_BLOCKED = """
            INSERT INTO workspaces (cloud_id, blocked_objects, blocked_containers) VALUES (?, ?, ?)
            ON CONFLICT (cloud_id) DO UPDATE SET
                blocked_objects = workspaces.blocked_objects + excluded.blocked_objects,
                blocked_containers = workspaces.blocked_containers + excluded.blocked_containers""";

    /** Adds to the counters of a workspace, creating it on first sight. */
    static void countBlocked(Connection c, String cloudId, long objects, long containers) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(COUNT_BLOCKED)) {
            bindCount(count, cloudId, objects, containers).executeUpdate();
        }
    }

    private static PreparedStatement bindCount(PreparedStatement count, String cloudId, long objects, long containers)
            throws SQLException {
        count.setString(1, cloudId);
        count.setLong(2, objects);
        count.setLong(3, containers);
        return count;
    }

    private int blockObjects(Connection c, String cloudId, List<ObjectRef> objects, Block block)
            throws SQLException {
        List<ObjectRef> sorted = notCoveredAsOf(c, cloudId, objects, block);
        // Sorted keys turn random B-tree inserts into appends: about ten times faster.
        sorted.sort(null);
        long at = Nanos.of(block.at());
        String eventId = block.eventId().value();
        int inserted = 0;
        List<ObjectRef> blockedBefore = new ArrayList<>();
        List<ObjectRef> answered = index == null ? null : new ArrayList<>();
        PreparedStatement insert = db.prepared(c, """
                INSERT INTO blocked_objects (cloud_id, product, type, object_id, blocked_at_ns, event_id)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
        for (int from = 0; from < sorted.size(); from += BATCH) {
            List<ObjectRef> batch = sorted.subList(from, Math.min(sorted.size(), from + BATCH));
            for (ObjectRef object : batch) {
                insert.setString(1, cloudId);
                bindObject(insert, 2, object);
                insert.setLong(5, at);
                insert.setString(6, eventId);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    inserted++;
                    if (answered != null) {
                        answered.add(batch.get(i));
                    }
                } else {
                    blockedBefore.add(batch.get(i));
                }
            }
        }
        if (!blockedBefore.isEmpty()) {
            List<ObjectRef> moved = addObjectFacts(c, cloudId, blockedBefore, at, eventId);
            if (answered != null) {
                answered.addAll(moved);
            }
        }
        if (answered != null && !answered.isEmpty()) {
            Block stored = new Block(Nanos.toInstant(at), block.eventId());
            db.afterCommit(() -> index.objectsBlocked(cloudId, answered, stored));
        }
        return inserted;
    }

    /**
     * The objects whose covering baseline is older than the event; the others are ignored
     * ("as of T" includes T). One look-up per product and type of the event.
     */
    private List<ObjectRef> notCoveredAsOf(Connection c, String cloudId, List<ObjectRef> objects, Block block)
            throws SQLException {
        Map<List<String>, Boolean> covered = new HashMap<>();
        List<ObjectRef> kept = new ArrayList<>(objects.size());
        PreparedStatement select = db.prepared(c, """
                SELECT 1 FROM object_coverage
                WHERE cloud_id = ? AND product = ? AND type IN (?, '') AND time_ns >= ? LIMIT 1""");
        for (ObjectRef object : objects) {
            List<String> unit = List.of(object.product().name(), object.type());
            Boolean isCovered = covered.get(unit);
            if (isCovered == null) {
                select.setString(1, cloudId);
                select.setString(2, object.product().name());
                select.setString(3, object.type());
                select.setLong(4, Nanos.of(block.at()));
                try (ResultSet row = select.executeQuery()) {
                    isCovered = row.next();
                }
                covered.put(unit, isCovered);
            }
            if (!isCovered) {
                kept.add(object);
            }
        }
        return kept;
    }

    /**
     * Objects blocked before get one more fact. When it precedes their answer (earlier, or as
     * early with a smaller id: {@link Block#earliest}) it becomes the answer and the old answer
     * joins the other facts; otherwise it joins the other facts itself.
     * A fact already known (an event sent again after retention pruned its row) is kept once.
     *
     * @return the objects whose answer this fact became
     */
    private static List<ObjectRef> addObjectFacts(Connection c, String cloudId, List<ObjectRef> objects, long at,
                                       String eventId) throws SQLException {
        String key = "cloud_id = ?1 AND product = ?2 AND type = ?3 AND object_id = ?4";
        List<NumberedSql> steps = List.of(NumberedSql.of("""
                INSERT INTO object_block_facts (cloud_id, product, type, object_id, blocked_at_ns, source_id)
                SELECT cloud_id, product, type, object_id, blocked_at_ns, event_id FROM blocked_objects
                WHERE %s AND (blocked_at_ns, event_id) > (?5, ?6)""".formatted(key)), NumberedSql.of("""
                UPDATE blocked_objects SET blocked_at_ns = ?5, event_id = ?6
                WHERE %s AND (blocked_at_ns, event_id) > (?5, ?6)""".formatted(key)), NumberedSql.of("""
                INSERT INTO object_block_facts (cloud_id, product, type, object_id, blocked_at_ns, source_id)
                SELECT ?1, ?2, ?3, ?4, ?5, ?6
                WHERE NOT EXISTS (SELECT 1 FROM blocked_objects WHERE %s AND blocked_at_ns = ?5 AND event_id = ?6)
                ON CONFLICT DO NOTHING""".formatted(key)));
        List<ObjectRef> moved = new ArrayList<>();
        for (NumberedSql step : steps) {
            try (PreparedStatement statement = step.prepare(c)) {
                for (int from = 0; from < objects.size(); from += BATCH) {
                    List<ObjectRef> batch = objects.subList(from, Math.min(objects.size(), from + BATCH));
                    for (ObjectRef object : batch) {
                        step.bind(statement, cloudId, object.product().name(), object.type(), object.id(), at, eventId);
                        statement.addBatch();
                    }
                    int[] counts = statement.executeBatch();
                    if (step == steps.get(1)) {
                        // The UPDATE: a row changed is an answer moved earlier.
                        for (int i = 0; i < counts.length; i++) {
                            if (counts[i] > 0) {
                                moved.add(batch.get(i));
                            }
                        }
                    }
                }
            }
        }
        return moved;
    }

    private static int blockContainer(Connection c, String cloudId, ContainerRef container, Block block)
            throws SQLException {
        long at = Nanos.of(block.at());
        String eventId = block.eventId().value();
        try (PreparedStatement covered = c.prepareStatement("""
                SELECT 1 FROM container_coverage WHERE cloud_id = ? AND product = ? AND time_ns >= ?""")) {
            covered.setString(1, cloudId);
            covered.setString(2, container.product().name());
            covered.setLong(3, at);
            try (ResultSet row = covered.executeQuery()) {
                if (row.next()) {
                    return 0;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO blocked_containers (cloud_id, product, container_id, blocked_at_ns, event_id)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, cloudId);
            insert.setString(2, container.product().name());
            insert.setString(3, container.id());
            insert.setLong(4, at);
            insert.setString(5, eventId);
            if (insert.executeUpdate() == 1) {
                return 1;
            }
        }
        // Blocked before: the same three steps as addObjectFacts, for one container.
        String key = "cloud_id = ?1 AND product = ?2 AND container_id = ?3";
        for (String sql : List.of("""
                INSERT INTO container_block_facts (cloud_id, product, container_id, blocked_at_ns, source_id)
                SELECT cloud_id, product, container_id, blocked_at_ns, event_id FROM blocked_containers
                WHERE %s AND (blocked_at_ns, event_id) > (?4, ?5)""", """
                UPDATE blocked_containers SET blocked_at_ns = ?4, event_id = ?5
                WHERE %s AND (blocked_at_ns, event_id) > (?4, ?5)""", """
                INSERT INTO container_block_facts (cloud_id, product, container_id, blocked_at_ns, source_id)
                SELECT ?1, ?2, ?3, ?4, ?5
                WHERE NOT EXISTS (SELECT 1 FROM blocked_containers WHERE %s AND blocked_at_ns = ?4 AND event_id = ?5)
                ON CONFLICT DO NOTHING""")) {
            NumberedSql step = NumberedSql.of(sql.formatted(key));
            try (PreparedStatement statement = step.prepare(c)) {
                step.bind(statement, cloudId, container.product().name(), container.id(), at, eventId);
                statement.executeUpdate();
            }
        }
        return 0;
    }

    /** The columns {@link #storedEvent} reads; {@link SqliteOverviewStore} lists with them too. */
    static final String EVENT_COLUMNS = """
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
                row.next();
                return row.getLong(1);
            }
        });
    }

    static StoredEvent storedEvent(ResultSet row) throws SQLException {
        ReceivedEvent event = new ReceivedEvent(new EventId(row.getString(2)), row.getString(3), row.getString(4),
                Nanos.toInstant(row.getLong(5)), Nanos.toInstant(row.getLong(6)), row.getString(7), row.getString(8),
                row.getString(9));
        String cloudId = row.getString(11);
        return new StoredEvent(event, StoredEvent.Status.valueOf(row.getString(10)),
                Optional.ofNullable(cloudId).map(WorkspaceId::new), row.getString(12));
    }

    /** Objects per query of {@link #blockedAmong}: three parameters each, far below SQLite's limit. */
    private static final int CHECK_CHUNK = 500;

    /**
     * The look-up of {@code objects} wanted objects. {@code CROSS JOIN} makes SQLite keep the
     * wanted list as the outer loop and search the ledger by primary key. With a plain JOIN the
     * bulk-check benchmark saw the planner scan the workspace's blocked objects once per chunk
     * (10 s per 500-object chunk at 200,000 blocked, 2.5 ms with CROSS JOIN; docs/benchmarks.md).
     * PostgreSQL has no {@code CROSS JOIN ... ON} (and no need of it): a plain join there.
     */
    static String blockedAmongSql(int objects) {
        return blockedAmongSql(Dialect.SQLITE, objects);
    }

    static String blockedAmongSql(Dialect dialect, int objects) {
        String values = String.join(",", Collections.nCopies(objects, "(?, ?, ?)"));
        return "WITH wanted (product, type, object_id) AS (VALUES " + values + ") "
                + "SELECT b.product, b.type, b.object_id, b.blocked_at_ns, b.event_id "
                + "FROM wanted w " + (dialect == Dialect.SQLITE ? "CROSS " : "") + "JOIN blocked_objects b ON b.cloud_id = ? AND b.product = w.product "
                + "AND b.type = w.type AND b.object_id = w.object_id "
                + "ORDER BY b.product, b.type, b.object_id";
    }

    /**
     * Statements are kept open for a few sizes only ({@link #CHECK_CHUNK} and the powers of two
     * below it): a chunk takes the next size up and repeats its last object to fill it, whose
     * answer is then read (adjacent, as rows come sorted) once only.
     */
    @Override
    public List<BlockedObject> blockedAmong(WorkspaceId workspace, Collection<ObjectRef> objects) {
        // Distinct by hash, then one array sort: cheaper than a TreeSet of 10,000 (sorted chunks
        // keep SQLite's B-tree probes local and the answer in ObjectRef order).
        List<ObjectRef> wanted = new ArrayList<>(new HashSet<>(objects));
        wanted.sort(null);
        return db.read(c -> {
            List<BlockedObject> blocked = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += CHECK_CHUNK) {
                List<ObjectRef> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHECK_CHUNK));
                int size = Math.min(CHECK_CHUNK, Integer.highestOneBit(chunk.size() * 2 - 1));
                PreparedStatement select = db.prepared(c, blockedAmongSql(db.dialect(), size));
                for (int k = 0; k < size; k++) {
                    bindObject(select, 1 + 3 * k, chunk.get(Math.min(k, chunk.size() - 1)));
                }
                select.setString(1 + 3 * size, workspace.cloudId());
                ObjectRef last = null;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        BlockedObject found = blockedObject(rows);
                        if (!found.object().equals(last)) {
                            blocked.add(found);
                            last = found.object();
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
            PreparedStatement select = db.prepared(c, """
                    SELECT blocked_at_ns, event_id FROM blocked_objects
                    WHERE cloud_id = ? AND product = ? AND type = ? AND object_id = ?""");
            select.setString(1, workspace.cloudId());
            bindObject(select, 2, object);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(block(row, 1)) : Optional.<Block>empty();
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

    static void bindObject(PreparedStatement statement, int first, ObjectRef object) throws SQLException {
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
}
