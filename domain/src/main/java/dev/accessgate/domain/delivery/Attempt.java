package dev.accessgate.domain.delivery;

import dev.accessgate.domain.DomainException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished attempt, kept in a delivery's history.
 *
 * @param budget    which budget it belongs to: 1, then one more per replay
 * @param number    its number within that budget, 1..{@link RetryPolicy#MAX_ATTEMPTS}
 * @param startedAt when it started
 * @param endedAt   when it ended (not before it started)
 * @param result    how it ended
 */
public record Attempt(int budget, int number, Instant startedAt, Instant endedAt, AttemptResult result) {

    public Attempt {
        if (budget < 1) {
            throw DomainException.invalid("budget", "budget starts at 1, was " + budget);
        }
        if (number < 1 || number > RetryPolicy.MAX_ATTEMPTS) {
            throw DomainException.invalid("number",
                    "attempt number must be between 1 and " + RetryPolicy.MAX_ATTEMPTS + ", was " + number);
        }
        Checks.time("startedAt", startedAt);
        Checks.time("endedAt", endedAt);
        if (endedAt.isBefore(startedAt)) {
            throw DomainException.invalid("endedAt", "an attempt cannot end before it starts");
        }
        Objects.requireNonNull(result, "result");
    }

    /** The reason the attempt after this one carries, if this one is retryable. */
    public Optional<RetryReason> retryReason() {
        return result.retryReason();
    }

    /** The data this attempt asked to be handed back, if it requested a retry with data that fits. */
    public Optional<RetryData> retryData() {
        return result instanceof AttemptResult.RetryRequested requested
                ? requested.options().retryData()
                : Optional.empty();
    }
}
