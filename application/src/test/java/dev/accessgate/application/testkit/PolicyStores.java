package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.EventStore;
import java.util.Objects;

/** The two storage ports of one store, as a contract test needs them together. */
public record PolicyStores(EventStore events, BlockLedgerStore ledger) {

    public PolicyStores {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(ledger, "ledger");
    }

    public static <S extends EventStore & BlockLedgerStore> PolicyStores of(S store) {
        return new PolicyStores(store, store);
    }
}
