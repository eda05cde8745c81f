package dev.accessgate.app;

import dev.accessgate.adapters.http.HttpDriver;
import io.micronaut.json.JsonMapper;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The app tests' view of a running accessgate: {@link HttpDriver} with the test API token,
 * plus the few requests and waits these tests repeat.
 */
final class Http {

    static final String CE = "application/cloudevents+json";
    /** The API token of every app test context (src/test/resources/application-test.yml). */
    static final String API_TOKEN = "app-test-token-0123456789abcdef";

    private final HttpDriver driver;

    Http(String base, JsonMapper json) {
        try {
            this.driver = new HttpDriver(URI.create(base).toURL(), json).withBearer(API_TOKEN);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(base, e);
        }
    }

    /** Status and JSON body (an empty map for an empty body). */
    record Reply(int status, Map<String, Object> json) {
        static Reply of(HttpDriver.Reply reply) {
            return new Reply(reply.status(), reply.json() == null ? Map.of() : reply.json());
        }
    }

    Reply get(String path) {
        return Reply.of(driver.get(path));
    }

    Reply post(String path, String contentType, String body) {
        return Reply.of(driver.post(path, contentType, body));
    }

    Reply post(String path) {
        return Reply.of(driver.post(path, null, new byte[0]));
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
