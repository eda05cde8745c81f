package dev.accessgate.adapters.http.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** When Forge Invocation Tokens are configured, {@code POST /events} needs a valid one (else 401). */
@ServerFilter(patterns = "/events", methods = HttpMethod.POST)
final class ForgeInvocationFilter {

    private final ForgeInvocationTokenVerifier verifier;

    ForgeInvocationFilter(ForgeInvocationTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (!verifier.enabled()) {
            return null;
        }
        ForgeInvocationTokenVerifier.Result result = verifier.verify(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (result instanceof ForgeInvocationTokenVerifier.Result.Refused refused) {
            return Unauthorized.response(Unauthorized.BEARER_CHALLENGE, refused.reason());
        }
        return null;
    }
}
