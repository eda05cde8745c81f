package dev.accessgate.adapters.http.migration;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.security.ConnectJwtVerifier;
import dev.accessgate.application.port.in.ReceiveMigrationEventCommand;
import dev.accessgate.application.port.in.ReceiveMigrationEventUseCase;
import dev.accessgate.application.port.in.ReceiveMigrationEventUseCase.Result;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.TransferId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /migration/events}, the app migration webhook. Order of checks: the Connect JWT
 * (401), the content type (415), the body (400 with JSON pointers); then the event is stored
 * with its transfer in one transaction and acknowledged with 200. A redelivery is acknowledged
 * with 200 too and changes nothing. Nothing else runs before the answer: subscriptions on
 * {@code migration:*} types are served by the delivery runtime afterwards.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class MigrationWebhookController {

    static final String PATH = "/migration/events";
    private static final Logger LOG = LoggerFactory.getLogger(MigrationWebhookController.class);

    private final ReceiveMigrationEventUseCase receive;
    private final ConnectJwtVerifier verifier;
    private final Clock clock;

    MigrationWebhookController(ReceiveMigrationEventUseCase receive, ConnectJwtVerifier verifier, Clock clock) {
        this.receive = receive;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Post(uri = PATH, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(HttpRequest<?> request, @Nullable @Body byte[] body) {
        URI uri = request.getUri();
        ConnectJwtVerifier.Result verified = verifier.verify(request.getMethodName(), uri.getRawPath(),
                uri.getRawQuery(), request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (verified instanceof ConnectJwtVerifier.Result.Refused refused) {
            LOG.warn("migration event refused: {}", refused.reason());
            return refused.response();
        }
        String sender = ((ConnectJwtVerifier.Result.Verified) verified).client().clientKey();
        requireJson(request);
        byte[] bytes = body == null ? new byte[0] : body;
        Instant now = clock.instant();
        MigrationEvent event = MigrationEventReader.read(bytes, sender, now);

        Result result = receive.receive(new ReceiveMigrationEventCommand(event, new String(bytes, StandardCharsets.UTF_8)));

        String status = result instanceof Result.Stored ? "stored" : result instanceof Result.Duplicate ? "duplicate"
                : "conflict";
        if (result instanceof Result.Conflict) {
            LOG.warn("migration event {} from client {}: its messageId was received before with another body;"
                    + " the first is kept", result.eventId(), sender);
        } else if (result instanceof Result.Stored && !event.type().isKnown()) {
            LOG.warn("migration event {} from client {} has a type this version does not know: {} (stored)",
                    result.eventId(), sender, event.type());
        }
        return HttpResponse.ok(new MigrationResponses.Acknowledgement(status, result.eventId().value(),
                event.type().name(), event.type().isKnown(), event.transferId().map(TransferId::value).orElse(null)));
    }

    private static void requireJson(HttpRequest<?> request) {
        String type = request.getContentType().map(MediaType::getName).map(n -> n.toLowerCase(Locale.ROOT)).orElse("");
        if (!type.equals(MediaType.APPLICATION_JSON) && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ProblemException(ProblemException.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "a migration event is sent as Content-Type: application/json");
        }
    }
}
