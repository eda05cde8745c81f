package dev.accessgate.application.port.in;

import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Answer questions about the access policy state. */
public interface QueryAccessUseCase {

    /** Most objects one bulk check may ask about. */
    int MAX_CHECK = 10_000;

    /** The block on an object; empty when the app may use it. */
    Optional<Block> objectBlock(WorkspaceId workspace, ObjectRef object);

    /** The blocked ones among {@code objects} (at most {@link #MAX_CHECK}), in {@link ObjectRef} order. */
    List<BlockedObject> blockedAmong(WorkspaceId workspace, Collection<ObjectRef> objects);

    /**
     * True when {@link #objectBlock} and {@link #blockedAmong} for this workspace need no
     * blocking I/O right now (the store answers from memory), so they may run on an event loop.
     * False by default.
     *
     * @param workspace the workspace about to be checked
     * @return whether its checks need no blocking I/O
     */
    default boolean answersInMemory(WorkspaceId workspace) {
        return false;
    }

    /** A page of the blocked objects of a workspace. */
    List<BlockedObject> blockedObjects(WorkspaceId workspace, ObjectQuery query);

    /** Every workspace with anything blocked, ordered by cloudId. */
    List<WorkspaceSummary> workspaces();

    /** The blocked containers of a workspace, ordered by product then id. */
    List<BlockedContainer> blockedContainers(WorkspaceId workspace);
}
