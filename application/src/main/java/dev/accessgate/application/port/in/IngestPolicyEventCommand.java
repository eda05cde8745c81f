package dev.accessgate.application.port.in;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import java.util.Objects;

/**
 * A received event and what to do with it: apply the policy event it was read as, or keep
 * it unprocessed (a type this version does not know).
 */
public record IngestPolicyEventCommand(ReceivedEvent received, Processing processing) {

    public IngestPolicyEventCommand {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(processing, "processing");
        if (processing instanceof Processing.Applied applied && !received.id().equals(applied.event().id())) {
            throw new IllegalArgumentException("received id " + received.id() + " differs from event id "
                    + applied.event().id());
        }
    }
}
