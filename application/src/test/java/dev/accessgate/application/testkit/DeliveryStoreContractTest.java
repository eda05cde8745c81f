package dev.accessgate.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.delivery.RetryOptions;
import dev.accessgate.domain.delivery.RetryPolicy;
import dev.accessgate.domain.policy.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.accessgate.application.port.out.DeliveryStore} must do, together with
 * the {@link dev.accessgate.application.port.out.EventStore} that creates its deliveries.
 * Extend it with a fresh pair of stores.
 */
public abstract class DeliveryStoreContractTest {

    private static final Instant T = TestEvents.RECEIVED_AT;
    private static final Duration LEASE = Duration.ofSeconds(60);

    protected DeliveryStores stores;

    /** A new, empty pair of stores. */
    protected abstract DeliveryStores newStores();

    /**
     * The same data opened afresh, as after a restart (a durable store reopens its file). The
     * default, for stores that live in memory, returns them unchanged.
     */
    protected DeliveryStores reopen() {
        return stores;
    }

    @BeforeEach
    void freshStores() {
        stores = newStores();
    }

    private static ReceivedEvent event(String id) {
        return TestEvents.unknown(id, "avi:jira:created:issue");
    }

    private static NewDelivery pending(String subscription) {
        return new NewDelivery(DeliveryId.random(), subscription, Delivery.pending(T));
    }

    private List<NewDelivery> record(String eventId, NewDelivery... deliveries) {
        RecordOutcome outcome = stores.events().record(event(eventId), new Processing.Unprocessed("test"),
                List.of(deliveries));
        assertThat(outcome).isInstanceOf(RecordOutcome.Recorded.class);
        return List.of(deliveries);
    }

    private StoredDelivery stored(DeliveryId id) {
        return stores.deliveries().find(id).orElseThrow();
    }

    @Test
    void an_event_creates_its_deliveries_with_it_and_a_redelivery_creates_none() {
        NewDelivery a = pending("a");
        NewDelivery b = new NewDelivery(DeliveryId.random(), "b", Delivery.pending(T).filter("not a bug"));
        record("e1", a, b);

        RecordOutcome again = stores.events().record(event("e1"), new Processing.Unprocessed("test"),
                List.of(pending("a"), pending("c")));

        assertThat(again).isEqualTo(new RecordOutcome.Duplicate(new EventId("e1")));
        List<StoredDelivery> ofEvent = stores.deliveries().ofEvent(new EventId("e1"));
        assertThat(ofEvent).extracting(StoredDelivery::id).containsExactly(a.id(), b.id());
        StoredDelivery first = ofEvent.get(0);
        assertThat(first.eventType()).isEqualTo("avi:jira:created:issue");
        assertThat(first.subscription()).isEqualTo("a");
        assertThat(first.createdAt()).isEqualTo(T);
        assertThat(first.delivery()).isEqualTo(Delivery.pending(T));
        assertThat(first.leaseUntil()).isEmpty();
        assertThat(ofEvent.get(1).delivery().state()).isEqualTo(DeliveryState.FILTERED);
        assertThat(ofEvent.get(1).delivery().filterReason()).contains("not a bug");
        assertThat(stores.deliveries().ofEvent(new EventId("other"))).isEmpty();
    }

    @Test
    void an_id_conflict_creates_no_delivery() {
        record("e1", pending("a"));
        ReceivedEvent impostor = new ReceivedEvent(new EventId("e1"), "avi:jira:created:issue", "test", T, T,
                "structured", "{}", "another fingerprint");

        RecordOutcome outcome = stores.events().record(impostor, new Processing.Unprocessed("x"), List.of(pending("b")));

        assertThat(outcome).isEqualTo(new RecordOutcome.Conflict(new EventId("e1")));
        assertThat(stores.deliveries().ofEvent(new EventId("e1"))).extracting(StoredDelivery::subscription)
                .containsExactly("a");
    }

