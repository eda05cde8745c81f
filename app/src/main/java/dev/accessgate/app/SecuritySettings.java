package dev.accessgate.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code accessgate.security.*}: the API token and secrets at rest (see application.yml and docs/security.md). */
@ConfigurationProperties("accessgate.security")
final class SecuritySettings {

    /** Bearer token of /v1 ({@code ACCESSGATE_API_TOKEN}); empty: read or generate the token file. */
    private String apiToken = "";
    /** Where a generated token is kept ({@code ACCESSGATE_API_TOKEN_FILE}); empty: next to the database. */
    private String apiTokenFile = "";
    /** Local development only: /v1 without authentication ({@code ACCESSGATE_API_AUTH_DISABLED}). */
    private boolean apiAuthDisabled;
    /** Base64 AES key for shared secrets at rest ({@code ACCESSGATE_SECRET_KEY}); empty: stored plain. */
    private String secretKey = "";
    /** Allowed clock difference for JWT exp/iat/nbf ({@code ACCESSGATE_JWT_LEEWAY}). */
    private Duration jwtLeeway = Duration.ofSeconds(30);

    public String getApiToken() {
        return apiToken;
    }

    public void setApiToken(String apiToken) {
        this.apiToken = apiToken == null ? "" : apiToken;
    }

    public String getApiTokenFile() {
        return apiTokenFile;
    }

    public void setApiTokenFile(String apiTokenFile) {
        this.apiTokenFile = apiTokenFile == null ? "" : apiTokenFile;
    }

    public boolean isApiAuthDisabled() {
        return apiAuthDisabled;
    }

    public void setApiAuthDisabled(boolean apiAuthDisabled) {
        this.apiAuthDisabled = apiAuthDisabled;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey == null ? "" : secretKey;
    }

    public Duration getJwtLeeway() {
        return jwtLeeway;
    }

    public void setJwtLeeway(Duration jwtLeeway) {
        this.jwtLeeway = jwtLeeway;
    }

    @Override
    public String toString() {
        return "SecuritySettings[secrets redacted]";
    }
}
