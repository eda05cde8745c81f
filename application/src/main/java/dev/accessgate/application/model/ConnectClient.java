package dev.accessgate.application.model;

import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.SharedSecret;
import java.util.Objects;

/**
 * A Connect client as the store keeps it: its installation, its shared secret and the
 * revision of that record (it grows with every install), so that a reinstall proven with
 * one secret replaces exactly that secret and no other.
 */
public record ConnectClient(ConnectInstallation installation, SharedSecret secret, long revision) {

    public ConnectClient {
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(secret, "secret");
    }

    /** The client key of the installation. */
    public String clientKey() {
        return installation.clientKey();
    }
}
