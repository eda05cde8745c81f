package dev.accessgate.application.port.in;

import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ForgeInstallation;
import java.util.List;

/** The installations known here, without any secret. */
public interface ListInstallationsUseCase {

    /** Ordered by installation id. */
    List<ForgeInstallation> forgeInstallations();

    /** Ordered by client key. */
    List<ConnectInstallation> connectInstallations();
}
