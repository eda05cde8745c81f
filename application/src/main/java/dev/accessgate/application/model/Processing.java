package dev.accessgate.application.model;

import dev.accessgate.domain.policy.PolicyEvent;
import java.util.Objects;

/** What accessgate does with a received event, decided before it is stored. */
public sealed interface Processing {

    /** Applied to the access policy state in the same transaction that stores the event. */
    record Applied(PolicyEvent event) implements Processing {
        public Applied {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Stored raw and left for later (an event type this version does not know). */
    record Unprocessed(String reason) implements Processing {
        public Unprocessed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
