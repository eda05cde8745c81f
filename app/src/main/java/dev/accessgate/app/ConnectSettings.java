package dev.accessgate.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code accessgate.connect.*}: how Connect installs are authenticated. */
@ConfigurationProperties("accessgate.connect")
final class ConnectSettings {

    /** JWKS file of trusted install keys ({@code ACCESSGATE_CONNECT_INSTALL_JWKS}); empty: Atlassian's published keys. */
    private String installJwks = "";
    /** Where Atlassian publishes install keys by kid ({@code ACCESSGATE_CONNECT_INSTALL_KEYS_URL}). */
    private String installKeysUrl = "https://connect-install-keys.atlassian.com/";
    /** Bound of one key fetch ({@code ACCESSGATE_CONNECT_INSTALL_KEYS_TIMEOUT}). */
    private Duration installKeysTimeout = Duration.ofSeconds(5);
    /** How long a fetched key is trusted without asking again. */
    private Duration installKeysCacheTtl = Duration.ofHours(24);
    /** Local development only: installs without an install token ({@code ACCESSGATE_CONNECT_ALLOW_UNSIGNED_INSTALLS}). */
    private boolean allowUnsignedInstalls;

    public String getInstallJwks() {
        return installJwks;
    }

    public void setInstallJwks(String installJwks) {
        this.installJwks = installJwks == null ? "" : installJwks;
    }

    public String getInstallKeysUrl() {
        return installKeysUrl;
    }

    public void setInstallKeysUrl(String installKeysUrl) {
        this.installKeysUrl = installKeysUrl;
    }

    public Duration getInstallKeysTimeout() {
        return installKeysTimeout;
    }

    public void setInstallKeysTimeout(Duration installKeysTimeout) {
        this.installKeysTimeout = installKeysTimeout;
    }

    public Duration getInstallKeysCacheTtl() {
        return installKeysCacheTtl;
    }

    public void setInstallKeysCacheTtl(Duration installKeysCacheTtl) {
        this.installKeysCacheTtl = installKeysCacheTtl;
    }

    public boolean isAllowUnsignedInstalls() {
        return allowUnsignedInstalls;
    }

    public void setAllowUnsignedInstalls(boolean allowUnsignedInstalls) {
        this.allowUnsignedInstalls = allowUnsignedInstalls;
    }
}
