package dev.accessgate.application.service;

import dev.accessgate.application.model.BaselineImportOutcome;
import dev.accessgate.application.port.in.ImportBaselineCommand;
import dev.accessgate.application.port.in.ImportBaselineUseCase;
import dev.accessgate.application.port.out.BaselineStore;
import java.util.Objects;

/** Stores a baseline and applies it in one step, so neither can exist without the other. */
public final class BaselineImportService implements ImportBaselineUseCase {

    private final BaselineStore baselines;

    /** Imports into {@code baselines}. */
    public BaselineImportService(BaselineStore baselines) {
        this.baselines = Objects.requireNonNull(baselines, "baselines");
    }

    @Override
    public BaselineImportOutcome importBaseline(ImportBaselineCommand command) {
        return baselines.importBaseline(command.header(), command.objects(), command.receivedAt());
    }
}
