package dev.accessgate.application.model;

import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.policy.EventId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery as stored.
 *
 * @param seq        its position in creation order (stable list order and cursor)
 * @param version    bumped by every change; a write that expects an older one is refused
 * @param leaseUntil while IN_FLIGHT: when the attempt counts as lost if it has not finished
 */
public record StoredDelivery(DeliveryId id, long seq, EventId eventId, String eventType, String subscription,
                             Instant createdAt, Delivery delivery, long version, Optional<Instant> leaseUntil) {

    public StoredDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
