package dev.accessgate.domain.policy;

import java.util.Objects;

/**
 * The app's access to the objects inside a container was blocked. It says nothing about
 * which objects: object blocks come only from {@link ObjectsBlocked} (and baselines).
 */
public record ContainerBlocked(WorkspaceId workspace, Block block, ContainerRef container) implements PolicyEvent {

    public ContainerBlocked {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(container, "container");
    }

    @Override
    public EventId id() {
        return block.eventId();
    }
}
