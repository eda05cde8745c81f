package dev.accessgate.application.port.in;

import dev.accessgate.domain.policy.EventId;

/**
 * Take in an app migration event: store it in the event store (type {@code migration:<eventType>},
 * so subscriptions can match it) and add it to its transfer, in one transaction. Storage is the
 * only work done before the answer.
 */
public interface ReceiveMigrationEventUseCase {

    /** The answer to a receive; every one is acknowledged. */
    sealed interface Result {

        /** The id the event is stored under in the event store. */
        EventId eventId();

        /** Stored now (and added to its transfer, when it names one). */
        record Stored(EventId eventId) implements Result {
        }

        /** The same event (key and body) was stored before: nothing changed. */
        record Duplicate(EventId eventId) implements Result {
        }

        /** Its messageId was stored before with another body: the first is kept, nothing changed. */
        record Conflict(EventId eventId) implements Result {
        }
    }

    /** Returns once the event and its effect are committed. */
    Result receive(ReceiveMigrationEventCommand command);
}
