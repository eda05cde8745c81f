package dev.accessgate.adapters.http.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.adapters.http.api.Paging;
import dev.accessgate.adapters.http.delivery.DeliveryJson;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.in.EventQueryUseCase;
import dev.accessgate.application.port.in.ListDeliveriesUseCase;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
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
import java.util.Optional;

/** What was received and how it was processed; reprocessing of what could not be understood. */
@Controller(value = "/v1/events", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventsController {

    private final EventQueryUseCase events;
    private final ListDeliveriesUseCase deliveries;
    private final UnprocessedEvents unprocessed;

    EventsController(EventQueryUseCase events, ListDeliveriesUseCase deliveries, UnprocessedEvents unprocessed) {
        this.events = events;
        this.deliveries = deliveries;
        this.unprocessed = unprocessed;
    }

    @Get("/{eventId}")
    EventDetail event(String eventId) {
        StoredEvent stored = events.find(new EventId(eventId)).orElseThrow(() -> ProblemException.at(
                ProblemException.Kind.NOT_FOUND, "path:eventId", "no event with id '" + eventId + "' was received"));
        ReceivedEvent event = stored.event();
        return new EventDetail(event.id().value(), event.type(), event.source(), event.time().toString(),
                event.receivedAt().toString(), event.contentMode(), EventJson.status(stored), stored.detail(),
                stored.workspace().map(ws -> ws.cloudId()).orElse(null),
                JsonTreeReader.read(event.body().getBytes(StandardCharsets.UTF_8)),
                deliveries.ofEvent(event.id()).stream().map(DeliveryJson::of).toList());
    }

    @Get
    EventList list(@Nullable @QueryValue String status, @Nullable @QueryValue String cursor,
                   @Nullable @QueryValue Integer limit) {
        EventPage page = events.list(new EventQuery(Optional.ofNullable(status).map(EventJson::parseStatus),
                Optional.ofNullable(cursor).map(EventsController::parseCursor), Paging.limit(limit)));
        return new EventList(page.events().stream().map(EventJson::summary).toList(),
                page.next().map(String::valueOf).orElse(null));
    }

    /** Processes again every unprocessed event that can now be understood. */
    @Post("/reprocess")
    UnprocessedEvents.Report reprocessAll() {
        return unprocessed.reprocess();
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:cursor",
                    "is not a cursor this API returned");
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventDetail(String id, String type, String source, String time, String receivedAt, String contentMode,
                       String status, String detail, String cloudId, Object event,
                       @JsonInclude(JsonInclude.Include.ALWAYS) List<DeliveryJson.View> deliveries) {
    }

    @Serdeable
    record EventList(@JsonInclude(JsonInclude.Include.ALWAYS) List<EventJson.Summary> events,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
    }
}
