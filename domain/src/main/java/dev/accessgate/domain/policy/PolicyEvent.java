package dev.accessgate.domain.policy;

/**
 * A data security policy event that changes the access policy state of one workspace.
 * Unknown event types never become a {@code PolicyEvent}; they are stored raw elsewhere.
 */
public sealed interface PolicyEvent permits ObjectsBlocked, ContainerBlocked {

    EventId id();

    WorkspaceId workspace();

    /** The block this event puts on everything it names. */
    Block block();
}
