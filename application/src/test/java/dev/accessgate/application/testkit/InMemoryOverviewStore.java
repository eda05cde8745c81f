package dev.accessgate.application.testkit;

import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.OverviewStore;
import dev.accessgate.domain.delivery.DeliveryState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The overview of any event and delivery store, read through their own ports page by page: a
 * reference for the contract and a fake for HTTP tests, not something to run on a big store.
 */
public final class InMemoryOverviewStore implements OverviewStore {

    private final EventStore events;
    private final DeliveryStore deliveries;

    public InMemoryOverviewStore(EventStore events, DeliveryStore deliveries) {
        this.events = events;
        this.deliveries = deliveries;
    }

    @Override
    public Map<StoredEvent.Status, Long> countEvents() {
        Map<StoredEvent.Status, Long> counts = new EnumMap<>(StoredEvent.Status.class);
        for (StoredEvent.Status status : StoredEvent.Status.values()) {
            counts.put(status, 0L);
        }
        allEvents(Optional.empty()).forEach(e -> counts.merge(e.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public Map<DeliveryState, Long> countDeliveries() {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        allDeliveries(Set.of()).forEach(d -> counts.merge(d.delivery().state(), 1L, Long::sum));
        return counts;
    }

    @Override
    public List<StoredEvent> latestEvents(Optional<StoredEvent.Status> status, int limit) {
        return newestFirst(allEvents(status), limit);
    }

    @Override
    public List<StoredDelivery> latestDeliveries(Set<DeliveryState> states, int limit) {
        return newestFirst(allDeliveries(states), limit);
    }

    private List<StoredEvent> allEvents(Optional<StoredEvent.Status> status) {
        List<StoredEvent> all = new ArrayList<>();
        Optional<Long> after = Optional.empty();
        do {
            EventPage page = events.list(new EventQuery(status, after, EventQuery.MAX_LIMIT));
            all.addAll(page.events());
            after = page.next();
        } while (after.isPresent());
        return all;
    }

    private List<StoredDelivery> allDeliveries(Set<DeliveryState> states) {
        List<StoredDelivery> all = new ArrayList<>();
        List<StoredDelivery> page;
        long after = 0;
        do {
            page = deliveries.list(states, after, 1_000);
            all.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        } while (!page.isEmpty());
        return all;
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst, int limit) {
        List<T> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        return List.copyOf(reversed.subList(0, Math.min(limit, reversed.size())));
    }
}
