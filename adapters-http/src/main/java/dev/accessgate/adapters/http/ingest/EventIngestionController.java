package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.ProblemResponses;
import dev.accessgate.application.model.EventFingerprint;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.in.IngestPolicyEventUseCase;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.policy.EventId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code POST /events}: reads the event, stores it durably together with its effect, and
 * only then acknowledges. Everything it refuses is a 4xx problem and changes nothing.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventIngestionController {

    static final String STRUCTURED = "application/cloudevents+json";

    private final IngestPolicyEventUseCase ingest;
    private final Clock clock;

    EventIngestionController(IngestPolicyEventUseCase ingest, Clock clock) {
        this.ingest = ingest;
        this.clock = clock;
    }

    @Post(uri = "/events", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(HttpRequest<?> request, @Nullable @Body byte[] body) {
        InboundEvent event = read(request, body);
        Processing processing = PolicyEventReader.read(event);
        ReceivedEvent received = new ReceivedEvent(eventId(event.id()), event.type(), event.source(), event.time(),
                clock.instant(), event.contentMode(), event.body(),
                EventFingerprint.of(event.type(), event.source(), event.time(), event.data()));

        IngestResult result = ingest.ingest(new IngestPolicyEventCommand(received, processing));

        if (result instanceof IngestResult.Accepted accepted) {
            boolean applied = processing instanceof Processing.Applied;
            return HttpResponse.ok(new IngestResponse(event.id(), event.type(), applied ? "applied" : "stored",
                    accepted.newlyBlocked()));
        }
        if (result instanceof IngestResult.AlreadyReceived) {
            return HttpResponse.ok(new IngestResponse(event.id(), event.type(), "duplicate", null));
        }
        return ProblemResponses.of(ProblemException.at(ProblemException.Kind.ID_CONFLICT, "/id",
                "a different event with id '" + event.id() + "' was received before; ids must be unique"));
    }

    private static InboundEvent read(HttpRequest<?> request, byte[] body) {
        MediaType type = request.getContentType().orElse(null);
        if (type != null && type.getName().toLowerCase(Locale.ROOT).equals(STRUCTURED)) {
            return StructuredMode.read(body);
        }
        throw new ProblemException(ProblemException.Kind.UNSUPPORTED_MEDIA_TYPE,
                "POST /events accepts " + STRUCTURED + " (CloudEvents structured mode); got "
                        + (type == null ? "no Content-Type" : type.getName()));
    }

    private static EventId eventId(String id) {
        try {
            return new EventId(id);
        } catch (DomainException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "/id", e.getMessage());
        }
    }
}
