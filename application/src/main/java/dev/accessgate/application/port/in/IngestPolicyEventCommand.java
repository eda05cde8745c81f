package dev.accessgate.application.port.in;

import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.domain.policy.PolicyEvent;
import java.util.Objects;

/** A received event and the policy event it was read as. */
public record IngestPolicyEventCommand(ReceivedEvent received, PolicyEvent event) {

    public IngestPolicyEventCommand {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(event, "event");
        if (!received.id().equals(event.id())) {
            throw new IllegalArgumentException("received id " + received.id() + " differs from event id " + event.id());
        }
    }
}
