package dev.accessgate.domain.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** A Forge installation depends on which lifecycle events arrived, not on their order or repetition. */
class ForgeInstallationPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final InstallationContext SITE = InstallationContext.site("jira", new WorkspaceId("cloud-1"));

    static Gen<ForgeLifecycleEvent> events() {
        return Generate.enumValues(LifecycleKind.class).zip(Generate.pick(List.of("1.0.0", "2.0.0", "10.0.0", "2.0")),
                Generate.pick(List.of("acc-1", "acc-2", "")), integers().between(0, 100),
                (kind, version, account, second) -> new ForgeLifecycleEvent(kind, "inst-1",
                        new ForgeApp("app-1", new AppVersion(version), Optional.of("App"), Optional.empty()),
                        Optional.empty(),
                        kind == LifecycleKind.INSTALLED || second % 2 == 0 ? Optional.of(SITE) : Optional.empty(),
                        account.isEmpty() ? Optional.empty() : Optional.of(account), T0.plusSeconds(second)));
    }

    @Test
    void any_order_and_any_repetition_of_the_same_events_gives_the_same_installation() {
        qt().forAll(lists().of(events()).ofSizeBetween(1, 12), longs().all()).checkAssert((events, seed) -> {
            Random random = new Random(seed);
            List<ForgeLifecycleEvent> redelivered = new ArrayList<>(events);
            for (ForgeLifecycleEvent event : events) {
                if (random.nextBoolean()) {
                    redelivered.add(event);
                }
            }
            Collections.shuffle(redelivered, random);

            ForgeInstallation oneByOne = ForgeInstallation.of(redelivered.get(0));
            for (ForgeLifecycleEvent event : redelivered.subList(1, redelivered.size())) {
                oneByOne = oneByOne.with(event);
            }

            ForgeInstallation all = new ForgeInstallation("inst-1", events);
            assertThat(oneByOne).isEqualTo(all);
            assertThat(oneByOne.history()).isSortedAccordingTo(ForgeLifecycleEvent.HISTORY_ORDER);
            assertThat(oneByOne.currentVersion()).isEqualTo(events.stream()
                    .map(e -> e.app().version()).max(AppVersion::compareTo).orElseThrow());
        });
    }

    @Test
    void a_redelivery_counts_once_at_the_earliest_time_it_was_received() {
        ForgeLifecycleEvent first = installed("1.0.0", "acc-1", 10);
        ForgeLifecycleEvent again = installed("1.0.0", "acc-1", 5);

        ForgeInstallation installation = ForgeInstallation.of(first).with(again);

        assertThat(installation.history()).containsExactly(again);
        assertThat(installation.contains(installed("1.0.0", "acc-1", 99))).isTrue();
    }

    @Test
    void installer_upgrader_version_and_workspace_come_from_the_history() {
        ForgeLifecycleEvent upgraded = new ForgeLifecycleEvent(LifecycleKind.UPGRADED, "inst-1",
                new ForgeApp("app-1", new AppVersion("10.0.0"), Optional.of("App v10"), Optional.empty()),
                Optional.empty(), Optional.empty(), Optional.of("upgrader"), T0);

        ForgeInstallation installation = ForgeInstallation.of(upgraded).with(installed("9.0.0", "installer", 1));

        assertThat(installation.currentVersion()).isEqualTo(new AppVersion("10.0.0"));
        assertThat(installation.app().name()).contains("App v10");
        assertThat(installation.installerAccountId()).contains("installer");
        assertThat(installation.upgraderAccountId()).contains("upgrader");
        assertThat(installation.workspace()).contains(new WorkspaceId("cloud-1"));
    }

    @Test
    void an_installed_event_without_context_is_refused() {
        assertThatThrownBy(() -> new ForgeLifecycleEvent(LifecycleKind.INSTALLED, "inst-1",
                new ForgeApp("app-1", new AppVersion("1.0.0"), Optional.empty(), Optional.empty()),
                Optional.empty(), Optional.empty(), Optional.empty(), T0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("context"));
    }

    @Test
    void events_of_another_installation_are_refused() {
        ForgeLifecycleEvent other = new ForgeLifecycleEvent(LifecycleKind.INSTALLED, "inst-2",
                new ForgeApp("app-1", new AppVersion("1.0.0"), Optional.empty(), Optional.empty()),
                Optional.empty(), Optional.of(SITE), Optional.empty(), T0);

        assertThatThrownBy(() -> ForgeInstallation.of(installed("1.0.0", "a", 0)).with(other))
                .isInstanceOf(DomainException.class);
    }

    private static ForgeLifecycleEvent installed(String version, String account, int second) {
        return new ForgeLifecycleEvent(LifecycleKind.INSTALLED, "inst-1",
                new ForgeApp("app-1", new AppVersion(version), Optional.of("App"), Optional.empty()),
                Optional.empty(), Optional.of(SITE), Optional.of(account), T0.plusSeconds(second));
    }
}
