package dev.accessgate.adapters.http.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.adapters.http.api.Paging;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.in.EventQueryUseCase;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.port.in.ReprocessEventUseCase;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.SiteDirectory;
import dev.accessgate.domain.policy.EventId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What was received and how it was processed; reprocessing of what could not be understood. */
@Controller(value = "/v1/events", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventsController {

    private final EventQueryUseCase events;
    private final ReprocessEventUseCase reprocess;
    private final EventInterpreter interpreter;

    EventsController(EventQueryUseCase events, ReprocessEventUseCase reprocess, SiteDirectory sites) {
        this.events = events;
        this.reprocess = reprocess;
        this.interpreter = new EventInterpreter(sites);
    }

    @Get("/{eventId}")
    EventDetail event(String eventId) {
        StoredEvent stored = events.find(new EventId(eventId)).orElseThrow(() -> ProblemException.at(
                ProblemException.Kind.NOT_FOUND, "path:eventId", "no event with id '" + eventId + "' was received"));
        ReceivedEvent event = stored.event();
        return new EventDetail(event.id().value(), event.type(), event.source(), event.time().toString(),
                event.receivedAt().toString(), event.contentMode(), status(stored), stored.detail(),
                stored.workspace().map(ws -> ws.cloudId()).orElse(null),
                JsonTreeReader.read(event.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Get
    EventList list(@Nullable @QueryValue String status, @Nullable @QueryValue String cursor,
                   @Nullable @QueryValue Integer limit) {
        EventPage page = events.list(new EventQuery(Optional.ofNullable(status).map(EventsController::parseStatus),
                Optional.ofNullable(cursor).map(EventsController::parseCursor), Paging.limit(limit)));
        return new EventList(page.events().stream().map(EventsController::summary).toList(),
                page.next().map(String::valueOf).orElse(null));
    }

    /** Processes again every unprocessed event that can now be understood. */
    @Post("/reprocess")
    ReprocessReport reprocessAll() {
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
        return new ReprocessReport(examined, applied, events.countUnprocessed());
    }

    /** The event as it was read when it arrived, rebuilt from what was stored. */
    private static InboundEvent inbound(ReceivedEvent event) {
        Object root = JsonTreeReader.read(event.body().getBytes(StandardCharsets.UTF_8));
        Object data = event.contentMode().equals("forge") || !(root instanceof Map<?, ?> map) ? root : map.get("data");
        return new InboundEvent(event.id().value(), event.source(), event.type(), event.time(), data, Map.of(),
                event.contentMode(), event.body(), event.fingerprint());
    }

    private static StoredEvent.Status parseStatus(String text) {
        try {
            return StoredEvent.Status.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:status",
                    "must be applied, stored or unprocessed");
        }
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:cursor",
                    "is not a cursor this API returned");
        }
    }

    private static String status(StoredEvent stored) {
        return stored.status().name().toLowerCase(Locale.ROOT);
    }

    private static EventSummary summary(StoredEvent stored) {
        ReceivedEvent event = stored.event();
        return new EventSummary(event.id().value(), event.type(), event.time().toString(),
                event.receivedAt().toString(), status(stored), stored.detail(),
                stored.workspace().map(ws -> ws.cloudId()).orElse(null));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventDetail(String id, String type, String source, String time, String receivedAt, String contentMode,
                       String status, String detail, String cloudId, Object event) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventSummary(String id, String type, String time, String receivedAt, String status, String detail,
                        String cloudId) {
    }

    @Serdeable
    record EventList(@JsonInclude(JsonInclude.Include.ALWAYS) List<EventSummary> events,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
    }

    @Serdeable
    record ReprocessReport(int examined, int applied, long stillUnprocessed) {
    }
}
