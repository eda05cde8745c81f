package dev.accessgate.adapters.http;

import dev.accessgate.application.port.in.ListDeliveriesUseCase;
import dev.accessgate.application.port.in.ReplayDeliveryUseCase;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.service.DeliveryAdminService;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The delivery API under test reads the in-memory store's deliveries. */
@Factory
class DeliveryTestBeans {

    @Singleton
    @Bean(typed = {ListDeliveriesUseCase.class, ReplayDeliveryUseCase.class, DeliveryAdminService.class})
    DeliveryAdminService deliveryAdmin(InMemoryPolicyStore store, Clock clock) {
        return new DeliveryAdminService(store.deliveries(), clock, DeliveryObserver.NONE, () -> { });
    }
}
