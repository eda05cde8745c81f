package dev.accessgate.domain.delivery;

import dev.accessgate.domain.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler asked for when it requested a retry, after Forge's rules were applied.
 * Build it from raw handler input with {@link #of}, which never refuses anything: what it had
 * to change is listed in {@link #notes()}, one human-readable line each, for the log.
 *
 * @param retryAfterSeconds wait before the retry, 1..900
 * @param reason            one of the two app reasons
 * @param retryData         data to hand back on the retry, if the handler gave some that fits
 * @param notes             what {@link #of} changed in the handler's input (empty when nothing)
 */
public record RetryOptions(long retryAfterSeconds, RetryReason reason, Optional<RetryData> retryData,
                           List<String> notes) {

    public RetryOptions {
        if (retryAfterSeconds < RetryPolicy.MIN_RETRY_AFTER || retryAfterSeconds > RetryPolicy.MAX_RETRY_AFTER) {
            throw DomainException.invalid("retryAfter", "retryAfter must be between "
                    + RetryPolicy.MIN_RETRY_AFTER + " and " + RetryPolicy.MAX_RETRY_AFTER + " seconds");
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.isPlatform()) {
            throw DomainException.invalid("retryReason", reason + " is chosen by the platform, not by a handler");
        }
        Objects.requireNonNull(retryData, "retryData");
        notes = List.copyOf(notes);
    }

    /** What a retry request without options means: retry after 1 second, FUNCTION_RETRY_REQUEST. */
    public static RetryOptions defaults() {
        return new RetryOptions(RetryPolicy.MIN_RETRY_AFTER, RetryReason.FUNCTION_RETRY_REQUEST,
                Optional.empty(), List.of());
    }

    /**
     * Applies Forge's rules to the raw RetryOptions of a handler. Every argument may be null
     * (missing).
     * <ul>
     * <li>retryAfter: see {@link RetryPolicy#retryAfterSeconds}; a changed value is noted.</li>
     * <li>retryReason: missing means FUNCTION_RETRY_REQUEST; anything but the exact name of an app
     * reason (an unknown string, or a platform reason) is replaced by FUNCTION_RETRY_REQUEST and noted.</li>
     * <li>retryData: already-serialised JSON, kept as is; over 4096 UTF-8 bytes it is dropped and
     * noted, and the retry still happens.</li>
     * </ul>
     */
    public static RetryOptions of(Number retryAfter, String retryReason, String retryData) {
        List<String> notes = new ArrayList<>();

        long seconds = RetryPolicy.retryAfterSeconds(retryAfter);
        if (retryAfter != null && !sameNumber(retryAfter, seconds)) {
            notes.add("retryAfter " + Checks.quote(String.valueOf(retryAfter)) + " changed to " + seconds
                    + " (allowed " + RetryPolicy.MIN_RETRY_AFTER + ".." + RetryPolicy.MAX_RETRY_AFTER + " seconds)");
        }

        RetryReason reason = RetryReason.FUNCTION_RETRY_REQUEST;
        if (retryReason != null) {
            Optional<RetryReason> known = RetryReason.fromName(retryReason).filter(r -> !r.isPlatform());
            if (known.isPresent()) {
                reason = known.get();
            } else {
                notes.add("retryReason " + Checks.quote(retryReason) + " is not an app retry reason;"
                        + " FUNCTION_RETRY_REQUEST used instead");
            }
        }

        Optional<RetryData> data = Optional.empty();
        if (retryData != null) {
            if (RetryData.fits(retryData)) {
                data = Optional.of(new RetryData(retryData));
            } else {
                notes.add("retryData dropped: it is " + RetryData.utf8Length(retryData)
                        + " bytes, over the limit of " + RetryPolicy.MAX_RETRY_DATA_BYTES
                        + " bytes; the retry goes ahead without it");
            }
        }
        return new RetryOptions(seconds, reason, data, notes);
    }

    /** How long to wait before the retry. */
    public Duration retryAfter() {
        return Duration.ofSeconds(retryAfterSeconds);
    }

    private static boolean sameNumber(Number raw, long seconds) {
        if (raw instanceof Double || raw instanceof Float) {
            return raw.doubleValue() == seconds;
        }
        if (raw instanceof BigDecimal decimal) {
            return decimal.compareTo(BigDecimal.valueOf(seconds)) == 0;
        }
        if (raw instanceof BigInteger integer) {
            return integer.equals(BigInteger.valueOf(seconds));
        }
        return raw.longValue() == seconds;
    }
}
