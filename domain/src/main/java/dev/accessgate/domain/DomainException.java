package dev.accessgate.domain;

import java.util.Objects;

/**
 * The one exception the domain throws: a value or a request broke a domain rule.
 * {@link #field()} names what was wrong so adapters can point at it.
 */
public final class DomainException extends RuntimeException {

    /** What kind of rule was broken. */
    public enum Kind {
        /** A value is missing, malformed or out of range. */
        INVALID_VALUE,
        /** A size limit was exceeded. */
        LIMIT_EXCEEDED
    }

    private final Kind kind;
    private final String field;

    /** A refusal of {@code field}'s value, with a message fit for the caller. */
    public DomainException(Kind kind, String field, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = Objects.requireNonNull(field, "field");
    }

    /** An {@link Kind#INVALID_VALUE} refusal of {@code field}. */
    public static DomainException invalid(String field, String message) {
        return new DomainException(Kind.INVALID_VALUE, field, message);
    }

    /** Why the value was refused. */
    public Kind kind() {
        return kind;
    }

    /** The name of the offending field, for example {@code cloudId}. */
    public String field() {
        return field;
    }
}
