package dev.accessgate.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.application.port.out.RetentionStore.Pruned;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.ContainerRef;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.accessgate.application.port.out.RetentionStore} must do: remove old raw
 * events and finished deliveries, and nothing else. Extend it with fresh stores.
 */
public abstract class RetentionStoreContractTest {

    private static final Instant CUTOFF = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant OLD = CUTOFF.minus(Duration.ofDays(3));
    private static final Instant YOUNG = CUTOFF.plusSeconds(1);
    private static final WorkspaceId WS = new WorkspaceId("ws");

    private RetentionStores stores;

    /** New, empty stores. */
    protected abstract RetentionStores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
    }

    private static ReceivedEvent receivedAt(ReceivedEvent event, Instant at) {
        return new ReceivedEvent(event.id(), event.type(), event.source(), event.time(), at, event.contentMode(),
                event.body(), event.fingerprint());
    }

    /** A product event received at {@code at} with one delivery in {@code state}. */
    private DeliveryId productEvent(String id, Instant at, DeliveryState state) {
        NewDelivery created = new NewDelivery(DeliveryId.random(), "sub", Delivery.pending(at));
        RecordOutcome outcome = stores.events().record(receivedAt(TestEvents.unknown(id, "avi:jira:created:issue"), at),
                new Processing.Stored("product event"), List.of(created));
        assertThat(outcome).isInstanceOf(RecordOutcome.Recorded.class);
        if (state == DeliveryState.FILTERED) {
            assertThat(stores.deliveries().update(stores.deliveries().find(created.id()).orElseThrow(),
                    Delivery.pending(at).filter("not a bug"))).isTrue();
        } else if (state != DeliveryState.PENDING) {
            ClaimedDelivery claimed = stores.deliveries().claimDue(at, at.plusSeconds(60), 1).get(0);
            assertThat(claimed.stored().id()).isEqualTo(created.id());
            Delivery started = claimed.stored().delivery();
            Delivery after = switch (state) {
                case SUCCEEDED -> started.complete(new AttemptResult.Succeeded(), at);
                case DEAD -> started.complete(new AttemptResult.PermanentFailure("gone"), at);
                case RETRY_SCHEDULED -> started.complete(new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, "boom"), at);
                default -> started;
            };
            assertThat(after.state()).isEqualTo(state);
            if (state != DeliveryState.IN_FLIGHT) {
                assertThat(stores.deliveries().update(claimed.stored(), after)).isTrue();
            }
        }
        return created.id();
    }

    private void applied(PolicyEvent event, Instant at) {
        ReceivedEvent received = receivedAt(TestEvents.received(event), at);
        assertThat(stores.events().record(received, new Processing.Applied(event)))
                .isInstanceOf(RecordOutcome.Recorded.class);
    }

    private boolean stored(String id) {
        return stores.events().find(new EventId(id)).isPresent();
    }

    @Test
    void old_finished_deliveries_and_their_events_are_pruned_and_young_ones_stay() {
        DeliveryId succeeded = productEvent("old-succeeded", OLD, DeliveryState.SUCCEEDED);
        DeliveryId dead = productEvent("old-dead", OLD, DeliveryState.DEAD);
        DeliveryId filtered = productEvent("old-filtered", OLD, DeliveryState.FILTERED);
        DeliveryId young = productEvent("young-succeeded", YOUNG, DeliveryState.SUCCEEDED);

        Pruned pruned = stores.retention().prune(CUTOFF, 100);

        assertThat(pruned).isEqualTo(new Pruned(3, 3));
        for (DeliveryId gone : List.of(succeeded, dead, filtered)) {
            assertThat(stores.deliveries().find(gone)).isEmpty();
        }
        assertThat(stored("old-succeeded") || stored("old-dead") || stored("old-filtered")).isFalse();
        assertThat(stores.deliveries().find(young)).isPresent();
        assertThat(stored("young-succeeded")).isTrue();
        assertThat(stores.deliveries().list(java.util.Set.of(), 0, 100)).extracting(d -> d.id()).containsExactly(young);
    }

    @Test
    void a_delivery_still_waiting_or_running_keeps_itself_and_its_event() {
        // The pending one last: making the others claims the due delivery.
        DeliveryId retrying = productEvent("retrying", OLD, DeliveryState.RETRY_SCHEDULED);
        DeliveryId running = productEvent("running", OLD, DeliveryState.IN_FLIGHT);
        DeliveryId pending = productEvent("pending", OLD, DeliveryState.PENDING);

        assertThat(stores.retention().prune(CUTOFF, 100)).isEqualTo(new Pruned(0, 0));

        for (DeliveryId kept : List.of(pending, retrying, running)) {
            assertThat(stores.deliveries().find(kept)).isPresent();
        }
        assertThat(stored("pending") && stored("retrying") && stored("running")).isTrue();
    }

    @Test
    void an_unprocessed_event_is_kept_until_it_is_reprocessed() {
        stores.events().record(receivedAt(TestEvents.unknown("future", "avi:ecosystem.app_policy:new.v3"), OLD),
                new Processing.Unprocessed("not known"));
        ObjectsBlocked event = TestEvents.objectsBlocked("v1", "ws", OLD, List.of(ObjectRef.of("jira", "issue", "1")));
        stores.events().record(receivedAt(TestEvents.received(event), OLD), new Processing.Unprocessed("site unmapped"));

        assertThat(stores.retention().prune(CUTOFF, 100)).isEqualTo(new Pruned(0, 0));
        assertThat(stores.events().countUnprocessed()).isEqualTo(2);

        stores.events().reprocess(new EventId("v1"), new Processing.Applied(event));
        assertThat(stores.retention().prune(CUTOFF, 100)).isEqualTo(new Pruned(0, 1));
        assertThat(stored("v1")).isFalse();
        assertThat(stored("future")).isTrue();
    }

    @Test
    void the_ledger_is_never_pruned_and_a_pruned_event_sent_again_changes_nothing_in_it() {
        ObjectRef page = ObjectRef.of("confluence", "page", "1");
        ObjectsBlocked first = TestEvents.objectsBlocked("e1", "ws", OLD, List.of(page, ObjectRef.of("jira", "issue", "2")));
        ObjectsBlocked later = TestEvents.objectsBlocked("e2", "ws", OLD.plusSeconds(5), List.of(page));
        ContainerBlocked space = new ContainerBlocked(WS, new Block(OLD, new EventId("c1")),
                new ContainerRef(Product.CONFLUENCE, "SPACE"));
        ContainerBlocked spaceLater = new ContainerBlocked(WS, new Block(OLD.plusSeconds(5), new EventId("c2")),
                new ContainerRef(Product.CONFLUENCE, "SPACE"));
        for (PolicyEvent event : List.of(first, later, space, spaceLater)) {
            applied(event, OLD);
        }
        Object before = ledger();

        assertThat(stores.retention().prune(CUTOFF, 100)).isEqualTo(new Pruned(0, 4));

        assertThat(stores.events().list(new EventQuery(Optional.empty(), Optional.empty(), 10)).events()).isEmpty();
        assertThat(ledger()).isEqualTo(before);
        // Atlassian resending a pruned event: stored anew, and the earliest-block rule makes it a no-op.
        for (PolicyEvent again : List.of(later, first, spaceLater, space)) {
            RecordOutcome outcome = stores.events().record(receivedAt(TestEvents.received(again), YOUNG),
                    new Processing.Applied(again));
            assertThat(outcome).isEqualTo(new RecordOutcome.Recorded(again.id(), 0));
        }
        assertThat(ledger()).isEqualTo(before);
    }

    private Object ledger() {
        return List.of(Ledgers.allObjects(stores.ledger(), WS), stores.ledger().containers(WS),
                stores.ledger().workspaces());
    }

    @Test
    void pruning_goes_oldest_first_in_batches_and_the_cutoff_itself_is_kept() {
        for (int i = 0; i < 5; i++) {
            productEvent("e" + i, OLD.plusSeconds(i), DeliveryState.SUCCEEDED);
        }
        productEvent("at-cutoff", CUTOFF, DeliveryState.SUCCEEDED);

        assertThat(stores.retention().prune(CUTOFF, 2)).isEqualTo(new Pruned(2, 2));
        assertThat(stored("e0") || stored("e1")).isFalse();
        assertThat(stored("e2")).isTrue();
        assertThat(stores.retention().prune(CUTOFF, 2)).isEqualTo(new Pruned(2, 2));
        assertThat(stores.retention().prune(CUTOFF, 2)).isEqualTo(new Pruned(1, 1));
        assertThat(stores.retention().prune(CUTOFF, 2)).isEqualTo(new Pruned(0, 0));
        assertThat(stores.events().list(new EventQuery(Optional.empty(), Optional.empty(), 10)).events())
                .extracting(e -> e.event().id().value()).containsExactly("at-cutoff");
        assertThat(stores.deliveries().ofEvent(new EventId("at-cutoff"))).hasSize(1);
    }

    @Test
    void events_arriving_after_a_prune_keep_counting_on() {
        productEvent("a", OLD, DeliveryState.SUCCEEDED);
        productEvent("b", YOUNG, DeliveryState.SUCCEEDED);
        stores.retention().prune(CUTOFF, 100);
        productEvent("c", YOUNG, DeliveryState.SUCCEEDED);

        List<StoredEvent> listed = stores.events().list(new EventQuery(Optional.empty(), Optional.empty(), 10)).events();
        assertThat(listed).extracting(e -> e.event().id().value()).containsExactly("b", "c");
        Optional<Long> afterB = stores.events().list(new EventQuery(Optional.empty(), Optional.empty(), 1)).next();
        assertThat(stores.events().list(new EventQuery(Optional.empty(), afterB, 10)).events())
                .extracting(e -> e.event().id().value()).containsExactly("c");
    }
}
