package dev.accessgate.application.model;

import dev.accessgate.domain.policy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/** An event as stored: what arrived, how it was processed, and the workspace it touched. */
public record StoredEvent(ReceivedEvent event, Status status, Optional<WorkspaceId> workspace, String detail) {

    /** Processing status of a stored event. */
    public enum Status {
        APPLIED, UNPROCESSED
    }

    public StoredEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(detail, "detail");
    }
}
