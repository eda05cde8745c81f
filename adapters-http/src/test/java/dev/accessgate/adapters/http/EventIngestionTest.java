package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest
class EventIngestionTest {

    private static final String CE = "application/cloudevents+json";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryPolicyStore store;

    private HttpDriver http;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json);
    }

    /** The fixture with its id and cloudId replaced, so each test has its own event and workspace. */
    private static String fixture(String name, String id, String cloudId) {
        return Fixtures.text(name).replace("7a6796c0-746d-4504-92cd-819eca234306", id)
                .replace("\"abc123\"", "\"" + cloudId + "\"");
    }

    @Test
    void the_documented_objects_event_is_acknowledged_after_it_is_applied() {
        HttpDriver.Reply reply = http.post("/events", CE + "; charset=UTF-8", Fixtures.text(Fixtures.OBJECTS_V2));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("id", "7a6796c0-746d-4504-92cd-819eca234306")
                .containsEntry("status", "applied").containsEntry("newlyBlocked", 9);
        WorkspaceId abc = new WorkspaceId("abc123");
        assertThat(store.objectBlock(abc, ObjectRef.of("confluence", "page", "123456"))).isPresent();
        assertThat(store.objectBlock(abc, ObjectRef.of("confluence", "whiteboard", "67890"))).isPresent();
        assertThat(store.objectBlock(abc, ObjectRef.of("jira", "issue", "345678"))).isPresent();
        assertThat(store.objectBlock(abc, ObjectRef.of("jira", "issue", "999"))).isEmpty();
    }

    @Test
    void the_documented_container_event_blocks_the_container_and_no_object() {
        HttpDriver.Reply reply = http.post("/events", CE, fixture(Fixtures.CONTAINER_V2, "container-1", "ws-container"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "applied").containsEntry("newlyBlocked", 1);
        assertThat(store.containers(new WorkspaceId("ws-container"))).hasSize(1);
        assertThat(store.objectBlock(new WorkspaceId("ws-container"), ObjectRef.of("confluence", "page", "123456")))
                .isEmpty();
    }

    @Test
    void media_type_and_charset_are_matched_without_regard_to_case() {
        HttpDriver.Reply reply = http.post("/events", "Application/CloudEvents+JSON; Charset=utf-8",
                fixture(Fixtures.OBJECTS_V2, "case-1", "ws-case"));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void a_redelivery_is_acknowledged_as_a_duplicate_and_changes_nothing() {
        String body = fixture(Fixtures.OBJECTS_V2, "dup-1", "ws-dup");
        http.post("/events", CE, body);
        // The same event with other whitespace and key order is still the same event.
        String reformatted = body.replace("\n", "").replace("  ", " ");

        HttpDriver.Reply again = http.post("/events", CE, reformatted);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).containsEntry("status", "duplicate").doesNotContainKey("newlyBlocked");
        assertThat(store.workspaces()).filteredOn(ws -> ws.workspace().cloudId().equals("ws-dup"))
                .singleElement().satisfies(ws -> assertThat(ws.blockedObjects()).isEqualTo(9));
    }

    @Test
    void a_different_event_reusing_an_id_is_refused_with_409_and_changes_nothing() {
        http.post("/events", CE, fixture(Fixtures.OBJECTS_V2, "reused-1", "ws-reuse"));

        HttpDriver.Reply reply = http.post("/events", CE, fixture(Fixtures.CONTAINER_V2, "reused-1", "ws-reuse"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json()).containsEntry("status", 409).containsEntry("title", "Event id already used");
        assertThat(store.containers(new WorkspaceId("ws-reuse"))).isEmpty();
    }

    @Test
    void an_event_of_an_unknown_type_is_stored_unprocessed_not_dropped() {
        String body = fixture(Fixtures.OBJECTS_V2, "future-1", "ws-future").replace(".v2\"", ".v3\"");

        HttpDriver.Reply reply = http.post("/events", CE, body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "unprocessed")
                .containsEntry("type", "avi:ecosystem.app_policy:blocked:app_access_to_objects.v3");
        assertThat(store.find(new EventId("future-1"))).hasValueSatisfying(e -> assertThat(e.event().body())
                .isEqualTo(body));
        assertThat(store.workspaces()).noneMatch(ws -> ws.workspace().cloudId().equals("ws-future"));
    }

    @Test
    void object_ids_are_kept_exactly_and_products_and_types_lower_cased() {
        String body = fixture(Fixtures.OBJECTS_V2, "mixed-1", "ws-mixed")
                .replace("\"product\": \"confluence\", \"type\": \"page\"", "\"product\": \"Confluence\", \"type\": \"PAGE\"")
                .replace("\"123456\", \"234567\"", "\"AbC\", \"234567\"");

        assertThat(http.post("/events", CE, body).status()).isEqualTo(200);

        WorkspaceId ws = new WorkspaceId("ws-mixed");
        assertThat(store.objectBlock(ws, ObjectRef.of("confluence", "page", "AbC"))).isPresent();
        assertThat(store.objectBlock(ws, ObjectRef.of("confluence", "page", "abc"))).isEmpty();
    }

    @Test
    void every_violation_is_listed_with_a_pointer_to_the_offending_field() {
        String body = """
                {"specversion": "1.0", "id": "bad-1", "source": "atlassian.com/ecosystem",
                 "type": "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2", "time": "2023-10-24T08:08:08Z",
                 "data": {"workspace": {"cloudId": 42},
                          "objects": [{"product": "jira", "type": "issue", "ids": ["1", 2, ""]},
                                      {"product": "", "type": "page", "ids": []},
                                      "oops"]}}""";

        HttpDriver.Reply reply = http.post("/events", CE, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(pointers(reply)).containsExactlyInAnyOrder("/data/workspace/cloudId", "/data/objects/0/ids/1",
                "/data/objects/0/ids/2", "/data/objects/1/product", "/data/objects/2");
        assertThat(store.find(new EventId("bad-1"))).isEmpty();
    }

    @Test
    void more_than_the_allowed_number_of_ids_is_refused_and_nothing_is_stored() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i <= 100_000; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        String body = "{\"specversion\":\"1.0\",\"id\":\"huge-1\",\"source\":\"s\",\"time\":\"2023-10-24T08:08:08Z\","
                + "\"type\":\"avi:ecosystem.app_policy:blocked:app_access_to_objects.v2\","
                + "\"data\":{\"workspace\":{\"cloudId\":\"ws-huge\"},\"objects\":[{\"product\":\"jira\","
                + "\"type\":\"issue\",\"ids\":[" + ids + "]}]}}";

        HttpDriver.Reply reply = http.post("/events", CE, body);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json()).containsEntry("title", "Limit exceeded");
        assertThat(store.find(new EventId("huge-1"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<String> pointers(HttpDriver.Reply reply) {
        return ((List<Map<String, Object>>) reply.json().get("errors")).stream()
                .map(e -> (String) e.get("pointer")).toList();
    }
}
