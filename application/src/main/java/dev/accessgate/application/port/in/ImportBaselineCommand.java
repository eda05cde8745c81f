package dev.accessgate.application.port.in;

import dev.accessgate.application.model.BaselineObjects;
import dev.accessgate.domain.policy.BaselineHeader;
import java.time.Instant;
import java.util.Objects;

/** A baseline to import: its header, its objects (streamed), and when it arrived. */
public record ImportBaselineCommand(BaselineHeader header, BaselineObjects objects, Instant receivedAt) {

    public ImportBaselineCommand {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
