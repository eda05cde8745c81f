package dev.accessgate.application.port.in;

import dev.accessgate.application.model.ConnectClient;
import java.util.Optional;

/** The client (with its shared secret) that a Connect JWT names, for verifying that JWT. */
public interface FindConnectClientUseCase {

    /** The Connect client with this key, if it is installed. */
    Optional<ConnectClient> find(String clientKey);
}
