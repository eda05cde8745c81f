package dev.accessgate.domain.policy;

import java.util.Objects;

/** How much is blocked in one workspace. */
public record WorkspaceSummary(WorkspaceId workspace, long blockedObjects, long blockedContainers) {

    public WorkspaceSummary {
        Objects.requireNonNull(workspace, "workspace");
        if (blockedObjects < 0 || blockedContainers < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
