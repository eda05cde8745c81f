package dev.accessgate.adapters.http.api;

import dev.accessgate.adapters.http.problem.ProblemException;

/** The {@code limit} parameter of listings. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    private Paging() {
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:limit",
                    "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
