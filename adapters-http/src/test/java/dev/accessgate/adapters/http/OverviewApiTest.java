package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.application.testkit.TestEvents;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /v1/overview}: totals by status and state, latest events and deliveries first, bad parameters. */
@MicronautTest
class OverviewApiTest extends HttpTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    InMemoryPolicyStore store;

    private DeliveryId record(String eventId, Delivery delivery) {
        NewDelivery created = new NewDelivery(DeliveryId.random(), "overview", delivery);
        store.record(TestEvents.unknown(eventId, "avi:jira:created:issue"), new Processing.Unprocessed("x"),
                List.of(created));
        return created.id();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> totals(String group) {
        HttpDriver.Reply reply = http.get("/v1/overview");
        assertThat(reply.status()).isEqualTo(200);
        return (Map<String, Number>) reply.json().get(group);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String path, String key) {
        HttpDriver.Reply reply = http.get(path);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.json().get(key);
    }

    @Test
    void totals_count_events_by_status_and_deliveries_by_the_api_state_names() {
        Map<String, Number> events = totals("events");
        Map<String, Number> deliveries = totals("deliveries");
        assertThat(events).containsOnlyKeys("applied", "stored", "unprocessed");
        assertThat(deliveries).containsOnlyKeys("pending", "retrying", "succeeded", "dead", "filtered");
        assertThat(http.get("/v1/overview").body()).as("every state, in the order a delivery goes through them")
                .containsPattern("\"pending\":\\d+,\"retrying\":\\d+,\"succeeded\":\\d+,\"dead\":\\d+,\"filtered\":\\d+");

        record("ov-count-1", Delivery.pending(T));
        record("ov-count-2", Delivery.pending(T).filter("not a bug"));
        DeliveryId dead = record("ov-count-3", Delivery.pending(T));
        store.deliveries().claimDue(T, T.plusSeconds(60), 1000).stream().filter(c -> c.stored().id().equals(dead))
                .forEach(c -> store.deliveries().update(c.stored(), c.stored().delivery()
                        .complete(new AttemptResult.PermanentFailure("gone"), T)));

        assertThat(totals("events").get("unprocessed").longValue()).isEqualTo(events.get("unprocessed").longValue() + 3);
        Map<String, Number> after = totals("deliveries");
        assertThat(after.get("filtered").longValue()).isEqualTo(deliveries.get("filtered").longValue() + 1);
        assertThat(after.get("dead").longValue()).isEqualTo(deliveries.get("dead").longValue() + 1);
        assertThat(after.get("pending").longValue() + after.get("retrying").longValue())
                .as("ov-count-1 waits or runs: pending either way")
                .isGreaterThanOrEqualTo(deliveries.get("pending").longValue() + 1);
    }

    @Test
    void latest_events_come_newest_first_and_filter_by_status() {
        record("ov-old", Delivery.pending(T.plusSeconds(86_400)));
        record("ov-new", Delivery.pending(T.plusSeconds(86_400)));

        assertThat(list("/v1/overview/events?limit=2", "events")).extracting(e -> e.get("id"))
                .containsExactly("ov-new", "ov-old");
        assertThat(list("/v1/overview/events?status=UNPROCESSED&limit=1", "events")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("id", "ov-new").containsEntry("status", "unprocessed")
                        .containsEntry("type", "avi:jira:created:issue").doesNotContainKey("event"));
        assertThat(list("/v1/overview/events?status=applied", "events")).isEmpty();
    }

    @Test
    void latest_deliveries_come_newest_first_and_filter_by_state() {
        DeliveryId older = record("ov-d1", Delivery.pending(T).filter("first"));
        DeliveryId newer = record("ov-d2", Delivery.pending(T).filter("second"));

        assertThat(list("/v1/overview/deliveries?state=filtered&limit=2", "deliveries"))
                .extracting(d -> d.get("id")).containsExactly(newer.toString(), older.toString());
        assertThat(list("/v1/overview/deliveries?limit=1", "deliveries")).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("eventId", "ov-d2").containsEntry("filterReason", "second"));
    }

    @Test
    void bad_parameters_are_problems_that_name_them() {
        HttpDriver.Reply status = http.get("/v1/overview/events?status=lost");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.contentType()).startsWith("application/problem+json");
        assertThat(status.body()).contains("query:status");
        assertThat(http.get("/v1/overview/deliveries?state=lost").status()).isEqualTo(400);
        assertThat(http.get("/v1/overview/events?limit=0").body()).contains("query:limit");
        assertThat(http.get("/v1/overview/deliveries?limit=1001").status()).isEqualTo(400);
        assertThat(http.get("/v1/overview/events?limit=x").status()).isEqualTo(400);
    }

    @Test
    void the_overview_needs_the_api_token() {
        HttpDriver anonymous = new HttpDriver(server.getURL(), json);
        assertThat(anonymous.get("/v1/overview").status()).isEqualTo(401);
        assertThat(anonymous.get("/v1/overview/events").status()).isEqualTo(401);
        assertThat(anonymous.get("/v1/overview/deliveries").status()).isEqualTo(401);
    }
}
