package dev.accessgate.domain.delivery;

import dev.accessgate.domain.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The retryData a handler gave, as already-serialised JSON. The domain never parses it: it is
 * handed back on the next attempt exactly as received. At most {@link RetryPolicy#MAX_RETRY_DATA_BYTES}.
 */
public record RetryData(String json) {

    public RetryData {
        Objects.requireNonNull(json, "json");
        if (!fits(json)) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "retryData",
                    "retryData is larger than " + RetryPolicy.MAX_RETRY_DATA_BYTES + " bytes");
        }
    }

    /** True when {@code json} encodes to at most {@link RetryPolicy#MAX_RETRY_DATA_BYTES} UTF-8 bytes. */
    static boolean fits(String json) {
        // A char never encodes to less than one byte: long strings are refused without encoding them.
        return json.length() <= RetryPolicy.MAX_RETRY_DATA_BYTES
                && utf8Length(json) <= RetryPolicy.MAX_RETRY_DATA_BYTES;
    }

    /** Size of {@code json} encoded as UTF-8, as the adapters will send and store it. */
    static int utf8Length(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
