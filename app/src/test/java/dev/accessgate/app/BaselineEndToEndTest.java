package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines and events through the whole service on a real SQLite file, across a restart. */
class BaselineEndToEndTest {

    private static final String BASELINE = """
            {"id": "b1", "time": "2023-10-25T00:00:00Z", "product": "confluence", "types": ["page"],
             "objects": [{"type": "page", "id": "999"}]}""";

    @TempDir
    Path dir;

    private EmbeddedServer start(Path db) {
        // The service's own limits (application.yml), as an operator gets them.
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "accessgate.db", db.toString(),
                "micronaut.server.port", -1));
    }

    private static HttpDriver http(EmbeddedServer server) {
        return new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class))
                .withBearer(Http.API_TOKEN);
    }

    private static HttpDriver.Reply putBaseline(EmbeddedServer server, String body) {
        return http(server).send(HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/workspaces/abc123/baseline"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Map<String, Object> page(HttpDriver http, String id) {
        return http.get("/v1/workspaces/abc123/objects/confluence/page/" + id).json();
    }

    @Test
    void a_baseline_overrides_earlier_events_in_its_scope_and_later_ones_apply_across_a_restart() {
        Path db = dir.resolve("baselines.db");
        try (EmbeddedServer server = start(db)) {
            HttpDriver http = http(server);
            assertThat(putBaseline(server, BASELINE).json()).containsEntry("status", "applied")
                    .containsEntry("newlyBlocked", 1);
            // Timed before the baseline: its pages are old news, its whiteboards and issues are not.
            assertThat(http.post("/events", "application/cloudevents+json", Fixtures.bytes(Fixtures.OBJECTS_V2))
                    .json()).containsEntry("newlyBlocked", 6);
        }
        try (EmbeddedServer server = start(db)) {
            HttpDriver http = http(server);
            assertThat(page(http, "123456")).containsEntry("blocked", false);
            assertThat(page(http, "999")).isEqualTo(Map.of("blocked", true, "blockedAt", "2023-10-25T00:00:00Z",
                    "eventId", "b1"));
            assertThat(http.get("/v1/workspaces/abc123/objects/confluence/whiteboard/45678").json())
                    .containsEntry("eventId", "7a6796c0-746d-4504-92cd-819eca234306");
            assertThat(http.get("/v1/workspaces").json()).isEqualTo(Map.of("workspaces", List.of(
                    Map.of("cloudId", "abc123", "blockedObjects", 7, "blockedContainers", 0)), "unprocessedEvents", 0));
            assertThat(putBaseline(server, BASELINE).json()).containsEntry("status", "duplicate");

            String later = Fixtures.text(Fixtures.OBJECTS_V2).replace("2023-10-24T08:08:08Z", "2023-10-26T00:00:00Z")
                    .replace("7a6796c0-746d-4504-92cd-819eca234306", "later");
            assertThat(http.post("/events", "application/cloudevents+json", later).status()).isEqualTo(200);
            assertThat(page(http, "123456")).isEqualTo(Map.of("blocked", true, "blockedAt", "2023-10-26T00:00:00Z",
                    "eventId", "later"));
        }
    }

    @Test
    void a_baseline_may_be_far_larger_than_an_event_body() {
        StringBuilder body = new StringBuilder(
                "{\"id\": \"big\", \"time\": \"2024-05-01T00:00:00Z\", \"product\": \"jira\", \"objects\": [");
        for (int i = 0; body.length() < 3 * 1024 * 1024; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\": \"issue\", \"id\": \"ISSUE-").append(i).append("\"}");
        }
        String baseline = body.append("]}").toString();
        String event = Fixtures.text(Fixtures.OBJECTS_V2).replace("\"workspace\"",
                "\"padding\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"workspace\"");

        try (EmbeddedServer server = start(dir.resolve("limits.db"))) {
            assertThat(putBaseline(server, baseline).json()).containsEntry("status", "applied");
            HttpDriver.Reply tooLarge = http(server).post("/events", "application/cloudevents+json", event);
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        }
    }
}
