package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.domain.policy.Block;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of CloudEvents context attributes as the AsyncAPI schema of the policy events
 * states them: required, {@code minLength: 1}, {@code specversion} enum, {@code format:
 * uri-reference} and {@code format: date-time} (RFC 3339). Each check adds a violation.
 */
final class Attributes {

    /** RFC 3339 {@code date-time}: seconds required, offset required, T/Z in either case. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private Attributes() {
    }

    static String requiredText(Object value, String pointer, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(pointer, "is required"));
            return null;
        }
        if (!(value instanceof String text)) {
            violations.add(new Violation(pointer, "must be a string"));
            return null;
        }
        if (text.isEmpty()) {
            violations.add(new Violation(pointer, "must not be empty"));
            return null;
        }
        return text;
    }

    static void specVersion(Object value, String pointer, List<Violation> violations) {
        String version = requiredText(value, pointer, violations);
        if (version != null && !version.equals("1.0")) {
            violations.add(new Violation(pointer, "must be \"1.0\", not \"" + abbreviate(version) + "\""));
        }
    }

    static String uriReference(Object value, String pointer, List<Violation> violations) {
        String text = requiredText(value, pointer, violations);
        if (text != null) {
            try {
                new URI(text);
            } catch (URISyntaxException e) {
                violations.add(new Violation(pointer, "must be a URI reference (RFC 3986): " + e.getReason()));
                return null;
            }
        }
        return text;
    }

    static Instant time(Object value, String pointer, List<Violation> violations) {
        String text = requiredText(value, pointer, violations);
        if (text == null) {
            return null;
        }
        if (!RFC_3339.matcher(text).matches()) {
            violations.add(new Violation(pointer, "must be an RFC 3339 date-time such as 2023-10-24T08:08:08Z"));
            return null;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(pointer, "is not a valid date-time: " + e.getMessage()));
            return null;
        }
        if (time.isBefore(Block.EARLIEST) || time.isAfter(Block.LATEST)) {
            violations.add(new Violation(pointer, "must be between " + Block.EARLIEST + " and " + Block.LATEST));
            return null;
        }
        return time;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
