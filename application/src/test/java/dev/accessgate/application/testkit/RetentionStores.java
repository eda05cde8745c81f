package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.RetentionStore;
import java.util.Objects;

/** The ports one store provides that the retention contract needs together. */
public record RetentionStores(EventStore events, DeliveryStore deliveries, BlockLedgerStore ledger,
                              RetentionStore retention) {

    public RetentionStores {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(retention, "retention");
    }

    /** The in-memory stores. */
    public static RetentionStores inMemory() {
        InMemoryPolicyStore store = new InMemoryPolicyStore();
        return new RetentionStores(store, store.deliveries(), store, store);
    }
}
