package dev.accessgate.adapters.http;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connect JWTs made by Atlassian's own library ({@code atlassian-jwt}, through
 * tools/npm-clients/connect-jwt.js): HS256 with a client's shared secret and the library's qsh
 * of the request.
 */
public final class ConnectJwts {

    private ConnectJwts() {
    }

    /**
     * A request to sign: {@code url} is its absolute URL under the app's {@code baseUrl}; the qsh
     * is made of the method and the URL's path (relative to the base URL's path) and query.
     */
    public record Request(String method, String url, String baseUrl, String secret, String issuer, Instant issuedAt,
                          long lifetimeSeconds) {
    }

    /** One token per request, in order, from one run of Node. */
    public static List<String> sign(JsonMapper json, List<Request> requests) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Request r : requests) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", r.issuer());
            claims.put("iat", r.issuedAt().getEpochSecond());
            claims.put("exp", r.issuedAt().getEpochSecond() + r.lifetimeSeconds());
            cases.add(Map.of("method", r.method(), "url", r.url(), "baseUrl", r.baseUrl(),
                    "now", r.issuedAt().getEpochSecond(), "leeway", 0,
                    "sign", Map.of("secret", r.secret(), "claims", claims)));
        }
        try {
            String out = NodeScript.run("connect-jwt.js", json.writeValueAsString(cases));
            List<String> tokens = new ArrayList<>();
            for (Map<String, Object> result : json.readValue(out,
                    io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)))) {
                tokens.add((String) result.get("token"));
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sign(JsonMapper json, Request request) {
        return sign(json, List.of(request)).get(0);
    }
}
