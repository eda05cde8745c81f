package dev.accessgate.domain.delivery;

import java.util.Optional;

/**
 * Why an attempt is retried, with Forge's names. The first two are the ones an app may
 * give in its RetryOptions; the other four are chosen by accessgate when a handler fails
 * without asking for a retry.
 */
public enum RetryReason {
    /** App: an upstream rate limit made the handler fail. */
    FUNCTION_UPSTREAM_RATE_LIMITED(false),
    /** App: some other error the app wants retried; also the default. */
    FUNCTION_RETRY_REQUEST(false),
    /** Platform: the handler timed out. */
    FUNCTION_TIME_OUT(true),
    /** Platform: the handler ran out of memory. */
    FUNCTION_OUT_OF_MEMORY(true),
    /** Platform: the handler answered HTTP 429 or 503. */
    FUNCTION_PLATFORM_RATE_LIMITED(true),
    /** Platform: an exception, another 5xx or a connection failure. */
    FUNCTION_PLATFORM_UNKNOWN_ERROR(true);

    private final boolean platform;

    RetryReason(boolean platform) {
        this.platform = platform;
    }

    /** True for the reasons accessgate chooses, false for the two an app may give. */
    public boolean isPlatform() {
        return platform;
    }

    /** The reason with exactly this name (case-sensitive, as Forge sends it), if any. */
    public static Optional<RetryReason> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (RetryReason reason : values()) {
            if (reason.name().equals(name)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
