package dev.accessgate.application.port.in;

import dev.accessgate.domain.installation.ForgeInstallation;

/** Keep a Forge lifecycle event in its installation's history. Idempotent and order-independent. */
public interface RecordForgeLifecycleUseCase {

    /** The answer to a record. */
    sealed interface Result {

        /** The installation with the event added. */
        ForgeInstallation installation();

        /** First delivery of this occurrence: the history grew. */
        record Recorded(ForgeInstallation installation) implements Result {
        }

        /** Seen before: nothing changed (but the earliest received time). */
        record AlreadyRecorded(ForgeInstallation installation) implements Result {
        }
    }

    /** Returns once the event is committed. */
    Result record(RecordForgeLifecycleCommand command);
}
