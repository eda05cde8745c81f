package dev.accessgate.adapters.http;

import dev.accessgate.application.service.MigrationIngestService;
import dev.accessgate.application.testkit.InMemoryMigrationTransferStore;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.application.testkit.InMemoryUnitOfWork;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Migration webhooks for the HTTP tests: the in-memory stores (the event store is the policy store of TestBeans). */
@Factory
class MigrationTestBeans {

    @Singleton
    InMemoryMigrationTransferStore migrationTransferStore() {
        return new InMemoryMigrationTransferStore();
    }

    @Singleton
    MigrationIngestService migrationIngest(InMemoryPolicyStore events, InMemoryMigrationTransferStore transfers) {
        return new MigrationIngestService(events, transfers, new InMemoryUnitOfWork());
    }
}
