package dev.accessgate.adapters.http;

import dev.accessgate.application.port.in.OverviewUseCase;
import dev.accessgate.application.service.OverviewService;
import dev.accessgate.application.testkit.InMemoryOverviewStore;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The overview API under test reads the in-memory store's events and deliveries. */
@Factory
class OverviewTestBeans {

    @Singleton
    OverviewUseCase overview(InMemoryPolicyStore store) {
        return new OverviewService(new InMemoryOverviewStore(store, store.deliveries()));
    }
}
