package dev.accessgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.port.in.RegisterMigrationWebhookUseCase.Attempt;
import dev.accessgate.application.port.in.RegisterMigrationWebhookUseCase.Result;
import dev.accessgate.application.port.out.MigrationWebhookApi;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MigrationWebhookRegistrationServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final SharedSecret SECRET = new SharedSecret("a-shared-secret-of-at-least-32-bytes!");
    private static final List<String> ENDPOINTS = List.of("https://gateway.example.com/migration/events");

    /** A Notification API that answers from a script, and remembers what it was sent. */
    private static final class ScriptedApi implements MigrationWebhookApi {
        final Deque<Reply> puts = new ArrayDeque<>();
        final Deque<Reply> gets = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Reply put(Target target, List<String> endpoints) {
            calls.add("PUT " + target.baseUrl().value() + " as " + target.appKey() + " " + endpoints);
            return puts.isEmpty() ? new Reply.Ok(List.of()) : puts.poll();
        }

        @Override
        public Reply get(Target target) {
            calls.add("GET " + target.baseUrl().value());
            return gets.isEmpty() ? new Reply.Ok(ENDPOINTS) : gets.poll();
        }
    }

    /** Runs nothing by itself: the test runs what was scheduled, and sees the delays. */
    private final List<Map.Entry<Duration, Runnable>> scheduled = new ArrayList<>();
    private final List<Attempt> reported = new ArrayList<>();
    private final InMemoryInstallationStore clients = new InMemoryInstallationStore();
    private final ScriptedApi api = new ScriptedApi();

    private MigrationWebhookRegistrationService service(boolean enabled) {
        return new MigrationWebhookRegistrationService(clients, api, ENDPOINTS, enabled,
                (delay, task) -> scheduled.add(Map.entry(delay, task)),
                List.of(Duration.ofSeconds(30), Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC), reported::add);
    }

    private void install(String clientKey, ConnectState state) {
        clients.save(new ConnectInstallation(clientKey, "my-app", SiteUrl.of("https://site.atlassian.net/wiki"),
                Optional.empty(), state, Map.of(), NOW, NOW), SECRET, OptionalLong.empty());
    }

    private void runScheduled() {
        List<Map.Entry<Duration, Runnable>> now = new ArrayList<>(scheduled);
        scheduled.clear();
        now.forEach(task -> task.getValue().run());
    }

    @Test
    void an_enabled_client_is_registered_in_the_background_and_confirmed() {
        install("c1", ConnectState.ENABLED);
        MigrationWebhookRegistrationService service = service(true);

        service.clientEnabled("c1");
        assertThat(api.calls).isEmpty();
        runScheduled();

        assertThat(api.calls).containsExactly(
                "PUT https://site.atlassian.net/wiki as my-app " + ENDPOINTS, "GET https://site.atlassian.net/wiki");
        assertThat(reported).singleElement().satisfies(a -> {
            assertThat(a.result()).isEqualTo(new Result.Registered(ENDPOINTS));
            assertThat(a.nextRetryIn()).isEmpty();
        });
        assertThat(service.registrations()).hasSize(1);
    }

    @Test
    void retryable_failures_are_tried_again_after_each_delay_and_then_given_up() {
        install("c1", ConnectState.ENABLED);
        MigrationWebhookRegistrationService service = service(true);
        for (int i = 0; i < 3; i++) {
            api.puts.add(new MigrationWebhookApi.Reply.Failed("HTTP 503", true));
        }

        service.clientEnabled("c1");
        runScheduled();
        assertThat(scheduled).extracting(Map.Entry::getKey).containsExactly(Duration.ofSeconds(30));
        runScheduled();
        assertThat(scheduled).extracting(Map.Entry::getKey).containsExactly(Duration.ofMinutes(5));
        runScheduled();

        assertThat(scheduled).isEmpty();
        assertThat(reported).extracting(Attempt::number).containsExactly(1, 2, 3);
        assertThat(reported.get(2).result()).isEqualTo(new Result.Failed("PUT: HTTP 503", true));
        assertThat(reported.get(2).nextRetryIn()).isEmpty();
    }

    @Test
    void a_get_that_does_not_list_our_endpoints_is_a_failure_and_is_retried() {
        install("c1", ConnectState.ENABLED);
        MigrationWebhookRegistrationService service = service(true);
        api.gets.add(new MigrationWebhookApi.Reply.Ok(List.of("https://someone-else.example.com/hook")));

        service.clientEnabled("c1");
        runScheduled();
        runScheduled();

        assertThat(reported).extracting(Attempt::result).satisfiesExactly(
                first -> assertThat(first).isInstanceOf(Result.Failed.class),
                second -> assertThat(second).isEqualTo(new Result.Registered(ENDPOINTS)));
    }

    @Test
    void a_refusal_is_not_retried_and_a_client_no_longer_enabled_is_skipped() {
        install("c1", ConnectState.ENABLED);
        install("c2", ConnectState.DISABLED);
        MigrationWebhookRegistrationService service = service(true);
        api.puts.add(new MigrationWebhookApi.Reply.Failed("HTTP 401", false));

        service.clientEnabled("c1");
        service.clientEnabled("c2");
        service.clientEnabled("unknown");
        runScheduled();

        assertThat(scheduled).isEmpty();
        assertThat(reported).extracting(Attempt::result).satisfiesExactly(
                r -> assertThat(r).isEqualTo(new Result.Failed("PUT: HTTP 401", false)),
                r -> assertThat(r).isInstanceOf(Result.Skipped.class),
                r -> assertThat(r).isInstanceOf(Result.Skipped.class));
    }

    @Test
    void when_switched_off_nothing_is_scheduled_and_switched_on_it_needs_absolute_endpoints() {
        service(false).clientEnabled("c1");
        assertThat(scheduled).isEmpty();

        assertThatThrownBy(() -> new MigrationWebhookRegistrationService(clients, api, List.of(), true,
                (d, t) -> { }, List.of(), Clock.systemUTC(), a -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MigrationWebhookRegistrationService(clients, api, List.of("/migration/events"),
                true, (d, t) -> { }, List.of(), Clock.systemUTC(), a -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
