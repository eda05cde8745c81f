package dev.accessgate.application.model;

import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.Delivery;
import java.util.Objects;

/**
 * A delivery created at ingest, stored in the same transaction as its event: PENDING, or
 * FILTERED when the subscription's filter dropped the event.
 */
public record NewDelivery(DeliveryId id, String subscription, Delivery delivery) {

    public NewDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(delivery, "delivery");
        if (delivery.state() != DeliveryState.PENDING && delivery.state() != DeliveryState.FILTERED) {
            throw new IllegalArgumentException("a new delivery is pending or filtered, not " + delivery.state());
        }
    }
}
