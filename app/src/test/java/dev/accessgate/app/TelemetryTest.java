package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.sun.net.httpserver.HttpServer;
import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.app.ops.LogContext;
import dev.accessgate.application.port.out.EventHandler;
import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Metrics scraped from /metrics and the log context of each line, after real traffic through
 * the real server: policy, Forge and unknown events, a duplicate, an id conflict, a refusal;
 * one subscription with a filter and an HTTP handler that succeeds, fails for good or is
 * rate limited; one in-process handler that logs.
 */
class TelemetryTest {

    private static final String ISSUES = "avi:jira:created:issue";
    private static final String V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2";

    /** An in-process handler that logs one line from its own thread. */
    @Singleton
    @Named("chatty")
    @Requires(property = "telemetry-test.chatty", value = "true")
    static final class ChattyHandler implements EventHandler {
        @Override
        public Result handle(Event event) {
            LoggerFactory.getLogger("dev.accessgate.test.chatty").info("handling {}", event.eventId());
            return Result.success();
        }
    }

    @TempDir
    Path dir;

    private HttpServer handler;
    private LogCapture logs;

    @BeforeEach
    void handlerThatAnswersByIssueKey() throws IOException {
        handler = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handler.createContext("/handle", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = body.contains("PRJ-GONE") ? 400 : body.contains("PRJ-BUSY") ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        handler.start();
        logs = LogCapture.start();
    }

    @AfterEach
    void stop() {
        logs.stop();
        handler.stop(0);
    }

    private EmbeddedServer start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("accessgate.db", dir.resolve("telemetry.db").toString());
        properties.put("micronaut.server.port", -1);
        properties.put("telemetry-test.chatty", "true");
        properties.put("accessgate.subscriptions[0].name", "bugs");
        properties.put("accessgate.subscriptions[0].events[0]", "avi:jira:*:issue");
        properties.put("accessgate.subscriptions[0].filter.expression", "event.issue.fields?.issueType.name == 'Bug'");
        properties.put("accessgate.subscriptions[0].handler.url",
                "http://127.0.0.1:" + handler.getAddress().getPort() + "/handle");
        properties.put("accessgate.subscriptions[1].name", "policy");
        properties.put("accessgate.subscriptions[1].events[0]", "avi:ecosystem.app_policy:*");
        properties.put("accessgate.subscriptions[1].handler.bean", "chatty");
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static String issue(String key, String type) {
        return "{\"eventType\": \"" + ISSUES + "\", \"context\": {\"cloudId\": \"site-7\"}, \"issue\": {\"key\": \""
                + key + "\", \"fields\": {\"issueType\": {\"name\": \"" + type + "\"}}}}";
    }

    @Test
    void metrics_count_what_happened_and_every_line_names_its_event_and_delivery() {
        try (EmbeddedServer server = start()) {
            HttpDriver http = new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class))
                    .withBearer(Http.API_TOKEN);
            byte[] policy = Fixtures.bytes(Fixtures.OBJECTS_V2);
            assertThat(http.post("/events", Http.CE, policy).status()).isEqualTo(200);
            assertThat(http.post("/events", Http.CE, policy).json()).containsEntry("status", "duplicate");
            assertThat(http.post("/events", Http.CE, new String(policy, StandardCharsets.UTF_8)
                    .replace("\"abc123\"", "\"other\"")).status()).isEqualTo(409);
            assertThat(http.post("/events", Http.CE, "{\"specversion\":\"1.0\"}").status()).isEqualTo(400);
            id(http.post("/events", "application/json", issue("PRJ-1", "Bug")));
            String gone = id(http.post("/events", "application/json", issue("PRJ-GONE", "Bug")));
            id(http.post("/events", "application/json", issue("PRJ-BUSY", "Bug")));
            id(http.post("/events", "application/json", issue("PRJ-2", "Task")));
            String broken = id(http.post("/events", "application/json", "{\"eventType\": \"" + ISSUES
                    + "\", \"project\": {}}"));
            assertThat(http.post("/events", Http.CE, """
                    {"specversion":"1.0","id":"future-1","type":"avi:ecosystem.future:something.v3",
                     "source":"test","time":"2024-05-01T10:00:00Z","data":{}}""").json())
                    .containsEntry("status", "unprocessed");

            assertThat(Http.eventually(60, () -> {
                String scrape = http.get("/metrics").body();
                return Prometheus.value(scrape, "accessgate_delivery_dead_total", Map.of()) == 1
                        && Prometheus.value(scrape, "accessgate_delivery_retries_total", Map.of()) >= 1
                        && Prometheus.value(scrape, "accessgate_deliveries", Map.of("state", "succeeded")) == 2;
            })).as(() -> "the handler answered every first attempt:\n" + http.get("/metrics").body().lines()
                    .filter(l -> l.startsWith("accessgate_")).collect(java.util.stream.Collectors.joining("\n")))
                    .isTrue();
            String scrape = http.get("/metrics").body();

            assertThat(Prometheus.value(scrape, "accessgate_events_received_total",
                    Map.of("type", V2, "outcome", "applied"))).isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_events_received_total",
                    Map.of("type", V2, "outcome", "duplicate"))).isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_events_received_total",
                    Map.of("type", V2, "outcome", "conflict"))).isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_events_received_total",
                    Map.of("type", ISSUES, "outcome", "stored"))).isEqualTo(5);
            assertThat(Prometheus.value(scrape, "accessgate_events_received_total",
                    Map.of("outcome", "unprocessed"))).isEqualTo(1);
            assertThat(Prometheus.value(scrape, "http_server_requests_seconds_count",
                    Map.of("uri", "/events", "status", "400"))).isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_ingest_duration_seconds_count", Map.of())).isEqualTo(9);
            assertThat(Prometheus.value(scrape, "accessgate_ingest_duration_seconds_bucket", Map.of("le", "+Inf")))
                    .isEqualTo(9);
            assertThat(Prometheus.value(scrape, "accessgate_filter_evaluations_total",
                    Map.of("subscription", "bugs", "decision", "deliver"))).isEqualTo(3);
            assertThat(Prometheus.value(scrape, "accessgate_filter_evaluations_total",
                    Map.of("subscription", "bugs", "decision", "drop"))).isEqualTo(2);
            assertThat(Prometheus.value(scrape, "accessgate_filter_errors_total", Map.of("subscription", "bugs")))
                    .isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_deliveries", Map.of("state", "filtered"))).isEqualTo(2);
            assertThat(Prometheus.value(scrape, "accessgate_deliveries", Map.of("state", "dead"))).isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_deliveries", Map.of("state", "retry_scheduled"))
                    + Prometheus.value(scrape, "accessgate_deliveries", Map.of("state", "in_flight")))
                    .as(() -> "the rate-limited one, waiting or running again: " + http.get("/v1/deliveries").body())
                    .isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_delivery_retries_total",
                    Map.of("reason", "FUNCTION_PLATFORM_RATE_LIMITED"))).isGreaterThanOrEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_delivery_dead_total", Map.of("subscription", "bugs")))
                    .isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_delivery_attempts_total",
                    Map.of("subscription", "bugs", "outcome", "succeeded"))).isEqualTo(1);
            assertThat(Prometheus.value(scrape, "accessgate_database_size_bytes", Map.of())).isPositive();

            List<ILoggingEvent> events = logs.events();
            ILoggingEvent chatty = only(events, e -> e.getLoggerName().equals("dev.accessgate.test.chatty"));
            assertThat(chatty.getMDCPropertyMap()).containsEntry(LogContext.EVENT_ID, "7a6796c0-746d-4504-92cd-819eca234306")
                    .containsEntry(LogContext.WORKSPACE, "abc123").containsEntry(LogContext.SUBSCRIPTION, "policy")
                    .containsKey(LogContext.DELIVERY_ID);
            assertThat(chatty.getThreadName()).as("the handler's own thread").startsWith("accessgate-handler-");
            ILoggingEvent dead = only(events, e -> e.getFormattedMessage().contains("permanent failure"));
            assertThat(dead.getMDCPropertyMap()).containsEntry(LogContext.EVENT_ID, gone)
                    .containsEntry(LogContext.WORKSPACE, "site-7").containsEntry(LogContext.SUBSCRIPTION, "bugs")
                    .containsKey(LogContext.DELIVERY_ID);
            ILoggingEvent dropped = only(events, e -> e.getFormattedMessage().contains("filtered out"));
            assertThat(dropped.getMDCPropertyMap()).as("logged while the event was ingested")
                    .containsEntry(LogContext.EVENT_ID, broken).doesNotContainKey(LogContext.DELIVERY_ID);
            assertThat(events).filteredOn(e -> e.getFormattedMessage().contains("delivery ")
                            && e.getFormattedMessage().contains(" attempt "))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsKeys(LogContext.EVENT_ID,
                            LogContext.DELIVERY_ID, LogContext.SUBSCRIPTION));
        }
        assertThat(org.slf4j.MDC.getCopyOfContextMap()).as("nothing leaks into the test's thread").isNullOrEmpty();
    }

    private static String id(HttpDriver.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        return (String) reply.json().get("id");
    }

    private static ILoggingEvent only(List<ILoggingEvent> events, java.util.function.Predicate<ILoggingEvent> which) {
        List<ILoggingEvent> found = events.stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
