package dev.accessgate.application.port.in;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.policy.EventId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Read the delivery schedule: pages by state, one delivery, or the deliveries of one event. */
public interface ListDeliveriesUseCase {

    /** A page of deliveries. */
    Page list(Query query);

    /** The delivery with this id, if there is one. */
    Optional<StoredDelivery> find(DeliveryId id);

    /** Every delivery of the event (one per matching subscription), in creation order. */
    List<StoredDelivery> ofEvent(EventId eventId);

    /**
     * @param states   the states to list; empty means all
     * @param afterSeq list deliveries created after this position (0: from the start)
     */
    record Query(Set<DeliveryState> states, long afterSeq, int limit) {

        /** Largest page. */
        public static final int MAX_LIMIT = 1_000;

        public Query {
            states = Set.copyOf(states);
            if (afterSeq < 0) {
                throw new IllegalArgumentException("afterSeq must not be negative");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
        }
    }

    /** One page, and where the next one starts when there may be more. */
    record Page(List<StoredDelivery> deliveries, OptionalLong nextAfterSeq) {
        public Page {
            deliveries = List.copyOf(deliveries);
            Objects.requireNonNull(nextAfterSeq, "nextAfterSeq");
        }
    }
}
