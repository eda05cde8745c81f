package dev.accessgate.application.port.out;

import dev.accessgate.application.model.ConnectClient;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.SharedSecret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Connect installations with their shared secrets. As a {@link SiteDirectory} it maps a
 * site (the origin of an installation's base URL) to the cloudId its latest installation
 * with a cloudId named.
 */
public interface ConnectInstallationStore extends SiteDirectory {

    /** The client with this key, with its secret and revision; empty when it is not stored. */
    Optional<ConnectClient> client(String clientKey);

    /**
     * Stores the installation and its secret, replacing the attributes kept before, but only
     * if the client's stored revision is still {@code expectedRevision} (empty: the client must
     * not be stored yet). Compare-and-set, so two concurrent reinstalls cannot both win.
     *
     * @return the new revision, or empty when the expectation no longer held (nothing changed)
     */
    OptionalLong save(ConnectInstallation installation, SharedSecret secret, OptionalLong expectedRevision);

    /** Sets the state and update time; false when the client is not stored. */
    boolean changeState(String clientKey, ConnectState state, Instant at);

    /** Every installation (never a secret), ordered by client key. */
    List<ConnectInstallation> connectInstallations();
}
