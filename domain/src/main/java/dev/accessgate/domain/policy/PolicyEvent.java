package dev.accessgate.domain.policy;

/**
 * A data security policy event that changes the access policy state of one workspace.
 * Unknown event types never become a {@code PolicyEvent}; they are stored raw elsewhere.
 */
public sealed interface PolicyEvent permits ObjectsBlocked, ContainerBlocked {

    /** The event's id: the same id is applied at most once. */
    EventId id();

    /** The workspace (cloudId) the event is about. */
    WorkspaceId workspace();

    /** The block this event puts on everything it names. */
    Block block();
}
