package dev.accessgate.adapters.http.security;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.JWSAlgorithm;
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
    /** A token read from an {@code Authorization} header: the JWT and its claims, or why it is refused. */
    record Read(SignedJWT jwt, JWTClaimsSet claims, String refusal) {

        static Read refused(String reason) {
            return new Read(null, null, reason);
        }

        boolean isRefused() {
            return refusal != null;
        }
    }

    /**
     * Takes the token of {@code scheme} from the header, parses it and checks its algorithm: the
     * part every verifier does the same way. Signatures and claims are the caller's.
     *
     * @param article the token's name with its article, as in {@code "an install token"}
     * @param name    the token's name, as in {@code "install token"}
     */
    static Read read(String authorizationHeader, String scheme, JWSAlgorithm algorithm, String article,
                     String name) {
        Optional<String> token = token(authorizationHeader, scheme);
        if (token.isEmpty()) {
            return Read.refused(article + " is required: Authorization: " + scheme + " <token>");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.get());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
                return Read.refused("the " + name + " must be signed with " + algorithm.getName());
            }
            return new Read(jwt, claims, null);
        } catch (ParseException e) {
            return Read.refused("the " + name + " is malformed or not signed");
        }
    }

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
