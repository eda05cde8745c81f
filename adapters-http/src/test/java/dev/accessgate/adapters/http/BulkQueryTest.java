package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bulk check and the paged listing of blocked objects. */
@MicronautTest
class BulkQueryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private HttpDriver http;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json).withBearer(SecurityTestBeans.API_TOKEN);
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            ids.append(i == 0 ? "" : ",").append("\"P-").append(100 + i).append('"');
        }
        http.post("/events", "application/cloudevents+json", """
                {"specversion": "1.0", "id": "bulk-1", "source": "s", "time": "2024-01-01T00:00:00Z",
                 "type": "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2",
                 "data": {"workspace": {"cloudId": "bulk"}, "objects": [
                   {"product": "jira", "type": "issue", "ids": [%s]},
                   {"product": "confluence", "type": "page", "ids": ["a", "b"]}]}}""".formatted(ids));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_bulk_check_answers_only_the_blocked_ones() {
        HttpDriver.Reply reply = http.post("/v1/workspaces/bulk/objects/check", "application/json", """
                {"objects": [{"product": "JIRA", "type": "issue", "id": "P-101"},
                             {"product": "jira", "type": "issue", "id": "P-999"},
                             {"product": "confluence", "type": "page", "id": "a"}]}""");

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> blocked = (List<Map<String, Object>>) reply.json().get("blocked");
        assertThat(blocked).containsExactly(
                Map.of("product", "confluence", "type", "page", "id", "a", "blockedAt", "2024-01-01T00:00:00Z",
                        "eventId", "bulk-1"),
                Map.of("product", "jira", "type", "issue", "id", "P-101", "blockedAt", "2024-01-01T00:00:00Z",
                        "eventId", "bulk-1"));
        assertThat(http.post("/v1/workspaces/bulk/objects/check", "application/json", "{\"objects\": []}").body())
                .isEqualTo("{\"blocked\":[]}");
    }

    @Test
    void a_bulk_check_refuses_bad_items_with_pointers_and_more_than_10000_objects() {
        HttpDriver.Reply bad = http.post("/v1/workspaces/bulk/objects/check", "application/json",
                "{\"objects\": [{\"product\": \"jira\", \"type\": \"issue\"}, 5]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(EventIngestionTest.pointers(bad)).containsExactly("/objects/0/id", "/objects/1");

        StringBuilder many = new StringBuilder("{\"objects\": [");
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"product\":\"jira\",\"type\":\"issue\",\"id\":\"").append(i)
                    .append("\"}");
        }
        HttpDriver.Reply tooMany = http.post("/v1/workspaces/bulk/objects/check", "application/json",
                many.append("]}").toString());
        assertThat(tooMany.status()).isEqualTo(422);

        assertThat(http.post("/v1/workspaces/bulk/objects/check", "application/json", "[1]").status()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_listing_pages_through_everything_once_in_a_stable_order() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpDriver.Reply page = http.get("/v1/workspaces/bulk/objects?limit=10"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            for (Map<String, Object> object : (List<Map<String, Object>>) page.json().get("objects")) {
                seen.add(object.get("product") + "/" + object.get("type") + "/" + object.get("id"));
            }
            cursor = (String) page.json().get("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(27).doesNotHaveDuplicates().startsWith("confluence/page/a", "confluence/page/b",
                "jira/issue/P-100");
        assertThat((List<?>) http.get("/v1/workspaces/bulk/objects?product=Confluence&type=PAGE").json().get("objects"))
                .hasSize(2);
        assertThat(http.get("/v1/workspaces/bulk/objects?type=page").status()).isEqualTo(400);
        assertThat(http.get("/v1/workspaces/bulk/objects?cursor=!!").status()).isEqualTo(400);
        assertThat(http.get("/v1/workspaces/bulk/objects?limit=1001").status()).isEqualTo(400);
    }
}
