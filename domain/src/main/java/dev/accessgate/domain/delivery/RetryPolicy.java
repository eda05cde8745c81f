package dev.accessgate.domain.delivery;

import dev.accessgate.domain.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The numbers of Forge's retry rules, and the delays accessgate uses where Forge does not
 * publish its own (platform failures).
 */
public final class RetryPolicy {

    /** Retries per event per subscription, per budget. */
    public static final int MAX_RETRIES = 4;
    /** Attempts per budget: the first one and the retries. */
    public static final int MAX_ATTEMPTS = MAX_RETRIES + 1;
    /** Shortest retryAfter, seconds ({@code MIN_RETRY_AFTER} in {@code @forge/events}). */
    public static final long MIN_RETRY_AFTER = 1;
    /** Longest retryAfter, seconds; longer requests are lowered to it. */
    public static final long MAX_RETRY_AFTER = 900;
    /** Largest serialised retryData, in UTF-8 bytes. */
    public static final int MAX_RETRY_DATA_BYTES = 4096;
    /** Each platform retry waits this many times longer than the one before. */
    public static final long PLATFORM_BACKOFF_FACTOR = 10;
    /** Most attempts a delivery keeps in its history, across replays (oldest dropped first). */
    public static final int MAX_HISTORY = 5 * MAX_ATTEMPTS;

    private static final BigDecimal MIN = BigDecimal.valueOf(MIN_RETRY_AFTER);
    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_RETRY_AFTER);

    private RetryPolicy() {
    }

    /** {@code seconds} brought into {@code MIN_RETRY_AFTER..MAX_RETRY_AFTER}. */
    public static long clampRetryAfter(long seconds) {
        return Math.max(MIN_RETRY_AFTER, Math.min(MAX_RETRY_AFTER, seconds));
    }

    /**
     * The retryAfter Forge's rules give for a raw value as a handler sent it: missing (null)
     * or NaN is 1, fractions round up (never retry earlier than asked), then the value is
     * brought into 1..900. Any {@link Number} works, so the JSON adapter can pass what it parsed.
     */
    public static long retryAfterSeconds(Number raw) {
        if (raw == null) {
            return MIN_RETRY_AFTER;
        }
        if (raw instanceof Double || raw instanceof Float) {
            double value = raw.doubleValue();
            if (Double.isNaN(value)) {
                return MIN_RETRY_AFTER;
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? MAX_RETRY_AFTER : MIN_RETRY_AFTER;
            }
            return clamp(BigDecimal.valueOf(value));
        }
        if (raw instanceof BigDecimal decimal) {
            return clamp(decimal);
        }
        if (raw instanceof BigInteger integer) {
            return clamp(new BigDecimal(integer));
        }
        return clampRetryAfter(raw.longValue());
    }

    /** Compares before rounding, so a huge exponent never gets expanded. */
    private static long clamp(BigDecimal value) {
        if (value.compareTo(MIN) <= 0) {
            return MIN_RETRY_AFTER;
        }
        if (value.compareTo(MAX) >= 0) {
            return MAX_RETRY_AFTER;
        }
        return value.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * Seconds to wait before retry number {@code retryCount} (1..) after a platform failure:
     * 1, 10, 100, then 900 (10^(n-1), capped at {@link #MAX_RETRY_AFTER}). Deterministic, no jitter.
     */
    public static long platformBackoffSeconds(int retryCount) {
        if (retryCount < 1) {
            throw DomainException.invalid("retryCount", "retryCount starts at 1, was " + retryCount);
        }
        long delay = MIN_RETRY_AFTER;
        for (int i = 1; i < retryCount && delay < MAX_RETRY_AFTER; i++) {
            delay *= PLATFORM_BACKOFF_FACTOR;
        }
        return Math.min(delay, MAX_RETRY_AFTER);
    }
}
