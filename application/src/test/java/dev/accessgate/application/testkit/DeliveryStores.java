package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.application.port.out.EventStore;
import java.util.Objects;

/** An event store and the delivery store its events create deliveries in, as one store provides them. */
public record DeliveryStores(EventStore events, DeliveryStore deliveries) {

    public DeliveryStores {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deliveries, "deliveries");
    }

    /** The in-memory pair. */
    public static DeliveryStores inMemory() {
        InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
        return new DeliveryStores(new InMemoryPolicyStore(deliveries), deliveries);
    }
}
