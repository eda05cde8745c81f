package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.installation.ForgeLifecycleReader;
import dev.accessgate.adapters.http.problem.ProblemResponses;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.port.in.EventQueryUseCase;
import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.in.IngestPolicyEventUseCase;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.port.in.RecordForgeLifecycleUseCase;
import dev.accessgate.application.port.out.SiteDirectory;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.policy.EventId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /events}: reads the event in whichever content mode it came, stores it durably
 * together with its effect, and only then acknowledges. Everything it refuses is a 4xx
 * problem and changes nothing.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventIngestionController {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    private final IngestPolicyEventUseCase ingest;
    private final EventQueryUseCase events;
    private final RecordForgeLifecycleUseCase lifecycle;
    private final EventInterpreter interpreter;
    private final Clock clock;

    EventIngestionController(IngestPolicyEventUseCase ingest, EventQueryUseCase events,
                             RecordForgeLifecycleUseCase lifecycle, SiteDirectory sites, Clock clock) {
        this.ingest = ingest;
        this.events = events;
        this.lifecycle = lifecycle;
        this.interpreter = new EventInterpreter(sites);
        this.clock = clock;
    }

    @Post(uri = "/events", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(HttpRequest<?> request, @Nullable @Body byte[] body, @Nullable @QueryValue String type) {
        Instant now = clock.instant();
        InboundEvent event = read(request, body == null ? new byte[0] : body, type, now);
        // Every refusal comes before the lifecycle is recorded, so that a refused event changes nothing.
        EventId id = eventId(event.id());
        Processing processing;
        if (ForgeLifecycleReader.TYPES.contains(event.type())) {
            if (events.find(id).filter(stored -> !stored.event().fingerprint().equals(event.fingerprint())).isPresent()) {
                return idConflict(event);
            }
            processing = recordLifecycle(event, now);
        } else {
            processing = interpreter.interpret(event);
        }
        ReceivedEvent received = new ReceivedEvent(id, event.type(), event.source(), event.time(),
                now, event.contentMode(), event.body(), event.fingerprint());

        IngestResult result = ingest.ingest(new IngestPolicyEventCommand(received, processing));

        if (result instanceof IngestResult.Accepted accepted) {
            return HttpResponse.ok(new IngestResponse(event.id(), event.type(), statusOf(processing),
                    accepted.newlyBlocked()));
        }
        if (result instanceof IngestResult.AlreadyReceived) {
            return HttpResponse.ok(new IngestResponse(event.id(), event.type(), "duplicate", null));
        }
        return idConflict(event);
    }

    private static HttpResponse<?> idConflict(InboundEvent event) {
        return ProblemResponses.of(ProblemException.at(ProblemException.Kind.ID_CONFLICT, "/id",
                "a different event with id '" + event.id() + "' was received before; ids must be unique"));
    }

    /**
     * A Forge lifecycle event goes into its installation's history before the event itself is
     * stored. Both are idempotent, and the 2xx comes only after both: a crash in between is
     * repaired by Atlassian's redelivery. An id already taken by another event is refused
     * before (found by the fuzzing run: the 409 used to come after the history had changed).
     */
    private Processing recordLifecycle(InboundEvent event, Instant now) {
        if (!(event.data() instanceof Map<?, ?> payload)) {
            throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, pointerOf(event),
                    "a lifecycle event must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) payload;
        RecordForgeLifecycleUseCase.Result result = lifecycle.record(
                ForgeLifecycleReader.read(event.type(), fields, pointerOf(event), now));
        return new Processing.Stored("Forge lifecycle event of installation "
                + result.installation().installationId());
    }

    /** Where the payload is in the request body: the root for a Forge payload, else {@code /data}. */
    private static String pointerOf(InboundEvent event) {
        return event.contentMode().equals("forge") ? "" : "/data";
    }

    /** {@code applied}, {@code stored} or {@code unprocessed}, as the API reports it. */
    static String statusOf(Processing processing) {
        return processing.status().name().toLowerCase(Locale.ROOT);
    }

    private static InboundEvent read(HttpRequest<?> request, byte[] body, String type, Instant now) {
        String mediaType = request.getContentType().map(MediaType::getName).map(n -> n.toLowerCase(Locale.ROOT))
                .orElse(null);
        if (STRUCTURED.equals(mediaType)) {
            return StructuredMode.read(body);
        }
        if (BATCH.equals(mediaType)) {
            throw new ProblemException(ProblemException.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "batched mode is not supported: send one event per request");
        }
        if (BinaryMode.applies(request.getHeaders().asMap())) {
            return BinaryMode.read(request.getHeaders().asMap(), body);
        }
        if ("application/json".equals(mediaType)) {
            return PlainMode.read(body, type, now);
        }
        throw new ProblemException(ProblemException.Kind.UNSUPPORTED_MEDIA_TYPE, "POST /events accepts "
                + STRUCTURED + " (structured mode), ce-* headers with JSON data (binary mode) or application/json; got "
                + (mediaType == null ? "no Content-Type" : mediaType));
    }

    private static EventId eventId(String id) {
        try {
            return new EventId(id);
        } catch (DomainException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "/id", e.getMessage());
        }
    }
}
