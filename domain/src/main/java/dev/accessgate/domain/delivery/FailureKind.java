package dev.accessgate.domain.delivery;

/** How a handler failed without asking for a retry; each kind has its platform retry reason. */
public enum FailureKind {
    /** The handler did not answer within its timeout. */
    TIMED_OUT(RetryReason.FUNCTION_TIME_OUT),
    /** The handler ran out of memory. */
    OUT_OF_MEMORY(RetryReason.FUNCTION_OUT_OF_MEMORY),
    /** The handler answered HTTP 429 or 503. */
    RATE_LIMITED(RetryReason.FUNCTION_PLATFORM_RATE_LIMITED),
    /** An exception, another 5xx, a connection failure, or anything else unexpected. */
    UNKNOWN_ERROR(RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR);

    private final RetryReason reason;

    FailureKind(RetryReason reason) {
        this.reason = reason;
    }

    /** The platform reason the retry carries. */
    public RetryReason reason() {
        return reason;
    }
}
