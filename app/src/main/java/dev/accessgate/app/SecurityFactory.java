package dev.accessgate.app;

import dev.accessgate.adapters.http.security.ApiAccess;
import dev.accessgate.adapters.http.security.AtlassianInstallKeys;
import dev.accessgate.adapters.http.security.ConnectJwtVerifier;
import dev.accessgate.adapters.http.security.ForgeInvocationTokenVerifier;
import dev.accessgate.adapters.http.security.InstallKeys;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.adapters.http.security.Jwks;
import dev.accessgate.adapters.http.security.JwksInstallKeys;
import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.sqlite.SecretSealer;
import dev.accessgate.adapters.persistence.sqlite.SqliteInstallationStore;
import dev.accessgate.application.port.in.ListInstallationsUseCase;
import dev.accessgate.application.port.in.RecordForgeLifecycleUseCase;
import dev.accessgate.application.service.ConnectLifecycleService;
import dev.accessgate.application.service.ForgeLifecycleService;
import dev.accessgate.application.service.InstallationQueryService;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installations and request authentication. Everything that decides how requests are
 * authenticated is created at start-up ({@link Context}), so a bad setting stops the
 * service at once and every relaxed setting is announced with a warning. No secret or
 * token is ever logged; only where the generated API token file is.
 */
@Factory
final class SecurityFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFactory.class);

    @Context
    SecretSealer secretSealer(SecuritySettings settings) {
        if (settings.getSecretKey().isBlank()) {
            LOG.warn("ACCESSGATE_SECRET_KEY is not set: Connect shared secrets are stored unencrypted in the database;"
                    + " set a base64 AES key (openssl rand -base64 32) for production");
            return SecretSealer.plain();
        }
        try {
            return SecretSealer.aesGcm(settings.getSecretKey());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ACCESSGATE_SECRET_KEY: " + e.getMessage()
                    + " (expected the base64 of a 16, 24 or 32-byte AES key)");
        }
    }

    @Singleton
    SqliteInstallationStore installationStore(Database db, SecretSealer sealer) {
        return new SqliteInstallationStore(db, sealer);
    }

    @Context
    ConnectLifecycleService connectLifecycle(SqliteInstallationStore store, Clock clock, ConnectSettings connect) {
        if (connect.isAllowUnsignedInstalls()) {
            LOG.warn("ACCESSGATE_CONNECT_ALLOW_UNSIGNED_INSTALLS is on: a first Connect install is accepted without"
                    + " an Atlassian install token; local development only");
        }
        return new ConnectLifecycleService(store, clock, connect.isAllowUnsignedInstalls());
    }

    @Singleton
    RecordForgeLifecycleUseCase forgeLifecycle(SqliteInstallationStore store) {
        return new ForgeLifecycleService(store);
    }

    @Singleton
    ListInstallationsUseCase installations(SqliteInstallationStore store) {
        return new InstallationQueryService(store, store);
    }

    @Context
    ApiAccess apiAccess(SecuritySettings settings, StorageSettings storage) {
        if (settings.isApiAuthDisabled()) {
            LOG.warn("ACCESSGATE_API_AUTH_DISABLED is on: the query and admin API (/v1) needs no token;"
                    + " local development only");
            return ApiAccess.open();
        }
        if (!settings.getApiToken().isBlank()) {
            return token(settings.getApiToken(), "ACCESSGATE_API_TOKEN");
        }
        Path file = settings.getApiTokenFile().isBlank()
                ? Path.of(storage.getDb()).toAbsolutePath().normalize().resolveSibling("accessgate.token")
                : Path.of(settings.getApiTokenFile()).toAbsolutePath().normalize();
        if (!storage.getDatabaseUrl().isBlank()) {
            LOG.warn("Instances sharing a database each read their own token file; give them all one"
                    + " ACCESSGATE_API_TOKEN (docs/scaling.md)");
        }
        ApiTokenFile.Token token = ApiTokenFile.readOrCreate(file);
        LOG.info("API token {} {} (owner-only); send it as Authorization: Bearer <token>, or set ACCESSGATE_API_TOKEN",
                token.created() ? "generated into" : "read from", file);
        return token(token.value(), file.toString());
    }

    private static ApiAccess token(String token, String source) {
        try {
            return ApiAccess.token(token);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + ": " + e.getMessage());
        }
    }

    @Context
    InstallKeys installKeys(ConnectSettings connect, Clock clock) {
        if (!connect.getInstallJwks().isBlank()) {
            Path file = Path.of(connect.getInstallJwks());
            LOG.info("Connect install tokens are verified against the keys in {}", file.toAbsolutePath());
            try {
                return JwksInstallKeys.load(file);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("ACCESSGATE_CONNECT_INSTALL_JWKS: " + e.getMessage());
            }
        }
        return new AtlassianInstallKeys(URI.create(connect.getInstallKeysUrl()), connect.getInstallKeysTimeout(),
                connect.getInstallKeysCacheTtl(), clock);
    }

    @Context
    InstallTokenVerifier installTokenVerifier(InstallKeys keys, @Value("${accessgate.base-url}") String baseUrl,
                                              Clock clock, SecuritySettings settings) {
        return new InstallTokenVerifier(keys, checkedBaseUrl(baseUrl), clock, settings.getJwtLeeway());
    }

    @Context
    ConnectJwtVerifier connectJwtVerifier(ConnectLifecycleService clients, @Value("${accessgate.base-url}") String baseUrl,
                                          Clock clock, SecuritySettings settings) {
        return new ConnectJwtVerifier(clients, clock, settings.getJwtLeeway(),
                InstallTokenVerifier.basePathOf(checkedBaseUrl(baseUrl)));
    }

    private static String checkedBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ACCESSGATE_BASE_URL is not a URL: " + baseUrl);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null
                || uri.getRawQuery() != null) {
            throw new ConfigurationException("ACCESSGATE_BASE_URL must be an absolute http(s) URL without query: "
                    + baseUrl);
        }
        return baseUrl.strip();
    }

    @Context
    ForgeInvocationTokenVerifier forgeInvocationTokens(ForgeSettings forge, Clock clock, SecuritySettings settings) {
        boolean appId = !forge.getAppId().isBlank();
        boolean jwks = !forge.getJwks().isBlank();
        if (appId != jwks) {
            throw new ConfigurationException("Forge Invocation Tokens need both ACCESSGATE_FORGE_APP_ID and"
                    + " ACCESSGATE_FORGE_JWKS (or neither)");
        }
        if (!appId) {
            return ForgeInvocationTokenVerifier.disabled();
        }
        try {
            ForgeInvocationTokenVerifier verifier = ForgeInvocationTokenVerifier.of(Jwks.load(Path.of(forge.getJwks())),
                    forge.getAppId(), clock, settings.getJwtLeeway());
            LOG.info("POST /events requires a Forge Invocation Token for app {}", forge.getAppId());
            return verifier;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ACCESSGATE_FORGE_JWKS: " + e.getMessage());
        }
    }
}
