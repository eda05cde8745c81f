package dev.accessgate.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.accessgate.application.port.out.OverviewStore} must answer about the
 * events and deliveries of its {@link dev.accessgate.application.port.out.EventStore} and
 * {@link dev.accessgate.application.port.out.DeliveryStore}. Extend it with fresh stores.
 */
public abstract class OverviewStoreContractTest {

    private static final Instant T = TestEvents.RECEIVED_AT;

    protected OverviewStores stores;

    /** New, empty stores. */
    protected abstract OverviewStores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
    }

    private void unknown(String id, NewDelivery... deliveries) {
        RecordOutcome outcome = stores.events().record(TestEvents.unknown(id, "avi:future:thing.v3"),
                new Processing.Unprocessed("unknown type"), List.of(deliveries));
        assertThat(outcome).isInstanceOf(RecordOutcome.Recorded.class);
    }

    private void productEvent(String id, NewDelivery... deliveries) {
        stores.events().record(TestEvents.unknown(id, "avi:jira:created:issue"), new Processing.Stored("product event"),
                List.of(deliveries));
    }

    private void policyEvent(String id) {
        ObjectsBlocked event = TestEvents.objectsBlocked(id, "ws-1", T, List.of(ObjectRef.of("jira", "issue", id)));
        stores.events().record(TestEvents.received(event), new Processing.Applied(event));
    }

    private static NewDelivery pending(String subscription) {
        return new NewDelivery(DeliveryId.random(), subscription, Delivery.pending(T));
    }

    /** Claims every due delivery and records the result given for it. */
    private void attempt(Map<DeliveryId, AttemptResult> results) {
        Instant now = T.plusSeconds(1);
        List<ClaimedDelivery> claimed = stores.deliveries().claimDue(now, now.plusSeconds(60), 1000);
        assertThat(claimed).extracting(c -> c.stored().id()).containsExactlyInAnyOrderElementsOf(results.keySet());
        for (ClaimedDelivery c : claimed) {
            Delivery after = c.stored().delivery().complete(results.get(c.stored().id()), now);
            assertThat(stores.deliveries().update(c.stored(), after)).isTrue();
        }
    }

    private List<String> latestEventIds(Optional<StoredEvent.Status> status, int limit) {
        return stores.overview().latestEvents(status, limit).stream().map(e -> e.event().id().value()).toList();
    }

    @Test
    void an_empty_store_counts_zero_for_every_status_and_state_and_lists_nothing() {
        assertThat(stores.overview().countEvents()).containsOnlyKeys(StoredEvent.Status.values())
                .allSatisfy((status, count) -> assertThat(count).isZero());
        assertThat(stores.overview().countDeliveries()).containsOnlyKeys(DeliveryState.values())
                .allSatisfy((state, count) -> assertThat(count).isZero());
        assertThat(stores.overview().latestEvents(Optional.empty(), 10)).isEmpty();
        assertThat(stores.overview().latestDeliveries(Set.of(), 10)).isEmpty();
    }

    @Test
    void events_are_counted_by_status_once_each_and_listed_newest_first() {
        policyEvent("p1");
        unknown("u1");
        productEvent("s1");
        unknown("u2");
        policyEvent("p2");
        stores.events().record(TestEvents.unknown("u1", "avi:future:thing.v3"), new Processing.Unprocessed("again"));

        assertThat(stores.overview().countEvents()).isEqualTo(Map.of(StoredEvent.Status.APPLIED, 2L,
                StoredEvent.Status.STORED, 1L, StoredEvent.Status.UNPROCESSED, 2L));
        assertThat(latestEventIds(Optional.empty(), 10)).containsExactly("p2", "u2", "s1", "u1", "p1");
        assertThat(latestEventIds(Optional.empty(), 2)).containsExactly("p2", "u2");
        assertThat(latestEventIds(Optional.of(StoredEvent.Status.UNPROCESSED), 10)).containsExactly("u2", "u1");
        StoredEvent newest = stores.overview().latestEvents(Optional.of(StoredEvent.Status.APPLIED), 1).get(0);
        assertThat(newest).isEqualTo(stores.events().find(newest.event().id()).orElseThrow());
    }

    @Test
    void a_reprocessed_event_is_counted_under_its_new_status() {
        unknown("u1");
        stores.events().reprocess(TestEvents.unknown("u1", "avi:future:thing.v3").id(), new Processing.Stored("now known"));

        assertThat(stores.overview().countEvents()).containsEntry(StoredEvent.Status.UNPROCESSED, 0L)
                .containsEntry(StoredEvent.Status.STORED, 1L);
    }

    @Test
    void deliveries_are_counted_by_state_and_listed_newest_first() {
        NewDelivery succeeds = pending("a");
        NewDelivery dies = pending("b");
        NewDelivery filtered = new NewDelivery(DeliveryId.random(), "c", Delivery.pending(T).filter("not a bug"));
        productEvent("e1", succeeds, dies, filtered);
        NewDelivery retries = pending("a");
        NewDelivery waits = new NewDelivery(DeliveryId.random(), "b", Delivery.pending(T.plusSeconds(86_400)));
        productEvent("e2", retries, waits);
        attempt(Map.of(succeeds.id(), new AttemptResult.Succeeded(),
                dies.id(), new AttemptResult.PermanentFailure("gone"),
                retries.id(), new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, "boom")));

        assertThat(stores.overview().countDeliveries()).containsOnlyKeys(DeliveryState.values())
                .containsEntry(DeliveryState.SUCCEEDED, 1L).containsEntry(DeliveryState.DEAD, 1L)
                .containsEntry(DeliveryState.FILTERED, 1L).containsEntry(DeliveryState.RETRY_SCHEDULED, 1L)
                .containsEntry(DeliveryState.PENDING, 1L).containsEntry(DeliveryState.IN_FLIGHT, 0L);
        assertThat(stores.overview().latestDeliveries(Set.of(), 10)).extracting(StoredDelivery::id)
                .containsExactly(waits.id(), retries.id(), filtered.id(), dies.id(), succeeds.id());
        assertThat(stores.overview().latestDeliveries(Set.of(), 2)).extracting(StoredDelivery::id)
                .containsExactly(waits.id(), retries.id());
        assertThat(stores.overview().latestDeliveries(Set.of(DeliveryState.DEAD, DeliveryState.SUCCEEDED), 10))
                .extracting(StoredDelivery::id).containsExactly(dies.id(), succeeds.id());
        StoredDelivery dead = stores.overview().latestDeliveries(Set.of(DeliveryState.DEAD), 1).get(0);
        assertThat(dead).isEqualTo(stores.deliveries().find(dies.id()).orElseThrow());
    }

    @Test
    void a_running_delivery_is_counted_in_flight() {
        NewDelivery running = pending("a");
        productEvent("e1", running);
        stores.deliveries().claimDue(T, T.plusSeconds(60), 10);

        assertThat(stores.overview().countDeliveries()).containsEntry(DeliveryState.IN_FLIGHT, 1L)
                .containsEntry(DeliveryState.PENDING, 0L);
        assertThat(stores.overview().latestDeliveries(Set.of(DeliveryState.IN_FLIGHT), 5)).extracting(StoredDelivery::id)
                .containsExactly(running.id());
    }
}
