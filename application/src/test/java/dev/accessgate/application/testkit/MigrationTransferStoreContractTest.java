package dev.accessgate.application.testkit;

import static dev.accessgate.domain.migration.MigrationEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.domain.migration.MigrationDetails;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationEventType;
import dev.accessgate.domain.migration.MigrationEvents;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MigrationTransferStore} must do: agree with the domain's {@link MigrationTransfer}. */
public abstract class MigrationTransferStoreContractTest {

    private MigrationTransferStore store;

    /** A new, empty store. */
    protected abstract MigrationTransferStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private static MigrationEvent inTransfer(MigrationEvent e, TransferId id) {
        return new MigrationEvent(e.type(), Optional.of(id), e.messageId(), e.fingerprint(), e.sender(), e.cloudAppKey(),
                e.serverAppVersion(), e.details(), e.s3Key(), e.label(), e.originalTransferId(), e.receivedAt());
    }

    @Test
    void a_transfer_is_what_the_domain_makes_of_its_events_in_any_order_with_duplicates() {
        AtomicInteger transfers = new AtomicInteger();
        qt().withExamples(40).forAll(lists().of(MigrationEvents.events()).ofSizeBetween(1, 10), longs().all())
                .checkAssert((generated, seed) -> {
                    TransferId id = new TransferId("transfer-" + transfers.incrementAndGet());
                    List<MigrationEvent> events = generated.stream().map(e -> inTransfer(e, id)).toList();
                    Random random = new Random(seed);
                    List<MigrationEvent> delivered = new ArrayList<>(events);
                    events.stream().filter(e -> random.nextBoolean()).forEach(e ->
                            delivered.add(MigrationEvents.receivedAt(e, e.receivedAt().plusMillis(1 + random.nextInt(5000)))));
                    Collections.shuffle(delivered, random);

                    delivered.forEach(store::add);

                    assertThat(store.transfer(id)).contains(MigrationTransfer.of(id, events));
                });
    }

    @Test
    void every_attribute_survives_the_store() {
        TransferId id = new TransferId("attrs");
        MigrationDetails partial = new MigrationDetails(Optional.of("m"), Optional.empty(), Optional.of("Plan ü \"x\""),
                Optional.of(Instant.ofEpochSecond(1597193662)), Optional.empty(), Optional.of("unknown"), Optional.empty());
        MigrationEvent uploaded = new MigrationEvent(MigrationEventType.APP_DATA_UPLOADED, Optional.of(id),
                Optional.of("msg-1"), "fp-1", "client-a", Optional.of("app-key"), Optional.of("2.3.4"),
                Optional.of(partial), Optional.of("636abf0f"), Optional.of("some-optional-label"),
                Optional.of(new TransferId("original")), Instant.parse("2024-02-03T04:05:06.123456789Z"));
        MigrationEvent bare = new MigrationEvent(new MigrationEventType("something-new"), Optional.of(id),
                Optional.empty(), "fp-2", "client-b", Optional.empty(), Optional.empty(),
                Optional.of(MigrationDetails.none()), Optional.empty(), Optional.empty(), Optional.empty(), T0);
        MigrationEvent noDetails = new MigrationEvent(MigrationEventType.TRANSFER_SETTLED, Optional.of(id),
                Optional.empty(), "fp-3", "client-b", Optional.of("app-key"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), T0.plusSeconds(1));

        store.add(uploaded);
        store.add(bare);
        store.add(noDetails);

        MigrationTransfer transfer = store.transfer(id).orElseThrow();
        assertThat(transfer.events().values()).containsExactlyInAnyOrder(uploaded, bare, noDetails);
    }

    @Test
    void a_redelivery_received_earlier_takes_the_place_of_the_later_one_and_not_the_other_way() {
        MigrationEvent first = MigrationEvents.event("listener-triggered", Optional.of("m"), "f", 5);
        MigrationEvent later = MigrationEvents.receivedAt(first, first.receivedAt().plusSeconds(60));

        store.add(later);
        store.add(first);
        store.add(later);

        assertThat(store.transfer(MigrationEvents.TRANSFER).orElseThrow().timeline()).containsExactly(first);
    }

    @Test
    void transfers_are_listed_in_id_order_page_by_page() {
        for (String id : List.of("c", "a", "é", "b", "B")) {
            store.add(inTransfer(MigrationEvents.event("transfer-settled", Optional.empty(), "f-" + id, 1),
                    new TransferId(id)));
        }

        assertThat(ids(store.transfers(Optional.empty(), 10))).containsExactly("B", "a", "b", "c", "é");
        assertThat(ids(store.transfers(Optional.empty(), 2))).containsExactly("B", "a");
        assertThat(ids(store.transfers(Optional.of(new TransferId("a")), 2))).containsExactly("b", "c");
        assertThat(ids(store.transfers(Optional.of(new TransferId("az")), 10))).containsExactly("b", "c", "é");
        assertThat(store.transfers(Optional.of(new TransferId("é")), 10)).isEmpty();
    }

    @Test
    void an_unknown_transfer_is_empty_and_an_event_without_a_transfer_is_refused() {
        assertThat(store.transfer(new TransferId("nope"))).isEmpty();
        MigrationEvent loose = new MigrationEvent(new MigrationEventType("new-kind"), Optional.empty(), Optional.empty(),
                "f", "c", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), T0);
        assertThatThrownBy(() -> store.add(loose)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ids(List<MigrationTransfer> transfers) {
        return transfers.stream().map(t -> t.id().value()).toList();
    }
}
