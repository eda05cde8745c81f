package dev.accessgate.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.domain.DomainException;
import org.junit.jupiter.api.Test;

class DeliveryStateTest {

    @Test
    void externalNamesAreTheFiveOfTheDeliveryApi() {
        assertThat(DeliveryState.PENDING.externalName()).isEqualTo("pending");
        assertThat(DeliveryState.IN_FLIGHT.externalName()).isEqualTo("pending");
        assertThat(DeliveryState.RETRY_SCHEDULED.externalName()).isEqualTo("retrying");
        assertThat(DeliveryState.SUCCEEDED.externalName()).isEqualTo("succeeded");
        assertThat(DeliveryState.DEAD.externalName()).isEqualTo("dead");
        assertThat(DeliveryState.FILTERED.externalName()).isEqualTo("filtered");
    }

    @Test
    void anExternalNameSelectsItsStates() {
        assertThat(DeliveryState.withExternalName("pending"))
                .containsExactly(DeliveryState.PENDING, DeliveryState.IN_FLIGHT);
        assertThat(DeliveryState.withExternalName("Retrying")).containsExactly(DeliveryState.RETRY_SCHEDULED);
        assertThat(DeliveryState.withExternalName("dead")).containsExactly(DeliveryState.DEAD);
        for (DeliveryState state : DeliveryState.values()) {
            assertThat(DeliveryState.withExternalName(state.externalName())).contains(state);
        }
    }

    @Test
    void anUnknownExternalNameIsRefused() {
        assertThatThrownBy(() -> DeliveryState.withExternalName("in_flight"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThatThrownBy(() -> DeliveryState.withExternalName(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void terminalStates() {
        assertThat(DeliveryState.values()).filteredOn(DeliveryState::isTerminal)
                .containsExactly(DeliveryState.SUCCEEDED, DeliveryState.DEAD, DeliveryState.FILTERED);
    }
}
