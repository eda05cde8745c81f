package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One event, three content modes, one state. */
@MicronautTest
class ContentModesTest extends HttpTest {

    private static final String DATA = """
            {"workspace": {"cloudId": "%s"},
             "objects": [{"product": "Confluence", "type": "page", "ids": ["1", "2"]},
                         {"product": "jira", "type": "issue", "ids": ["PRJ-1"]}]}""";
    private static final String TYPE = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2";

    @Inject
    InMemoryPolicyStore store;



    private HttpDriver.Reply structured(String id, String cloudId) {
        return http.post("/events", "application/cloudevents+json", "{\"specversion\": \"1.0\", \"id\": \"" + id
                + "\", \"source\": \"atlassian.com/ecosystem\", \"type\": \"" + TYPE
                + "\", \"time\": \"2024-02-03T04:05:06Z\", \"data\": " + DATA.formatted(cloudId) + "}");
    }

    private HttpDriver.Reply binary(String id, String cloudId, String... extraHeaders) {
        String[] headers = new String[10 + extraHeaders.length];
        String[] base = {"ce-specversion", "1.0", "ce-id", id, "ce-source", "atlassian.com%2Fecosystem",
                "ce-type", TYPE, "ce-time", "2024-02-03T04:05:06Z"};
        System.arraycopy(base, 0, headers, 0, base.length);
        System.arraycopy(extraHeaders, 0, headers, base.length, extraHeaders.length);
        return http.post("/events", "application/json; charset=utf-8",
                DATA.formatted(cloudId).getBytes(StandardCharsets.UTF_8), headers);
    }

    private HttpDriver.Reply envelope(String id, String cloudId) {
        return http.post("/events", "application/json", "{\"type\": \"" + TYPE + "\", \"id\": \"" + id
                + "\", \"source\": \"atlassian.com/ecosystem\", \"time\": \"2024-02-03T04:05:06Z\", \"data\": "
                + DATA.formatted(cloudId) + "}");
    }

    private void assertBlocked(String cloudId) {
        WorkspaceId ws = new WorkspaceId(cloudId);
        assertThat(store.objectBlock(ws, ObjectRef.of("confluence", "page", "1"))).isPresent();
        assertThat(store.objectBlock(ws, ObjectRef.of("confluence", "page", "2"))).isPresent();
        assertThat(store.objectBlock(ws, ObjectRef.of("jira", "issue", "PRJ-1"))).isPresent();
        assertThat(store.objects(ws, dev.accessgate.application.port.out.ObjectQuery.all(10))).hasSize(3);
    }

    @Test
    void structured_binary_and_envelope_give_the_same_state() {
        assertThat(structured("s-1", "ws-structured").json()).containsEntry("status", "applied");
        assertThat(binary("b-1", "ws-binary").json()).containsEntry("status", "applied");
        assertThat(envelope("p-1", "ws-envelope").json()).containsEntry("status", "applied");

        assertBlocked("ws-structured");
        assertBlocked("ws-binary");
        assertBlocked("ws-envelope");
    }

    @Test
    void the_same_event_in_another_mode_is_a_duplicate() {
        assertThat(structured("same-1", "ws-same").json()).containsEntry("status", "applied");
        assertThat(binary("same-1", "ws-same").json()).containsEntry("status", "duplicate");
        assertThat(envelope("same-1", "ws-same").json()).containsEntry("status", "duplicate");
    }

    @Test
    void binary_mode_percent_decodes_headers_keeps_extensions_and_stores_the_structured_form() {
        HttpDriver.Reply reply = binary("b-ext", "ws-ext", "ce-subject", "caf%C3%A9%20au%20lait",
                "ce-traceparent", "00-abc-def-01");

        assertThat(reply.status()).isEqualTo(200);
        StoredEvent stored = store.find(new EventId("b-ext")).orElseThrow();
        assertThat(stored.event().source()).isEqualTo("atlassian.com/ecosystem");
        assertThat(stored.event().contentMode()).isEqualTo("binary");
        Map<String, Object> body = json(stored.event().body());
        assertThat(body).containsEntry("subject", "café au lait").containsEntry("traceparent", "00-abc-def-01")
                .containsEntry("specversion", "1.0").containsEntry("type", TYPE).containsKey("data");
    }

