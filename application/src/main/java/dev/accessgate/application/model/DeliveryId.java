package dev.accessgate.application.model;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of one delivery (one event to one subscription): a random UUID, safe in a URL path. */
public record DeliveryId(String value) {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public DeliveryId {
        Objects.requireNonNull(value, "value");
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("a delivery id is a lower-case UUID");
        }
    }

    /** A new random id. */
    public static DeliveryId random() {
        return new DeliveryId(UUID.randomUUID().toString());
    }

    /** The id if {@code text} is one; empty for anything else (an API path segment, say). */
    public static java.util.Optional<DeliveryId> parse(String text) {
        return text != null && UUID_TEXT.matcher(text).matches()
                ? java.util.Optional.of(new DeliveryId(text))
                : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
