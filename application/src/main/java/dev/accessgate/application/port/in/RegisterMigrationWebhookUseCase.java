package dev.accessgate.application.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers the migration webhook with a Connect client's Notification API
 * ({@code PUT /rest/atlassian-connect/1/migration/webhook}, then {@code GET} to confirm).
 */
public interface RegisterMigrationWebhookUseCase {

    /** How one registration attempt ended. */
    sealed interface Result {

        /** PUT accepted and GET answered these endpoints, which include ours. */
        record Registered(List<String> endpoints) implements Result {
            public Registered {
                endpoints = List.copyOf(endpoints);
            }
        }

        /** The client is not stored, or not enabled (any more): nothing was sent. */
        record Skipped(String reason) implements Result {
        }

        /** The call failed or GET did not confirm; {@code retryable} when trying later may help. */
        record Failed(String reason, boolean retryable) implements Result {
        }
    }

    /** One attempt, as reported and kept for {@link #registrations()}. */
    record Attempt(String clientKey, int number, Instant at, Result result, Optional<Duration> nextRetryIn) {
        public Attempt {
            Objects.requireNonNull(clientKey, "clientKey");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(nextRetryIn, "nextRetryIn");
        }
    }

    /**
     * The Connect {@code enabled} callback of {@code clientKey} succeeded: when registration is
     * switched on, registers in the background (retrying failures later). Returns at once and
     * never throws, so the callback's answer does not depend on the Notification API.
     */
    void clientEnabled(String clientKey);

    /** One attempt now, in the caller's thread. */
    Result register(String clientKey);

    /** The latest attempt per client, ordered by client key. */
    List<Attempt> registrations();
}
