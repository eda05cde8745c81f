package dev.accessgate.domain.policy;

import dev.accessgate.domain.Text;

/** The id of an event as its sender gave it (the CloudEvents {@code id}). */
public record EventId(String value) implements Comparable<EventId> {

    public EventId {
        Text.identifier("id", value);
    }

    @Override
    public int compareTo(EventId other) {
        return Text.compareCodePoints(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
