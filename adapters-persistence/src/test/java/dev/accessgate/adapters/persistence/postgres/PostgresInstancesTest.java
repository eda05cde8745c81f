package dev.accessgate.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.persistence.sqlite.SqliteDeliveryStore;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.application.testkit.Ledgers;
import dev.accessgate.application.testkit.TestEvents;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.policy.AccessPolicyState;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspacePolicy;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances (two pools, as two processes would have) over one PostgreSQL database: what
 * SQLite's single writer gives for free has to hold here with concurrent transactions.
 */
class PostgresInstancesTest {

    private static final Instant T = TestEvents.RECEIVED_AT;
    private static final Duration LEASE = Duration.ofSeconds(60);

    private PostgresDatabase first;
    private PostgresDatabase second;
    private ExecutorService threads;

    @BeforeEach
    void open() {
        first = PostgresDatabase.open(TestPostgres.server().freshDatabase());
        second = PostgresDatabase.open(first.settings());
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        first.close();
        second.close();
    }

    private static List<DeliveryId> recordWithDeliveries(PostgresDatabase db, int events) {
        List<DeliveryId> created = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            NewDelivery delivery = new NewDelivery(DeliveryId.random(), "s", Delivery.pending(T));
            new SqlitePolicyStore(db).record(TestEvents.unknown("e" + i, "avi:jira:created:issue"),
                    new Processing.Unprocessed("test"), List.of(delivery));
            created.add(delivery.id());
        }
        return created;
    }

    private static List<DeliveryId> ids(List<ClaimedDelivery> claimed) {
        return claimed.stream().map(c -> c.stored().id()).toList();
    }

    @Test
    void a_claim_skips_the_deliveries_another_instance_is_claiming_instead_of_waiting_for_them() throws Exception {
        List<DeliveryId> created = recordWithDeliveries(first, 6);
        SqliteDeliveryStore one = new SqliteDeliveryStore(first);
        SqliteDeliveryStore two = new SqliteDeliveryStore(second);

        // The first instance's claim transaction is still open while the second one claims.
        List<DeliveryId> secondGot = new ArrayList<>();
        List<DeliveryId> firstGot = first.write(c -> {
            List<DeliveryId> mine = ids(one.claimDue(T, T.plus(LEASE), 3));
            try {
                secondGot.addAll(threads.submit(() -> ids(two.claimDue(T, T.plus(LEASE), 6))).get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError("the second claim waited for the first one", e);
            }
            return mine;
        });

        assertThat(firstGot).hasSize(3);
        assertThat(secondGot).hasSize(3).doesNotContainAnyElementsOf(firstGot);
        assertThat(new HashSet<>(concat(firstGot, secondGot))).isEqualTo(new HashSet<>(created));
    }

    @Test
    void concurrent_claims_from_two_instances_hand_out_every_delivery_exactly_once() throws Exception {
        List<DeliveryId> created = recordWithDeliveries(first, 60);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<DeliveryId>>> results = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            SqliteDeliveryStore store = new SqliteDeliveryStore(t % 2 == 0 ? first : second);
            results.add(threads.submit(() -> {
                go.await();
                List<DeliveryId> mine = new ArrayList<>();
                List<ClaimedDelivery> batch;
                do {
                    batch = store.claimDue(T, T.plus(LEASE), 4);
                    mine.addAll(ids(batch));
                } while (!batch.isEmpty());
                return mine;
            }));
        }
        go.countDown();
        List<DeliveryId> all = new ArrayList<>();
        for (Future<List<DeliveryId>> result : results) {
            all.addAll(result.get(60, TimeUnit.SECONDS));
        }

        assertThat(all).hasSize(created.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(created));
    }

    @Test
    void the_lease_of_an_instance_that_died_expires_and_another_instance_takes_the_delivery_over() {
        recordWithDeliveries(first, 1);
        ClaimedDelivery claimed = new SqliteDeliveryStore(first).claimDue(T, T.plus(LEASE), 1).get(0);
        first.close(); // the instance dies mid-attempt
        SqliteDeliveryStore survivor = new SqliteDeliveryStore(second);

        assertThat(survivor.claimDue(T.plusSeconds(30), T.plusSeconds(90), 10)).as("still leased").isEmpty();
        assertThat(survivor.expiredLeases(T.plusSeconds(59), 10)).isEmpty();
        List<StoredDelivery> lost = survivor.expiredLeases(T.plus(LEASE), 10);
        assertThat(lost).extracting(StoredDelivery::id).containsExactly(claimed.stored().id());

        Delivery failed = lost.get(0).delivery().complete(new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, "lost"),
                T.plus(LEASE));
        assertThat(survivor.update(lost.get(0), failed)).isTrue();
        // The dead instance's own result, had it come back, no longer applies.
        assertThat(survivor.update(claimed.stored(), claimed.stored().delivery().complete(
                new AttemptResult.Succeeded(), T.plusSeconds(61)))).isFalse();
        assertThat(survivor.find(claimed.stored().id()).orElseThrow().delivery().state())
                .isEqualTo(DeliveryState.RETRY_SCHEDULED);
    }

    @Test
    void the_same_events_sent_to_two_instances_at_once_are_applied_exactly_once() throws Exception {
        List<PolicyEvent> events = overlappingEvents(new Random(7), 40);
        AccessPolicyState model = new AccessPolicyState();
        events.forEach(model::apply);

        List<Callable<RecordOutcome>> sends = new ArrayList<>();
        for (PolicyEvent event : events) {
            for (PostgresDatabase instance : List.of(first, second)) {
                NewDelivery delivery = new NewDelivery(DeliveryId.random(), "s", Delivery.pending(T));
                sends.add(() -> new SqlitePolicyStore(instance).record(TestEvents.received(event),
                        new Processing.Applied(event), List.of(delivery)));
            }
        }
        Collections.shuffle(sends, new Random(11));
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (Future<RecordOutcome> outcome : threads.invokeAll(sends, 120, TimeUnit.SECONDS)) {
            outcomes.add(outcome.get());
        }

        assertThat(outcomes.stream().filter(RecordOutcome.Recorded.class::isInstance)
                .map(o -> ((RecordOutcome.Recorded) o).eventId())).hasSize(events.size()).doesNotHaveDuplicates();
        assertThat(outcomes.stream().filter(RecordOutcome.Duplicate.class::isInstance)).hasSize(events.size());
        SqlitePolicyStore store = new SqlitePolicyStore(second);
        for (WorkspacePolicy expected : model.workspaces().values()) {
            WorkspaceId ws = expected.workspace();
            assertThat(Ledgers.allObjects(store, ws)).containsExactlyElementsOf(expected.blockedObjects().entrySet()
                    .stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new BlockedObject(e.getKey(), e.getValue())).toList());
            assertThat(store.workspaces()).contains(new WorkspaceSummary(ws, expected.blockedObjects().size(), 0));
        }
        assertThat(new SqliteDeliveryStore(first).list(java.util.Set.of(), 0, 1000)).as("one delivery per event")
                .hasSize(events.size());
    }

    /** Events of two workspaces naming overlapping objects at random times: the earliest-block rule decides. */
    private static List<PolicyEvent> overlappingEvents(Random random, int count) {
        List<PolicyEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<ObjectRef> objects = new ArrayList<>();
            for (int j = 0; j < 1 + random.nextInt(20); j++) {
                objects.add(ObjectRef.of("confluence", "page", Integer.toString(random.nextInt(50))));
            }
            events.add(TestEvents.objectsBlocked("ev-" + i, "ws-" + random.nextInt(2),
                    T.minusSeconds(random.nextInt(5)), objects.stream().distinct().toList()));
        }
        return events;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
