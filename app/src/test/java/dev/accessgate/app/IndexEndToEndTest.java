package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.application.port.in.QueryAccessUseCase;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory index through the real server: current at every acknowledgement, rebuilt after a restart. */
class IndexEndToEndTest {

    private static final WorkspaceId WS = new WorkspaceId("indexed");

    @TempDir
    Path dir;

    private EmbeddedServer start(Map<String, Object> extra) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "accessgate.db", dir.resolve("accessgate.db").toString(),
                "micronaut.server.port", -1));
        settings.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings);
        // Created (and building) with the service, not at the first request.
        assertThat(server.getApplicationContext().getActiveBeanRegistrations(LedgerIndex.class)).isNotEmpty();
        server.getApplicationContext().getBean(LedgerIndex.class).index()
                .ifPresent(index -> assertThat(index.awaitBuilt(Duration.ofSeconds(60))).isTrue());
        return server;
    }

    private static HttpDriver http(EmbeddedServer server) {
        return new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class))
                .withBearer(Http.API_TOKEN);
    }

    private static boolean inMemory(EmbeddedServer server) {
        return server.getApplicationContext().getBean(QueryAccessUseCase.class).answersInMemory(WS);
    }

    @Test
    void an_acknowledged_event_is_visible_to_the_very_next_check_and_after_a_restart() {
        try (EmbeddedServer server = start(Map.of())) {
            HttpDriver http = http(server);
            assertThat(inMemory(server)).isTrue();
            for (int i = 0; i < 50; i++) {
                // Each event blocks a new issue, and blocks issue "0" earlier than before (its answer moves).
                assertThat(post(http, "e" + i, "2024-01-01T00:00:%02dZ".formatted(59 - i), "0", "n" + i).status())
                        .isEqualTo(200);
                assertThat(http.get("/v1/workspaces/indexed/objects/jira/issue/n" + i).json())
                        .containsEntry("blocked", true).containsEntry("eventId", "e" + i);
                assertThat(http.get("/v1/workspaces/indexed/objects/jira/issue/0").json())
                        .containsEntry("eventId", "e" + i);
                assertThat(checked(http, "0", "n" + i, "never")).hasSize(2);
            }
            // A redelivery later than the answer changes nothing.
            assertThat(post(http, "late", "2024-01-02T00:00:00Z", "0").status()).isEqualTo(200);
            assertThat(http.get("/v1/workspaces/indexed/objects/jira/issue/0").json()).containsEntry("eventId", "e49");
        }

        try (EmbeddedServer server = start(Map.of())) {
            HttpDriver http = http(server);
            assertThat(inMemory(server)).isTrue();
            assertThat(http.get("/v1/workspaces/indexed/objects/jira/issue/0").json()).containsEntry("eventId", "e49");
            assertThat(http.get("/v1/workspaces/indexed/objects/jira/issue/n7").json()).containsEntry("eventId", "e7");
            assertThat(http.get("/v1/workspaces/indexed/objects/jira/issue/never").body()).isEqualTo("{\"blocked\":false}");
        }
    }

    @Test
    void with_the_bound_at_zero_there_is_no_index_and_checks_read_sqlite() {
        try (EmbeddedServer server = start(Map.of("accessgate.index-max-objects", 0))) {
            HttpDriver http = http(server);
            assertThat(server.getApplicationContext().getBean(LedgerIndex.class).index()).isEmpty();
            assertThat(inMemory(server)).isFalse();
            assertThat(post(http, "e1", "2024-01-01T00:00:00Z", "1").status()).isEqualTo(200);
            assertThat(http.get("/v1/workspaces/indexed/objects/jira/issue/1").json()).containsEntry("eventId", "e1");
            assertThat(checked(http, "1", "2")).hasSize(1);
        }
    }

    private static HttpDriver.Reply post(HttpDriver http, String id, String time, String... issues) {
        String ids = String.join(",", java.util.Arrays.stream(issues).map(issue -> "\"" + issue + "\"").toList());
        return http.post("/events", "application/cloudevents+json", """
                {"specversion": "1.0", "id": "%s", "source": "s", "time": "%s",
                 "type": "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2",
                 "data": {"workspace": {"cloudId": "indexed"}, "objects": [
                   {"product": "jira", "type": "issue", "ids": [%s]}]}}""".formatted(id, time, ids));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> checked(HttpDriver http, String... issues) {
        String objects = String.join(",", java.util.Arrays.stream(issues)
                .map(issue -> "{\"product\": \"jira\", \"type\": \"issue\", \"id\": \"" + issue + "\"}").toList());
        HttpDriver.Reply reply = http.post("/v1/workspaces/indexed/objects/check", "application/json",
                "{\"objects\": [" + objects + "]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Object>) ((Map<String, Object>) reply.json()).get("blocked");
    }
}
