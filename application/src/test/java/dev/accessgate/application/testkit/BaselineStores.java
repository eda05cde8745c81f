package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.BaselineStore;
import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.EventStore;
import java.util.Objects;

/** The three policy ports of one store, as the baseline contract test needs them together. */
public record BaselineStores(EventStore events, BlockLedgerStore ledger, BaselineStore baselines) {

    public BaselineStores {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(baselines, "baselines");
    }

    public static <S extends EventStore & BlockLedgerStore & BaselineStore> BaselineStores of(S store) {
        return new BaselineStores(store, store, store);
    }
}
