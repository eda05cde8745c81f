package dev.accessgate.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.accessgate.application.model.ConnectClient;
import dev.accessgate.application.port.out.ForgeInstallationStore;
import dev.accessgate.domain.installation.AppVersion;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.ForgeApp;
import dev.accessgate.domain.installation.ForgeInstallation;
import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import dev.accessgate.domain.installation.InstallationContext;
import dev.accessgate.domain.installation.LifecycleKind;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What every {@link dev.accessgate.application.port.out.ForgeInstallationStore} and
 * {@link dev.accessgate.application.port.out.ConnectInstallationStore} must do. Extend it with
 * a fresh store.
 */
public abstract class InstallationStoreContractTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123456789Z");
    private static final SharedSecret SECRET = new SharedSecret("first-shared-secret-0123456789abcdef");
    private static final SharedSecret OTHER_SECRET = new SharedSecret("second-shared-secret-0123456789abcdef");

    private InstallationStores stores;

    /** A new, empty store. */
    protected abstract InstallationStores newStores();

    @BeforeEach
    void freshStore() {
        stores = newStores();
    }

    // --- Forge ---------------------------------------------------------------------------

    @Test
    void a_first_lifecycle_event_creates_the_installation() {
        ForgeLifecycleEvent installed = installed("inst-1", "9.0.0", "installer", T0);

        ForgeInstallationStore.Outcome outcome = stores.forge().record(installed);

        assertThat(outcome.firstDelivery()).isTrue();
        assertThat(outcome.installation()).isEqualTo(ForgeInstallation.of(installed));
        assertThat(stores.forge().forgeInstallation("inst-1")).contains(ForgeInstallation.of(installed));
        assertThat(stores.forge().forgeInstallation("inst-2")).isEmpty();
    }

    @Test
    void a_redelivery_is_not_a_first_delivery_and_keeps_the_earliest_received_time() {
        stores.forge().record(installed("inst-1", "9.0.0", "installer", T0.plusSeconds(60)));

        ForgeInstallationStore.Outcome again = stores.forge().record(installed("inst-1", "9.0.0", "installer", T0));

        assertThat(again.firstDelivery()).isFalse();
        assertThat(stores.forge().forgeInstallation("inst-1").orElseThrow().history())
                .containsExactly(installed("inst-1", "9.0.0", "installer", T0));
    }

    @Test
    void an_upgrade_without_context_learns_its_workspace_from_the_install() {
        ForgeLifecycleEvent upgraded = new ForgeLifecycleEvent(LifecycleKind.UPGRADED, "inst-1",
                new ForgeApp("app", new AppVersion("10.0.0"), Optional.empty(), Optional.of("owner")),
                Optional.of("env"), Optional.empty(), Optional.of("upgrader"), T0);
        stores.forge().record(upgraded);
        assertThat(stores.forge().forgeInstallation("inst-1").orElseThrow().workspace()).isEmpty();

        stores.forge().record(installed("inst-1", "9.0.0", "installer", T0));

        ForgeInstallation installation = stores.forge().forgeInstallation("inst-1").orElseThrow();
        assertThat(installation.workspace()).contains(new WorkspaceId("cloud-inst-1"));
        assertThat(installation.currentVersion()).isEqualTo(new AppVersion("10.0.0"));
        assertThat(installation.upgraderAccountId()).contains("upgrader");
        assertThat(installation.installerAccountId()).contains("installer");
    }

    @Test
    void installations_are_listed_by_id() {
        stores.forge().record(installed("b", "1.0.0", "x", T0));
        stores.forge().record(installed("a", "1.0.0", "x", T0));

        assertThat(stores.forge().forgeInstallations()).extracting(ForgeInstallation::installationId)
                .containsExactly("a", "b");
    }

    @Test
    void the_store_agrees_with_the_domain_model_for_any_delivery_order() {
        AtomicInteger example = new AtomicInteger();
        Gen<ForgeLifecycleEvent> events = Generate.enumValues(LifecycleKind.class).zip(
                Generate.pick(List.of("1.0.0", "2.0.0", "10.0.0")), Generate.pick(List.of("a", "b", "")),
                integers().between(0, 3),
                (kind, version, account, n) -> new ForgeLifecycleEvent(kind, "i" + n,
                        new ForgeApp("app", new AppVersion(version), Optional.of("App " + version), Optional.empty()),
                        n % 2 == 0 ? Optional.of("env") : Optional.empty(),
                        kind == LifecycleKind.INSTALLED || n == 1 ? Optional.of(site("c" + n)) : Optional.empty(),
                        account.isEmpty() ? Optional.empty() : Optional.of(account), T0.plusSeconds(n)));
        qt().withExamples(40).forAll(lists().of(events).ofSizeBetween(1, 10), longs().all()).checkAssert((history, seed) -> {
            String tag = "x" + example.incrementAndGet() + "-";
            List<ForgeLifecycleEvent> tagged = history.stream().map(e -> new ForgeLifecycleEvent(e.kind(),
                    tag + e.installationId(), e.app(), e.environmentId(), e.context(), e.accountId(), e.receivedAt()))
                    .toList();
            Random random = new Random(seed);
            List<ForgeLifecycleEvent> delivered = new ArrayList<>(tagged);
            tagged.stream().filter(e -> random.nextBoolean()).forEach(delivered::add);
            Collections.shuffle(delivered, random);

            delivered.forEach(stores.forge()::record);

            tagged.stream().map(ForgeLifecycleEvent::installationId).distinct().forEach(id ->
                    assertThat(stores.forge().forgeInstallation(id)).contains(new ForgeInstallation(id,
                            tagged.stream().filter(e -> e.installationId().equals(id)).toList())));
        });
    }

    // --- Connect -------------------------------------------------------------------------

    @Test
    void a_new_client_is_saved_with_its_secret_and_a_revision() {
        ConnectInstallation installation = connect("client-1", "https://one.atlassian.net", "cloud-1", T0);

        OptionalLong revision = stores.connect().save(installation, SECRET, OptionalLong.empty());

        assertThat(revision).isPresent();
        ConnectClient client = stores.connect().client("client-1").orElseThrow();
        assertThat(client.installation()).isEqualTo(installation);
        assertThat(client.secret()).isEqualTo(SECRET);
        assertThat(client.revision()).isEqualTo(revision.getAsLong());
        assertThat(stores.connect().client("client-2")).isEmpty();
    }

    @Test
    void a_client_that_exists_is_not_saved_as_new() {
        stores.connect().save(connect("client-1", "https://one.atlassian.net", "cloud-1", T0), SECRET,
                OptionalLong.empty());

        OptionalLong again = stores.connect().save(connect("client-1", "https://evil.example", "cloud-x", T0),
                OTHER_SECRET, OptionalLong.empty());

        assertThat(again).isEmpty();
        assertThat(stores.connect().client("client-1").orElseThrow().secret()).isEqualTo(SECRET);
    }

    @Test
    void a_reinstall_at_the_current_revision_replaces_secret_and_attributes() {
        long first = stores.connect().save(connect("client-1", "https://one.atlassian.net", "cloud-1", T0), SECRET,
                OptionalLong.empty()).getAsLong();
        ConnectInstallation again = new ConnectInstallation("client-1", "app", SiteUrl.of("https://one.atlassian.net"),
                Optional.empty(), ConnectState.ENABLED, Map.of("productType", "confluence"), T0, T0.plusSeconds(5));

        OptionalLong second = stores.connect().save(again, OTHER_SECRET, OptionalLong.of(first));

        assertThat(second).isPresent();
        assertThat(second.getAsLong()).isNotEqualTo(first);
        ConnectClient client = stores.connect().client("client-1").orElseThrow();
        assertThat(client.installation()).isEqualTo(again);
        assertThat(client.secret()).isEqualTo(OTHER_SECRET);
    }

    @Test
    void a_reinstall_at_a_stale_revision_changes_nothing() {
        long first = stores.connect().save(connect("client-1", "https://one.atlassian.net", "cloud-1", T0), SECRET,
                OptionalLong.empty()).getAsLong();
        stores.connect().save(connect("client-1", "https://one.atlassian.net", "cloud-1", T0), OTHER_SECRET,
                OptionalLong.of(first));

        OptionalLong stale = stores.connect().save(connect("client-1", "https://two.atlassian.net", "cloud-2", T0),
                SECRET, OptionalLong.of(first));

        assertThat(stale).isEmpty();
        ConnectClient client = stores.connect().client("client-1").orElseThrow();
        assertThat(client.secret()).isEqualTo(OTHER_SECRET);
        assertThat(client.installation().cloudId()).contains(new WorkspaceId("cloud-1"));
    }

    @Test
    void a_state_change_keeps_the_secret_and_revision() {
        long revision = stores.connect().save(connect("client-1", "https://one.atlassian.net", "cloud-1", T0), SECRET,
                OptionalLong.empty()).getAsLong();

        assertThat(stores.connect().changeState("client-1", ConnectState.DISABLED, T0.plusSeconds(9))).isTrue();
        assertThat(stores.connect().changeState("nobody", ConnectState.DISABLED, T0)).isFalse();

        ConnectClient client = stores.connect().client("client-1").orElseThrow();
        assertThat(client.installation().state()).isEqualTo(ConnectState.DISABLED);
        assertThat(client.installation().updatedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(client.secret()).isEqualTo(SECRET);
        assertThat(client.revision()).isEqualTo(revision);
    }

    @Test
    void clients_are_listed_by_client_key() {
        stores.connect().save(connect("b", "https://b.atlassian.net", "cb", T0), SECRET, OptionalLong.empty());
        stores.connect().save(connect("a", "https://a.atlassian.net", "ca", T0), SECRET, OptionalLong.empty());

        assertThat(stores.connect().connectInstallations()).extracting(ConnectInstallation::clientKey)
                .containsExactly("a", "b");
    }

    @Test
    void attributes_of_any_text_round_trip() {
        Map<String, String> attributes = Map.of("description", "Jira — “cloud” \uD83D\uDE80", "serverVersion", "100",
                "empty", "");
        ConnectInstallation installation = new ConnectInstallation("c", "app", SiteUrl.of("https://x.atlassian.net"),
                Optional.empty(), ConnectState.INSTALLED, attributes, T0, T0);
        stores.connect().save(installation, SECRET, OptionalLong.empty());

        assertThat(stores.connect().client("c").orElseThrow().installation().attributes()).isEqualTo(attributes);
    }

    @Test
    void a_site_maps_to_the_cloud_id_its_installations_named() {
        stores.connect().save(connect("jira", "https://site.atlassian.net", "cloud-1", T0), SECRET,
                OptionalLong.empty());
        stores.connect().save(connect("wiki", "https://other.atlassian.net/wiki", "cloud-2", T0), SECRET,
                OptionalLong.empty());
        stores.connect().save(new ConnectInstallation("no-cloud", "app", SiteUrl.of("https://nocloud.atlassian.net"),
                Optional.empty(), ConnectState.INSTALLED, Map.of(), T0, T0), SECRET, OptionalLong.empty());

        assertThat(stores.connect().workspaceOf(SiteUrl.of("https://SITE.atlassian.net/")))
                .contains(new WorkspaceId("cloud-1"));
        assertThat(stores.connect().workspaceOf(SiteUrl.of("https://site.atlassian.net/wiki")))
                .contains(new WorkspaceId("cloud-1"));
        assertThat(stores.connect().workspaceOf(SiteUrl.of("https://other.atlassian.net")))
                .contains(new WorkspaceId("cloud-2"));
        assertThat(stores.connect().workspaceOf(SiteUrl.of("https://nocloud.atlassian.net"))).isEmpty();
        assertThat(stores.connect().workspaceOf(SiteUrl.of("https://unknown.atlassian.net"))).isEmpty();
    }

    @Test
    void when_installations_of_one_site_disagree_the_latest_updated_wins() {
        stores.connect().save(connect("old", "https://site.atlassian.net", "cloud-old", T0), SECRET,
                OptionalLong.empty());
        stores.connect().save(connect("new", "https://site.atlassian.net/wiki", "cloud-new", T0.plusSeconds(1)), SECRET,
                OptionalLong.empty());

        assertThat(stores.connect().workspaceOf(SiteUrl.of("https://site.atlassian.net")))
                .contains(new WorkspaceId("cloud-new"));
    }

    private static ConnectInstallation connect(String clientKey, String baseUrl, String cloudId, Instant at) {
        return new ConnectInstallation(clientKey, "app", SiteUrl.of(baseUrl), Optional.of(new WorkspaceId(cloudId)),
                ConnectState.INSTALLED, Map.of("productType", "jira", "eventType", "installed"), at, at);
    }

    private static ForgeLifecycleEvent installed(String id, String version, String account, Instant at) {
        return new ForgeLifecycleEvent(LifecycleKind.INSTALLED, id,
                new ForgeApp("app", new AppVersion(version), Optional.of("App"), Optional.empty()),
                Optional.empty(), Optional.of(site("cloud-" + id)), Optional.of(account), at);
    }

    private static InstallationContext site(String cloudId) {
        return InstallationContext.site("jira", new WorkspaceId(cloudId));
    }
}
