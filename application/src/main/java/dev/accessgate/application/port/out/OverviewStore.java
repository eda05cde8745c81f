package dev.accessgate.application.port.out;

import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.domain.delivery.DeliveryState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only totals and the newest rows of the event and delivery stores, for an operator's
 * overview. A store that keeps events and deliveries implements it beside {@link EventStore}
 * and {@link DeliveryStore}. Every method may throw {@link StoreException}.
 */
public interface OverviewStore {

    /** How many stored events have each status; every status is a key (0 when none). */
    Map<StoredEvent.Status, Long> countEvents();

    /** How many deliveries are in each state; every state is a key (0 when none). */
    Map<DeliveryState, Long> countDeliveries();

    /** The newest stored events first (latest arrival first), optionally of one status, at most {@code limit}. */
    List<StoredEvent> latestEvents(Optional<StoredEvent.Status> status, int limit);

    /** The newest deliveries first (latest created first) in any of {@code states} (all when empty), at most {@code limit}. */
    List<StoredDelivery> latestDeliveries(Set<DeliveryState> states, int limit);
}
