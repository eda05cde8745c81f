package dev.accessgate.adapters.http.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/** Small checks shared by the verifiers. Each answers the reason for a refusal, or empty. */
final class Jwts {

    private Jwts() {
    }

    /** The token of an {@code Authorization: <scheme> <token>} header (scheme in any case). */
    static Optional<String> token(String authorizationHeader, String scheme) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String prefix = scheme.toLowerCase(Locale.ROOT) + " ";
        String header = authorizationHeader.strip();
        if (header.length() <= prefix.length() || !header.substring(0, prefix.length()).toLowerCase(Locale.ROOT)
                .equals(prefix)) {
            return Optional.empty();
        }
        String token = header.substring(prefix.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** {@code exp} and {@code iat} are required; {@code exp}, {@code iat} and {@code nbf} hold within the leeway. */
    static Optional<String> timeRefusal(JWTClaimsSet claims, Instant now, Duration leeway) {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null) {
            return Optional.of("the JWT has no exp claim");
        }
        if (iat == null) {
            return Optional.of("the JWT has no iat claim");
        }
        if (now.minus(leeway).isAfter(exp.toInstant())) {
            return Optional.of("the JWT has expired");
        }
        if (now.plus(leeway).isBefore(iat.toInstant())) {
            return Optional.of("the JWT was issued in the future (iat)");
        }
        if (nbf != null && now.plus(leeway).isBefore(nbf.toInstant())) {
            return Optional.of("the JWT is not valid yet (nbf)");
        }
        return Optional.empty();
    }

    /** The {@code qsh} claim must be the hash of this request. */
    static Optional<String> qshRefusal(JWTClaimsSet claims, String expectedQsh) {
        String qsh;
        try {
            qsh = claims.getStringClaim("qsh");
        } catch (ParseException e) {
            return Optional.of("the qsh claim is not a string");
        }
        if (qsh == null) {
            return Optional.of("the JWT has no qsh claim");
        }
        boolean same = MessageDigest.isEqual(qsh.getBytes(StandardCharsets.UTF_8),
                expectedQsh.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.empty() : Optional.of("the qsh claim does not match this request");
    }

    /** A URL without trailing slashes, for comparing audiences. */
    static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
