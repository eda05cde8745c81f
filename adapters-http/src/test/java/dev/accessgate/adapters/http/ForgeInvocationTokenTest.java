package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.accessgate.adapters.http.security.ForgeInvocationTokenVerifier;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.policy.EventId;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** With Forge Invocation Tokens configured, POST /events needs a valid one. */
@MicronautTest
@Property(name = "test.forge.enabled", value = "true")
class ForgeInvocationTokenTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryPolicyStore events;

    private static JWTClaimsSet.Builder fit(Instant now) {
        return new JWTClaimsSet.Builder().issuer(ForgeInvocationTokenVerifier.ISSUER)
                .audience(SecurityTestBeans.FORGE_APP_ID).issueTime(Date.from(now.minusSeconds(1)))
                .notBeforeTime(Date.from(now.minusSeconds(1))).expirationTime(Date.from(now.plusSeconds(60)))
                .claim("app", java.util.Map.of("id", SecurityTestBeans.FORGE_APP_ID));
    }

    private HttpDriver.Reply post(String id, String authorization) {
        String event = Fixtures.text(Fixtures.OBJECTS_V2).replace("7a6796c0-746d-4504-92cd-819eca234306", id);
        HttpDriver http = new HttpDriver(server.getURL(), json);
        return authorization == null ? http.post("/events", "application/cloudevents+json", event)
                : http.post("/events", "application/cloudevents+json", event.getBytes(), "Authorization", authorization);
    }

    @Test
    void a_valid_token_is_let_through() {
        HttpDriver.Reply reply = post("fit-ok", "Bearer " + TestKeys.rs256(TestKeys.FORGE, fit(TestBeans.NOW).build()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(events.find(new EventId("fit-ok"))).isPresent();
    }

    @Test
    void a_missing_or_invalid_token_is_401_and_the_event_is_not_stored() {
        Instant now = TestBeans.NOW;
        String[] refused = {
            null,
            "Bearer not-a-token",
            "Bearer " + TestKeys.rs256(TestKeys.INSTALL, fit(now).build()),
            "Bearer " + TestKeys.rs256(TestKeys.FORGE, fit(now).audience("ari:cloud:ecosystem::app/another").build()),
            "Bearer " + TestKeys.rs256(TestKeys.FORGE, fit(now).issuer("someone").build()),
            "Bearer " + TestKeys.rs256(TestKeys.FORGE, fit(now.minusSeconds(3600)).build()),
            "Bearer " + TestKeys.rs256(TestKeys.FORGE, fit(now.plusSeconds(600)).build()),
            "Bearer " + TestKeys.hs256("a-shared-secret-that-is-long-enough-0123", fit(now).build()),
            "JWT " + TestKeys.rs256(TestKeys.FORGE, fit(now).build()),
        };
        for (int i = 0; i < refused.length; i++) {
            HttpDriver.Reply reply = post("fit-refused-" + i, refused[i]);
            assertThat(reply.status()).as("case %d", i).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"accessgate\"");
        }
        for (int i = 0; i < refused.length; i++) {
            assertThat(events.find(new EventId("fit-refused-" + i))).isEmpty();
        }
    }
}
