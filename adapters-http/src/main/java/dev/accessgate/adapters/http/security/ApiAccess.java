package dev.accessgate.adapters.http.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may call the query and admin API ({@code /v1/**}): holders of the bearer token, or,
 * when explicitly opened for local development, anyone. Tokens are compared in constant time
 * (as SHA-256 digests, so their lengths do not leak either).
 */
public final class ApiAccess {

    /** Shortest token accepted: guessing it must be hopeless. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private final byte[] tokenDigest;

    private ApiAccess(byte[] tokenDigest) {
        this.tokenDigest = tokenDigest;
    }

    public static ApiAccess token(String token) {
        if (token == null || token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the API token must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
        return new ApiAccess(sha256(token.strip()));
    }

    /** No authentication: local development only. */
    public static ApiAccess open() {
        return new ApiAccess(null);
    }

    public boolean isOpen() {
        return tokenDigest == null;
    }

    public boolean permits(String authorizationHeader) {
        if (isOpen()) {
            return true;
        }
        Optional<String> token = Jwts.token(authorizationHeader, "Bearer");
        return token.isPresent() && MessageDigest.isEqual(tokenDigest, sha256(token.get()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return isOpen() ? "ApiAccess[open]" : "ApiAccess[token]";
    }
}
