package dev.accessgate.application.port.in;

import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import java.util.Objects;

/** A Forge lifecycle event ({@code avi:forge:installed:app}, {@code avi:forge:upgraded:app}) to keep. */
public record RecordForgeLifecycleCommand(ForgeLifecycleEvent event) {

    public RecordForgeLifecycleCommand {
        Objects.requireNonNull(event, "event");
    }
}
