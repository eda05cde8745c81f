package dev.accessgate.app;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Plain HTTP against a running accessgate, answers as maps. */
final class Http {

    static final String CE = "application/cloudevents+json";
    /** The API token of every app test context (src/test/resources/application-test.yml). */
    static final String API_TOKEN = "app-test-token-0123456789abcdef";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final JsonMapper json;

    Http(String base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    record Reply(int status, Map<String, Object> json) {
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A CloudEvent in structured mode. */
    Reply event(String id, String type) {
        return post("/events", CE, """
                {"specversion":"1.0","id":"%s","type":"%s","source":"ari:cloud:jira::site/abc",
                 "time":"2024-05-01T10:00:00Z","data":{"issue":{"key":"K-1"}}}""".formatted(id, type));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> deliveries(String query) {
        return (List<Map<String, Object>>) get("/v1/deliveries?" + query).json().get("deliveries");
    }

    private Reply send(HttpRequest request) {
        HttpRequest authorized = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + API_TOKEN).build();
        try {
            HttpResponse<String> response = client.send(authorized, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> parsed = response.body().isEmpty() ? Map.of()
                    : json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            return new Reply(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 50 ms until it holds or {@code seconds} pass. */
    static boolean eventually(int seconds, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
