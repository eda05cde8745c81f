package dev.accessgate.application.model;

import dev.accessgate.domain.delivery.EventTypePattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A subscription as configured (SPEC 3): a name, the event types it takes, an optional filter
 * and its handler. Each stored event whose type matches gets one delivery per subscription.
 *
 * @param name   unique; letters, digits, {@code .}, {@code _} and {@code -}, at most 128 characters
 * @param events at least one pattern
 */
public record Subscription(String name, List<EventTypePattern> events, Optional<FilterSpec> filter,
                           HandlerSpec handler) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public Subscription {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("subscription name '" + name
                    + "' must be 1 to 128 letters, digits, '.', '_' or '-'");
        }
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("subscription '" + name + "' lists no event types");
        }
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(handler, "handler");
    }

    /** True when any of its patterns matches {@code eventType}. */
    public boolean takes(String eventType) {
        for (EventTypePattern pattern : events) {
            if (pattern.matches(eventType)) {
                return true;
            }
        }
        return false;
    }
}
