package dev.accessgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.port.in.RecordForgeLifecycleCommand;
import dev.accessgate.application.port.in.RecordForgeLifecycleUseCase.Result;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import dev.accessgate.domain.installation.AppVersion;
import dev.accessgate.domain.installation.ForgeApp;
import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import dev.accessgate.domain.installation.InstallationContext;
import dev.accessgate.domain.installation.LifecycleKind;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForgeLifecycleServiceTest {

    private final InMemoryInstallationStore store = new InMemoryInstallationStore();
    private final ForgeLifecycleService service = new ForgeLifecycleService(store);

    @Test
    void the_first_delivery_is_recorded_and_a_redelivery_is_recognised() {
        ForgeLifecycleEvent event = new ForgeLifecycleEvent(LifecycleKind.INSTALLED, "inst",
                new ForgeApp("app", new AppVersion("1.0.0"), Optional.empty(), Optional.empty()), Optional.empty(),
                Optional.of(InstallationContext.parse("ari:cloud:jira::site/c1")), Optional.empty(),
                Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(service.record(new RecordForgeLifecycleCommand(event))).isInstanceOf(Result.Recorded.class);
        assertThat(service.record(new RecordForgeLifecycleCommand(event))).isInstanceOf(Result.AlreadyRecorded.class);
        assertThat(new InstallationQueryService(store, store).forgeInstallations()).hasSize(1);
    }
}
