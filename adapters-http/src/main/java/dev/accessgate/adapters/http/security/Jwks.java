package dev.accessgate.adapters.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Optional;

/** Reading JWK sets and RSA keys out of them. */
public final class Jwks {

    private Jwks() {
    }

    /** The public keys of a JWKS file; a missing or malformed file is an {@link IllegalArgumentException}. */
    public static JWKSet load(Path file) {
        try {
            return JWKSet.load(file.toFile()).toPublicJWKSet();
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("cannot read the JWKS file " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<RSAPublicKey> rsaKey(JWKSet keys, String kid) {
        JWK key = kid == null ? null : keys.getKeyByKeyId(kid);
        if (!(key instanceof RSAKey rsa)) {
            return Optional.empty();
        }
        try {
            return Optional.of(rsa.toRSAPublicKey());
        } catch (JOSEException e) {
            return Optional.empty();
        }
    }
}
