package dev.accessgate.application.service;

import dev.accessgate.application.port.in.RecordForgeLifecycleCommand;
import dev.accessgate.application.port.in.RecordForgeLifecycleUseCase;
import dev.accessgate.application.port.out.ForgeInstallationStore;
import java.util.Objects;

/** Keeps Forge lifecycle events; the domain merges them, the store commits them. */
public final class ForgeLifecycleService implements RecordForgeLifecycleUseCase {

    private final ForgeInstallationStore store;

    /** Records into {@code store}. */
    public ForgeLifecycleService(ForgeInstallationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Result record(RecordForgeLifecycleCommand command) {
        ForgeInstallationStore.Outcome outcome = store.record(command.event());
        return outcome.firstDelivery()
                ? new Result.Recorded(outcome.installation())
                : new Result.AlreadyRecorded(outcome.installation());
    }
}
