package dev.accessgate.application.port.in;

import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.util.List;
import java.util.Optional;

/** Answer questions about the access policy state. */
public interface QueryAccessUseCase {

    /** The block on an object; empty when the app may use it. */
    Optional<Block> objectBlock(WorkspaceId workspace, ObjectRef object);

    List<WorkspaceSummary> workspaces();

    List<BlockedContainer> blockedContainers(WorkspaceId workspace);
}
