package dev.accessgate.application.port.in;

import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.domain.delivery.DeliveryState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An operator's overview: totals by status and state, and what happened last. */
public interface OverviewUseCase {

    /** Largest {@code limit} of the latest-first listings: an overview, not an export. */
    int MAX_LIMIT = 1_000;

    /** Every event status and delivery state with its count, zeros included. */
    Counts counts();

    /** Every delivery state with its count, zeros included: {@link #counts()} without counting the events. */
    Map<DeliveryState, Long> deliveryCounts();

    /** Newest first; {@code limit} from 1 to {@link #MAX_LIMIT}. */
    List<StoredEvent> latestEvents(Optional<StoredEvent.Status> status, int limit);

    /** Newest first, in any of {@code states} (all when empty); {@code limit} from 1 to {@link #MAX_LIMIT}. */
    List<StoredDelivery> latestDeliveries(Set<DeliveryState> states, int limit);

    /** Stored events by status and deliveries by state, each map with every key. */
    record Counts(Map<StoredEvent.Status, Long> events, Map<DeliveryState, Long> deliveries) {
        public Counts {
            events = Map.copyOf(Objects.requireNonNull(events, "events"));
            deliveries = Map.copyOf(Objects.requireNonNull(deliveries, "deliveries"));
        }
    }
}
