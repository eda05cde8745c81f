package dev.accessgate.domain.migration;

import static dev.accessgate.domain.migration.MigrationEvents.T0;
import static dev.accessgate.domain.migration.MigrationEvents.TRANSFER;
import static dev.accessgate.domain.migration.MigrationEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.domain.DomainException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationTransferTest {

    @Test
    void the_documented_sequence_gives_the_documented_state() {
        MigrationEvent uploaded = event("app-data-uploaded", Optional.empty(), "f-up", 1);
        MigrationEvent triggered = event("listener-triggered", Optional.of("msg-1"), "f-tr", 2);
        MigrationEvent cancel = event("transfer-cancellation-requested", Optional.empty(), "f-ca", 3);
        MigrationEvent settled = event("transfer-settled", Optional.empty(), "f-se", 4);
        MigrationEvent future = event("brand-new-type", Optional.empty(), "f-new", 5);

        MigrationTransfer transfer = MigrationTransfer.of(TRANSFER, List.of(settled, future, uploaded, cancel, triggered));

        assertThat(transfer.timeline()).containsExactly(uploaded, triggered, cancel, settled, future);
        assertThat(transfer.listenerTriggered()).isTrue();
        assertThat(transfer.errored()).isFalse();
        assertThat(transfer.cancellationRequested()).isTrue();
        assertThat(transfer.settled()).isTrue();
        assertThat(transfer.uploads()).containsExactly(
                new MigrationTransfer.Upload("s3-f-up", Optional.of("label-f-up"), T0.plusSeconds(1)));
        assertThat(transfer.unknownEventTypes()).containsExactly("brand-new-type");
        assertThat(transfer.firstReceivedAt()).contains(T0.plusSeconds(1));
        assertThat(transfer.lastReceivedAt()).contains(T0.plusSeconds(5));
        assertThat(transfer.originalTransferId()).isEmpty();
        assertThat(transfer.cloudAppKey()).contains("my-cloud-app-key");
    }

    @Test
    void the_key_is_the_message_id_or_the_body_digest() {
        assertThat(event("listener-triggered", Optional.of("m-9"), "abc", 0).key()).isEqualTo("m-9");
        assertThat(event("listener-triggered", Optional.empty(), "abc", 0).key()).isEqualTo("sha256:abc");
    }

    @Test
    void a_redelivery_keeps_the_first_time_it_was_received() {
        MigrationEvent first = event("listener-triggered", Optional.of("m"), "f", 5);
        MigrationEvent again = MigrationEvents.receivedAt(first, T0.plusSeconds(50));

        assertThat(MigrationTransfer.empty(TRANSFER).apply(again).apply(first).timeline()).containsExactly(first);
    }

    @Test
    void a_rerun_names_its_original_transfer() {
        MigrationEvent rerun = MigrationEvents.withOriginal(event("listener-triggered", Optional.empty(), "f", 0),
                MigrationEvents.ORIGINAL);

        assertThat(MigrationTransfer.empty(TRANSFER).apply(rerun).originalTransferId()).contains(MigrationEvents.ORIGINAL);
        assertThatThrownBy(() -> MigrationEvents.withOriginal(rerun, TRANSFER)).isInstanceOf(DomainException.class)
                .hasMessageContaining("another transfer");
    }

    @Test
    void known_types_need_their_attributes_and_new_types_do_not() {
        assertThatThrownBy(() -> new MigrationEvent(MigrationEventType.LISTENER_TRIGGERED, Optional.empty(),
                Optional.empty(), "f", "c", Optional.of("app"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), T0)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("transferId");
        assertThatThrownBy(() -> new MigrationEvent(MigrationEventType.APP_DATA_UPLOADED, Optional.of(TRANSFER),
                Optional.empty(), "f", "c", Optional.of("app"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), T0)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("s3Key");
        MigrationEvent future = new MigrationEvent(new MigrationEventType("transfer-archived"), Optional.empty(),
                Optional.empty(), "f", "c", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), T0);
        assertThat(future.type().isKnown()).isFalse();
    }

    @Test
    void an_event_of_another_transfer_is_refused() {
        MigrationEvent other = new MigrationEvent(MigrationEventType.TRANSFER_SETTLED,
                Optional.of(new TransferId("other")), Optional.empty(), "f", "c", Optional.of("app"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), T0);

        assertThatThrownBy(() -> MigrationTransfer.empty(TRANSFER).apply(other)).isInstanceOf(DomainException.class);
    }
}
