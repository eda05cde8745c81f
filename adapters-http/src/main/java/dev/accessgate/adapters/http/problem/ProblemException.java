package dev.accessgate.adapters.http.problem;

import java.util.List;

/**
 * The one exception of the HTTP adapter: the request cannot be served, and why. It is
 * answered with a problem+json body by {@link ProblemExceptionHandler}.
 */
public final class ProblemException extends RuntimeException {

    /** The kinds of problem this service reports, each with its status and type URI. */
    public enum Kind {
        INVALID_REQUEST(400, "Invalid request"),
        INVALID_EVENT(400, "Invalid event"),
        UNAUTHORIZED(401, "Unauthorized"),
        NOT_FOUND(404, "Not found"),
        METHOD_NOT_ALLOWED(405, "Method not allowed"),
        NOT_ACCEPTABLE(406, "Not acceptable"),
        ID_CONFLICT(409, "Event id already used"),
        DELIVERY_NOT_DEAD(409, "Only a dead delivery can be replayed"),
        CONFLICT(409, "Conflict"),
        BASELINE_CONFLICT(409, "Baseline id already used"),
        PAYLOAD_TOO_LARGE(413, "Payload too large"),
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
        LIMIT_EXCEEDED(422, "Limit exceeded"),
        STORE_UNAVAILABLE(503, "Storage unavailable"),
        INTERNAL(500, "Internal error");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        /** A stable URI naming the kind, e.g. {@code urn:accessgate:problem:invalid-event}. */
        public String type() {
            return "urn:accessgate:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;
    private final List<Violation> violations;

    public ProblemException(Kind kind, String detail, List<Violation> violations) {
        super(detail);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public ProblemException(Kind kind, String detail) {
        this(kind, detail, List.of());
    }

    /** A single violation at {@code pointer}; the detail names it too. */
    public static ProblemException at(Kind kind, String pointer, String detail) {
        return new ProblemException(kind, pointer + ": " + detail, List.of(new Violation(pointer, detail)));
    }

    /** An invalid event with all its violations; the detail lists them. */
    public static ProblemException invalidEvent(List<Violation> violations) {
        List<Violation> shown = violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS));
        StringBuilder detail = new StringBuilder();
        for (Violation v : shown.subList(0, Math.min(shown.size(), 3))) {
            detail.append(detail.length() == 0 ? "" : "; ").append(v.pointer()).append(' ').append(v.detail());
        }
        if (violations.size() > 3) {
            detail.append("; and ").append(violations.size() - 3).append(" more");
        }
        return new ProblemException(Kind.INVALID_EVENT, detail.toString(), shown);
    }

    /** At most this many violations are listed; a body with 100,000 bad ids gets a short answer. */
    public static final int MAX_VIOLATIONS = 50;

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Problem toProblem() {
        return new Problem(kind.type(), kind.title(), kind.status(), getMessage(),
                violations.isEmpty() ? null : violations);
    }
}
