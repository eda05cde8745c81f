package dev.accessgate.application.service;

import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.in.OverviewUseCase;
import dev.accessgate.application.port.out.OverviewStore;
import dev.accessgate.domain.delivery.DeliveryState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The overview straight from the store, with its limits checked here so every adapter gets the same. */
public final class OverviewService implements OverviewUseCase {

    private final OverviewStore store;

    /** @param store the totals and listings, answered as they are stored */
    public OverviewService(OverviewStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Counts counts() {
        return new Counts(store.countEvents(), deliveryCounts());
    }

    @Override
    public Map<DeliveryState, Long> deliveryCounts() {
        return store.countDeliveries();
    }

    @Override
    public List<StoredEvent> latestEvents(Optional<StoredEvent.Status> status, int limit) {
        return store.latestEvents(Objects.requireNonNull(status, "status"), checked(limit));
    }

    @Override
    public List<StoredDelivery> latestDeliveries(Set<DeliveryState> states, int limit) {
        return store.latestDeliveries(Set.copyOf(states), checked(limit));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
