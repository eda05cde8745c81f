package dev.accessgate.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A transfer's state depends on which events arrived, not on their order or how often each came. */
class MigrationTransferPropertiesTest {

    private static MigrationTransfer oneByOne(List<MigrationEvent> events) {
        MigrationTransfer transfer = MigrationTransfer.empty(MigrationEvents.TRANSFER);
        for (MigrationEvent event : events) {
            transfer = transfer.apply(event);
        }
        return transfer;
    }

    @Test
    void any_permutation_of_the_events_with_duplicates_gives_the_same_state() {
        qt().forAll(lists().of(MigrationEvents.events()).ofSizeBetween(0, 15), longs().all(), integers().between(0, 5))
                .checkAssert((events, seed, lateBy) -> {
                    Random random = new Random(seed);
                    List<MigrationEvent> delivered = new ArrayList<>(events);
                    for (MigrationEvent event : events) {
                        if (random.nextBoolean()) {
                            // A redelivery of the same event, received later.
                            delivered.add(MigrationEvents.receivedAt(event, event.receivedAt().plusSeconds(lateBy)));
                        }
                    }
                    Collections.shuffle(delivered, random);

                    MigrationTransfer shuffled = oneByOne(delivered);
                    MigrationTransfer inOrder = oneByOne(events);

                    assertThat(shuffled).isEqualTo(inOrder);
                    assertThat(MigrationTransfer.of(MigrationEvents.TRANSFER, delivered)).isEqualTo(inOrder);
                    // What the API shows is derived from that state alone, so it agrees too.
                    assertThat(shuffled.timeline()).isEqualTo(inOrder.timeline());
                    assertThat(shuffled.uploads()).isEqualTo(inOrder.uploads());
                    assertThat(shuffled.details()).isEqualTo(inOrder.details());
                    assertThat(shuffled.originalTransferId()).isEqualTo(inOrder.originalTransferId());
                });
    }

    @Test
    void applying_an_event_again_changes_nothing() {
        qt().forAll(lists().of(MigrationEvents.events()).ofSizeBetween(1, 15)).checkAssert(events -> {
            MigrationTransfer transfer = oneByOne(events);
            for (MigrationEvent event : events) {
                assertThat(transfer.apply(event)).isEqualTo(transfer);
            }
        });
    }

    @Test
    void there_is_one_event_per_key_and_the_flags_follow_the_types_seen() {
        qt().forAll(lists().of(MigrationEvents.events()).ofSizeBetween(0, 15)).checkAssert(events -> {
            MigrationTransfer transfer = oneByOne(events);
            assertThat(transfer.events().keySet())
                    .containsExactlyInAnyOrderElementsOf(events.stream().map(MigrationEvent::key).distinct().toList());
            assertThat(transfer.timeline()).isSortedAccordingTo(MigrationTransfer.PRECEDENCE);
            assertThat(transfer.settled()).isEqualTo(transfer.events().values().stream()
                    .anyMatch(e -> e.type().equals(MigrationEventType.TRANSFER_SETTLED)));
            assertThat(transfer.unknownEventTypes()).isSubsetOf(List.of("brand-new-type"));
        });
    }
}
