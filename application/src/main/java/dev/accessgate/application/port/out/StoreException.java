package dev.accessgate.application.port.out;

/**
 * The one exception outgoing storage ports throw: the store could not do its work.
 * Whatever was being written was not committed.
 */
public final class StoreException extends RuntimeException {

    /** Whether trying again later may succeed. */
    public enum Kind {
        /** Busy, locked, full or read-only: a later attempt may succeed. */
        UNAVAILABLE,
        /** Anything else. */
        FAILED
    }

    private final Kind kind;

    /** A failure of the store, of this kind; {@code message} never holds secrets or payloads. */
    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Whether trying again later may succeed. */
    public Kind kind() {
        return kind;
    }
}
