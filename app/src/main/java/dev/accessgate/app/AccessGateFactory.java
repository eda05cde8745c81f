package dev.accessgate.app;

import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteSettings;
import dev.accessgate.app.ops.IngestTelemetry;
import dev.accessgate.application.port.in.QueryAccessUseCase;
import dev.accessgate.application.service.AccessQueryService;
import dev.accessgate.application.service.DeliveryWorker;
import dev.accessgate.application.service.PolicyIngestService;
import dev.accessgate.application.service.SubscriptionRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where ports meet their adapters. */
@Factory
final class AccessGateFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGateFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    SqliteDatabase sqliteDatabase(StorageSettings settings) {
        SqliteSettings sqlite = new SqliteSettings(Path.of(settings.getDb()),
                SqliteSettings.Synchronous.parse(settings.getSqliteSynchronous()), settings.getSqliteReaders(),
                settings.getSqliteBusyTimeout());
        SqliteDatabase db = SqliteDatabase.open(sqlite);
        LOG.info("storage: SQLite file {} (synchronous={})", db.file(), sqlite.synchronous());
        return db;
    }

    @Singleton
    SqlitePolicyStore policyStore(SqliteDatabase db) {
        return new SqlitePolicyStore(db);
    }

    @Singleton
    PolicyIngestService policyIngestService(SqlitePolicyStore store, SubscriptionRouter subscriptions,
                                            DeliveryWorker deliveries, MeterRegistry registry) {
        // New deliveries commit with their event; the worker is woken, never waited for.
        return new PolicyIngestService(store, subscriptions, deliveries::wake, new IngestTelemetry(registry));
    }

    @Singleton
    QueryAccessUseCase queryAccess(SqlitePolicyStore store) {
        return new AccessQueryService(store);
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
