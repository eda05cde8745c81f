package dev.accessgate.domain.filter;

import java.util.Objects;

/** What to do with an event whose filter evaluation failed (spec §11). Default: {@link #IGNORE_AND_LOG}. */
public enum OnError {
    /** Drop the event and publish a log entry (the default). */
    IGNORE_AND_LOG(false, true),
    /** Drop the event silently. */
    IGNORE(false, false),
    /** Deliver the event and publish a log entry. */
    RECEIVE_AND_LOG(true, true),
    /** Deliver the event silently. */
    RECEIVE(true, false);

    private final boolean deliver;
    private final boolean log;

    OnError(boolean deliver, boolean log) {
        this.deliver = deliver;
        this.log = log;
    }

    /** Whether an event whose evaluation failed is still delivered. */
    public boolean deliver() {
        return deliver;
    }

    /** Whether a failed evaluation publishes a log entry. */
    public boolean log() {
        return log;
    }

    /** Parses the manifest value; only the exact names are accepted. */
    public static OnError parse(String value) {
        Objects.requireNonNull(value, "value");
        for (OnError candidate : values()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown onError value '" + value
                + "': expected IGNORE_AND_LOG, IGNORE, RECEIVE_AND_LOG or RECEIVE");
    }
}
