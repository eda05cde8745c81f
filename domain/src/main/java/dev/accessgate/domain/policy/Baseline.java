package dev.accessgate.domain.policy;

import dev.accessgate.domain.DomainException;
import java.util.Objects;
import java.util.Set;

/**
 * A whole baseline: its header and the objects it lists, all in memory. Used by the
 * reference model; stores stream the objects instead (see {@link BaselineHeader}).
 *
 * @param objects every object listed; each must be in the header's scope
 */
public record Baseline(BaselineHeader header, Set<ObjectRef> objects) {

    public Baseline {
        Objects.requireNonNull(header, "header");
        objects = Set.copyOf(objects);
        for (ObjectRef object : objects) {
            if (!header.covers(object)) {
                throw DomainException.invalid("objects", "object " + object + " is outside the scope of baseline "
                        + header.id() + " (product " + header.product() + ", types "
                        + header.types().map(Object::toString).orElse("all") + ")");
            }
        }
    }

    /** The workspace the baseline describes. */
    public WorkspaceId workspace() {
        return header.workspace();
    }

    /** The baseline's id, unique within its workspace. */
    public BaselineId id() {
        return header.id();
    }
}
