package dev.accessgate.adapters.http.baseline;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.ProblemResponses;
import dev.accessgate.application.model.BaselineImportOutcome;
import dev.accessgate.application.port.in.ImportBaselineCommand;
import dev.accessgate.application.port.in.ImportBaselineUseCase;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.policy.BaselineHeader;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code PUT /v1/workspaces/{cloudId}/baseline}: "as of time T, in this scope, exactly these
 * are blocked". The body is streamed to a temporary file (at most
 * {@code accessgate.max-baseline-bytes}), checked in full, then applied in one transaction
 * while it is read a second time; it is never in memory whole. Everything refused is a 4xx
 * problem and changes nothing.
 */
@Controller("/v1/workspaces")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BaselineController {

    private final ImportBaselineUseCase baselines;
    private final Clock clock;
    private final long maxBytes;

    BaselineController(ImportBaselineUseCase baselines, Clock clock,
                       @Value("${accessgate.max-baseline-bytes:536870912}") long maxBytes) {
        this.baselines = baselines;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Put(uri = "/{cloudId}/baseline", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> importBaseline(String cloudId, HttpRequest<?> request, @Nullable @Body InputStream body) {
        WorkspaceId workspace = workspace(cloudId);
        if (request.getContentLength() > maxBytes) {
            throw tooLarge();
        }
        if (body == null) {
            throw new ProblemException(ProblemException.Kind.INVALID_REQUEST, "the request body is empty");
        }
        Path spooled = spool(body);
        try {
            BaselineHeader header = BaselineJson.readHeader(spooled, workspace);
            BaselineImportOutcome outcome = baselines.importBaseline(new ImportBaselineCommand(header,
                    BaselineJson.objects(spooled, header), clock.instant()));
            if (outcome instanceof BaselineImportOutcome.Imported imported) {
                return HttpResponse.ok(BaselineResponse.applied(imported));
            }
            if (outcome instanceof BaselineImportOutcome.Duplicate duplicate) {
                return HttpResponse.ok(BaselineResponse.duplicate(duplicate.id().value()));
            }
            return ProblemResponses.of(ProblemException.at(ProblemException.Kind.BASELINE_CONFLICT, "/id",
                    "a different baseline with id '" + outcome.id() + "' was imported into workspace " + cloudId
                            + " before; baseline ids must be unique per workspace"));
        } finally {
            deleteQuietly(spooled);
        }
    }

    private static WorkspaceId workspace(String cloudId) {
        try {
            return new WorkspaceId(cloudId);
        } catch (DomainException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "path:cloudId", e.getMessage());
        }
    }

    /** Copies the body to a temporary file, refusing it as soon as it passes the limit. */
    private Path spool(InputStream body) {
        Path file;
        try {
            file = Files.createTempFile("accessgate-baseline-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the baseline", e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new ProblemException(ProblemException.Kind.INVALID_REQUEST, "the request body is empty");
            }
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e instanceof IOException io ? unreadable(io) : (RuntimeException) e;
        }
    }

    /**
     * The body stream failed: over the server's own limit ({@code micronaut.server.max-request-size},
     * which Micronaut applies to streamed bodies too), or the client went away or sent a broken
     * body. Either way the fault is on the sender's side.
     */
    private static ProblemException unreadable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentLengthExceededException exceeded) {
                return new ProblemException(ProblemException.Kind.PAYLOAD_TOO_LARGE, exceeded.getMessage());
            }
        }
        return new ProblemException(ProblemException.Kind.INVALID_REQUEST,
                "the request body could not be read to its end: " + e.getMessage());
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemException.Kind.PAYLOAD_TOO_LARGE,
                "a baseline body may have at most " + maxBytes + " bytes (ACCESSGATE_MAX_BASELINE_BYTES)");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
