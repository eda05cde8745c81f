package dev.accessgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.port.in.ConnectAuthority;
import dev.accessgate.application.port.in.ConnectInstallCommand;
import dev.accessgate.application.port.in.ConnectLifecycleUseCase.Result;
import dev.accessgate.application.port.in.ConnectStateCommand;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may install, reinstall and change the state of a Connect client. */
class ConnectLifecycleServiceTest {

    private static final SharedSecret OLD = new SharedSecret("old-shared-secret-0123456789abcdefgh");
    private static final SharedSecret NEW = new SharedSecret("new-shared-secret-0123456789abcdefgh");
    private static final ConnectAuthority UNSIGNED = new ConnectAuthority.Unsigned();

    private final InMemoryInstallationStore store = new InMemoryInstallationStore();
    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final ConnectLifecycleService production = new ConnectLifecycleService(store, clock, false);
    private final ConnectLifecycleService development = new ConnectLifecycleService(store, clock, true);

    @Test
    void an_install_token_for_the_client_installs_and_reinstalls_it() {
        Result first = production.installed(install("c1", OLD), new ConnectAuthority.InstallToken("c1"));
        Result again = production.installed(install("c1", NEW), new ConnectAuthority.InstallToken("c1"));

        assertThat(first).isInstanceOfSatisfying(Result.Done.class, d -> assertThat(d.reinstall()).isFalse());
        assertThat(again).isInstanceOfSatisfying(Result.Done.class, d -> assertThat(d.reinstall()).isTrue());
        assertThat(store.client("c1").orElseThrow().secret()).isEqualTo(NEW);
    }

    @Test
    void an_install_token_for_another_client_is_refused() {
        assertThat(production.installed(install("c1", OLD), new ConnectAuthority.InstallToken("c2")))
                .isInstanceOf(Result.Refused.class);
        assertThat(store.client("c1")).isEmpty();
    }

    @Test
    void without_unsigned_installs_only_an_install_token_installs() {
        assertThat(production.installed(install("c1", OLD), UNSIGNED)).isInstanceOf(Result.Refused.class);
        development.installed(install("c1", OLD), UNSIGNED);
        long revision = store.client("c1").orElseThrow().revision();

        assertThat(production.installed(install("c1", NEW), new ConnectAuthority.SharedSecretToken("c1", revision)))
                .isInstanceOf(Result.Refused.class);
        assertThat(store.client("c1").orElseThrow().secret()).isEqualTo(OLD);
    }

    @Test
    void with_unsigned_installs_a_first_install_may_be_unsigned_but_a_reinstall_may_not() {
        assertThat(development.installed(install("c1", OLD), UNSIGNED)).isInstanceOf(Result.Done.class);

        assertThat(development.installed(install("c1", NEW), UNSIGNED)).isInstanceOf(Result.Refused.class);
        assertThat(store.client("c1").orElseThrow().secret()).isEqualTo(OLD);
    }

    @Test
    void with_unsigned_installs_a_reinstall_signed_by_the_current_secret_replaces_it() {
        development.installed(install("c1", OLD), UNSIGNED);
        long revision = store.client("c1").orElseThrow().revision();

        Result result = development.installed(install("c1", NEW), new ConnectAuthority.SharedSecretToken("c1", revision));

        assertThat(result).isInstanceOf(Result.Done.class);
        assertThat(store.client("c1").orElseThrow().secret()).isEqualTo(NEW);
        // The old secret's proof is spent: it no longer matches the stored revision.
        assertThat(development.installed(install("c1", OLD), new ConnectAuthority.SharedSecretToken("c1", revision)))
                .isInstanceOf(Result.Refused.class);
        assertThat(store.client("c1").orElseThrow().secret()).isEqualTo(NEW);
    }

    @Test
    void state_changes_need_a_proof_for_the_same_client() {
        production.installed(install("c1", OLD), new ConnectAuthority.InstallToken("c1"));
        long revision = store.client("c1").orElseThrow().revision();

        assertThat(production.changeState(new ConnectStateCommand("c1", ConnectState.ENABLED), UNSIGNED))
                .isInstanceOf(Result.Refused.class);
        assertThat(production.changeState(new ConnectStateCommand("c1", ConnectState.ENABLED),
                new ConnectAuthority.SharedSecretToken("c2", revision))).isInstanceOf(Result.Refused.class);
        assertThat(store.client("c1").orElseThrow().installation().state()).isEqualTo(ConnectState.INSTALLED);

        assertThat(production.changeState(new ConnectStateCommand("c1", ConnectState.ENABLED),
                new ConnectAuthority.SharedSecretToken("c1", revision))).isInstanceOf(Result.Done.class);
        assertThat(store.client("c1").orElseThrow().installation().state()).isEqualTo(ConnectState.ENABLED);
    }

    @Test
    void a_reinstall_keeps_enabled_and_an_uninstalled_client_cannot_be_enabled() {
        production.installed(install("c1", OLD), new ConnectAuthority.InstallToken("c1"));
        production.changeState(new ConnectStateCommand("c1", ConnectState.ENABLED), new ConnectAuthority.InstallToken("c1"));
        production.installed(install("c1", NEW), new ConnectAuthority.InstallToken("c1"));
        assertThat(store.client("c1").orElseThrow().installation().state()).isEqualTo(ConnectState.ENABLED);

        production.changeState(new ConnectStateCommand("c1", ConnectState.UNINSTALLED),
                new ConnectAuthority.InstallToken("c1"));

        assertThat(production.changeState(new ConnectStateCommand("c1", ConnectState.ENABLED),
                new ConnectAuthority.InstallToken("c1"))).isInstanceOf(Result.Conflict.class);
        assertThat(production.installed(install("c1", OLD), new ConnectAuthority.InstallToken("c1")))
                .isInstanceOf(Result.Done.class);
        assertThat(store.client("c1").orElseThrow().installation().state()).isEqualTo(ConnectState.INSTALLED);
    }

    @Test
    void a_state_change_for_an_unknown_client_says_so() {
        assertThat(production.changeState(new ConnectStateCommand("nobody", ConnectState.DISABLED),
                new ConnectAuthority.InstallToken("nobody"))).isEqualTo(new Result.UnknownClient("nobody"));
    }

    private static ConnectInstallCommand install(String clientKey, SharedSecret secret) {
        return new ConnectInstallCommand(clientKey, "app", SiteUrl.of("https://x.atlassian.net"),
                Optional.of(new WorkspaceId("cloud-1")), secret, Map.of("productType", "jira"));
    }
}
