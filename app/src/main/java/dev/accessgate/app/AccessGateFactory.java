package dev.accessgate.app;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.postgres.PostgresDatabase;
import dev.accessgate.adapters.persistence.postgres.PostgresSettings;
import dev.accessgate.adapters.persistence.sqlite.BlockIndex;
import dev.accessgate.adapters.persistence.sqlite.IndexedLedgerStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteSettings;
import dev.accessgate.app.ops.IngestTelemetry;
import dev.accessgate.application.port.in.QueryAccessUseCase;
import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.service.AccessQueryService;
import dev.accessgate.application.service.DeliveryWorker;
import dev.accessgate.application.service.PolicyIngestService;
import dev.accessgate.application.service.SubscriptionRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where ports meet their adapters. */
@Factory
final class AccessGateFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGateFactory.class);

    /**
     * SQLite by default; PostgreSQL when ACCESSGATE_DATABASE_URL names one (several instances
     * may then share it, docs/scaling.md). Whatever caches state in this process must check
     * {@code db.dialect()}: on PostgreSQL other instances change the data too.
     */
    @Singleton
    @Bean(preDestroy = "close")
    Database database(StorageSettings settings) {
        String url = settings.getDatabaseUrl().strip();
        if (url.isEmpty()) {
            return sqliteDatabase(settings);
        }
        if (!PostgresSettings.isPostgres(url)) {
            throw new ConfigurationException("ACCESSGATE_DATABASE_URL: expected postgresql://user:password@host:port/db"
                    + " or jdbc:postgresql://...; leave it empty for SQLite (ACCESSGATE_DB)");
        }
        PostgresSettings postgres;
        try {
            postgres = PostgresSettings.parse(url, settings.getPostgresPoolSize());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ACCESSGATE_DATABASE_URL: " + e.getMessage());
        }
        PostgresDatabase db = PostgresDatabase.open(postgres);
        LOG.info("storage: PostgreSQL {} (pool of {})", postgres.redacted(), postgres.poolSize());
        return db;
    }

    private static SqliteDatabase sqliteDatabase(StorageSettings settings) {
        SqliteSettings sqlite = new SqliteSettings(Path.of(settings.getDb()),
                SqliteSettings.Synchronous.parse(settings.getSqliteSynchronous()), settings.getSqliteReaders(),
                settings.getSqliteBusyTimeout());
        SqliteDatabase db = SqliteDatabase.open(sqlite);
        LOG.info("storage: SQLite file {} (synchronous={})", db.file(), sqlite.synchronous());
        return db;
    }

    /**
     * Created with the context (not at the first request) so that its background build starts
     * with the service; checks are answered from SQLite until it is ready.
     */
    @Context
    @Bean(preDestroy = "close")
    LedgerIndex ledgerIndex(Database db, StorageSettings settings) {
        long max = settings.getIndexMaxObjects();
        if (db instanceof SqliteDatabase sqlite && max > 0) {
            LOG.info("index: blocked objects in memory, at most {} (ACCESSGATE_INDEX_MAX_OBJECTS), building", max);
            return new LedgerIndex(Optional.of(BlockIndex.start(sqlite, max)));
        }
        return new LedgerIndex(Optional.empty());
    }

    @Singleton
    SqlitePolicyStore policyStore(Database db, LedgerIndex index) {
        return new SqlitePolicyStore(db, index.index().orElse(null));
    }

    @Singleton
    PolicyIngestService policyIngestService(SqlitePolicyStore store, SubscriptionRouter subscriptions,
                                            DeliveryWorker deliveries, MeterRegistry registry) {
        // New deliveries commit with their event; the worker is woken, never waited for.
        return new PolicyIngestService(store, subscriptions, deliveries::wake, new IngestTelemetry(registry));
    }

    @Singleton
    QueryAccessUseCase queryAccess(SqlitePolicyStore store, LedgerIndex index) {
        return new AccessQueryService(index.index()
                .<BlockLedgerStore>map(built -> new IndexedLedgerStore(store, built))
                .orElse(store));
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
