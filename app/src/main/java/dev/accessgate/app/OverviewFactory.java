package dev.accessgate.app;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.sqlite.SqliteOverviewStore;
import dev.accessgate.application.port.in.OverviewUseCase;
import dev.accessgate.application.service.OverviewService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The overview that the dashboard reads ({@code /v1/overview}), from the database's readers. */
@Factory
final class OverviewFactory {

    @Singleton
    OverviewUseCase overview(Database db) {
        return new OverviewService(new SqliteOverviewStore(db));
    }
}
