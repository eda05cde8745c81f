package dev.accessgate.application.port.in;

import dev.accessgate.domain.migration.MigrationEvent;
import java.util.Objects;

/** A migration event, read and authenticated, with its body as it arrived (kept verbatim). */
public record ReceiveMigrationEventCommand(MigrationEvent event, String body) {

    public ReceiveMigrationEventCommand {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(body, "body");
    }
}
