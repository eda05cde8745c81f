package dev.accessgate.domain.delivery;

import dev.accessgate.domain.DomainException;
import java.time.Instant;

/** Small validations shared by the delivery types. */
final class Checks {

    /** Earliest time accepted; keeps times storable as epoch nanoseconds, like policy events. */
    static final Instant EARLIEST = Instant.EPOCH;
    /** Latest time accepted; far enough away, and due times never overflow. */
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    /** Longest failure detail or filter reason kept; longer text is cut, never refused. */
    static final int MAX_DETAIL_CHARS = 1024;
    /** Longest piece of handler-supplied text quoted in a note. */
    private static final int MAX_QUOTED_CHARS = 64;

    private Checks() {
    }

    static Instant time(String field, Instant value) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw DomainException.invalid(field, field + " must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    /** Null becomes empty; text longer than {@link #MAX_DETAIL_CHARS} is cut and marked. */
    static String detail(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() <= MAX_DETAIL_CHARS) {
            return value;
        }
        return value.substring(0, MAX_DETAIL_CHARS - 1) + "\u2026";
    }

    /**
     * Handler-supplied text made safe to put in a log line: quoted, cut to a few dozen
     * characters, control characters escaped (no line injection).
     */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("'");
        int end = Math.min(value.length(), MAX_QUOTED_CHARS);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\'' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (end < value.length()) {
            out.append('\u2026');
        }
        return out.append('\'').toString();
    }
}
