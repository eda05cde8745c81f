package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.OverviewStore;
import dev.accessgate.domain.delivery.DeliveryState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The overview from the pooled readers. Counts scan the indexes {@code events_by_status} and
 * {@code deliveries_state} (no table rows); the latest-first listings walk the same indexes, or
 * the primary key, backwards.
 */
public final class SqliteOverviewStore implements OverviewStore {

    private final Database db;

    public SqliteOverviewStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    static final String COUNT_EVENTS = "SELECT status, count(*) FROM events GROUP BY status";
    static final String COUNT_DELIVERIES = "SELECT state, count(*) FROM deliveries GROUP BY state";

    @Override
    public Map<StoredEvent.Status, Long> countEvents() {
        return db.read(c -> counts(c, COUNT_EVENTS, StoredEvent.Status.class, StoredEvent.Status::valueOf));
    }

    @Override
    public Map<DeliveryState, Long> countDeliveries() {
        return db.read(c -> counts(c, COUNT_DELIVERIES, DeliveryState.class, DeliveryState::valueOf));
    }

    private static <E extends Enum<E>> Map<E, Long> counts(Connection c, String sql, Class<E> type,
                                                           Function<String, E> parse) throws SQLException {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(parse.apply(rows.getString(1)), rows.getLong(2));
            }
        }
        return counts;
    }

    @Override
    public List<StoredEvent> latestEvents(Optional<StoredEvent.Status> status, int limit) {
        String sql = SqlitePolicyStore.EVENT_COLUMNS + latestEventsWhere(status.isPresent(), limit);
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                if (status.isPresent()) {
                    select.setString(1, status.get().name());
                }
                List<StoredEvent> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(SqlitePolicyStore.storedEvent(rows));
                    }
                }
                return events;
            }
        });
    }

    static String latestEventsWhere(boolean byStatus, int limit) {
        return (byStatus ? " WHERE status = ?" : "") + " ORDER BY seq DESC LIMIT " + limit;
    }

    @Override
    public List<StoredDelivery> latestDeliveries(Set<DeliveryState> states, int limit) {
        return db.read(c -> SqliteDeliveryStore.select(c, latestDeliveriesWhere(states, limit), 0L));
    }

    /** Takes one argument, 0: every delivery has a larger seq (the form {@link SqliteDeliveryStore#select} wants). */
    static String latestDeliveriesWhere(Set<DeliveryState> states, int limit) {
        return " WHERE d.seq > ?" + SqliteDeliveryStore.inStates(states) + " ORDER BY d.seq DESC LIMIT " + limit;
    }
}
