package dev.accessgate.application.model;

import java.util.Objects;

/** A delivery a worker has just started (IN_FLIGHT, leased), with the event it carries. */
public record ClaimedDelivery(StoredDelivery stored, String eventBody) {

    public ClaimedDelivery {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(eventBody, "eventBody");
    }
}
