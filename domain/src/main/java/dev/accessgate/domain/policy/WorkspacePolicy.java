package dev.accessgate.domain.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The access policy state of one workspace: blocked objects, blocked containers and the
 * ids of the events already applied.
 *
 * <p>Applying is idempotent (an event id is applied once) and order-independent (blocks
 * only accumulate, and {@link Block#earliest} decides which event is remembered). Not
 * thread-safe: confine an instance to one thread or guard it.
 */
public final class WorkspacePolicy {

    private final WorkspaceId workspace;
    private final Map<ObjectRef, Block> objects = new HashMap<>();
    private final Map<ContainerRef, Block> containers = new HashMap<>();
    private final Set<EventId> applied = new HashSet<>();

    public WorkspacePolicy(WorkspaceId workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    public WorkspaceId workspace() {
        return workspace;
    }

    /** Applies one event of this workspace. */
    public ApplyOutcome apply(PolicyEvent event) {
        if (!event.workspace().equals(workspace)) {
            throw new IllegalArgumentException("event " + event.id() + " belongs to " + event.workspace()
                    + ", not " + workspace);
        }
        if (!applied.add(event.id())) {
            return new ApplyOutcome.AlreadyApplied(event.id());
        }
        int newlyBlocked;
        if (event instanceof ObjectsBlocked blocked) {
            newlyBlocked = blockAll(objects, blocked.objects(), blocked.block());
        } else {
            ContainerBlocked blocked = (ContainerBlocked) event;
            newlyBlocked = blockAll(containers, Set.of(blocked.container()), blocked.block());
        }
        return new ApplyOutcome.Applied(event.id(), newlyBlocked);
    }

    private static <K> int blockAll(Map<K, Block> blocks, Iterable<K> keys, Block block) {
        int added = 0;
        for (K key : keys) {
            Block before = blocks.get(key);
            if (before == null) {
                blocks.put(key, block);
                added++;
            } else if (block.precedes(before)) {
                blocks.put(key, block);
            }
        }
        return added;
    }

    public boolean isBlocked(ObjectRef object) {
        return objects.containsKey(object);
    }

    public Optional<Block> objectBlock(ObjectRef object) {
        return Optional.ofNullable(objects.get(object));
    }

    public Optional<Block> containerBlock(ContainerRef container) {
        return Optional.ofNullable(containers.get(container));
    }

    /** Read-only view of the blocked objects. */
    public Map<ObjectRef, Block> blockedObjects() {
        return Collections.unmodifiableMap(objects);
    }

    /** Read-only view of the blocked containers. */
    public Map<ContainerRef, Block> blockedContainers() {
        return Collections.unmodifiableMap(containers);
    }

    public boolean hasApplied(EventId event) {
        return applied.contains(event);
    }

    /** Read-only view of the ids of the events applied so far. */
    public Set<EventId> appliedEvents() {
        return Collections.unmodifiableSet(applied);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspacePolicy other
                && workspace.equals(other.workspace)
                && objects.equals(other.objects)
                && containers.equals(other.containers)
                && applied.equals(other.applied);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspace, objects, containers, applied);
    }

    @Override
    public String toString() {
        return "WorkspacePolicy[" + workspace + ", " + objects.size() + " objects, "
                + containers.size() + " containers, " + applied.size() + " events]";
    }
}
