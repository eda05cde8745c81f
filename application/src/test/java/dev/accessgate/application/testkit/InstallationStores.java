package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.ConnectInstallationStore;
import dev.accessgate.application.port.out.ForgeInstallationStore;
import java.util.Objects;

/** The two installation ports of one store, as the contract test needs them. */
public record InstallationStores(ForgeInstallationStore forge, ConnectInstallationStore connect) {

    public InstallationStores {
        Objects.requireNonNull(forge, "forge");
        Objects.requireNonNull(connect, "connect");
    }

    public static <S extends ForgeInstallationStore & ConnectInstallationStore> InstallationStores of(S store) {
        return new InstallationStores(store, store);
    }
}
