package dev.accessgate.adapters.http;

import dev.accessgate.application.port.in.ImportBaselineUseCase;
import dev.accessgate.application.service.BaselineImportService;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Baseline import under test runs on the same in-memory store as the rest of the HTTP adapter. */
@Factory
class BaselineTestBeans {

    @Singleton
    ImportBaselineUseCase importBaseline(InMemoryPolicyStore store) {
        return new BaselineImportService(store);
    }
}
