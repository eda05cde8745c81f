package dev.accessgate.app;

import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.application.port.in.ImportBaselineUseCase;
import dev.accessgate.application.service.BaselineImportService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Baseline import: the use case over the SQLite store that also keeps the events and the ledger. */
@Factory
final class BaselineFactory {

    @Singleton
    ImportBaselineUseCase importBaseline(SqlitePolicyStore store) {
        return new BaselineImportService(store);
    }
}
