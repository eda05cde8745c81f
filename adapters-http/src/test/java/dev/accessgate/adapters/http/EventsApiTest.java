package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v1 events, the events API, and reprocessing what waited for a site to be mapped. */
@MicronautTest
class EventsApiTest {

    private static final String CE = "application/cloudevents+json";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryPolicyStore store;
    @Inject
    TestBeans.TestSites sites;

    private HttpDriver http;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json).withBearer(SecurityTestBeans.API_TOKEN);
    }

    private static String v1(String id, String siteUrl, String type) {
        return Fixtures.text(Fixtures.OBJECTS_V1).replace("7a6796c0-746d-4504-92cd-819eca234306", id)
                .replace("https://site_name.atlassian.net", siteUrl).replace("\"page\"", "\"" + type + "\"");
    }

    @Test
    void a_v1_event_of_a_mapped_site_is_applied_with_the_product_inferred_from_the_type() {
        HttpDriver.Reply reply = http.post("/events", CE, v1("v1-mapped", "https://MAPPED.atlassian.net/", "page"));

        assertThat(reply.json()).containsEntry("status", "applied").containsEntry("newlyBlocked", 3);
        assertThat(store.objectBlock(new WorkspaceId("site-workspace"), ObjectRef.of("confluence", "page", "23456")))
                .isPresent();
    }

    @Test
    void the_plain_v1_example_is_read_as_an_envelope() {
        String body = Fixtures.text(Fixtures.OBJECTS_V1_PLAIN).replace("7a6796c0-746d-4504-92cd-819eca234306", "v1-plain")
                .replace("https://site_name.atlassian.net", "https://mapped.atlassian.net").replace("page", "issue");

        HttpDriver.Reply reply = http.post("/events", "application/json", body);

        assertThat(reply.json()).containsEntry("status", "applied");
        assertThat(store.objectBlock(new WorkspaceId("site-workspace"), ObjectRef.of("jira", "issue", "12345")))
                .isPresent();
    }

    @Test
    void a_v1_event_of_an_unmapped_site_waits_unprocessed_and_is_applied_once_the_site_is_mapped() {
        HttpDriver.Reply reply = http.post("/events", CE, v1("v1-waiting", "https://later.atlassian.net", "issue"));
        assertThat(reply.json()).containsEntry("status", "unprocessed");
        assertThat((Integer) http.get("/v1/workspaces").json().get("unprocessedEvents")).isPositive();
        HttpDriver.Reply detail = http.get("/v1/events/v1-waiting");
        assertThat(detail.json()).containsEntry("status", "unprocessed");
        assertThat((String) detail.json().get("detail")).contains("https://later.atlassian.net");

        sites.map(SiteUrl.of("https://later.atlassian.net"), new WorkspaceId("later-ws"));
        HttpDriver.Reply report = http.post("/v1/events/reprocess", "application/json", "");

        assertThat(report.status()).isEqualTo(200);
        assertThat((Integer) report.json().get("applied")).isGreaterThanOrEqualTo(1);
        assertThat(store.objectBlock(new WorkspaceId("later-ws"), ObjectRef.of("jira", "issue", "34567"))).isPresent();
        assertThat(http.get("/v1/events/v1-waiting").json()).containsEntry("status", "applied")
                .containsEntry("cloudId", "later-ws");
    }

    @Test
    void a_v1_object_type_with_no_known_product_keeps_the_event_unprocessed() {
        HttpDriver.Reply reply = http.post("/events", CE, v1("v1-folder", "https://mapped.atlassian.net", "folder"));

        assertThat(reply.json()).containsEntry("status", "unprocessed");
        assertThat((String) http.get("/v1/events/v1-folder").json().get("detail")).contains("folder");
    }

    @Test
    void an_event_is_shown_with_its_body_and_processing() {
        http.post("/events", CE, Fixtures.text(Fixtures.OBJECTS_V2).replace("7a6796c0-746d-4504-92cd-819eca234306",
                "shown-1"));

        HttpDriver.Reply reply = http.get("/v1/events/shown-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("id", "shown-1").containsEntry("status", "applied")
                .containsEntry("cloudId", "abc123").containsEntry("contentMode", "structured")
                .containsEntry("time", "2023-10-24T08:08:08Z").containsEntry("receivedAt", "2026-01-02T03:04:05Z");
        assertThat(reply.json().get("event")).isInstanceOfSatisfying(Map.class,
                event -> assertThat(event).containsEntry("id", "shown-1").containsKey("data"));
    }

    @Test
    void an_unknown_event_is_a_404_problem() {
        HttpDriver.Reply reply = http.get("/v1/events/never-sent");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void events_are_listed_page_by_page_by_status() {
        for (int i = 0; i < 5; i++) {
            http.post("/events", CE, "{\"specversion\":\"1.0\",\"id\":\"future-" + i + "\",\"source\":\"s\","
                    + "\"type\":\"avi:something:new:v9\",\"time\":\"2024-01-01T00:00:00Z\",\"data\":{}}");
        }
        HttpDriver.Reply first = http.get("/v1/events?status=unprocessed&limit=2");
        List<Map<String, Object>> events = (List<Map<String, Object>>) first.json().get("events");
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("status", "unprocessed"));
        String cursor = (String) first.json().get("nextCursor");
        assertThat(cursor).isNotNull();

        HttpDriver.Reply second = http.get("/v1/events?status=unprocessed&limit=2&cursor=" + cursor);
        List<Map<String, Object>> more = (List<Map<String, Object>>) second.json().get("events");
        assertThat(more).hasSize(2).noneMatch(events::contains);

        assertThat(http.get("/v1/events?status=weird").status()).isEqualTo(400);
        assertThat(http.get("/v1/events?cursor=abc").status()).isEqualTo(400);
        assertThat(http.get("/v1/events?limit=0").status()).isEqualTo(400);
    }
}
