package dev.accessgate.application.port.out;

import java.util.Objects;

/**
 * A subscription's filter (SPEC 3.3), decided once per event before its first attempt. The
 * implementation evaluates the configured expression against the event and applies the
 * subscription's {@code onError}; a refused event becomes a FILTERED delivery with the reason.
 * Must be fast and side-effect free: it runs in the ingest request, before the acknowledgement.
 */
@FunctionalInterface
public interface DeliveryFilter {

    /** Delivers everything: a subscription without a filter. */
    DeliveryFilter DELIVER_ALL = eventJson -> Verdict.DELIVER;

    /** @param eventJson the event as the handler will receive it on its first attempt */
    Verdict decide(String eventJson);

    /**
     * Deliver, or drop with a reason (logged when {@code log} is true). {@code error} tells that
     * the expression failed and {@code onError} decided (counted apart in the metrics).
     */
    sealed interface Verdict {

        /** The event is delivered. */
        Verdict DELIVER = new Deliver(false);

        /** Whether the expression failed and {@code onError} made this verdict. */
        boolean error();

        /** The event is dropped for {@code reason}; logged when {@code log} is true. */
        static Verdict drop(String reason, boolean log) {
            return new Drop(reason, log, false);
        }

        /** The expression failed and {@code onError} delivers anyway. */
        static Verdict deliverAfterError() {
            return new Deliver(true);
        }

        /** The expression failed and {@code onError} drops. */
        static Verdict dropAfterError(String reason, boolean log) {
            return new Drop(reason, log, true);
        }

        /**
         * Deliver the event.
         * @param error whether the expression failed and {@code onError} delivers anyway
         */
        record Deliver(boolean error) implements Verdict {
        }

        /**
         * Drop the event.
         * @param reason why, kept on the FILTERED delivery
         * @param log whether to log the drop
         * @param error whether the expression failed and {@code onError} drops
         */
        record Drop(String reason, boolean log, boolean error) implements Verdict {
            public Drop {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
