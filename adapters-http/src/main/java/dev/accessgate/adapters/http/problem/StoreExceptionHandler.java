package dev.accessgate.adapters.http.problem;

import dev.accessgate.application.port.out.StoreException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage could not commit. A transient fault is a 503 with {@code Retry-After}, so that
 * Atlassian sends the event again; nothing was stored, so nothing is lost.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Requires(classes = {StoreException.class, ExceptionHandler.class})
final class StoreExceptionHandler implements ExceptionHandler<StoreException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreExceptionHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StoreException exception) {
        if (exception.kind() == StoreException.Kind.UNAVAILABLE) {
            LOG.warn("storage unavailable for {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return ProblemResponses.of(new ProblemException(ProblemException.Kind.STORE_UNAVAILABLE,
                            "storage is temporarily unavailable; nothing was stored, retry later"))
                    .header("Retry-After", RETRY_AFTER_SECONDS);
        }
        LOG.error("storage failed for {} {}", request.getMethod(), request.getPath(), exception);
        return ProblemResponses.of(new ProblemException(ProblemException.Kind.INTERNAL,
                "storage failed; nothing was stored"));
    }
}
