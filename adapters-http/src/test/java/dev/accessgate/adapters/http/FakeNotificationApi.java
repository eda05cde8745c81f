package dev.accessgate.adapters.http;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accessgate.adapters.http.security.QueryStringHash;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for a Connect site's Notification API
 * ({@code {base}/rest/atlassian-connect/1/migration/webhook}) on 127.0.0.1, with a context path
 * like Confluence's {@code /wiki}. It verifies each request's JWT as the site would: HS256 with
 * the shared secret, {@code iss} = the app key, unexpired, and {@code qsh} of the request with
 * the path taken relative to the base URL. PUT replaces the endpoints (a non-empty array of
 * absolute URLs, or an empty one to delete); GET lists them. It can be told to fail next.
 */
public final class FakeNotificationApi implements AutoCloseable {

    public static final String CONTEXT = "/wiki";
    private static final String PATH = CONTEXT + "/rest/atlassian-connect/1/migration/webhook";
    private static final Pattern ENDPOINTS = Pattern.compile("\\{\\s*\"endpoints\"\\s*:\\s*\\[(.*)]\\s*}", Pattern.DOTALL);

    private final HttpServer server;
    private final String secret;
    private final String appKey;
    private volatile List<String> endpoints = List.of();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 503;

    public FakeNotificationApi(String secret, String appKey) throws IOException {
        this.secret = secret;
        this.appKey = appKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** The site's base URL, as an installation would name it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + CONTEXT;
    }

    public List<String> endpoints() {
        return endpoints;
    }

    /** {@code METHOD status} of every request, in order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** The next {@code count} requests are answered with {@code status}, after their JWT was checked. */
    public void failNext(int count, int status) {
        failStatus = status;
        failNext.set(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status;
        String answer = "";
        String refusal = refusal(method, exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("Authorization"));
        if (refusal != null) {
            status = 401;
            answer = "{\"message\":\"" + refusal + "\"}";
        } else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = failStatus;
        } else if (method.equals("PUT")) {
            Matcher m = ENDPOINTS.matcher(new String(body, StandardCharsets.UTF_8));
            if (!m.matches()) {
                status = 400;
            } else {
                List<String> urls = new ArrayList<>();
                for (String item : m.group(1).split(",")) {
                    if (!item.isBlank()) {
                        urls.add(item.strip().replaceAll("^\"|\"$", ""));
                    }
                }
                boolean absolute = urls.stream().allMatch(u -> URI.create(u).isAbsolute());
                status = absolute ? 200 : 400;
                if (absolute) {
                    endpoints = List.copyOf(urls);
                }
            }
        } else if (method.equals("GET")) {
            status = 200;
            StringBuilder json = new StringBuilder("{\"endpoints\":[");
            for (int i = 0; i < endpoints.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(endpoints.get(i)).append('"');
            }
            answer = json.append("]}").toString();
        } else {
            status = 405;
        }
        log.add(method + " " + status);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private String refusal(String method, URI uri, String authorization) {
        if (authorization == null || !authorization.startsWith("JWT ")) {
            return "no JWT";
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(4));
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
                return "bad signature";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!appKey.equals(claims.getIssuer())) {
                return "iss is not the app key";
            }
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(Instant.now())) {
                return "expired";
            }
            String expected = QueryStringHash.of(method, uri.getRawPath(), uri.getRawQuery(), CONTEXT);
            if (!expected.equals(claims.getStringClaim("qsh"))) {
                return "qsh mismatch";
            }
            return null;
        } catch (Exception e) {
            return "unreadable JWT";
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
