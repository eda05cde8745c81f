package dev.accessgate.app;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code accessgate.forge.*}: Forge Invocation Tokens on POST /events, when both are set. */
@ConfigurationProperties("accessgate.forge")
final class ForgeSettings {

    /** The app id, the tokens' audience ({@code ACCESSGATE_FORGE_APP_ID}). */
    private String appId = "";
    /** JWKS file of Forge's invocation token keys ({@code ACCESSGATE_FORGE_JWKS}). */
    private String jwks = "";

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId == null ? "" : appId;
    }

    public String getJwks() {
        return jwks;
    }

    public void setJwks(String jwks) {
        this.jwks = jwks == null ? "" : jwks;
    }
}
