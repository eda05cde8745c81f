package dev.accessgate.app;

import dev.accessgate.adapters.http.security.ApiAccess;
import dev.accessgate.adapters.http.security.AtlassianInstallKeys;
import dev.accessgate.adapters.http.security.ConnectJwtVerifier;
import dev.accessgate.adapters.http.security.ForgeInvocationTokenVerifier;
import dev.accessgate.adapters.http.security.InstallKeys;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.adapters.http.security.JwksInstallKeys;
import dev.accessgate.adapters.persistence.sqlite.SecretSealer;
import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import dev.accessgate.adapters.persistence.sqlite.SqliteInstallationStore;
import dev.accessgate.application.port.in.ListInstallationsUseCase;
import dev.accessgate.application.port.in.RecordForgeLifecycleUseCase;
import dev.accessgate.application.service.ConnectLifecycleService;
import dev.accessgate.application.service.ForgeLifecycleService;
import dev.accessgate.application.service.InstallationQueryService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installations and authentication (issue 5's classes), wired into the app so that the Connect
 * callbacks, the Connect JWTs of migration webhooks and the API token work end to end. Settings:
 * {@code ACCESSGATE_API_TOKEN}, {@code ACCESSGATE_API_OPEN}, {@code ACCESSGATE_BASE_URL},
 * {@code ACCESSGATE_CONNECT_INSTALL_JWKS}, {@code ACCESSGATE_CONNECT_ALLOW_UNSIGNED_INSTALLS},
 * {@code ACCESSGATE_SECRET_KEY} (application.yml). Forge Invocation Tokens are not checked here
 * (not configured yet).
 */
@Factory
final class SecurityFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFactory.class);
    static final Duration JWT_LEEWAY = Duration.ofSeconds(30);

    @Singleton
    SqliteInstallationStore installationStore(SqliteDatabase db, @Value("${accessgate.secret-key:}") String secretKey) {
        SecretSealer sealer;
        if (secretKey.isBlank()) {
            LOG.warn("ACCESSGATE_SECRET_KEY is not set: Connect shared secrets are stored unencrypted");
            sealer = SecretSealer.plain();
        } else {
            sealer = SecretSealer.aesGcm(secretKey);
        }
        return new SqliteInstallationStore(db, sealer);
    }

    @Singleton
    ConnectLifecycleService connectLifecycle(SqliteInstallationStore store, Clock clock,
                                             @Value("${accessgate.connect.allow-unsigned-installs:false}")
                                             boolean allowUnsigned) {
        if (allowUnsigned) {
            LOG.warn("unsigned Connect installs are accepted (ACCESSGATE_CONNECT_ALLOW_UNSIGNED_INSTALLS): "
                    + "local development only");
        }
        return new ConnectLifecycleService(store, clock, allowUnsigned);
    }

    @Singleton
    RecordForgeLifecycleUseCase forgeLifecycle(SqliteInstallationStore store) {
        return new ForgeLifecycleService(store);
    }

    @Singleton
    ListInstallationsUseCase installations(SqliteInstallationStore store) {
        return new InstallationQueryService(store, store);
    }

    @Singleton
    ApiAccess apiAccess(@Value("${accessgate.api-token:}") String token, @Value("${accessgate.api-open:false}") boolean open) {
        if (open) {
            LOG.warn("the /v1 API is open to anyone (ACCESSGATE_API_OPEN): local development only");
            return ApiAccess.open();
        }
        if (token.isBlank()) {
            LOG.warn("ACCESSGATE_API_TOKEN is not set: the /v1 API refuses every request");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return ApiAccess.token(Base64.getEncoder().encodeToString(random));
        }
        return ApiAccess.token(token);
    }

    @Singleton
    ConnectJwtVerifier connectJwtVerifier(ConnectLifecycleService clients, Clock clock,
                                          @Value("${accessgate.base-url}") String baseUrl) {
        return new ConnectJwtVerifier(clients, clock, JWT_LEEWAY, InstallTokenVerifier.basePathOf(baseUrl));
    }

    @Singleton
    InstallTokenVerifier installTokenVerifier(Clock clock, @Value("${accessgate.base-url}") String baseUrl,
                                              @Value("${accessgate.connect.install-jwks:}") String jwks) {
        InstallKeys keys = jwks.isBlank()
                ? new AtlassianInstallKeys(AtlassianInstallKeys.DEFAULT_BASE, Duration.ofSeconds(5), Duration.ofHours(1),
                        clock)
                : JwksInstallKeys.load(Path.of(jwks));
        return new InstallTokenVerifier(keys, baseUrl, clock, JWT_LEEWAY);
    }

    @Singleton
    ForgeInvocationTokenVerifier forgeInvocationTokenVerifier() {
        return ForgeInvocationTokenVerifier.disabled();
    }
}
