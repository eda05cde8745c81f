package dev.accessgate.adapters.http.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/** Install keys from a JWKS file ({@code ACCESSGATE_CONNECT_INSTALL_JWKS}): tests and air-gapped installs. */
public final class JwksInstallKeys implements InstallKeys {

    private final JWKSet keys;

    public JwksInstallKeys(JWKSet keys) {
        this.keys = keys.toPublicJWKSet();
    }

    /** Reads the file once; a missing or malformed file is an error at start-up. */
    public static JwksInstallKeys load(Path file) {
        return new JwksInstallKeys(Jwks.load(file));
    }

    @Override
    public Optional<RSAPublicKey> find(String kid) {
        return Jwks.rsaKey(keys, kid);
    }
}
