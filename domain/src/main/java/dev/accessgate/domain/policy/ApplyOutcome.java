package dev.accessgate.domain.policy;

/** What applying one event did. */
public sealed interface ApplyOutcome {

    /** The event that was applied. */
    EventId eventId();

    /** The event was new; {@code newlyBlocked} things were not blocked before. */
    record Applied(EventId eventId, int newlyBlocked) implements ApplyOutcome {
    }

    /** The event had been applied already; nothing changed. */
    record AlreadyApplied(EventId eventId) implements ApplyOutcome {
    }
}
