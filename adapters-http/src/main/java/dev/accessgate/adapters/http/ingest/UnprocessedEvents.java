package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.in.EventQueryUseCase;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.port.in.ReprocessEventUseCase;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.SiteDirectory;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Reads again every event stored unprocessed and applies the ones this version can now
 * understand: a v1 policy event whose site an installation has since mapped. Run on demand
 * ({@code POST /v1/events/reprocess}) and after every Connect install.
 */
@Singleton
public final class UnprocessedEvents {

    private final EventQueryUseCase events;
    private final ReprocessEventUseCase reprocess;
    private final EventInterpreter interpreter;

    UnprocessedEvents(EventQueryUseCase events, ReprocessEventUseCase reprocess, SiteDirectory sites) {
        this.events = events;
        this.reprocess = reprocess;
        this.interpreter = new EventInterpreter(sites);
    }

    /** What one pass did. */
    @Serdeable
    public record Report(int examined, int applied, long stillUnprocessed) {
    }

    public synchronized Report reprocess() {
        int examined = 0;
        int applied = 0;
        Optional<Long> after = Optional.empty();
        do {
            EventPage page = events.list(new EventQuery(Optional.of(StoredEvent.Status.UNPROCESSED), after, 500));
            for (StoredEvent stored : page.events()) {
                examined++;
                Processing processing = interpreter.interpret(inbound(stored.event()));
                if (!(processing instanceof Processing.Unprocessed)
                        && reprocess.reprocess(stored.event().id(), processing) instanceof IngestResult.Accepted) {
                    applied++;
                }
            }
            after = page.next();
        } while (after.isPresent());
        return new Report(examined, applied, events.countUnprocessed());
    }

    /** The event as it was read when it arrived, rebuilt from what was stored. */
    private static InboundEvent inbound(ReceivedEvent event) {
        Object root = JsonTreeReader.read(event.body().getBytes(StandardCharsets.UTF_8));
        Object data = event.contentMode().equals("forge") || !(root instanceof Map<?, ?> map) ? root : map.get("data");
        return new InboundEvent(event.id().value(), event.source(), event.type(), event.time(), data, Map.of(),
                event.contentMode(), event.body(), event.fingerprint());
    }
}
