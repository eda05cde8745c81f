package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.ForgeHandlerProcess;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The "done when", end to end: the real server on a real SQLite file, a subscription
 * with an HTTP handler that is the Node handler built on {@code @forge/events}, real time.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryEndToEndTest implements TestPropertyProvider {

    private static final String RETRY_PATH = "/h/retry?after=1&reason=FUNCTION_UPSTREAM_RATE_LIMITED";

    private ForgeHandlerProcess node;
    private Path dir;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    private Http http;

    @Override
    public Map<String, String> getProperties() {
        node = ForgeHandlerProcess.start();
        try {
            dir = Files.createTempDirectory("accessgate-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "accessgate.db", dir.resolve("accessgate.db").toString(),
                "accessgate.subscriptions[0].name", "always-retry",
                "accessgate.subscriptions[0].events[0]", "avi:jira:*:issue",
                "accessgate.subscriptions[0].handler.url", node.url(RETRY_PATH).toString(),
                "accessgate.subscriptions[0].handler.timeout", "5s",
                "accessgate.subscriptions[1].name", "ok",
                "accessgate.subscriptions[1].events[0]", "avi:confluence:*",
                "accessgate.subscriptions[1].handler.url", node.url("/h/ok").toString());
    }

    @AfterAll
    void stopNode() {
        node.close();
    }

    @BeforeEach
    void driver() {
        http = new Http("http://127.0.0.1:" + server.getPort(), json);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> calls(String path) {
        List<Map<String, Object>> all;
        try {
            all = json.readValue(node.callsJson(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.stream().filter(c -> c.get("path").equals(path)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> delivery(String eventId) {
        return http.deliveries("limit=1000").stream().filter(d -> d.get("eventId").equals(eventId)).findFirst()
                .orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_handler_that_always_asks_for_a_retry_is_called_five_times_then_dead_and_replayable() {
        assertThat(http.event("e2e-1", "avi:jira:created:issue").status()).isEqualTo(200);
        assertThat(http.event("e2e-1", "avi:jira:created:issue").json()).containsEntry("status", "duplicate");

        assertThat(Http.eventually(30, () -> "dead".equals(delivery("e2e-1").get("state"))))
                .as("dead after five attempts").isTrue();
        List<Map<String, Object>> calls = calls(RETRY_PATH);
        assertThat(calls).hasSize(5);
        assertThat(calls.get(0).get("body")).isInstanceOfSatisfying(Map.class,
                body -> assertThat(body).doesNotContainKey("retryContext").containsEntry("id", "e2e-1"));
        for (int retry = 1; retry <= 4; retry++) {
            Map<String, Object> context = (Map<String, Object>) ((Map<String, Object>) calls.get(retry).get("body"))
                    .get("retryContext");
            assertThat(context).containsEntry("retryCount", retry)
                    .containsEntry("retryReason", "FUNCTION_UPSTREAM_RATE_LIMITED")
                    .containsEntry("retryData", Map.of("previousRetryCount", retry - 1, "userName", "john"));
        }
        Map<String, Object> dead = delivery("e2e-1");
        List<Map<String, Object>> history = (List<Map<String, Object>>) dead.get("history");
        assertThat(history).hasSize(5);
        for (int i = 1; i < 5; i++) {
            Instant previousEnd = Instant.parse((String) history.get(i - 1).get("endedAt"));
            Instant started = Instant.parse((String) history.get(i).get("startedAt"));
            assertThat(started).as("retry %s is not early", i).isAfterOrEqualTo(previousEnd.plusSeconds(1));
            assertThat(Instant.ofEpochMilli(((Number) calls.get(i).get("at")).longValue()))
                    .as("the handler saw retry %s no earlier than it was due", i)
                    .isAfterOrEqualTo(previousEnd.plusSeconds(1).minusMillis(1));
        }
        assertThat(http.deliveries("state=dead&limit=1000")).extracting(d -> d.get("id")).contains(dead.get("id"));
        assertThat(http.deliveries("limit=1000").stream().filter(d -> d.get("eventId").equals("e2e-1"))).hasSize(1);

        Http.Reply replay = http.post("/v1/deliveries/" + dead.get("id") + "/replay");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).containsEntry("budget", 2);
        assertThat(Http.eventually(30, () -> calls(RETRY_PATH).size() == 10
                && "dead".equals(delivery("e2e-1").get("state")))).as("five more attempts, then dead").isTrue();
        List<Map<String, Object>> again = calls(RETRY_PATH).subList(5, 10);
        assertThat((Map<String, Object>) again.get(0).get("body")).doesNotContainKey("retryContext");
        List<Object> counts = new ArrayList<>();
        again.subList(1, 5).forEach(c -> counts.add(((Map<String, Object>) ((Map<String, Object>) c.get("body"))
                .get("retryContext")).get("retryCount")));
        assertThat(counts).containsExactly(1, 2, 3, 4);
        assertThat(http.post("/v1/deliveries/" + dead.get("id") + "/replay").status()).isEqualTo(200);
    }

    @Test
    void an_event_goes_only_to_matching_subscriptions() {
        assertThat(http.event("e2e-page", "avi:confluence:created:page").status()).isEqualTo(200);

        assertThat(Http.eventually(10, () -> "succeeded".equals(delivery("e2e-page").get("state")))).isTrue();
        assertThat(http.deliveries("limit=1000").stream().filter(d -> d.get("eventId").equals("e2e-page")))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("subscription", "ok"));
    }
}
