package dev.accessgate.adapters.http;

import dev.accessgate.adapters.http.security.ApiAccess;
import dev.accessgate.adapters.http.security.ConnectJwtVerifier;
import dev.accessgate.adapters.http.security.ForgeInvocationTokenVerifier;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.adapters.http.security.JwksInstallKeys;
import dev.accessgate.application.port.in.ListInstallationsUseCase;
import dev.accessgate.application.port.in.RecordForgeLifecycleUseCase;
import dev.accessgate.application.service.ConnectLifecycleService;
import dev.accessgate.application.service.ForgeLifecycleService;
import dev.accessgate.application.service.InstallationQueryService;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Installations and authentication for the HTTP tests: the in-memory store, keys made at
 * start-up, a known API token. Switches: {@code test.connect.allow-unsigned},
 * {@code test.api.open}, {@code test.forge.enabled}.
 */
@Factory
public class SecurityTestBeans {

    public static final String API_TOKEN = "test-api-token-0123456789";
    /** The app's base URL: installs are issued for it (aud); its path is not part of qsh paths. */
    static final String BASE_URL = "https://gateway.example.com/app";
    static final String FORGE_APP_ID = "ari:cloud:ecosystem::app/00000000-test-app";
    static final Duration LEEWAY = Duration.ofSeconds(30);

    @Singleton
    InMemoryInstallationStore installationStore() {
        return new InMemoryInstallationStore();
    }

    @Singleton
    ConnectLifecycleService connectLifecycle(InMemoryInstallationStore store, Clock clock,
                                             @Value("${test.connect.allow-unsigned:false}") boolean allowUnsigned) {
        return new ConnectLifecycleService(store, clock, allowUnsigned);
    }

    @Singleton
    RecordForgeLifecycleUseCase forgeLifecycle(InMemoryInstallationStore store) {
        return new ForgeLifecycleService(store);
    }

    @Singleton
    ListInstallationsUseCase installations(InMemoryInstallationStore store) {
        return new InstallationQueryService(store, store);
    }

    @Singleton
    ApiAccess apiAccess(@Value("${test.api.open:false}") boolean open) {
        return open ? ApiAccess.open() : ApiAccess.token(API_TOKEN);
    }

    @Singleton
    ConnectJwtVerifier connectJwtVerifier(ConnectLifecycleService clients, Clock clock) {
        return new ConnectJwtVerifier(clients, clock, LEEWAY, InstallTokenVerifier.basePathOf(BASE_URL));
    }

    @Singleton
    InstallTokenVerifier installTokenVerifier(Clock clock) {
        return new InstallTokenVerifier(new JwksInstallKeys(TestKeys.jwks(TestKeys.INSTALL)), BASE_URL, clock, LEEWAY);
    }

    @Singleton
    ForgeInvocationTokenVerifier forgeInvocationTokenVerifier(Clock clock,
                                                              @Value("${test.forge.enabled:false}") boolean enabled) {
        return enabled ? ForgeInvocationTokenVerifier.of(TestKeys.jwks(TestKeys.FORGE), FORGE_APP_ID, clock, LEEWAY)
                : ForgeInvocationTokenVerifier.disabled();
    }
}
