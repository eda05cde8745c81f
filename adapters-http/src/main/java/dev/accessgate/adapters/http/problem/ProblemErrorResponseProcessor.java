package dev.accessgate.adapters.http.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Framework errors (no route, wrong method, body too large, unreadable body...) in the same
 * problem+json shape as ours. A 5xx never carries the exception text: it may hold internals.
 */
@Singleton
@Primary
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        ProblemException.Kind kind = kindFor(status);
        String detail = status >= 500 ? "an unexpected error occurred; it has been logged"
                : context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = response.reason();
        }
        Problem problem = new Problem(kind.type(), kind.title(), status, detail, status >= 500 ? null : violations(context));
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private static List<Violation> violations(ErrorContext context) {
        List<Violation> violations = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Violation(e.getPath().get(), e.getMessage()))
                .toList();
        return violations.isEmpty() ? null : violations;
    }

    private static ProblemException.Kind kindFor(int status) {
        for (ProblemException.Kind kind : ProblemException.Kind.values()) {
            if (kind.status() == status && kind != ProblemException.Kind.INVALID_EVENT) {
                return kind;
            }
        }
        return status >= 500 ? ProblemException.Kind.INTERNAL : ProblemException.Kind.INVALID_REQUEST;
    }
}
