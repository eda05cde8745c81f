package dev.accessgate.application.port.out;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import java.time.Duration;

/**
 * What ingestion reports as it works: metrics and the log context of the service. Gets ids,
 * types and outcomes, never payloads. Must not throw.
 */
public interface IngestObserver {

    /** Reports nothing. */
    IngestObserver NONE = new IngestObserver() {
    };

    /** The event is about to be routed and stored; the scope closes once it has been. */
    default ObservationScope handling(ReceivedEvent event, Processing processing) {
        return ObservationScope.NONE;
    }

    /** The store answered {@code outcome} for the event, {@code took} after {@link #handling} began. */
    default void handled(ReceivedEvent event, Processing processing, RecordOutcome outcome, Duration took) {
    }
}
