package dev.accessgate.application.model;

import dev.accessgate.domain.policy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;

/** An event as stored: what arrived, how it was processed, and the workspace it touched. */
public record StoredEvent(ReceivedEvent event, Status status, Optional<WorkspaceId> workspace, String detail) {

    /** Processing status of a stored event. */
    public enum Status {
        /** A policy event, applied to the access policy state. */
        APPLIED,
        /** A known event with no effect on the policy state (a product event): kept for subscriptions. */
        STORED,
        /** Not understood by this version (a new type or version, a v1 site not yet mapped): kept to reprocess. */
        UNPROCESSED
    }

    public StoredEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(detail, "detail");
    }
}
