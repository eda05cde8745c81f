package dev.accessgate.adapters.http.connect;

import dev.accessgate.adapters.http.ingest.UnprocessedEvents;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.ProblemResponses;
import dev.accessgate.adapters.http.security.ConnectJwtVerifier;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.adapters.http.security.Unauthorized;
import dev.accessgate.application.port.in.ConnectAuthority;
import dev.accessgate.application.port.in.ConnectInstallCommand;
import dev.accessgate.application.port.in.ConnectLifecycleUseCase;
import dev.accessgate.application.port.in.ConnectLifecycleUseCase.Result;
import dev.accessgate.application.port.in.ConnectStateCommand;
import dev.accessgate.application.port.in.RegisterMigrationWebhookUseCase;
import dev.accessgate.domain.installation.ConnectState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connect lifecycle callbacks. Order of checks: the signature (401), the payload (400),
 * then the lifecycle rules of {@link ConnectLifecycleUseCase} (401, 404, 409). Success is
 * 204. Nothing is stored unless every check passed. Logs name the client, never the secret.
 * After an {@code enabled} callback is applied, the migration webhook registration (when there
 * is one) is started in the background; it never changes the answer.
 */
@Controller("/connect")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConnectLifecycleController {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectLifecycleController.class);

    private final ConnectLifecycleUseCase lifecycle;
    private final ConnectCallbackAuthenticator authenticator;
    private final Optional<RegisterMigrationWebhookUseCase> migrationWebhook;
    private final UnprocessedEvents unprocessed;

    ConnectLifecycleController(ConnectLifecycleUseCase lifecycle, InstallTokenVerifier installTokens,
                               ConnectJwtVerifier connectJwts,
                               Optional<RegisterMigrationWebhookUseCase> migrationWebhook,
                               UnprocessedEvents unprocessed) {
        this.lifecycle = lifecycle;
        this.authenticator = new ConnectCallbackAuthenticator(installTokens, connectJwts);
        this.migrationWebhook = migrationWebhook;
        this.unprocessed = unprocessed;
    }

    @Post(uri = "/installed", consumes = MediaType.ALL)
    HttpResponse<?> installed(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return handle(request, body, "installed", null);
    }

    @Post(uri = "/uninstalled", consumes = MediaType.ALL)
    HttpResponse<?> uninstalled(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return handle(request, body, "uninstalled", ConnectState.UNINSTALLED);
    }

    @Post(uri = "/enabled", consumes = MediaType.ALL)
    HttpResponse<?> enabled(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return handle(request, body, "enabled", ConnectState.ENABLED);
    }

    @Post(uri = "/disabled", consumes = MediaType.ALL)
    HttpResponse<?> disabled(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return handle(request, body, "disabled", ConnectState.DISABLED);
    }

    /** {@code target} null: an install. */
    private HttpResponse<?> handle(HttpRequest<?> request, byte[] body, String eventType, ConnectState target) {
        ConnectAuthority authority;
        try {
            authority = authenticator.authority(request);
        } catch (ConnectCallbackAuthenticator.Refused refused) {
            LOG.warn("connect {} refused: {}", eventType, refused.getMessage());
            return Unauthorized.response(Unauthorized.JWT_CHALLENGE, refused.getMessage());
        }
        ConnectPayloadReader payload = ConnectPayloadReader.of(body, eventType);
        Result result;
        String clientKey;
        if (target == null) {
            ConnectInstallCommand command = payload.install();
            clientKey = command.clientKey();
            result = lifecycle.installed(command, authority);
        } else {
            clientKey = payload.clientKey();
            result = lifecycle.changeState(new ConnectStateCommand(clientKey, target), authority);
        }
        if (target == ConnectState.ENABLED && result instanceof Result.Done) {
            registerMigrationWebhook(clientKey);
        }
        if (target == null && result instanceof Result.Done) {
            applyWaitingEvents(clientKey);
        }
        return answer(eventType, clientKey, result);
    }

    /**
     * The install may have mapped a site that v1 policy events were waiting for. They are applied
     * in the background, so the callback's answer never waits for them.
     */
    private void applyWaitingEvents(String clientKey) {
        CompletableFuture.runAsync(() -> {
            UnprocessedEvents.Report report = unprocessed.reprocess();
            if (report.applied() > 0) {
                LOG.info("connect installed: client {}: {} waiting events applied", clientKey, report.applied());
            }
        }).exceptionally(e -> {
            LOG.warn("connect installed: client {}: reprocessing waiting events failed", clientKey, e);
            return null;
        });
    }

    private void registerMigrationWebhook(String clientKey) {
        try {
            migrationWebhook.ifPresent(registration -> registration.clientEnabled(clientKey));
        } catch (RuntimeException e) {
            LOG.warn("connect enabled: client {}: could not start the migration webhook registration", clientKey, e);
        }
    }

    private static HttpResponse<?> answer(String eventType, String clientKey, Result result) {
        if (result instanceof Result.Done done) {
            LOG.info("connect {}{}: client {} on {} (state {})", eventType, done.reinstall() ? " (reinstall)" : "",
                    clientKey, done.installation().baseUrl(), done.installation().state());
            return HttpResponse.noContent();
        }
        if (result instanceof Result.Refused refused) {
            LOG.warn("connect {} for client {} refused: {}", eventType, clientKey, refused.reason());
            return Unauthorized.response(Unauthorized.JWT_CHALLENGE, refused.reason());
        }
        if (result instanceof Result.UnknownClient) {
            return ProblemResponses.of(new ProblemException(ProblemException.Kind.NOT_FOUND,
                    "client " + clientKey + " is not installed here"));
        }
        return ProblemResponses.of(new ProblemException(ProblemException.Kind.CONFLICT,
                ((Result.Conflict) result).reason()));
    }
}
