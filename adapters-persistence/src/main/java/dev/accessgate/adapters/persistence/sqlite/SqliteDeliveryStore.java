package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.domain.delivery.Attempt;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.delivery.RetryData;
import dev.accessgate.domain.delivery.RetryOptions;
import dev.accessgate.domain.delivery.RetryReason;
import dev.accessgate.domain.policy.EventId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The delivery schedule in the same SQLite file as the events, so that
 * {@link SqlitePolicyStore#record} creates an event's deliveries in its own transaction
 * (through {@link #insert}). Each change is a compare-and-set on {@code version}; claiming
 * is one write transaction, and SQLite has one writer at a time, so no delivery is claimed
 * twice, by this process or another one on the same file. On PostgreSQL, where instances claim
 * at the same time, the claim locks the rows it selects and skips rows others have locked
 * ({@code FOR UPDATE SKIP LOCKED}): each due delivery goes to one instance, and the others
 * take the next ones instead of waiting.
 */
public final class SqliteDeliveryStore implements DeliveryStore {

    private static final String COLUMNS = """
            d.seq, d.id, d.event_id, d.event_type, d.subscription, d.created_ns, d.state, d.budget, d.due_ns,
            d.started_ns, d.lease_ns, d.filter_reason, d.version""";

    private final Database db;
    private final String claimSql;

    public SqliteDeliveryStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.claimSql = "SELECT " + COLUMNS + ", e.body FROM deliveries d JOIN events e ON e.id = d.event_id"
                + " WHERE d.due_ns IS NOT NULL AND d.due_ns <= ? ORDER BY d.due_ns, d.seq LIMIT ?"
                + db.dialect().skipLocked("d");
    }

    /** Creates the deliveries of a newly stored event, inside the caller's transaction. */
    static void insert(Connection c, ReceivedEvent event, List<NewDelivery> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO deliveries (id, event_id, event_type, subscription, created_ns, state, budget, due_ns,
                                        filter_reason, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")) {
            for (NewDelivery created : deliveries) {
                Delivery delivery = created.delivery();
                if (!delivery.history().isEmpty()) {
                    throw new IllegalArgumentException("a new delivery has no attempts yet");
                }
                insert.setString(1, created.id().value());
                insert.setString(2, event.id().value());
                insert.setString(3, event.type());
                insert.setString(4, created.subscription());
                insert.setLong(5, Nanos.of(event.receivedAt()));
                insert.setString(6, delivery.state().name());
                insert.setInt(7, delivery.budget());
                setInstant(insert, 8, delivery.dueAt());
                insert.setString(9, delivery.filterReason().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Group-committed with the events and the other delivery writes of the moment
     * ({@link Database#writeGrouped}): the claimed deliveries are returned only after that commit,
     * so none is handed out before it is durably IN_FLIGHT, and a claim costs no commit of its own.
     */
    @Override
    public List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        long nowNs = Nanos.of(now);
        return db.writeGrouped(c -> {
            List<StoredDelivery> due = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            PreparedStatement select = db.prepared(c, claimSql);
            select.setLong(1, nowNs);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(row(c, rows));
                    bodies.add(rows.getString(14));
                }
            }
            List<ClaimedDelivery> claimed = new ArrayList<>();
            for (int i = 0; i < due.size(); i++) {
                StoredDelivery before = due.get(i);
                Delivery started = before.delivery().start(now);
                if (!write(c, before, started, Optional.of(leaseUntil))) {
                    throw new IllegalStateException("delivery " + before.id() + " changed inside a write transaction");
                }
                claimed.add(new ClaimedDelivery(changed(before, started, Optional.of(leaseUntil)), bodies.get(i)));
            }
            return claimed;
        });
    }

    /** Group-committed like {@link #claimDue}: true only once the new state is committed. */
    @Override
    public boolean update(StoredDelivery before, Delivery after) {
        return db.writeGrouped(c -> write(c, before, after, Optional.empty()));
    }

    /**
     * Compare-and-set of one delivery and its attempts. {@code newLease} is set when given;
     * otherwise an IN_FLIGHT delivery keeps its lease and any other state drops it.
     */
    private boolean write(Connection c, StoredDelivery before, Delivery after, Optional<Instant> newLease)
            throws SQLException {
        PreparedStatement update = db.prepared(c, """
                UPDATE deliveries SET state = ?, budget = ?, due_ns = ?, started_ns = ?,
                       lease_ns = CASE WHEN ? = 'IN_FLIGHT' THEN coalesce(?, lease_ns) END,
                       filter_reason = ?, version = version + 1
                WHERE seq = ? AND version = ?""");
        update.setString(1, after.state().name());
        update.setInt(2, after.budget());
        setInstant(update, 3, after.dueAt());
        setInstant(update, 4, after.startedAt());
        update.setString(5, after.state().name());
        setInstant(update, 6, newLease);
        update.setString(7, after.filterReason().orElse(null));
        update.setLong(8, before.seq());
        update.setLong(9, before.version());
        if (update.executeUpdate() != 1) {
            return false;
        }
        List<Attempt> history = after.history();
        if (history.isEmpty()) {
            return true;
        }
        PreparedStatement insert = db.prepared(c, """
                INSERT INTO delivery_attempts (delivery_seq, budget, number, started_ns, ended_ns, result,
                    failure_kind, retry_after_s, retry_reason, retry_data, notes, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
        for (Attempt attempt : history) {
            bindAttempt(insert, before.seq(), attempt);
            insert.addBatch();
        }
        insert.executeBatch();
        Attempt oldest = history.get(0);
        PreparedStatement trim = db.prepared(c,
                "DELETE FROM delivery_attempts WHERE delivery_seq = ? AND (budget, number) < (?, ?)");
        trim.setLong(1, before.seq());
        trim.setInt(2, oldest.budget());
        trim.setInt(3, oldest.number());
        trim.executeUpdate();
        return true;
    }

    @Override
    public List<StoredDelivery> expiredLeases(Instant now, int limit) {
        return db.read(c -> select(c, " WHERE d.lease_ns IS NOT NULL AND d.lease_ns <= ? ORDER BY d.lease_ns, d.seq"
                + " LIMIT " + limit, Nanos.of(now)));
    }

    @Override
    public Optional<Instant> nextWakeUp() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT (SELECT min(due_ns) FROM deliveries WHERE due_ns IS NOT NULL),
                           (SELECT min(lease_ns) FROM deliveries WHERE lease_ns IS NOT NULL)""");
                 ResultSet row = select.executeQuery()) {
                row.next();
                Optional<Instant> due = instant(row, 1);
                Optional<Instant> lease = instant(row, 2);
                return due.isEmpty() || lease.isPresent() && lease.get().isBefore(due.get()) ? lease : due;
            }
        });
    }

    @Override
    public Optional<StoredDelivery> find(DeliveryId id) {
        return db.read(c -> select(c, " WHERE d.id = ?", id.value()).stream().findFirst());
    }

    @Override
    public List<StoredDelivery> list(Set<DeliveryState> states, long afterSeq, int limit) {
        return db.read(c -> select(c, " WHERE d.seq > ?" + inStates(states) + " ORDER BY d.seq LIMIT " + limit, afterSeq));
    }

    /** {@code " AND d.state IN (...)"}, or nothing for all states; the names are the enum's own, never input. */
    static String inStates(Set<DeliveryState> states) {
        return states.isEmpty() ? ""
                : " AND d.state IN (" + states.stream().map(s -> "'" + s.name() + "'").sorted()
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public List<StoredDelivery> ofEvent(EventId eventId) {
        return db.read(c -> select(c, " WHERE d.event_id = ? ORDER BY d.seq", eventId.value()));
    }

    /** Deliveries (with their attempts) of {@code FROM deliveries d} + {@code where}, which takes one argument. */
    static List<StoredDelivery> select(Connection c, String where, Object argument) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM deliveries d" + where)) {
            select.setObject(1, argument);
            try (ResultSet rows = select.executeQuery()) {
                List<StoredDelivery> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(row(c, rows));
                }
                return found;
            }
        }
    }

    /** A delivery from its row (columns as {@link #COLUMNS}) and its attempts. */
    private static StoredDelivery row(Connection c, ResultSet row) throws SQLException {
        long seq = row.getLong(1);
        Delivery delivery = new Delivery(DeliveryState.valueOf(row.getString(7)), row.getInt(8), instant(row, 9),
                instant(row, 10), Optional.ofNullable(row.getString(12)), attempts(c, seq));
        return new StoredDelivery(new DeliveryId(row.getString(2)), seq, new EventId(row.getString(3)),
                row.getString(4), row.getString(5), Nanos.toInstant(row.getLong(6)), delivery, row.getLong(13),
                instant(row, 11));
    }

    private static List<Attempt> attempts(Connection c, long seq) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT budget, number, started_ns, ended_ns, result, failure_kind, retry_after_s, retry_reason,
                       retry_data, notes, detail
                FROM delivery_attempts WHERE delivery_seq = ? ORDER BY budget, number""")) {
            select.setLong(1, seq);
            try (ResultSet rows = select.executeQuery()) {
                List<Attempt> attempts = new ArrayList<>();
                while (rows.next()) {
                    attempts.add(new Attempt(rows.getInt(1), rows.getInt(2), Nanos.toInstant(rows.getLong(3)),
                            Nanos.toInstant(rows.getLong(4)), result(rows)));
                }
                return attempts;
            }
        }
    }

    private static AttemptResult result(ResultSet rows) throws SQLException {
        String detail = rows.getString(11);
        return switch (rows.getString(5)) {
            case "SUCCEEDED" -> new AttemptResult.Succeeded();
            case "FAILED" -> new AttemptResult.Failed(FailureKind.valueOf(rows.getString(6)), detail);
            case "PERMANENT_FAILURE" -> new AttemptResult.PermanentFailure(detail);
            case "RETRY_REQUESTED" -> {
                String notes = rows.getString(10);
                yield new AttemptResult.RetryRequested(new RetryOptions(rows.getLong(7),
                        RetryReason.valueOf(rows.getString(8)), Optional.ofNullable(rows.getString(9)).map(RetryData::new),
                        notes == null ? List.of() : Arrays.asList(notes.split("\n", -1))));
            }
            default -> throw new IllegalStateException("unknown attempt result " + rows.getString(5));
        };
    }

    // Notes are one line each (the domain escapes control characters in them), so a newline separates them.
    private static void bindAttempt(PreparedStatement insert, long seq, Attempt attempt) throws SQLException {
        insert.setLong(1, seq);
        insert.setInt(2, attempt.budget());
        insert.setInt(3, attempt.number());
        insert.setLong(4, Nanos.of(attempt.startedAt()));
        insert.setLong(5, Nanos.of(attempt.endedAt()));
        for (int i = 7; i <= 12; i++) {
            insert.setNull(i, i == 8 ? Types.INTEGER : Types.VARCHAR);
        }
        AttemptResult result = attempt.result();
        if (result instanceof AttemptResult.Succeeded) {
            insert.setString(6, "SUCCEEDED");
        } else if (result instanceof AttemptResult.Failed failed) {
            insert.setString(6, "FAILED");
            insert.setString(7, failed.kind().name());
            insert.setString(12, failed.detail());
        } else if (result instanceof AttemptResult.PermanentFailure permanent) {
            insert.setString(6, "PERMANENT_FAILURE");
            insert.setString(12, permanent.detail());
        } else {
            RetryOptions options = ((AttemptResult.RetryRequested) result).options();
            insert.setString(6, "RETRY_REQUESTED");
            insert.setLong(8, options.retryAfterSeconds());
            insert.setString(9, options.reason().name());
            insert.setString(10, options.retryData().map(RetryData::json).orElse(null));
            insert.setString(11, options.notes().isEmpty() ? null : String.join("\n", options.notes()));
        }
    }

    private static StoredDelivery changed(StoredDelivery s, Delivery delivery, Optional<Instant> lease) {
        return new StoredDelivery(s.id(), s.seq(), s.eventId(), s.eventType(), s.subscription(), s.createdAt(),
                delivery, s.version() + 1, lease);
    }

    private static void setInstant(PreparedStatement statement, int index, Optional<Instant> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, Nanos.of(value.get()));
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    private static Optional<Instant> instant(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? Optional.empty() : Optional.of(Nanos.toInstant(value));
    }
}
