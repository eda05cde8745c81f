package dev.accessgate.domain.policy;

import dev.accessgate.domain.DomainException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The app's access to these objects was blocked (one chunk of a possibly larger change).
 * Repeated objects are collapsed; the list keeps first-seen order.
 */
public record ObjectsBlocked(WorkspaceId workspace, Block block, List<ObjectRef> objects) implements PolicyEvent {

    /** Most objects one event may carry. Atlassian chunks larger changes into several events. */
    public static final int MAX_OBJECTS = 100_000;

    public ObjectsBlocked {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(objects, "objects");
        if (objects.size() > MAX_OBJECTS) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "objects",
                    "an event may block at most " + MAX_OBJECTS + " objects, this one names " + objects.size());
        }
        objects = List.copyOf(new LinkedHashSet<>(objects));
    }

    @Override
    public EventId id() {
        return block.eventId();
    }
}
