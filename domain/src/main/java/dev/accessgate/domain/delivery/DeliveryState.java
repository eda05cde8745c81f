package dev.accessgate.domain.delivery;

import dev.accessgate.domain.DomainException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a delivery of one event to one subscription stands. */
public enum DeliveryState {
    /** Waiting for its first attempt of a budget (new, or replayed). */
    PENDING("pending"),
    /** An attempt is running now. Listed as {@code pending}: it is not settled yet. */
    IN_FLIGHT("pending"),
    /** Terminal: the handler succeeded. */
    SUCCEEDED("succeeded"),
    /** An attempt failed or asked for a retry; the next one is due at a set time. */
    RETRY_SCHEDULED("retrying"),
    /** Terminal until an operator replays it: out of retries, or a permanent failure. */
    DEAD("dead"),
    /** Terminal: the subscription's filter dropped the event. */
    FILTERED("filtered");

    private final String externalName;

    DeliveryState(String externalName) {
        this.externalName = externalName;
    }

    /** The lower-case name the delivery API shows and filters on: pending, retrying, succeeded, dead or filtered. */
    public String externalName() {
        return externalName;
    }

    /** True for SUCCEEDED, DEAD and FILTERED: nothing happens to the delivery unless an operator replays it. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == DEAD || this == FILTERED;
    }

    /** The states listed under an external name (case-insensitive); {@code pending} is PENDING and IN_FLIGHT. */
    public static Set<DeliveryState> withExternalName(String name) {
        if (name == null) {
            throw DomainException.invalid("state", "state is required");
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        Set<DeliveryState> states = EnumSet.noneOf(DeliveryState.class);
        for (DeliveryState state : values()) {
            if (state.externalName.equals(wanted)) {
                states.add(state);
            }
        }
        if (states.isEmpty()) {
            throw DomainException.invalid("state",
                    "state must be one of pending, retrying, succeeded, dead, filtered");
        }
        return Collections.unmodifiableSet(states);
    }
}
