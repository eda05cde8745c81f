package dev.accessgate.application.port.out;

import dev.accessgate.application.model.StoredEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored events to list: optionally of one status, strictly after a position in
 * arrival order (keyset pagination), at most {@code limit}.
 *
 * @param after the {@link EventPage#next()} of the previous page
 */
public record EventQuery(Optional<StoredEvent.Status> status, Optional<Long> after, int limit) {

    /** Largest page. */
    public static final int MAX_LIMIT = 1_000;

    public EventQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
