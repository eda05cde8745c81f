package dev.accessgate.adapters.http;

import dev.accessgate.application.port.in.QueryAccessUseCase;
import dev.accessgate.application.port.out.SiteDirectory;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.application.service.AccessQueryService;
import dev.accessgate.application.service.PolicyIngestService;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The HTTP adapter under test runs on the in-memory store from the adapter kit. */
@Factory
class TestBeans {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final SiteUrl MAPPED_SITE = SiteUrl.of("https://mapped.atlassian.net");

    @Singleton
    InMemoryPolicyStore store() {
        return new InMemoryPolicyStore();
    }

    @Singleton
    PolicyIngestService ingest(InMemoryPolicyStore store) {
        return new PolicyIngestService(store);
    }

    /**
     * One site is mapped from the start, so that v1 events can be applied; tests may map more.
     * Primary: the in-memory installation store is a SiteDirectory too.
     */
    @Singleton
    @Primary
    TestSites sites() {
        TestSites sites = new TestSites();
        sites.map(MAPPED_SITE, new WorkspaceId("site-workspace"));
        return sites;
    }

    /** A site directory that tests fill in. */
    static final class TestSites implements SiteDirectory {
        private final Map<SiteUrl, WorkspaceId> sites = new ConcurrentHashMap<>();

        void map(SiteUrl site, WorkspaceId workspace) {
            sites.put(site, workspace);
        }

        @Override
        public Optional<WorkspaceId> workspaceOf(SiteUrl site) {
            return Optional.ofNullable(sites.get(site));
        }
    }

    @Singleton
    MemoryAnswers memoryAnswers(InMemoryPolicyStore store) {
        return new MemoryAnswers(store);
    }

    @Singleton
    QueryAccessUseCase query(MemoryAnswers ledger) {
        return new AccessQueryService(ledger);
    }

    @Singleton
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
