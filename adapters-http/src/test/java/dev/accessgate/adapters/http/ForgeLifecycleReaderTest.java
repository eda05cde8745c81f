package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.adapters.http.installation.ForgeLifecycleReader;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.application.port.in.RecordForgeLifecycleCommand;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import dev.accessgate.domain.installation.LifecycleKind;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForgeLifecycleReaderTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) JsonTreeReader.read(text.getBytes());
    }

    @Test
    void the_documented_installed_payload_reads_completely() {
        ForgeLifecycleEvent event = ForgeLifecycleReader.read("avi:forge:installed:app",
                json(Fixtures.text("lifecycle-installed.json")), AT).event();

        assertThat(event.kind()).isEqualTo(LifecycleKind.INSTALLED);
        assertThat(event.installationId()).isEqualTo("fff8e466-31f4-4c73-a337-c3309dd930dc");
        assertThat(event.accountId()).contains("4ad9aa0c52dc1b420a791d12");
        assertThat(event.app().id()).isEqualTo("406d303d-0393-4ec4-ad7c-1435be94583a");
        assertThat(event.app().version().value()).isEqualTo("9.0.0");
        assertThat(event.app().name()).contains("My App Name");
        assertThat(event.app().ownerAccountId()).contains("3bc8aa0c52dc1b310a791d34");
        assertThat(event.environmentId()).contains("23863033-1de4-4ebf-b30d-c906264a1e92");
        assertThat(event.context().flatMap(c -> c.workspace())).contains(
                new WorkspaceId("c821c30c-a2ad-47d7-b742-9fed48cfd6b9"));
        assertThat(event.receivedAt()).isEqualTo(AT);
    }

    @Test
    void the_documented_upgraded_payload_reads_with_the_upgrader_and_may_lack_context() {
        RecordForgeLifecycleCommand command = ForgeLifecycleReader.read("avi:forge:upgraded:app",
                json(Fixtures.text("lifecycle-upgraded.json")), AT);
        assertThat(command.event().kind()).isEqualTo(LifecycleKind.UPGRADED);
        assertThat(command.event().accountId()).contains("4ad9aa0c52dc1b420a791d12");

        ForgeLifecycleEvent noContext = ForgeLifecycleReader.read("avi:forge:upgraded:app",
                json("{\"id\":\"i\",\"app\":{\"id\":\"a\",\"version\":\"2.0.0\"}}"), AT).event();
        assertThat(noContext.context()).isEmpty();
        assertThat(noContext.environmentId()).isEmpty();
    }

    @Test
    void every_problem_is_reported_at_once_with_pointers_under_the_given_prefix() {
        assertThatThrownBy(() -> ForgeLifecycleReader.read("avi:forge:installed:app",
                json("{\"id\":5,\"app\":{\"version\":[]},\"environment\":{},\"context\":\"ari:cloud:jira::site\","
                        + "\"installerAccountId\":\"\"}"), "/data", AT))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.INVALID_EVENT);
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder("/data/id",
                            "/data/app/id", "/data/app/version", "/data/environment/id", "/data/context",
                            "/data/installerAccountId");
                });
    }

    @Test
    void an_installed_event_needs_app_and_context() {
        assertThatThrownBy(() -> ForgeLifecycleReader.read("avi:forge:installed:app", json("{\"id\":\"i\",\"app\":3}"), AT))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer).containsExactlyInAnyOrder("/app", "/context"));
    }

    @Test
    void the_lifecycle_types_are_exposed_and_others_are_not_read() {
        assertThat(ForgeLifecycleReader.TYPES).isEqualTo(Set.of("avi:forge:installed:app", "avi:forge:upgraded:app"));
        assertThatThrownBy(() -> ForgeLifecycleReader.read("avi:jira:created:issue", json("{}"), AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