    @Test
    void binary_mode_refuses_bad_headers_with_pointers_to_them() {
        HttpDriver.Reply badEncoding = http.post("/events", "application/json", DATA.formatted("x").getBytes(),
                "ce-specversion", "1.0", "ce-id", "bad%ZZ", "ce-source", "s", "ce-type", TYPE,
                "ce-time", "2024-02-03T04:05:06Z");
        assertThat(badEncoding.status()).isEqualTo(400);

        HttpDriver.Reply missing = http.post("/events", "application/json", DATA.formatted("x").getBytes(),
                "ce-specversion", "1.0", "ce-source", "s", "ce-type", TYPE, "ce-time", "2024-02-03T04:05:06Z");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(EventIngestionTest.pointers(missing)).containsExactly("header:ce-id");

        HttpDriver.Reply textData = http.post("/events", "text/plain", "hello".getBytes(),
                "ce-specversion", "1.0", "ce-id", "t-1", "ce-source", "s", "ce-type", TYPE,
                "ce-time", "2024-02-03T04:05:06Z");
        assertThat(textData.status()).isEqualTo(415);

        HttpDriver.Reply oldSpec = http.post("/events", "application/json", DATA.formatted("x").getBytes(),
                "ce-specversion", "0.3", "ce-id", "o-1", "ce-source", "s", "ce-type", TYPE,
                "ce-time", "2024-02-03T04:05:06Z");
        assertThat(oldSpec.status()).isEqualTo(400);
        assertThat(EventIngestionTest.pointers(oldSpec)).contains("header:ce-specversion");
        assertThat(store.find(new EventId("o-1"))).isEmpty();
    }

    @Test
    void a_forge_product_event_is_stored_for_subscriptions_and_its_redelivery_is_a_duplicate() {
        String payload = """
                {"eventType": "avi:jira:created:issue", "atlassianId": "abc",
                 "issue": {"key": "PRJ-1", "fields": {"issueType": {"name": "Bug"}}}}""";

        HttpDriver.Reply first = http.post("/events", "application/json", payload);
        HttpDriver.Reply again = http.post("/events", "application/json", payload.replace("\n", " "));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).containsEntry("status", "stored").containsEntry("type", "avi:jira:created:issue");
        assertThat((String) first.json().get("id")).startsWith("sha256:");
        assertThat(again.json()).containsEntry("status", "duplicate").containsEntry("id", first.json().get("id"));
        StoredEvent stored = store.find(new EventId((String) first.json().get("id"))).orElseThrow();
        assertThat(stored.status()).isEqualTo(StoredEvent.Status.STORED);
        assertThat(stored.event().contentMode()).isEqualTo("forge");
    }

    @Test
    void forge_lifecycle_events_typed_by_the_query_parameter_are_kept_as_installations() {
        HttpDriver.Reply installed = http.post("/events?type=avi:forge:installed:app", "application/json",
                Fixtures.text("lifecycle-installed.json"));
        HttpDriver.Reply upgraded = http.post("/events?type=avi:forge:upgraded:app", "application/json",
                Fixtures.text("lifecycle-upgraded.json"));
        HttpDriver.Reply again = http.post("/events?type=avi:forge:upgraded:app", "application/json",
                Fixtures.text("lifecycle-upgraded.json"));

        assertThat(installed.status()).isEqualTo(200);
        assertThat(installed.json()).containsEntry("type", "avi:forge:installed:app").containsEntry("status", "stored");
        // The payload's id names the installation, not the event: the upgrade is another event.
        assertThat(upgraded.json()).containsEntry("type", "avi:forge:upgraded:app").containsEntry("status", "stored");
        assertThat(upgraded.json().get("id")).isNotEqualTo(installed.json().get("id"));
        assertThat(again.json()).containsEntry("status", "duplicate");
        assertThat(http.get("/v1/installations").body()).contains("fff8e466-31f4-4c73-a337-c3309dd930dc")
                .contains("c821c30c-a2ad-47d7-b742-9fed48cfd6b9");
    }

    @Test
    void an_invalid_lifecycle_payload_is_refused_with_pointers_and_nothing_is_stored() {
        HttpDriver.Reply reply = http.post("/events?type=avi:forge:installed:app", "application/json",
                "{\"id\": \"inst-x\", \"context\": 5}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/v1/installations").body()).doesNotContain("inst-x");
    }

    @Test
    void plain_json_that_names_no_type_or_two_types_is_refused() {
        assertThat(http.post("/events", "application/json", "{\"issue\": {}}").status()).isEqualTo(400);
        HttpDriver.Reply twoTypes = http.post("/events?type=avi:jira:updated:issue", "application/json",
                "{\"eventType\": \"avi:jira:created:issue\"}");
        assertThat(twoTypes.status()).isEqualTo(400);
        assertThat(EventIngestionTest.pointers(twoTypes)).containsExactly("/eventType");
        assertThat(http.post("/events", "application/cloudevents-batch+json", "[]").status()).isEqualTo(415);
    }

    @Test
    void an_envelope_checks_the_attributes_it_has() {
        HttpDriver.Reply reply = http.post("/events", "application/json",
                "{\"type\": \"t\", \"id\": \"\", \"time\": \"yesterday\", \"specversion\": \"2.0\", \"data\": {}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(EventIngestionTest.pointers(reply)).containsExactlyInAnyOrder("/id", "/time", "/specversion");
    }

    private Map<String, Object> json(String text) {
        try {
            return json.readValue(text, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
