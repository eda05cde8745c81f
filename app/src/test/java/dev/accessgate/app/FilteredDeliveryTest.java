package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.adapters.http.HttpDriver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions with filter expressions (SPEC 3.3), through the real server and a real SQLite file. */
class FilteredDeliveryTest {

    private static final String BUG_ONLY = "event.issue.fields?.issueType.name == 'Bug'";

    @TempDir
    Path dir;

    private EmbeddedServer start(String expression, String onError) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "accessgate.db", dir.resolve("filters.db").toString(),
                "micronaut.server.port", -1,
                "accessgate.subscriptions[0].name", "bugs",
                "accessgate.subscriptions[0].events[0]", "avi:jira:*:issue",
                // Nothing listens there: deliveries that pass the filter stay pending or retrying.
                "accessgate.subscriptions[0].handler.url", "http://127.0.0.1:9/handle",
                "accessgate.subscriptions[0].filter.expression", expression));
        if (onError != null) {
            properties.put("accessgate.subscriptions[0].filter.onError", onError);
        }
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static String issue(String key, String type) {
        return "{\"eventType\": \"avi:jira:created:issue\", \"issue\": {\"key\": \"" + key + "\", \"fields\": "
                + (type == null ? "null" : "{\"issueType\": {\"name\": \"" + type + "\"}}") + "}}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deliveryOf(HttpDriver http, String eventId) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) http.get("/v1/deliveries?limit=1000").json()
                .get("deliveries");
        return all.stream().filter(d -> d.get("eventId").equals(eventId)).findFirst().orElseThrow();
    }

    @Test
    void true_delivers_false_is_filtered_and_an_error_follows_on_error() {
        try (EmbeddedServer server = start(BUG_ONLY, null)) {
            HttpDriver http = new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class))
                    .withBearer(Http.API_TOKEN);
            String bug = (String) http.post("/events", "application/json", issue("PRJ-1", "Bug")).json().get("id");
            String task = (String) http.post("/events", "application/json", issue("PRJ-2", "Task")).json().get("id");
            String broken = (String) http.post("/events", "application/json",
                    "{\"eventType\": \"avi:jira:updated:issue\", \"project\": {}}").json().get("id");

            assertThat(deliveryOf(http, bug).get("state")).isNotEqualTo("filtered");
            assertThat(deliveryOf(http, task)).containsEntry("state", "filtered")
                    .containsEntry("filterReason", "the filter expression is false");
            assertThat(deliveryOf(http, broken)).containsEntry("state", "filtered");
            assertThat((String) deliveryOf(http, broken).get("filterReason")).contains("E-TYPE")
                    .contains("IGNORE_AND_LOG");
        }
    }

    @Test
    void receive_delivers_an_event_whose_filter_fails() {
        try (EmbeddedServer server = start(BUG_ONLY, "RECEIVE_AND_LOG")) {
            HttpDriver http = new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class))
                    .withBearer(Http.API_TOKEN);
            String broken = (String) http.post("/events", "application/json",
                    "{\"eventType\": \"avi:jira:updated:issue\", \"project\": {}}").json().get("id");

            assertThat(deliveryOf(http, broken).get("state")).isNotEqualTo("filtered");
        }
    }

    @Test
    void an_invalid_expression_stops_the_start_with_its_error() {
        assertThatThrownBy(() -> start("event.issue.key === 'A'", null))
                .hasStackTraceContaining("E-SYNTAX").hasStackTraceContaining("bugs");
        assertThatThrownBy(() -> start("event.a.map(x => event.b.map(y => event.c.map(z => event.d.map(w => 1))))"
                + ".length > 0", null))
                .hasStackTraceContaining("E-COMPLEXITY");
    }
}
