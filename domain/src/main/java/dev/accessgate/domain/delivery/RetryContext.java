package dev.accessgate.domain.delivery;

import dev.accessgate.domain.DomainException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler is told on a retry ({@code retryContext} in Forge): which retry this is and
 * the reason and data of the attempt before.
 *
 * @param retryCount 1 on the first retry, up to {@link RetryPolicy#MAX_RETRIES}
 * @param reason     why the previous attempt is being retried
 * @param retryData  the data the previous attempt asked to be handed back, exactly as given
 */
public record RetryContext(int retryCount, RetryReason reason, Optional<RetryData> retryData) {

    public RetryContext {
        if (retryCount < 1 || retryCount > RetryPolicy.MAX_RETRIES) {
            throw DomainException.invalid("retryCount",
                    "retryCount must be between 1 and " + RetryPolicy.MAX_RETRIES + ", was " + retryCount);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retryData, "retryData");
    }
}
