package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention in the running service: old raw events go, the ledger stays, a resend is harmless. */
class RetentionEndToEndTest {

    private static final Duration MAX_AGE = Duration.ofMillis(50);
    private static final String BLOCKED = "/v1/workspaces/abc123/objects/confluence/page/123456";

    @TempDir
    Path dir;

    private Map<String, Object> settings(String... extra) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("accessgate.db", dir.resolve("r.db").toString(),
                "micronaut.server.port", -1, "accessgate.retention.max-age", MAX_AGE.toMillis() + "ms"));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }

    @Test
    void old_raw_events_are_pruned_and_the_ledger_stays() throws InterruptedException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings())) {
            ApplicationContext context = server.getApplicationContext();
            Http http = new Http(server.getURL().toString(), context.getBean(JsonMapper.class));
            String policy = Fixtures.text(Fixtures.OBJECTS_V2);
            Http.Reply stored = http.post("/events", Http.CE, policy);
            assertThat(stored.status()).isEqualTo(200);
            String eventId = (String) stored.json().get("id");
            assertThat(http.event("product-1", "avi:jira:created:issue").status()).isEqualTo(200);
            waitUntilOlderThanRetention(context.getBean(Clock.class), Instant.now());

            context.getBean(RetentionJob.class).runOnce();

            assertThat(http.get("/v1/events/" + eventId).status()).isEqualTo(404);
            assertThat(http.get("/v1/events/product-1").status()).isEqualTo(404);
            assertThat(http.get(BLOCKED).json()).containsEntry("blocked", true).containsEntry("eventId", eventId);
            // Atlassian resending the pruned event: accepted, and the ledger is as it was.
            Http.Reply resent = http.post("/events", Http.CE, policy);
            assertThat(resent.status()).isEqualTo(200);
            assertThat(resent.json()).containsEntry("status", "applied").containsEntry("newlyBlocked", 0);
            assertThat(http.get(BLOCKED).json()).containsEntry("blocked", true).containsEntry("eventId", eventId);
        }
    }

    /** The receive times come from the service's clock: wait for it, not for a guess. */
    private static void waitUntilOlderThanRetention(Clock clock, Instant received) throws InterruptedException {
        while (!clock.instant().isAfter(received.plus(MAX_AGE))) {
            Thread.sleep(MAX_AGE.toMillis());
        }
    }

    @Test
    void a_retention_that_is_not_positive_stops_the_start_and_names_the_setting() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class,
                settings("accessgate.retention.max-age", "0s")).close())
                .hasStackTraceContaining("ACCESSGATE_RETENTION");
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class,
                settings("accessgate.retention.interval", "0s")).close())
                .hasStackTraceContaining("ACCESSGATE_RETENTION_INTERVAL");
    }
}
