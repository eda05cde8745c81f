package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code PUT /v1/workspaces/{cloudId}/baseline} through the real HTTP server, on the in-memory store. */
@MicronautTest
class BaselineImportTest {

    private static final AtomicInteger WORKSPACES = new AtomicInteger();
    private static final String VALID = """
            {"id": "baseline-2024-05-01", "time": "2024-05-01T00:00:00Z", "product": "Confluence",
             "types": ["page", "blogpost"],
             "objects": [{"type": "page", "id": "123"}, {"type": "BlogPost", "id": "7"}, {"type": "page", "id": "123"}],
             "containers": ["SPACE1"]}""";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private HttpDriver http;
    private String ws;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json).withBearer(SecurityTestBeans.API_TOKEN);
        ws = "ws" + WORKSPACES.incrementAndGet();
    }

    private HttpDriver.Reply put(String cloudId, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/v1/workspaces/" + cloudId + "/baseline"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build());
    }

    private HttpDriver.Reply put(String body) {
        return put(ws, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> object(String product, String type, String id) {
        return http.get("/v1/workspaces/" + ws + "/objects/" + product + "/" + type + "/" + id).json();
    }

    @Test
    void a_baseline_is_applied_and_answered_with_what_it_changed() {
        HttpDriver.Reply reply = put(VALID);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Map.of("id", "baseline-2024-05-01", "status", "applied",
                "objects", 2, "superseded", 0, "newlyBlocked", 2, "removed", 0,
                "containers", 1, "containersSuperseded", 0, "containersNewlyBlocked", 1, "containersRemoved", 0));
        assertThat(object("confluence", "page", "123")).isEqualTo(Map.of("blocked", true,
                "blockedAt", "2024-05-01T00:00:00Z", "eventId", "baseline-2024-05-01"));
        assertThat(object("confluence", "blogpost", "7")).containsEntry("blocked", true);
        assertThat(http.get("/v1/workspaces/" + ws + "/containers").json().get("containers"))
                .isEqualTo(List.of(Map.of("product", "confluence", "id", "SPACE1",
                        "blockedAt", "2024-05-01T00:00:00Z", "eventId", "baseline-2024-05-01")));
    }

    @Test
    void fields_may_come_in_any_order_and_the_same_baseline_again_is_a_duplicate() {
        put(VALID);

        HttpDriver.Reply again = put("""
                {"objects": [{"id": "7", "type": "blogpost"}, {"type": "page", "id": "123"}],
                 "containers": ["SPACE1"], "types": ["blogpost", "page"], "product": "confluence",
                 "time": "2024-05-01T02:00:00+02:00", "id": "baseline-2024-05-01"}""");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(Map.of("id", "baseline-2024-05-01", "status", "duplicate"));
    }

    @Test
    void another_baseline_under_the_same_id_is_a_conflict_and_changes_nothing() {
        put(VALID);

        HttpDriver.Reply conflict = put(VALID.replace("\"123\"", "\"124\""));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json()).containsEntry("type", "urn:accessgate:problem:baseline-conflict");
        assertThat(object("confluence", "page", "124")).containsEntry("blocked", false);
    }

    @Test
    void a_later_baseline_replaces_the_scope_and_later_events_still_apply() {
        put(VALID);

        HttpDriver.Reply reply = put("""
                {"id": "b2", "time": "2024-06-01T00:00:00Z", "product": "confluence", "objects": []}""");

        assertThat(reply.json()).containsEntry("removed", 2).containsEntry("newlyBlocked", 0);
        assertThat(object("confluence", "page", "123")).containsEntry("blocked", false);
        assertThat(http.get("/v1/workspaces").json().get("workspaces").toString()).contains(ws);
    }

    static Stream<Arguments> bad_bodies() {
        String valid = VALID;
        return Stream.of(
                Arguments.of("{", null),
                Arguments.of("[]", null),
                Arguments.of("\"baseline\"", null),
                Arguments.of(valid.replace("\"id\": \"baseline-2024-05-01\", ", ""), "/id"),
                Arguments.of(valid.replace("\"baseline-2024-05-01\"", "42"), "/id"),
                Arguments.of(valid.replace("\"baseline-2024-05-01\"", "\"  \""), "/id"),
                Arguments.of(valid.replace("2024-05-01T00:00:00Z", "2024-05-01"), "/time"),
                Arguments.of(valid.replace("2024-05-01T00:00:00Z", "2024-05-01T00:00:00"), "/time"),
                Arguments.of(valid.replace("2024-05-01T00:00:00Z", "2024-02-30T00:00:00Z"), "/time"),
                Arguments.of(valid.replace("2024-05-01T00:00:00Z", "2300-01-01T00:00:00Z"), "/time"),
                Arguments.of(valid.replace("\"Confluence\"", "null"), "/product"),
                Arguments.of(valid.replace("\"product\"", "\"products\""), "/products"),
                Arguments.of(valid.replace("[\"page\", \"blogpost\"]", "\"page\""), "/types"),
                Arguments.of(valid.replace("[\"page\", \"blogpost\"]", "null"), "/types"),
                Arguments.of(valid.replace("[\"page\", \"blogpost\"]", "[\"page\", 3]"), "/types/1"),
                Arguments.of(valid.replace("[\"page\", \"blogpost\"]", "[\"page\"]"), "/objects/1/type"),
                Arguments.of(valid.replace("\"BlogPost\"", "\"whiteboard\""), "/objects/1/type"),
                Arguments.of(valid.replace("\"id\": \"7\"", "\"ident\": \"7\""), "/objects/1/ident"),
                Arguments.of(valid.replace("{\"type\": \"BlogPost\", \"id\": \"7\"}", "{\"type\": \"page\"}"),
                        "/objects/1/id"),
                Arguments.of(valid.replace("\"id\": \"7\"", "\"id\": 7"), "/objects/1/id"),
                Arguments.of(valid.replace("\"id\": \"7\"", "\"id\": \"\""), "/objects/1/id"),
                Arguments.of(valid.replace("{\"type\": \"BlogPost\", \"id\": \"7\"}", "\"7\""), "/objects/1"),
                Arguments.of(valid.replace("\"objects\": [", "\"objects\": {\"a\": [").replace("\"containers\"",
                        "\"x\": 1}, \"containers\""), "/objects"),
                Arguments.of(valid.replaceAll("\"objects\": \\[.*\\],", ""), "/objects"),
                Arguments.of(valid.replace("[\"SPACE1\"]", "[1]"), "/containers/0"),
                Arguments.of(valid.replace("[\"SPACE1\"]", "\"SPACE1\""), "/containers"),
                Arguments.of("{\"id\": \"b\", \"time\": \"2024-05-01T00:00:00Z\", \"product\": \"jira\", "
                        + "\"types\": [], \"objects\": []}", "/types"),
                Arguments.of(valid.replace("\"product\": \"Confluence\"",
                        "\"product\": \"Confluence\", \"product\": \"jira\""), null),
                Arguments.of(valid + " {}", null),
                Arguments.of(valid.replace("\"containers\"", "\"deep\": " + "[".repeat(100) + "]".repeat(100)
                        + ", \"containers\""), null));
    }

    @ParameterizedTest
    @MethodSource("bad_bodies")
    void a_bad_body_is_a_400_that_points_at_the_problem_and_changes_nothing(String body, String pointer) {
        HttpDriver.Reply reply = put(body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        if (pointer != null) {
            assertThat((List<?>) reply.json().get("errors")).as(reply.body())
                    .anySatisfy(e -> assertThat(((Map<?, ?>) e).get("pointer")).isEqualTo(pointer));
        }
        assertThat(http.get("/v1/workspaces").body()).doesNotContain("\"" + ws + "\"");
    }

    @Test
    void invalid_utf8_and_empty_bodies_are_400s() {
        byte[] invalid = VALID.replace("\"123\"", "\"12X\"").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] == 'X') {
                invalid[i] = (byte) 0xC3; // a lead byte followed by '"': not UTF-8
            }
        }
        assertThat(put(ws, "application/json", invalid).status()).isEqualTo(400);
        assertThat(put(ws, "application/json", new byte[0]).status()).isEqualTo(400);
        assertThat(http.get("/v1/workspaces").body()).doesNotContain("\"" + ws + "\"");
    }

    @Test
    void another_content_type_is_a_415_problem() {
        HttpDriver.Reply reply = put(ws, "text/plain", VALID.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void many_objects_are_read_in_batches() {
        StringBuilder body = new StringBuilder(
                "{\"id\": \"many\", \"time\": \"2024-05-01T00:00:00Z\", \"product\": \"jira\", \"objects\": [");
        for (int i = 0; i < 25_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\": \"issue\", \"id\": \"ISSUE-").append(i).append("\"}");
        }
        HttpDriver.Reply reply = put(body.append("]}").toString());

        assertThat(reply.json()).containsEntry("objects", 25_000).containsEntry("newlyBlocked", 25_000);
        assertThat(object("jira", "issue", "ISSUE-24999")).containsEntry("eventId", "many");
    }
}
