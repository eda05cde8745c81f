package dev.accessgate.domain.policy;

import dev.accessgate.domain.Text;

/** A workspace (an Atlassian site), identified by its cloudId. Compared exactly. */
public record WorkspaceId(String cloudId) implements Comparable<WorkspaceId> {

    public WorkspaceId {
        Text.identifier("cloudId", cloudId);
    }

    @Override
    public int compareTo(WorkspaceId other) {
        return Text.compareCodePoints(cloudId, other.cloudId);
    }

    @Override
    public String toString() {
        return cloudId;
    }
}
