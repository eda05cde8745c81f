package dev.accessgate.adapters.http.migration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.adapters.http.security.QueryStringHash;
import dev.accessgate.application.port.out.MigrationWebhookApi;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Notification API of a Connect site over the JDK's {@link HttpClient}:
 * {@code PUT} and {@code GET {baseUrl}/rest/atlassian-connect/1/migration/webhook}, each with
 * {@code Authorization: JWT <token>}: HS256 with the client's shared secret, {@code iss} = the
 * app key, {@code iat}, {@code exp} ({@value #TOKEN_SECONDS} s later) and the {@code qsh} of the
 * request, its path taken relative to the base URL's path as Atlassian does. Timeouts,
 * connection failures, 429 and 5xx are retryable failures; other answers are not.
 */
public final class NotificationApiClient implements MigrationWebhookApi {

    public static final String PATH = "/rest/atlassian-connect/1/migration/webhook";
    static final long TOKEN_SECONDS = 180;
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public NotificationApiClient(Duration timeout, Clock clock) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Reply put(Target target, List<String> endpoints) {
        return call(target, "PUT", HttpRequest.BodyPublishers.ofString(body(endpoints)), false);
    }

    @Override
    public Reply get(Target target) {
        return call(target, "GET", HttpRequest.BodyPublishers.noBody(), true);
    }

    private Reply call(Target target, String method, HttpRequest.BodyPublisher body, boolean readEndpoints) {
        String base = target.baseUrl().value();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, body)
                .timeout(timeout)
                .header("Authorization", "JWT " + token(target, method, uri))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Reply.Failed(method + " " + uri + " timed out after " + timeout.toSeconds() + " s", true);
        } catch (IOException e) {
            return new Reply.Failed(method + " " + uri + " failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply.Failed(method + " " + uri + " was interrupted", true);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return new Reply.Failed(method + " " + uri + " answered HTTP " + status, status == 429 || status >= 500);
        }
        if (!readEndpoints) {
            return new Reply.Ok(List.of());
        }
        try {
            return new Reply.Ok(endpoints(response.body()));
        } catch (ProblemException e) {
            return new Reply.Failed(method + " " + uri + " answered an unreadable body: " + e.getMessage(), true);
        }
    }

    /** The Connect JWT of one request. The secret is used only here and never logged. */
    public String token(Target target, String method, URI uri) {
        Instant now = clock.instant();
        String basePath = InstallTokenVerifier.basePathOf(target.baseUrl().value());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(target.appKey())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(TOKEN_SECONDS)))
                .claim("qsh", QueryStringHash.of(method, uri.getRawPath(), uri.getRawQuery(), basePath))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new MACSigner(target.secret().bytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the client's shared secret", e);
        }
        return jwt.serialize();
    }

    static String body(List<String> endpoints) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("endpoints");
            for (String endpoint : endpoints) {
                json.writeString(endpoint);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> endpoints(byte[] body) {
        Object json = JsonTreeReader.read(body);
        if (!(json instanceof Map<?, ?> map) || !(map.get("endpoints") instanceof List<?> list)) {
            throw new ProblemException(ProblemException.Kind.INVALID_REQUEST, "expected {\"endpoints\": [...]}");
        }
        List<String> endpoints = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String endpoint)) {
                throw new ProblemException(ProblemException.Kind.INVALID_REQUEST, "an endpoint is not a string");
            }
            endpoints.add(endpoint);
        }
        return endpoints;
    }
}
