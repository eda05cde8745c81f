package dev.accessgate.adapters.http.security;

import dev.accessgate.adapters.http.problem.Problem;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.ProblemResponses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;

/** 401 problem+json answers with their {@code WWW-Authenticate} challenge. */
public final class Unauthorized {

    /** The challenge of Connect and install JWTs ({@code Authorization: JWT <token>}). */
    public static final String JWT_CHALLENGE = "JWT realm=\"accessgate\"";
    /** The challenge of bearer tokens (API token, Forge Invocation Token). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"accessgate\"";

    private Unauthorized() {
    }

    public static MutableHttpResponse<Problem> response(String challenge, String detail) {
        return ProblemResponses.of(new ProblemException(ProblemException.Kind.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
}
