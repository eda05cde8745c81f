package dev.accessgate.adapters.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies the Forge Invocation Token ({@code Authorization: Bearer <FIT>}) of a Forge remote
 * call: RS256 only, signed by a key of the configured JWKS (by {@code kid}), {@code aud} = the
 * app id, {@code iss} = {@value #ISSUER}, {@code exp}/{@code iat}/{@code nbf} within the
 * leeway. {@link #disabled()} when not configured: then nothing is checked.
 */
public final class ForgeInvocationTokenVerifier {

    public static final String ISSUER = "forge/invocation-token";

    /** What {@link #verify} found. */
    public sealed interface Result {

        record Verified(JWTClaimsSet claims) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    private final JWKSet keys;
    private final String appId;
    private final Clock clock;
    private final Duration leeway;

    private ForgeInvocationTokenVerifier(JWKSet keys, String appId, Clock clock, Duration leeway) {
        this.keys = keys;
        this.appId = appId;
        this.clock = clock;
        this.leeway = leeway;
    }

    public static ForgeInvocationTokenVerifier disabled() {
        return new ForgeInvocationTokenVerifier(null, null, null, null);
    }

    /** @param appId the app's id as the token's audience, e.g. {@code ari:cloud:ecosystem::app/<uuid>} */
    public static ForgeInvocationTokenVerifier of(JWKSet keys, String appId, Clock clock, Duration leeway) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("a Forge app id is required");
        }
        return new ForgeInvocationTokenVerifier(keys.toPublicJWKSet(), appId, Objects.requireNonNull(clock),
                Objects.requireNonNull(leeway));
    }

    public boolean enabled() {
        return keys != null;
    }

    public Result verify(String authorizationHeader) {
        if (!enabled()) {
            throw new IllegalStateException("Forge Invocation Token verification is not configured");
        }
        Jwts.Read read = Jwts.read(authorizationHeader, "Bearer", JWSAlgorithm.RS256, "a Forge Invocation Token", "Forge Invocation Token");
        if (read.isRefused()) {
            return new Result.Refused(read.refusal());
        }
        SignedJWT jwt = read.jwt();
        JWTClaimsSet claims = read.claims();
        Optional<RSAPublicKey> key = Jwks.rsaKey(keys, jwt.getHeader().getKeyID());
        if (key.isEmpty()) {
            return new Result.Refused("the Forge Invocation Token's key id (kid) is not in the configured JWKS");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(key.get()))) {
                return new Result.Refused("the Forge Invocation Token signature does not verify");
            }
        } catch (JOSEException e) {
            return new Result.Refused("the Forge Invocation Token signature does not verify");
        }
        Optional<String> refusal = Jwts.timeRefusal(claims, clock.instant(), leeway)
                .or(() -> claims.getAudience().contains(appId) ? Optional.empty()
                        : Optional.of("the Forge Invocation Token was not issued for this app (aud)"))
                .or(() -> ISSUER.equals(claims.getIssuer()) ? Optional.empty()
                        : Optional.of("the Forge Invocation Token's iss is not " + ISSUER));
        return refusal.<Result>map(Result.Refused::new).orElseGet(() -> new Result.Verified(claims));
    }
}
