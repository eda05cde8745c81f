package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.OverviewStore;
import java.util.Objects;

/** An event store, its delivery store, and the overview of both, as one store provides them. */
public record OverviewStores(EventStore events, DeliveryStore deliveries, OverviewStore overview) {

    public OverviewStores {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(overview, "overview");
    }

    /** The in-memory stores and the overview read through their ports. */
    public static OverviewStores inMemory() {
        DeliveryStores stores = DeliveryStores.inMemory();
        return new OverviewStores(stores.events(), stores.deliveries(),
                new InMemoryOverviewStore(stores.events(), stores.deliveries()));
    }
}
