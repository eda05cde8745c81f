package dev.accessgate.adapters.http.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.adapters.http.SecurityTestBeans;
import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.application.testkit.TestEvents;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.RetryOptions;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest
class DeliveryApiTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryPolicyStore store;

    private HttpDriver http;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json).withBearer(SecurityTestBeans.API_TOKEN);
    }

    private DeliveryId created(String eventId, String subscription, Delivery delivery) {
        NewDelivery created = new NewDelivery(DeliveryId.random(), subscription, delivery);
        store.record(TestEvents.unknown(eventId, "avi:jira:created:issue"), new Processing.Unprocessed("x"),
                List.of(created));
        return created.id();
    }

    /** A delivery driven to DEAD: five retry requests. */
    private DeliveryId dead(String eventId) {
        DeliveryId id = created(eventId, "api-dead", Delivery.pending(T));
        Instant now = T;
        while (true) {
            ClaimedDelivery claimed = store.deliveries().claimDue(now, now.plusSeconds(60), 1000).stream()
                    .filter(c -> c.stored().id().equals(id)).findFirst().orElseThrow();
            Delivery after = claimed.stored().delivery().complete(new AttemptResult.RetryRequested(
                    RetryOptions.of(5000, "FUNCTION_UPSTREAM_RATE_LIMITED", "{\"a\":1}")), now);
            store.deliveries().update(claimed.stored(), after);
            if (after.isTerminal()) {
                return id;
            }
            now = after.dueAt().orElseThrow();
        }
    }

    private HttpDriver.Reply post(String path) {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void dead_deliveries_are_listed_page_by_page_and_replayed_once() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(dead("api-dead-" + i).value());
        }
        created("api-filtered", "api-filtered", Delivery.pending(T).filter("not a bug"));

        List<String> listed = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            HttpDriver.Reply page = http.get("/v1/deliveries?state=DEAD&limit=2&cursor=" + cursor);
            assertThat(page.status()).isEqualTo(200);
            ((List<Map<String, Object>>) page.json().get("deliveries")).forEach(d -> listed.add((String) d.get("id")));
            assertThat(page.json()).containsKey("nextCursor");
            cursor = (String) page.json().get("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(listed).containsAll(ids).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(3);

        HttpDriver.Reply one = http.get("/v1/deliveries/" + ids.get(0));
        assertThat(one.json()).containsEntry("state", "dead").containsEntry("subscription", "api-dead")
                .containsEntry("eventId", "api-dead-0").containsEntry("attempts", 5).containsEntry("budget", 1)
                .containsEntry("running", false);
        assertThat((String) one.json().get("deadReason")).startsWith("no retries left after 5 attempts");
        Map<String, Object> first = ((List<Map<String, Object>>) one.json().get("history")).get(0);
        assertThat(first).containsEntry("result", "retry_requested").containsEntry("retryAfter", 900)
                .containsEntry("retryReason", "FUNCTION_UPSTREAM_RATE_LIMITED").containsEntry("hasRetryData", true)
                .doesNotContainKey("retryData");

        HttpDriver.Reply replayed = post("/v1/deliveries/" + ids.get(0) + "/replay");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json()).containsEntry("state", "pending").containsEntry("budget", 2)
                .containsEntry("attempts", 0).containsEntry("dueAt", "2026-01-02T03:04:05Z");
        assertThat(http.get("/v1/deliveries?state=pending&limit=1000").body()).contains(ids.get(0));

        HttpDriver.Reply again = post("/v1/deliveries/" + ids.get(0) + "/replay");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat((String) again.json().get("detail")).contains("is pending; only a dead delivery can be replayed");

        HttpDriver.Reply filtered = http.get("/v1/deliveries?state=filtered&limit=1000");
        assertThat((List<Map<String, Object>>) filtered.json().get("deliveries")).anySatisfy(d ->
                assertThat(d).containsEntry("filterReason", "not a bug").containsEntry("state", "filtered"));
    }

    @Test
    void unknown_ids_are_404_and_bad_parameters_400() {
        assertThat(post("/v1/deliveries/" + DeliveryId.random() + "/replay").status()).isEqualTo(404);
        assertThat(post("/v1/deliveries/not-an-id/replay").status()).isEqualTo(404);
        assertThat(http.get("/v1/deliveries/" + DeliveryId.random()).status()).isEqualTo(404);
        for (String query : List.of("state=done", "cursor=abc", "cursor=-1", "limit=0", "limit=1001", "limit=x")) {
            HttpDriver.Reply reply = http.get("/v1/deliveries?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(http.get("/v1/deliveries").status()).isEqualTo(200);
    }
}
