package dev.accessgate.adapters.http.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.application.model.HandlerSpec;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.model.Subscription;
import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.service.DeliveryAdminService;
import dev.accessgate.application.service.DeliveryWorker;
import dev.accessgate.application.service.PolicyIngestService;
import dev.accessgate.application.service.SubscriptionRouter;
import dev.accessgate.application.testkit.ForgeHandlerProcess;
import dev.accessgate.application.testkit.InMemoryDeliveryStore;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.application.testkit.MutableClock;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.EventTypePattern;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.delivery.RetryReason;
import dev.accessgate.domain.policy.EventId;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP handler adapter against a real Node handler that answers with {@code @forge/events}'
 * InvocationError, driven by the real worker on in-memory stores. The worker's clock is moved by
 * the test, so 900-second retries are checked by their due times, not waited for.
 */
class HttpDeliveryChannelTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"%s","type":"avi:jira:created:issue","source":"ari:cloud:jira::site/1",\
            "time":"2024-05-01T10:00:00Z","data":{"issue":{"key":"A-1","price":1.50}}}""";

    private static ForgeHandlerProcess node;
    private static final HttpClient CLIENT = HttpDeliveryChannel.newClient();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
    private final InMemoryPolicyStore events = new InMemoryPolicyStore(deliveries);
    private DeliveryWorker worker;
    private PolicyIngestService ingest;
    private DeliveryAdminService admin;

    @BeforeAll
    static void startNode() {
        node = ForgeHandlerProcess.start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private void handler(URI url, Duration timeout) {
        Subscription subscription = new Subscription("sub", List.of(EventTypePattern.of("avi:jira:*")), Optional.empty(),
                new HandlerSpec.Url(url, timeout));
        worker = new DeliveryWorker(deliveries, Map.of("sub", new DeliveryWorker.Route(
                new HttpDeliveryChannel(CLIENT, url, timeout), timeout)), clock, DeliveryObserver.NONE,
                DeliveryWorker.Settings.defaults());
        ingest = new PolicyIngestService(events, new SubscriptionRouter(List.of(
                new SubscriptionRouter.Route(subscription, DeliveryFilter.DELIVER_ALL)), DeliveryObserver.NONE), () -> { });
        admin = new DeliveryAdminService(deliveries, clock, DeliveryObserver.NONE, () -> { });
    }

    private StoredDelivery receive(String id) {
        String body = EVENT.formatted(id);
        ReceivedEvent event = new ReceivedEvent(new EventId(id), "avi:jira:created:issue", "ari:cloud:jira::site/1",
                Instant.parse("2024-05-01T10:00:00Z"), clock.instant(), "structured", body, "fp-" + id);
        ingest.ingest(new IngestPolicyEventCommand(event, new Processing.Unprocessed("product event")));
        return admin.ofEvent(new EventId(id)).get(0);
    }

    private StoredDelivery reload(StoredDelivery delivery) {
        return admin.find(delivery.id()).orElseThrow();
    }

    /** Runs what is due; returns the due time it ran at (the clock is moved there). */
    private Instant runNext() {
        Instant due = worker.nextWakeUp().orElseThrow();
        clock.set(due.minusMillis(1));
        assertThat(worker.runDue()).isZero();
        clock.set(due);
        assertThat(worker.runDue()).isEqualTo(1);
        return due;
    }

    /** The calls the Node handler received for {@code path}, oldest first. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> calls(String path) {
        List<Object> all = (List<Object>) JsonTreeReader.read(node.callsJson().getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Object call : all) {
            Map<String, Object> map = (Map<String, Object>) call;
            if (map.get("path").equals(path)) {
                mine.add(map);
            }
        }
        return mine;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> call) {
        return (Map<String, Object>) call.get("body");
    }

    @Test
    void a_handler_that_always_asks_for_a_retry_is_called_five_times_with_clamped_delays_then_dead() {
        String path = "/h/retry?after=1200&reason=FUNCTION_UPSTREAM_RATE_LIMITED&tag=five";
        handler(node.url(path), Duration.ofSeconds(5));
        StoredDelivery delivery = receive("forge-five");

        assertThat(worker.runDue()).isEqualTo(1);
        List<Instant> ends = new ArrayList<>(List.of(clock.instant()));
        List<Instant> dues = new ArrayList<>();
        for (int retry = 1; retry <= 4; retry++) {
            dues.add(runNext());
            ends.add(clock.instant());
        }

        List<Map<String, Object>> calls = calls(path);
        assertThat(calls).hasSize(5);
        for (int retry = 1; retry <= 4; retry++) {
            assertThat(dues.get(retry - 1)).isEqualTo(ends.get(retry - 1).plusSeconds(900)); // 1200 -> 900
        }
        Map<String, Object> first = body(calls.get(0));
        assertThat(first).doesNotContainKey("retryContext");
        assertThat(calls.get(0).get("raw")).isEqualTo(EVENT.formatted("forge-five"));
        assertThat(calls.get(0).get("headers")).isEqualTo(Map.of("content-type", "application/json",
                "x-accessgate-delivery-id", delivery.id().value(), "x-accessgate-event-id", "forge-five",
                "x-accessgate-subscription", "sub"));
        for (int retry = 1; retry <= 4; retry++) {
            Map<String, Object> event = new LinkedHashMap<>(body(calls.get(retry)));
            Object context = event.remove("retryContext");
            assertThat(event).as("the event itself is unchanged").isEqualTo(first);
            Map<String, Object> expectedData = new LinkedHashMap<>();
            expectedData.put("previousRetryCount", (long) (retry - 1));
            expectedData.put("userName", "john");
            assertThat(context).isEqualTo(Map.of("retryCount", (long) retry,
                    "retryReason", "FUNCTION_UPSTREAM_RATE_LIMITED", "retryData", expectedData));
        }
        StoredDelivery dead = reload(delivery);
        assertThat(dead.delivery().state()).isEqualTo(DeliveryState.DEAD);
        assertThat(dead.delivery().history()).allSatisfy(attempt ->
                assertThat(attempt.result()).isInstanceOfSatisfying(AttemptResult.RetryRequested.class, retry -> {
                    assertThat(retry.options().retryAfterSeconds()).isEqualTo(900);
                    assertThat(retry.options().notes()).singleElement().asString().contains("changed to 900");
                }));
        assertThat(worker.nextWakeUp()).isEmpty();
    }

    @Test
    void forge_default_options_mean_a_retry_after_one_second() {
        String path = "/h/default-retry";
        handler(node.url(path), Duration.ofSeconds(5));
        receive("forge-default");
        worker.runDue();
        Instant end = clock.instant();
        assertThat(runNext()).isEqualTo(end.plusSeconds(1));
        assertThat(body(calls(path).get(1)).get("retryContext"))
                .isEqualTo(Map.of("retryCount", 1L, "retryReason", "FUNCTION_RETRY_REQUEST"));
    }

    @Test
    void a_small_delay_is_kept_and_oversized_retry_data_is_dropped() {
        String big = "/h/retry?after=2&bigdata=1";
        handler(node.url(big), Duration.ofSeconds(5));
        StoredDelivery delivery = receive("forge-big");
        worker.runDue();
        Instant end = clock.instant();
        assertThat(runNext()).isEqualTo(end.plusSeconds(2));
        assertThat(body(calls(big).get(1)).get("retryContext"))
                .as("retryData over 4 KB is not handed back")
                .isEqualTo(Map.of("retryCount", 1L, "retryReason", "FUNCTION_RETRY_REQUEST"));
        AttemptResult first = reload(delivery).delivery().history().get(0).result();
        assertThat(((AttemptResult.RetryRequested) first).options().notes()).singleElement().asString()
                .startsWith("retryData dropped");
    }

    @Test
    void statuses_map_to_platform_reasons_and_other_4xx_are_dead_at_once() {
        assertThat(outcome("/h/status/503")).isEqualTo(RetryReason.FUNCTION_PLATFORM_RATE_LIMITED.name());
        assertThat(outcome("/h/status/429")).isEqualTo(RetryReason.FUNCTION_PLATFORM_RATE_LIMITED.name());
        assertThat(outcome("/h/status/500")).isEqualTo(RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR.name());
        assertThat(outcome("/h/status/302")).isEqualTo(RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR.name());
        assertThat(outcome("/h/status/404")).isEqualTo("DEAD: permanent failure: HTTP 404: status 404");
        assertThat(outcome("/h/status/400")).isEqualTo("DEAD: permanent failure: HTTP 400: status 400");
        assertThat(outcome("/h/ok")).isEqualTo("SUCCEEDED");
        assertThat(outcome("/h/status/204")).isEqualTo("SUCCEEDED");
    }

    /** The state after one attempt: the retry reason when retrying, otherwise the state (and why when dead). */
    private String outcome(String path) {
        handler(node.url(path), Duration.ofSeconds(5));
        StoredDelivery delivery = receive("status-" + path.replace('/', '-'));
        worker.runDue();
        StoredDelivery after = reload(delivery);
        return switch (after.delivery().state()) {
            case RETRY_SCHEDULED -> after.delivery().retryContext().orElseThrow().reason().name();
            case DEAD -> "DEAD: " + after.delivery().deadReason().orElseThrow();
            default -> after.delivery().state().name();
        };
    }

    @Test
    void a_handler_that_does_not_answer_in_time_is_a_time_out_and_one_that_cannot_be_reached_an_unknown_error()
            throws Exception {
        handler(node.url("/h/sleep/5000"), Duration.ofMillis(300));
        StoredDelivery slow = receive("slow");
        worker.runDue();
        assertThat(reload(slow).delivery().lastAttempt().orElseThrow().result())
                .isEqualTo(new AttemptResult.Failed(FailureKind.TIMED_OUT, "no answer within 300 ms"));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        handler(URI.create("http://127.0.0.1:" + closedPort + "/nobody"), Duration.ofSeconds(2));
        StoredDelivery unreachable = receive("unreachable");
        worker.runDue();
        AttemptResult result = reload(unreachable).delivery().lastAttempt().orElseThrow().result();
        assertThat(result).isInstanceOfSatisfying(AttemptResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.UNKNOWN_ERROR);
            assertThat(failed.detail()).startsWith("connection failed");
        });
    }
}
