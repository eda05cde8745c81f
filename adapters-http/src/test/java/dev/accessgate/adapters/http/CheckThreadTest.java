package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The single and bulk checks run on the event loop when the store answers from memory, and on
 * the blocking executor otherwise, with the same answers either way.
 */
@MicronautTest
class CheckThreadTest extends HttpTest {

    private static final String ON_DISK = MemoryAnswers.BLOCKING_PREFIX + "ws";

    @Inject
    MemoryAnswers ledger;

    @BeforeEach
    void events() {
        for (String cloudId : List.of("in-memory", ON_DISK)) {
            http.post("/events", "application/cloudevents+json", """
                    {"specversion": "1.0", "id": "%s-1", "source": "s", "time": "2024-01-01T00:00:00Z",
                     "type": "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2",
                     "data": {"workspace": {"cloudId": "%s"}, "objects": [
                       {"product": "jira", "type": "issue", "ids": ["1"]}]}}""".formatted(cloudId, cloudId));
        }
    }

    @Test
    void answered_in_memory_the_checks_stay_on_the_event_loop() {
        assertThat(http.get("/v1/workspaces/in-memory/objects/jira/issue/1").json()).containsEntry("blocked", true);
        assertThat(ledger.lastCheckThread()).contains("eventLoop");

        assertThat(check("in-memory")).hasSize(1);
        assertThat(ledger.lastCheckThread()).contains("eventLoop");
    }

    @Test
    void otherwise_they_hop_to_the_blocking_executor() {
        assertThat(http.get("/v1/workspaces/" + ON_DISK + "/objects/jira/issue/1").json()).containsEntry("blocked", true);
        assertThat(ledger.lastCheckThread()).doesNotContain("eventLoop");

        assertThat(check(ON_DISK)).hasSize(1);
        assertThat(ledger.lastCheckThread()).doesNotContain("eventLoop");
    }

    @Test
    void bad_input_is_a_problem_on_either_path() {
        for (String cloudId : List.of("in-memory", ON_DISK)) {
            HttpDriver.Reply reply = http.post("/v1/workspaces/" + cloudId + "/objects/check", "application/json",
                    "{\"objects\": [{\"product\": \"jira\"}]}");
            assertThat(reply.status()).as(cloudId).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> check(String cloudId) {
        HttpDriver.Reply reply = http.post("/v1/workspaces/" + cloudId + "/objects/check", "application/json",
                "{\"objects\": [{\"product\": \"jira\", \"type\": \"issue\", \"id\": \"1\"},"
                        + " {\"product\": \"jira\", \"type\": \"issue\", \"id\": \"2\"}]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Object>) ((Map<String, Object>) reply.json()).get("blocked");
    }
}
