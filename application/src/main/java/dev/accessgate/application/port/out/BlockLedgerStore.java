package dev.accessgate.application.port.out;

import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read side of the access policy state as the store keeps it. */
public interface BlockLedgerStore {

    /** The block on an object, if it is blocked. */
    Optional<Block> objectBlock(WorkspaceId workspace, ObjectRef object);

    /** Every workspace with anything blocked, ordered by cloudId. */
    List<WorkspaceSummary> workspaces();

    /** Blocked containers of a workspace, ordered by product then id. */
    List<BlockedContainer> containers(WorkspaceId workspace);

    /** Which of these objects are blocked (each at most once, in {@link ObjectRef} order). */
    List<BlockedObject> blockedAmong(WorkspaceId workspace, Collection<ObjectRef> objects);

    /** A page of blocked objects in {@link ObjectRef} order. */
    List<BlockedObject> objects(WorkspaceId workspace, ObjectQuery query);

    /**
     * True when {@link #objectBlock} and {@link #blockedAmong} for this workspace answer from
     * memory right now, without blocking I/O, so a caller may ask on a thread that must not
     * block (an event loop). The answer may turn false later; asking again is cheap. False by
     * default.
     *
     * @param workspace the workspace about to be checked
     * @return whether its checks need no blocking I/O
     */
    default boolean answersInMemory(WorkspaceId workspace) {
        return false;
    }
}
