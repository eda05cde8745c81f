package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query API answers exactly in the shapes of SPEC 2.2. */
@MicronautTest
class AccessQueryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private HttpDriver http;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json).withBearer(SecurityTestBeans.API_TOKEN);
        http.post("/events", "application/cloudevents+json", Fixtures.text(Fixtures.OBJECTS_V2));
        http.post("/events", "application/cloudevents+json",
                Fixtures.text(Fixtures.CONTAINER_V2).replace("7a6796c0-746d-4504-92cd-819eca234306", "c-1"));
    }

    @Test
    void a_blocked_object_answers_blocked_with_when_and_by_which_event() {
        HttpDriver.Reply reply = http.get("/v1/workspaces/abc123/objects/confluence/page/123456");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json()).containsExactlyInAnyOrderEntriesOf(Map.of("blocked", true,
                "blockedAt", "2023-10-24T08:08:08Z", "eventId", "7a6796c0-746d-4504-92cd-819eca234306"));
    }

    @Test
    void an_object_that_is_not_blocked_answers_blocked_false_and_nothing_else() {
        HttpDriver.Reply reply = http.get("/v1/workspaces/abc123/objects/jira/issue/999");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"blocked\":false}");
    }

    @Test
    void products_and_types_in_the_path_match_without_regard_to_case() {
        assertThat(http.get("/v1/workspaces/abc123/objects/Confluence/WHITEBOARD/45678").json())
                .containsEntry("blocked", true);
        assertThat(http.get("/v1/workspaces/ABC123/objects/confluence/whiteboard/45678").json())
                .containsEntry("blocked", false);
    }

    @Test
    void a_container_block_does_not_block_an_object_with_the_same_id() {
        // The container fixture blocks confluence space 123456; page 123456 is blocked by the objects event only.
        assertThat(http.get("/v1/workspaces/abc123/objects/confluence/blogpost/123456").json())
                .containsEntry("blocked", false);
    }

    @Test
    void workspaces_are_listed_with_their_counts() {
        HttpDriver.Reply reply = http.get("/v1/workspaces");

        assertThat(reply.json()).isEqualTo(Map.of("workspaces", List.of(
                Map.of("cloudId", "abc123", "blockedObjects", 9, "blockedContainers", 1)), "unprocessedEvents", 0));
    }

    @Test
    void containers_are_listed_with_their_blocks() {
        HttpDriver.Reply reply = http.get("/v1/workspaces/abc123/containers");

        assertThat(reply.json()).isEqualTo(Map.of("cloudId", "abc123", "containers", List.of(Map.of(
                "product", "confluence", "id", "123456", "blockedAt", "2023-10-24T08:08:08Z", "eventId", "c-1"))));
    }

    @Test
    void a_workspace_without_blocks_has_no_containers() {
        assertThat(http.get("/v1/workspaces/nobody/containers").json())
                .isEqualTo(Map.of("cloudId", "nobody", "containers", List.of()));
    }

    @Test
    void framework_errors_are_problems_too() {
        HttpDriver.Reply missing = http.get("/v1/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json()).containsEntry("title", "Not found").containsEntry("status", 404);

        HttpDriver.Reply wrongMethod = http.get("/events");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");

        HttpDriver.Reply blank = http.get("/v1/workspaces/abc123/objects/confluence/page/%20");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json()).containsEntry("title", "Invalid request");
    }
}
