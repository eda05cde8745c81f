package dev.accessgate.domain.delivery;

import java.util.Objects;
import java.util.Optional;

/** How one attempt to run a handler ended. */
public sealed interface AttemptResult {

    /** The reason the next attempt carries if this result is retried; empty if it is not retryable. */
    Optional<RetryReason> retryReason();

    /** One line for the history and the log. */
    String summary();

    /** True when this result is retried as long as the budget allows. */
    default boolean isRetryable() {
        return retryReason().isPresent();
    }

    /** The handler did its work. */
    record Succeeded() implements AttemptResult {
        @Override
        public Optional<RetryReason> retryReason() {
            return Optional.empty();
        }

        @Override
        public String summary() {
            return "succeeded";
        }
    }

    /** The handler returned an InvocationError: it asks to be called again. */
    record RetryRequested(RetryOptions options) implements AttemptResult {
        public RetryRequested {
            Objects.requireNonNull(options, "options");
        }

        @Override
        public Optional<RetryReason> retryReason() {
            return Optional.of(options.reason());
        }

        @Override
        public String summary() {
            return "retry requested (" + options.reason() + ", after " + options.retryAfterSeconds() + " s)";
        }
    }

    /** The handler failed without asking; the platform retries it. {@code detail} is cut to 1024 characters. */
    record Failed(FailureKind kind, String detail) implements AttemptResult {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            detail = Checks.detail(detail);
        }

        @Override
        public Optional<RetryReason> retryReason() {
            return Optional.of(kind.reason());
        }

        @Override
        public String summary() {
            return "failed (" + kind.reason() + ")" + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** The handler said the event can never be handled: no retry. {@code detail} is cut to 1024 characters. */
    record PermanentFailure(String detail) implements AttemptResult {
        public PermanentFailure {
            detail = Checks.detail(detail);
        }

        @Override
        public Optional<RetryReason> retryReason() {
            return Optional.empty();
        }

        @Override
        public String summary() {
            return "permanent failure" + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /**
     * The result of an HTTP handler's answer whose body is not an InvocationError: 2xx succeeds;
     * 429 and 503 are rate limits; any other 4xx is permanent; anything else (other 5xx, and
     * statuses that should not come back at all: 1xx, 3xx, non-standard codes) is an unknown
     * error, retried.
     */
    static AttemptResult ofHttpStatus(int status, String detail) {
        if (status >= 200 && status <= 299) {
            return new Succeeded();
        }
        String text = "HTTP " + status + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        if (status == 429 || status == 503) {
            return new Failed(FailureKind.RATE_LIMITED, text);
        }
        if (status >= 400 && status <= 499) {
            return new PermanentFailure(text);
        }
        return new Failed(FailureKind.UNKNOWN_ERROR, text);
    }
}
