package dev.accessgate.application.port.out;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.domain.delivery.RetryContext;
import dev.accessgate.domain.delivery.RetryOptions;
import dev.accessgate.domain.policy.EventId;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-process handler, implemented by the application that embeds accessgate (a named bean
 * referenced as {@code handler.bean} by a subscription). It is called on a worker thread, at
 * most once at a time per delivery, with the subscription's timeout; a handler that runs over
 * it is interrupted and the attempt counts as {@code FUNCTION_TIME_OUT}. Throwing counts as
 * {@code FUNCTION_PLATFORM_UNKNOWN_ERROR}, running out of memory as {@code FUNCTION_OUT_OF_MEMORY}.
 */
@FunctionalInterface
public interface EventHandler {

    /** Handles one attempt of one delivery; see the type's comment for time-outs and exceptions. */
    Result handle(Event event);

    /**
     * What the handler gets.
     *
     * @param json         the event as stored, JSON text (without {@code retryContext})
     * @param retryContext present on retries (Forge's {@code event.retryContext})
     */
    record Event(DeliveryId deliveryId, EventId eventId, String type, String subscription, String json,
                 Optional<RetryContext> retryContext) {
        public Event {
            Objects.requireNonNull(deliveryId, "deliveryId");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(retryContext, "retryContext");
        }
    }

    /** How the handler finished: success, a retry request (Forge's InvocationError), or a permanent failure. */
    sealed interface Result {

        /** The event was handled. */
        static Result success() {
            return new Success();
        }

        /** A retry with Forge's defaults: after 1 second, {@code FUNCTION_RETRY_REQUEST}. */
        static Result retry() {
            return new Retry(RetryOptions.defaults());
        }

        /**
         * A retry with options, as {@code new InvocationError({retryAfter, retryReason, retryData})};
         * each may be null. Forge's rules are applied ({@link RetryOptions#of}): retryAfter
         * clamped to 1..900, unknown reasons replaced, retryData over 4 KB dropped.
         *
         * @param retryDataJson the retryData as JSON text, handed back unchanged on the retry
         */
        static Result retry(Number retryAfterSeconds, String retryReason, String retryDataJson) {
            return new Retry(RetryOptions.of(retryAfterSeconds, retryReason, retryDataJson));
        }

        /** The event can never be handled: the delivery is dead at once, no retry. */
        static Result permanentFailure(String detail) {
            return new PermanentFailure(detail);
        }

        /** The event was handled. */
        record Success() implements Result {
        }

        /**
         * Try again later, as asked.
         * @param options when and why, with Forge's rules applied
         */
        record Retry(RetryOptions options) implements Result {
            public Retry {
                Objects.requireNonNull(options, "options");
            }
        }

        /**
         * The event can never be handled: no retry.
         * @param detail why, kept on the dead delivery
         */
        record PermanentFailure(String detail) implements Result {
            public PermanentFailure {
                Objects.requireNonNull(detail, "detail");
            }
        }
    }
}
