package dev.accessgate.adapters.http.connect;

import dev.accessgate.adapters.http.fuzz.FuzzRun;
import dev.accessgate.adapters.http.fuzz.JsonMutator;
import dev.accessgate.application.port.in.ConnectAuthority;
import dev.accessgate.application.port.in.ConnectInstallCommand;
import dev.accessgate.application.port.in.ConnectStateCommand;
import dev.accessgate.application.service.ConnectLifecycleService;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import dev.accessgate.domain.installation.ConnectState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the Connect lifecycle payloads (installed, uninstalled, enabled, disabled) and of
 * applying what is accepted to the in-memory installation store. As for migrations, the JWT in
 * front is not what is fuzzed: the payload is read only once the request is authenticated.
 */
class ConnectPayloadFuzzTest {

    private static final int SLICE = 15_000;
    private static final List<String> EVENT_TYPES = List.of("installed", "uninstalled", "enabled", "disabled");

    @Test
    void hostile_lifecycle_payloads_are_accepted_or_refused_with_a_4xx() {
        FuzzRun run = new FuzzRun("connect", 9_003L, SLICE);
        JsonMutator mutator = new JsonMutator(run.seed(), List.of(
                ("{\"key\":\"my-app\",\"clientKey\":\"c-1\",\"sharedSecret\":\"s3cr3t-0123456789abcdef0123456789\","
                        + "\"baseUrl\":\"https://site.atlassian.net\",\"cloudId\":\"abc\",\"eventType\":\"installed\","
                        + "\"productType\":\"jira\",\"serverVersion\":100,\"pluginsVersion\":\"1.0\"}")
                        .getBytes(StandardCharsets.UTF_8),
                "{\"key\":\"my-app\",\"clientKey\":\"c-1\",\"baseUrl\":\"https://site.atlassian.net\",\"eventType\":\"enabled\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        ConnectLifecycleService lifecycle = new ConnectLifecycleService(new InMemoryInstallationStore(),
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), true);
        for (int i = 0; i < run.inputs(); i++) {
            byte[] body = mutator.next();
            String eventType = EVENT_TYPES.get(i % EVENT_TYPES.size());
            run.check(i, () -> eventType + " " + FuzzRun.show(body), () -> {
                ConnectPayloadReader payload = ConnectPayloadReader.of(body, eventType);
                if (eventType.equals("installed")) {
                    ConnectInstallCommand command = payload.install();
                    lifecycle.installed(command, new ConnectAuthority.InstallToken(command.clientKey()));
                } else {
                    String clientKey = payload.clientKey();
                    lifecycle.changeState(new ConnectStateCommand(clientKey, ConnectState.valueOf(
                            eventType.toUpperCase(java.util.Locale.ROOT))), new ConnectAuthority.InstallToken(clientKey));
                }
            });
        }
        run.finish();
    }
}