    @Test
    void a_delivery_is_never_claimed_before_it_is_due() {
        NewDelivery a = record("e1", pending("a")).get(0);

        assertThat(stores.deliveries().claimDue(T.minusNanos(1), T.plus(LEASE), 10)).isEmpty();
        List<ClaimedDelivery> claimed = stores.deliveries().claimDue(T, T.plus(LEASE), 10);

        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.stored().id()).isEqualTo(a.id());
            assertThat(c.stored().delivery()).isEqualTo(Delivery.pending(T).start(T));
            assertThat(c.stored().leaseUntil()).contains(T.plus(LEASE));
            assertThat(c.eventBody()).isEqualTo(event("e1").body());
        });
        assertThat(stored(a.id())).isEqualTo(claimed.get(0).stored());

        // Failed: retry due 1 s after the attempt ended.
        Instant end = T.plusMillis(300);
        Delivery retrying = claimed.get(0).stored().delivery()
                .complete(new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, "boom"), end);
        assertThat(stores.deliveries().update(claimed.get(0).stored(), retrying)).isTrue();
        Instant due = end.plusSeconds(1);
        assertThat(stores.deliveries().nextWakeUp()).contains(due);
        assertThat(stores.deliveries().claimDue(due.minusNanos(1), due.plus(LEASE), 10)).isEmpty();
        assertThat(stores.deliveries().claimDue(due, due.plus(LEASE), 10)).singleElement()
                .satisfies(c -> assertThat(c.stored().delivery().retryContext()).isPresent());
    }

    @Test
    void a_claimed_delivery_is_not_claimed_again() {
        record("e1", pending("a"));
        assertThat(stores.deliveries().claimDue(T, T.plus(LEASE), 10)).hasSize(1);

        assertThat(stores.deliveries().claimDue(T.plusSeconds(3600), T.plusSeconds(3600).plus(LEASE), 10)).isEmpty();
    }

    @Test
    void the_earliest_due_deliveries_are_claimed_first_up_to_the_limit() {
        NewDelivery late = new NewDelivery(DeliveryId.random(), "late", Delivery.pending(T.plusSeconds(5)));
        NewDelivery early = new NewDelivery(DeliveryId.random(), "early", Delivery.pending(T));
        NewDelivery middle = new NewDelivery(DeliveryId.random(), "middle", Delivery.pending(T.plusSeconds(2)));
        record("e1", late, early, middle);

        assertThat(stores.deliveries().nextWakeUp()).contains(T);
        assertThat(stores.deliveries().claimDue(T.plusSeconds(10), T.plusSeconds(100), 2))
                .extracting(c -> c.stored().subscription()).containsExactly("early", "middle");
        assertThat(stores.deliveries().claimDue(T.plusSeconds(10), T.plusSeconds(100), 2))
                .extracting(c -> c.stored().subscription()).containsExactly("late");
        // All in flight: the next thing to happen is the end of their leases.
        assertThat(stores.deliveries().nextWakeUp()).contains(T.plusSeconds(100));
    }

    @Test
    void concurrent_claims_never_hand_out_a_delivery_twice() throws Exception {
        int events = 40;
        List<DeliveryId> created = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            created.addAll(record("e" + i, pending("a"), pending("b")).stream().map(NewDelivery::id).toList());
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<DeliveryId>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                go.await();
                List<DeliveryId> mine = new ArrayList<>();
                List<ClaimedDelivery> batch;
                do {
                    batch = stores.deliveries().claimDue(T, T.plus(LEASE), 3);
                    batch.forEach(c -> mine.add(c.stored().id()));
                } while (!batch.isEmpty());
                return mine;
            }));
        }
        go.countDown();
        List<DeliveryId> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<DeliveryId>> result : results) {
            all.addAll(result.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).hasSize(2 * events).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(created));
    }

    /**
     * Events recorded while workers claim and finish deliveries (a store may commit these writes
     * together): every claim and result a store returned is there after a restart, no delivery
     * is handed out twice, and every recorded event's delivery is finished by the end.
     */
    @Test
    void claims_and_results_made_while_events_are_recorded_all_survive_a_restart() throws Exception {
        int events = 60;
        int workers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
        CountDownLatch go = new CountDownLatch(1);
        Future<List<DeliveryId>> recorder = pool.submit(() -> {
            go.await();
            List<DeliveryId> created = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                created.add(record("e" + i, pending("a")).get(0).id());
            }
            return created;
        });
        Map<DeliveryId, Delivery> finished = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                go.await();
                // Until the recorder is done and nothing is left to claim.
                while (true) {
                    boolean recording = !recorder.isDone();
                    List<ClaimedDelivery> batch = stores.deliveries().claimDue(T, T.plus(LEASE), 2);
                    for (ClaimedDelivery claimed : batch) {
                        Delivery after = claimed.stored().delivery().complete(new AttemptResult.Succeeded(), T);
                        assertThat(stores.deliveries().update(claimed.stored(), after)).isTrue();
                        assertThat(finished.put(claimed.stored().id(), after)).isNull();
                    }
                    if (batch.isEmpty() && !recording) {
                        return null;
                    }
                }
            }));
        }
        go.countDown();
        List<DeliveryId> created = recorder.get(60, TimeUnit.SECONDS);
        for (Future<?> worker : running) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        stores = reopen();

        assertThat(finished.keySet()).isEqualTo(new HashSet<>(created));
        for (DeliveryId id : created) {
            assertThat(stored(id).delivery()).isEqualTo(finished.get(id));
            assertThat(stored(id).leaseUntil()).isEmpty();
        }
        assertThat(stores.deliveries().nextWakeUp()).isEmpty();
    }

    @Test
    void an_update_from_a_stale_read_changes_nothing() {
        NewDelivery a = record("e1", pending("a")).get(0);
        StoredDelivery before = stored(a.id());
        ClaimedDelivery claimed = stores.deliveries().claimDue(T, T.plus(LEASE), 1).get(0);

        Delivery filtered = before.delivery().filter("late filter");
        assertThat(stores.deliveries().update(before, filtered)).isFalse();

        assertThat(stored(a.id())).isEqualTo(claimed.stored());
        assertThat(stores.deliveries().update(claimed.stored(),
                claimed.stored().delivery().complete(new AttemptResult.Succeeded(), T))).isTrue();
        assertThat(stored(a.id()).delivery().state()).isEqualTo(DeliveryState.SUCCEEDED);
        assertThat(stored(a.id()).leaseUntil()).isEmpty();
        assertThat(stores.deliveries().update(claimed.stored(), claimed.stored().delivery()
                .complete(new AttemptResult.PermanentFailure("twice"), T))).isFalse();
    }

    @Test
    void only_leases_that_have_run_out_are_reported_lost() {
        NewDelivery a = record("e1", pending("a")).get(0);
        stores.deliveries().claimDue(T, T.plusSeconds(30), 1);

        assertThat(stores.deliveries().expiredLeases(T.plusSeconds(30).minusNanos(1), 10)).isEmpty();
        assertThat(stores.deliveries().expiredLeases(T.plusSeconds(30), 10)).extracting(StoredDelivery::id)
                .containsExactly(a.id());
    }

    @Test
    void a_delivery_with_a_long_history_reads_back_exactly() {
        NewDelivery a = record("e1", pending("a")).get(0);
        Instant now = T;
        List<AttemptResult> results = List.of(
                new AttemptResult.RetryRequested(RetryOptions.of(1200, "FUNCTION_UPSTREAM_RATE_LIMITED",
                        "{\"userName\":\"john\",\"n\":1.50,\"s\":\"\\u00e9\\n\"}")),
                new AttemptResult.RetryRequested(RetryOptions.of(null, "NOT_A_REASON", "x".repeat(5000))),
                new AttemptResult.Failed(FailureKind.TIMED_OUT, "no answer within 25000 ms"),
                new AttemptResult.Failed(FailureKind.RATE_LIMITED, "HTTP 429: slow down"),
                new AttemptResult.RetryRequested(RetryOptions.defaults()));
        // Seven budgets: the history is cut to the newest attempts.
        for (int budget = 1; budget <= 7; budget++) {
            for (AttemptResult result : results) {
                ClaimedDelivery claimed = stores.deliveries().claimDue(now, now.plus(LEASE), 1).get(0);
                Delivery after = claimed.stored().delivery().complete(result, now.plusMillis(250));
                assertThat(stores.deliveries().update(claimed.stored(), after)).isTrue();
                now = after.dueAt().orElse(now.plusMillis(250));
            }
            StoredDelivery dead = stored(a.id());
            assertThat(dead.delivery().state()).isEqualTo(DeliveryState.DEAD);
            if (budget < 7) {
                assertThat(stores.deliveries().update(dead, dead.delivery().replay(now))).isTrue();
            }
        }
        Delivery expected = stored(a.id()).delivery();
        assertThat(expected.history()).hasSize(RetryPolicy.MAX_HISTORY);
        assertThat(expected.budget()).isEqualTo(7);
        assertThat(expected.history().get(0).budget()).isEqualTo(3);

        stores = reopen();

        StoredDelivery reread = stored(a.id());
        assertThat(reread.delivery()).isEqualTo(expected);
        assertThat(reread.delivery().deadReason()).isEqualTo(expected.deadReason());
        assertThat(reread.delivery().history().get(0).retryData()).hasValueSatisfying(
                data -> assertThat(data.json()).isEqualTo("{\"userName\":\"john\",\"n\":1.50,\"s\":\"\\u00e9\\n\"}"));
    }

    @Test
    void the_schedule_survives_a_restart() {
        NewDelivery waiting = record("e1", pending("waiting")).get(0);
        NewDelivery running = record("e2", pending("running")).get(0);
        NewDelivery retrying = record("e3", pending("retrying")).get(0);
        List<ClaimedDelivery> claimed = stores.deliveries().claimDue(T, T.plus(LEASE), 3);
        ClaimedDelivery third = claimed.stream().filter(c -> c.stored().id().equals(retrying.id())).findFirst()
                .orElseThrow();
        Delivery scheduled = third.stored().delivery().complete(
                new AttemptResult.RetryRequested(RetryOptions.of(600, null, "{\"k\":1}")), T.plusSeconds(1));
        stores.deliveries().update(third.stored(), scheduled);
        StoredDelivery waitingRow = stored(waiting.id());
        ClaimedDelivery firstClaim = claimed.stream().filter(c -> c.stored().id().equals(waiting.id())).findFirst()
                .orElseThrow();
        stores.deliveries().update(firstClaim.stored(), firstClaim.stored().delivery()
                .complete(new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, "x"), T.plusSeconds(2)));
        StoredDelivery runningBefore = stored(running.id());
        StoredDelivery retryingBefore = stored(retrying.id());
        StoredDelivery waitingBefore = stored(waiting.id());
        assertThat(waitingRow).isNotEqualTo(waitingBefore);

        stores = reopen();

        assertThat(stored(running.id())).isEqualTo(runningBefore);
        assertThat(stored(retrying.id())).isEqualTo(retryingBefore);
        assertThat(stored(waiting.id())).isEqualTo(waitingBefore);
        assertThat(stores.deliveries().nextWakeUp()).contains(T.plusSeconds(3));
        assertThat(stores.deliveries().claimDue(T.plusSeconds(600), T.plusSeconds(700), 10))
                .extracting(c -> c.stored().id()).containsExactly(waiting.id());
        assertThat(stores.deliveries().claimDue(T.plusSeconds(601), T.plusSeconds(700), 10))
                .extracting(c -> c.stored().id()).containsExactly(retrying.id());
        assertThat(stores.deliveries().expiredLeases(T.plus(LEASE), 10)).extracting(StoredDelivery::id)
                .containsExactly(running.id());
    }

    @Test
    void deliveries_are_listed_in_creation_order_by_state_page_by_page() {
        List<DeliveryId> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(record("e" + i, pending("a")).get(0).id());
        }
        NewDelivery filtered = new NewDelivery(DeliveryId.random(), "a", Delivery.pending(T).filter("no"));
        record("f", filtered);
        // The third one is in flight: still listed among the pending ones.
        ClaimedDelivery third = stores.deliveries().claimDue(T, T.plus(LEASE), 1).get(0);
        assertThat(third.stored().id()).isEqualTo(ids.get(0));

        Set<DeliveryState> pending = Set.of(DeliveryState.PENDING, DeliveryState.IN_FLIGHT);
        List<StoredDelivery> page1 = stores.deliveries().list(pending, 0, 3);
        List<StoredDelivery> page2 = stores.deliveries().list(pending, page1.get(2).seq(), 3);
        List<StoredDelivery> page3 = stores.deliveries().list(pending, page2.get(2).seq(), 3);

        assertThat(page1).extracting(StoredDelivery::id).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(page2).extracting(StoredDelivery::id).containsExactlyElementsOf(ids.subList(3, 6));
        assertThat(page3).extracting(StoredDelivery::id).containsExactly(ids.get(6));
        assertThat(stores.deliveries().list(Set.of(DeliveryState.FILTERED), 0, 10)).extracting(StoredDelivery::id)
                .containsExactly(filtered.id());
        assertThat(stores.deliveries().list(Set.of(), 0, 100)).hasSize(8);
        assertThat(stores.deliveries().list(Set.of(DeliveryState.DEAD), 0, 10)).isEmpty();
        assertThat(stores.deliveries().find(DeliveryId.random())).isEqualTo(Optional.empty());
    }
}
