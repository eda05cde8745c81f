package dev.accessgate.adapters.http.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** The query and admin API ({@code /v1/**}) needs {@code Authorization: Bearer <API token>} (else 401). */
@ServerFilter("/v1/**")
final class ApiTokenFilter {

    private final ApiAccess access;

    ApiTokenFilter(ApiAccess access) {
        this.access = access;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (access.permits(authorization)) {
            return null;
        }
        String detail = authorization == null ? "the API needs a bearer token: Authorization: Bearer <token>"
                : "the bearer token is not valid";
        return Unauthorized.response(authorization == null ? Unauthorized.BEARER_CHALLENGE
                : Unauthorized.BEARER_CHALLENGE + ", error=\"invalid_token\"", detail);
    }
}
