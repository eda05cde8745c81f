package dev.accessgate.application.port.out;

import dev.accessgate.domain.installation.ForgeInstallation;
import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import java.util.List;
import java.util.Optional;

/** Forge installations and their lifecycle history. */
public interface ForgeInstallationStore {

    /** What {@link #record} did. */
    record Outcome(ForgeInstallation installation, boolean firstDelivery) {
    }

    /**
     * Adds the event to its installation's history, atomically; a delivery of an occurrence
     * already kept only lowers its received time to the earliest seen
     * (see {@link ForgeInstallation}).
     *
     * @throws StoreException when the store cannot commit (nothing changed then)
     */
    Outcome record(ForgeLifecycleEvent event);

    /** The installation with this id and its history, if there is one. */
    Optional<ForgeInstallation> forgeInstallation(String installationId);

    /** Every installation, ordered by installation id. */
    List<ForgeInstallation> forgeInstallations();
}
