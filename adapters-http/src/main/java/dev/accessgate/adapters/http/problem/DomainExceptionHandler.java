package dev.accessgate.adapters.http.problem;

import dev.accessgate.domain.DomainException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A domain rule refused a value that reached it without a more specific check, such as a
 * path parameter: a 400 that names the field.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Requires(classes = {DomainException.class, ExceptionHandler.class})
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        ProblemException.Kind kind = exception.kind() == DomainException.Kind.LIMIT_EXCEEDED
                ? ProblemException.Kind.LIMIT_EXCEEDED
                : ProblemException.Kind.INVALID_REQUEST;
        return ProblemResponses.of(ProblemException.at(kind, exception.field(), exception.getMessage()));
    }
}
