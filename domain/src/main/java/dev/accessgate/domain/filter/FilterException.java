package dev.accessgate.domain.filter;

import java.util.Objects;

/** The one exception of this package: an expression failed a static check when compiled. */
public final class FilterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FilterError error;

    /** The expression was refused with {@code error}. */
    public FilterException(FilterError error) {
        super(Objects.requireNonNull(error, "error").toString());
        this.error = error;
    }

    /** What was wrong and where. */
    public FilterError error() {
        return error;
    }
}
