package dev.accessgate.adapters.http.security;

import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/** The public keys Atlassian signs install tokens with, by key id ({@code kid}). */
public interface InstallKeys {

    /** The key, or empty when it is not known (or cannot be had now). */
    Optional<RSAPublicKey> find(String kid);
}
