package dev.accessgate.application.port.in;

import dev.accessgate.application.model.BaselineImportOutcome;

/** Import a baseline: "as of time T, in this scope, exactly these are blocked". */
public interface ImportBaselineUseCase {

    /** Returns only once the baseline and its effect are committed (or refused, changing nothing). */
    BaselineImportOutcome importBaseline(ImportBaselineCommand command);
}
