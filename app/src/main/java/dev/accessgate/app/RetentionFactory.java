package dev.accessgate.app;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.sqlite.SqliteRetentionStore;
import dev.accessgate.application.port.out.RetentionStore;
import dev.accessgate.application.service.RetentionService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retention of raw events and finished deliveries: the store, the service, the background job. */
@Factory
final class RetentionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionFactory.class);

    @Singleton
    RetentionStore retentionStore(Database db) {
        return new SqliteRetentionStore(db);
    }

    @Singleton
    RetentionService retentionService(RetentionStore store, Clock clock, RetentionSettings settings) {
        try {
            return new RetentionService(store, clock, settings.getMaxAge(), settings.getBatch());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid ACCESSGATE_RETENTION or ACCESSGATE_RETENTION_BATCH: "
                    + e.getMessage(), e);
        }
    }

    /** Started with the application, stopped with it. */
    @Context
    @Bean(preDestroy = "close")
    RetentionJob retentionJob(RetentionService service, RetentionSettings settings) {
        try {
            RetentionJob job = new RetentionJob(service, settings.getInterval());
            LOG.info("retention: raw events and finished deliveries kept {}, pruned every {}",
                    settings.getMaxAge(), settings.getInterval());
            return job;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid ACCESSGATE_RETENTION_INTERVAL: " + e.getMessage(), e);
        }
    }
}
