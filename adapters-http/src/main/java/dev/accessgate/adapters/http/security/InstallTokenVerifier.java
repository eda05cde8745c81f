package dev.accessgate.adapters.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies an Atlassian install token (signed install): RS256 only, signed by the key its
 * {@code kid} names, {@code aud} = the app's base URL, {@code exp}/{@code iat} within the
 * leeway, {@code qsh} of this request. The verified {@code iss} is the client key the
 * token was issued for.
 */
public final class InstallTokenVerifier {

    /** What {@link #verify} found. */
    public sealed interface Result {

        record Verified(String clientKey) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    private final InstallKeys keys;
    private final String audience;
    private final Clock clock;
    private final Duration leeway;
    private final String basePath;

    /** @param audience the app's base URL ({@code ACCESSGATE_BASE_URL}); its path is the base path of qsh */
    public InstallTokenVerifier(InstallKeys keys, String audience, Clock clock, Duration leeway) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audience = Jwts.withoutTrailingSlash(audience);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        this.basePath = basePathOf(audience);
    }

    /**
     * The path of a base URL as written ({@code https://x/app/} gives {@code /app/}): what the
     * qsh canonicalisation cuts off request paths, exactly as {@code atlassian-jwt} does.
     */
    public static String basePathOf(String baseUrl) {
        String path = java.net.URI.create(baseUrl.strip()).getRawPath();
        return path == null ? "" : path;
    }

    public Result verify(String method, String rawPath, String rawQuery, String authorizationHeader) {
        Jwts.Read read = Jwts.read(authorizationHeader, "JWT", JWSAlgorithm.RS256, "an install token", "install token");
        if (read.isRefused()) {
            return new Result.Refused(read.refusal());
        }
        SignedJWT jwt = read.jwt();
        JWTClaimsSet claims = read.claims();
        Optional<RSAPublicKey> key = keys.find(jwt.getHeader().getKeyID());
        if (key.isEmpty()) {
            return new Result.Refused("the install token's key id (kid) is not a known install key");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(key.get()))) {
                return new Result.Refused("the install token signature does not verify");
            }
        } catch (JOSEException e) {
            return new Result.Refused("the install token signature does not verify");
        }
        List<String> audiences = claims.getAudience();
        boolean forUs = audiences.stream().anyMatch(a -> Jwts.withoutTrailingSlash(a).equals(audience));
        Optional<String> refusal = Jwts.timeRefusal(claims, clock.instant(), leeway)
                .or(() -> forUs ? Optional.empty() : Optional.of("the install token's aud is not this app's base URL"))
                .or(() -> Jwts.qshRefusal(claims, QueryStringHash.of(method, rawPath, rawQuery, basePath)));
        if (refusal.isPresent()) {
            return new Result.Refused(refusal.get());
        }
        String clientKey = claims.getIssuer();
        if (clientKey == null || clientKey.isBlank()) {
            return new Result.Refused("the install token has no iss claim (the client key)");
        }
        return new Result.Verified(clientKey);
    }
}
