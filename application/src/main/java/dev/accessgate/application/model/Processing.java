package dev.accessgate.application.model;

import dev.accessgate.domain.policy.PolicyEvent;
import java.util.Objects;

/** What accessgate does with a received event, decided before it is stored. */
public sealed interface Processing {

    /** The status an event processed this way is stored with. */
    default StoredEvent.Status status() {
        if (this instanceof Applied) {
            return StoredEvent.Status.APPLIED;
        }
        return this instanceof Stored ? StoredEvent.Status.STORED : StoredEvent.Status.UNPROCESSED;
    }

    /** Why, in a few words, for the stored record. */
    default String detail() {
        if (this instanceof Applied) {
            return "applied";
        }
        return this instanceof Stored stored ? stored.reason() : ((Unprocessed) this).reason();
    }


    /** Applied to the access policy state in the same transaction that stores the event. */
    record Applied(PolicyEvent event) implements Processing {
        public Applied {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Kept for subscriptions; it changes no policy state (Forge product events). */
    record Stored(String reason) implements Processing {
        public Stored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Stored raw and left for later (an event type this version does not know). */
    record Unprocessed(String reason) implements Processing {
        public Unprocessed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
