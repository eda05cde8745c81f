package dev.accessgate.domain.policy;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The access policy state of every workspace an app is installed in, held in memory.
 * This is the reference model of the rules (the stores in adapters must agree with it)
 * and the whole state for a product that embeds the domain. Not thread-safe.
 */
public final class AccessPolicyState {

    private final Map<WorkspaceId, WorkspacePolicy> workspaces = new TreeMap<>();

    /** Applies an event to its workspace, creating the workspace on first sight. */
    public ApplyOutcome apply(PolicyEvent event) {
        return workspaces.computeIfAbsent(event.workspace(), WorkspacePolicy::new).apply(event);
    }

    /** Applies a baseline to its workspace, creating the workspace on first sight. */
    public BaselineOutcome apply(Baseline baseline) {
        return workspaces.computeIfAbsent(baseline.workspace(), WorkspacePolicy::new).apply(baseline);
    }

    /** True when {@code object} is blocked in {@code workspace} (see {@link WorkspacePolicy#isBlocked}). */
    public boolean isBlocked(WorkspaceId workspace, ObjectRef object) {
        WorkspacePolicy policy = workspaces.get(workspace);
        return policy != null && policy.isBlocked(object);
    }

    /** The state of one workspace, empty when nothing was ever applied to it. */
    public Optional<WorkspacePolicy> workspace(WorkspaceId workspace) {
        return Optional.ofNullable(workspaces.get(workspace));
    }

    /** Read-only view, ordered by cloudId. */
    public Map<WorkspaceId, WorkspacePolicy> workspaces() {
        return Collections.unmodifiableMap(workspaces);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessPolicyState other && workspaces.equals(other.workspaces);
    }

    @Override
    public int hashCode() {
        return workspaces.hashCode();
    }
}
