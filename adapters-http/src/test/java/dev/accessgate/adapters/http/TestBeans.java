package dev.accessgate.adapters.http;

import dev.accessgate.application.port.in.IngestPolicyEventUseCase;
import dev.accessgate.application.port.in.QueryAccessUseCase;
import dev.accessgate.application.service.AccessQueryService;
import dev.accessgate.application.service.PolicyIngestService;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The HTTP adapter under test runs on the in-memory store from the adapter kit. */
@Factory
class TestBeans {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Singleton
    InMemoryPolicyStore store() {
        return new InMemoryPolicyStore();
    }

    @Singleton
    IngestPolicyEventUseCase ingest(InMemoryPolicyStore store) {
        return new PolicyIngestService(store);
    }

    @Singleton
    QueryAccessUseCase query(InMemoryPolicyStore store) {
        return new AccessQueryService(store);
    }

    @Singleton
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
