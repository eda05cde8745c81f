package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole service on a real SQLite file, stopped and started again. */
class EndToEndTest {

    private static final String API_TOKEN = "end-to-end-api-token-0123456789";

    @TempDir
    Path dir;

    private EmbeddedServer start(Path db) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "accessgate.db", db.toString(),
                "accessgate.api-token", API_TOKEN,
                "micronaut.server.port", -1));
    }

    private static HttpDriver http(EmbeddedServer server) {
        return new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class))
                .withBearer(API_TOKEN);
    }

    @Test
    void the_documented_example_survives_a_restart() {
        Path db = dir.resolve("data/accessgate.db");
        try (EmbeddedServer server = start(db)) {
            HttpDriver http = http(server);
            assertThat(http.post("/events", "application/cloudevents+json", Fixtures.bytes(Fixtures.OBJECTS_V2))
                    .status()).isEqualTo(200);
            assertThat(http.post("/events", "application/cloudevents+json", Fixtures.text(Fixtures.CONTAINER_V2)
                    .replace("7a6796c0-746d-4504-92cd-819eca234306", "container-1")).status()).isEqualTo(200);
        }
        assertThat(Files.exists(db)).isTrue();

        try (EmbeddedServer server = start(db)) {
            HttpDriver http = http(server);
            assertThat(http.get("/v1/workspaces/abc123/objects/confluence/page/123456").json())
                    .containsEntry("blocked", true)
                    .containsEntry("blockedAt", "2023-10-24T08:08:08Z")
                    .containsEntry("eventId", "7a6796c0-746d-4504-92cd-819eca234306");
            assertThat(http.get("/v1/workspaces/abc123/objects/jira/issue/999").body())
                    .isEqualTo("{\"blocked\":false}");
            assertThat(http.get("/v1/workspaces").json()).isEqualTo(Map.of("workspaces", List.of(
                    Map.of("cloudId", "abc123", "blockedObjects", 9, "blockedContainers", 1)), "unprocessedEvents", 0));
            // A redelivery after the restart is still recognised.
            assertThat(http.post("/events", "application/cloudevents+json", Fixtures.bytes(Fixtures.OBJECTS_V2))
                    .json()).containsEntry("status", "duplicate");
        }
    }

    @Test
    void nothing_refused_is_stored() {
        Path db = dir.resolve("refused.db");
        try (EmbeddedServer server = start(db)) {
            HttpDriver http = http(server);
            String invalidTime = Fixtures.text(Fixtures.OBJECTS_V2).replace("2023-10-24T08:08:08Z", "2023-10-24");
            assertThat(http.post("/events", "application/cloudevents+json", invalidTime).status()).isEqualTo(400);
            assertThat(http.get("/v1/workspaces").json())
                    .isEqualTo(Map.of("workspaces", List.of(), "unprocessedEvents", 0));
        }
    }
}
