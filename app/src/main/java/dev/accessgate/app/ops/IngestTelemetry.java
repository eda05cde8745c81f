package dev.accessgate.app.ops;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.port.out.IngestObserver;
import dev.accessgate.application.port.out.ObservationScope;
import dev.accessgate.application.port.out.RecordOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingestion's metrics and log context. {@code accessgate.events.received} counts events by type
 * and outcome ({@code applied}, {@code stored}, {@code unprocessed}, {@code duplicate},
 * {@code conflict}); {@code accessgate.ingest.duration} is a histogram of the time to route,
 * store and apply one. Refused requests never reach this point: they are
 * {@code http_server_requests_seconds_count{uri="/events",status="4xx"}}.
 */
public final class IngestTelemetry implements IngestObserver {

    /** Types are chosen by senders; past this many distinct ones, new types are counted as {@link #OTHER_TYPE}. */
    static final int MAX_TYPES = 200;
    static final String OTHER_TYPE = "other";

    private final MeterRegistry registry;
    private final Timer duration;
    private final Set<String> types = ConcurrentHashMap.newKeySet();

    public IngestTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("accessgate.ingest.duration")
                .description("time to route, store and apply one event (after it was read and checked)")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public ObservationScope handling(ReceivedEvent event, Processing processing) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(LogContext.EVENT_ID, event.id().value());
        values.put(LogContext.WORKSPACE, LogContext.workspaceOf(processing, event.body()).orElse(null));
        return LogContext.open(values);
    }

    @Override
    public void handled(ReceivedEvent event, Processing processing, RecordOutcome outcome, Duration took) {
        duration.record(took);
        Counter.builder("accessgate.events.received")
                .description("events received and stored (or recognised as duplicates or id conflicts)")
                .tag("type", typeTag(event.type()))
                .tag("outcome", outcomeOf(processing, outcome))
                .register(registry)
                .increment();
    }

    static String outcomeOf(Processing processing, RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Duplicate) {
            return "duplicate";
        }
        if (outcome instanceof RecordOutcome.Conflict) {
            return "conflict";
        }
        return processing.status().name().toLowerCase(Locale.ROOT);
    }

    private String typeTag(String type) {
        if (types.contains(type)) {
            return type;
        }
        if (types.size() >= MAX_TYPES) {
            return OTHER_TYPE;
        }
        types.add(type);
        return type;
    }
}
