package dev.accessgate.application.service;

import dev.accessgate.application.port.in.ListInstallationsUseCase;
import dev.accessgate.application.port.out.ConnectInstallationStore;
import dev.accessgate.application.port.out.ForgeInstallationStore;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ForgeInstallation;
import java.util.List;
import java.util.Objects;

/** Lists installations from the stores. */
public final class InstallationQueryService implements ListInstallationsUseCase {

    private final ForgeInstallationStore forge;
    private final ConnectInstallationStore connect;

    /** Lists the installations of both stores. */
    public InstallationQueryService(ForgeInstallationStore forge, ConnectInstallationStore connect) {
        this.forge = Objects.requireNonNull(forge, "forge");
        this.connect = Objects.requireNonNull(connect, "connect");
    }

    @Override
    public List<ForgeInstallation> forgeInstallations() {
        return forge.forgeInstallations();
    }

    @Override
    public List<ConnectInstallation> connectInstallations() {
        return connect.connectInstallations();
    }
}
