package dev.accessgate.application.testkit;

import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.policy.EventId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The delivery schedule in memory: the simplest correct {@link DeliveryStore}. Deliveries are
 * created by {@link InMemoryPolicyStore#record} (with their event, atomically).
 */
public final class InMemoryDeliveryStore implements DeliveryStore, InMemoryUnitOfWork.Participant {

    private record Row(StoredDelivery stored, String body) {
    }

    private final Map<DeliveryId, Row> rows = new LinkedHashMap<>();
    private long seq;

    @Override
    public synchronized Runnable checkpoint() {
        Map<DeliveryId, Row> before = new LinkedHashMap<>(rows);
        long seqBefore = seq;
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(before);
                seq = seqBefore;
            }
        };
    }

    /** Creates the deliveries of a newly stored event; one per subscription at most. */
    synchronized void insert(ReceivedEvent event, List<NewDelivery> deliveries) {
        for (NewDelivery created : deliveries) {
            boolean taken = rows.values().stream().anyMatch(r -> r.stored().eventId().equals(event.id())
                    && r.stored().subscription().equals(created.subscription()));
            if (taken || rows.containsKey(created.id())) {
                throw new IllegalStateException("delivery already exists: " + created);
            }
            rows.put(created.id(), new Row(new StoredDelivery(created.id(), ++seq, event.id(), event.type(),
                    created.subscription(), event.receivedAt(), created.delivery(), 1, Optional.empty()),
                    event.body()));
        }
    }

    /** Removes, oldest first, at most {@code limit} finished deliveries created before {@code cutoff}. */
    synchronized int removeFinishedBefore(Instant cutoff, int limit) {
        List<DeliveryId> old = stored()
                .filter(s -> s.delivery().isTerminal() && s.createdAt().isBefore(cutoff))
                .limit(limit)
                .map(StoredDelivery::id)
                .toList();
        old.forEach(rows::remove);
        return old.size();
    }

    @Override
    public synchronized List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Row> due = rows.values().stream()
                .filter(r -> waiting(r.stored().delivery()) && r.stored().delivery().isDue(now))
                .sorted(Comparator.comparing((Row r) -> r.stored().delivery().dueAt().orElseThrow())
                        .thenComparingLong(r -> r.stored().seq()))
                .limit(limit)
                .toList();
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (Row row : due) {
            StoredDelivery before = row.stored();
            StoredDelivery after = with(before, before.delivery().start(now), Optional.of(leaseUntil));
            rows.put(after.id(), new Row(after, row.body()));
            claimed.add(new ClaimedDelivery(after, row.body()));
        }
        return claimed;
    }

    @Override
    public synchronized boolean update(StoredDelivery before, Delivery after) {
        Row row = rows.get(before.id());
        if (row == null || row.stored().version() != before.version()) {
            return false;
        }
        Optional<Instant> lease = after.state() == DeliveryState.IN_FLIGHT ? row.stored().leaseUntil() : Optional.empty();
        rows.put(before.id(), new Row(with(row.stored(), after, lease), row.body()));
        return true;
    }

    @Override
    public synchronized List<StoredDelivery> expiredLeases(Instant now, int limit) {
        return stored()
                .filter(s -> s.delivery().state() == DeliveryState.IN_FLIGHT && !s.leaseUntil().orElseThrow().isAfter(now))
                .sorted(Comparator.comparing((StoredDelivery s) -> s.leaseUntil().orElseThrow())
                        .thenComparingLong(StoredDelivery::seq))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Instant> nextWakeUp() {
        return stored()
                .map(s -> waiting(s.delivery()) ? s.delivery().dueAt() : s.leaseUntil())
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    @Override
    public synchronized Optional<StoredDelivery> find(DeliveryId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::stored);
    }

    @Override
    public synchronized List<StoredDelivery> list(Set<DeliveryState> states, long afterSeq, int limit) {
        return stored()
                .filter(s -> states.isEmpty() || states.contains(s.delivery().state()))
                .filter(s -> s.seq() > afterSeq)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<StoredDelivery> ofEvent(EventId eventId) {
        return stored().filter(s -> s.eventId().equals(eventId)).toList();
    }

    private Stream<StoredDelivery> stored() {
        return rows.values().stream().map(Row::stored).sorted(Comparator.comparingLong(StoredDelivery::seq));
    }

    private static boolean waiting(Delivery delivery) {
        return delivery.state() == DeliveryState.PENDING || delivery.state() == DeliveryState.RETRY_SCHEDULED;
    }

    private static StoredDelivery with(StoredDelivery s, Delivery delivery, Optional<Instant> lease) {
        return new StoredDelivery(s.id(), s.seq(), s.eventId(), s.eventType(), s.subscription(), s.createdAt(),
                delivery, s.version() + 1, lease);
    }
}
