package dev.accessgate.app;

import dev.accessgate.adapters.http.migration.ConnectDescriptor;
import dev.accessgate.adapters.http.migration.NotificationApiClient;
import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.sqlite.SqliteInstallationStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteMigrationTransferStore;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteUnitOfWork;
import dev.accessgate.app.ops.IngestTelemetry;
import dev.accessgate.application.port.in.RegisterMigrationWebhookUseCase;
import dev.accessgate.application.service.DeliveryWorker;
import dev.accessgate.application.service.MigrationIngestService;
import dev.accessgate.application.service.SubscriptionRouter;
import dev.accessgate.application.service.MigrationWebhookRegistrationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App migration webhooks: the SQLite transfer store and unit of work, the ingest service, and
 * the Notification API registration. Settings (application.yml, {@code accessgate.migration.*}):
 * {@code ACCESSGATE_MIGRATION_REGISTER}, {@code ACCESSGATE_MIGRATION_ENDPOINTS},
 * {@code ACCESSGATE_MIGRATION_RETRY_DELAYS}, {@code ACCESSGATE_MIGRATION_TIMEOUT}.
 */
@Factory
final class MigrationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationFactory.class);

    @Singleton
    SqliteMigrationTransferStore migrationTransferStore(Database db) {
        return new SqliteMigrationTransferStore(db);
    }

    @Singleton
    MigrationIngestService migrationIngest(SqlitePolicyStore events, SqliteMigrationTransferStore transfers,
                                           Database db, SubscriptionRouter subscriptions,
                                           DeliveryWorker deliveries, MeterRegistry registry) {
        // Migration events reach subscriptions (events: ["migration:*"]) like any other event.
        return new MigrationIngestService(events, transfers, new SqliteUnitOfWork(db), subscriptions,
                deliveries::wake, new IngestTelemetry(registry));
    }

    @Singleton
    @Named("migration-registration")
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService registrationScheduler() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "migration-webhook-registration");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    RegisterMigrationWebhookUseCase migrationWebhookRegistration(
            SqliteInstallationStore clients, Clock clock,
            @Named("migration-registration") ScheduledExecutorService scheduler,
            @Value("${accessgate.base-url}") String baseUrl,
            @Value("${accessgate.migration.register:false}") boolean register,
            @Value("${accessgate.migration.endpoints:}") String endpoints,
            @Value("${accessgate.migration.retry-delays:30s,2m,10m,30m,2h}") List<Duration> retryDelays,
            @Value("${accessgate.migration.timeout:10s}") Duration timeout) {
        List<String> urls = endpoints.isBlank() ? List.of(ConnectDescriptor.webhookUrl(baseUrl))
                : Arrays.stream(endpoints.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        MigrationWebhookRegistrationService service = new MigrationWebhookRegistrationService(clients,
                new NotificationApiClient(timeout, clock), urls, register,
                (delay, task) -> scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                retryDelays, clock, MigrationFactory::log);
        LOG.info("migration webhook: {}; Notification API registration {}", ConnectDescriptor.webhookUrl(baseUrl),
                register ? "on enabled callbacks, endpoints " + urls : "off (ACCESSGATE_MIGRATION_REGISTER)");
        return service;
    }

    private static void log(RegisterMigrationWebhookUseCase.Attempt attempt) {
        String retry = attempt.nextRetryIn().map(d -> "; retrying in " + d).orElse("");
        if (attempt.result() instanceof RegisterMigrationWebhookUseCase.Result.Registered registered) {
            LOG.info("migration webhook registered for client {} (attempt {}): {}", attempt.clientKey(),
                    attempt.number(), registered.endpoints());
        } else if (attempt.result() instanceof RegisterMigrationWebhookUseCase.Result.Skipped skipped) {
            LOG.info("migration webhook registration for client {} skipped: {}", attempt.clientKey(), skipped.reason());
        } else {
            LOG.warn("migration webhook registration for client {} failed (attempt {}): {}{}", attempt.clientKey(),
                    attempt.number(), ((RegisterMigrationWebhookUseCase.Result.Failed) attempt.result()).reason(),
                    retry.isEmpty() ? "; giving up until the next enabled callback" : retry);
        }
    }
}
