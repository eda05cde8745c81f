package dev.accessgate.domain.migration;

import dev.accessgate.domain.Text;
import java.util.Set;

/**
 * The {@code eventType} of a migration event. Five are known; the platform may add more,
 * which are kept (and reported as unknown), never refused.
 */
public record MigrationEventType(String name) {

    /** The app's migration listener was triggered for the transfer. */
    public static final MigrationEventType LISTENER_TRIGGERED = new MigrationEventType("listener-triggered");
    /** The app uploaded a piece of app data. */
    public static final MigrationEventType APP_DATA_UPLOADED = new MigrationEventType("app-data-uploaded");
    /** The app's migration listener failed. */
    public static final MigrationEventType LISTENER_ERRORED = new MigrationEventType("listener-errored");
    /** The customer asked to cancel the transfer. */
    public static final MigrationEventType TRANSFER_CANCELLATION_REQUESTED =
            new MigrationEventType("transfer-cancellation-requested");
    /** The transfer is settled: no more events will follow. */
    public static final MigrationEventType TRANSFER_SETTLED = new MigrationEventType("transfer-settled");

    /** Every type this version knows. */
    public static final Set<MigrationEventType> KNOWN = Set.of(LISTENER_TRIGGERED, APP_DATA_UPLOADED,
            LISTENER_ERRORED, TRANSFER_CANCELLATION_REQUESTED, TRANSFER_SETTLED);

    public MigrationEventType {
        Text.identifier("eventType", name);
    }

    /** True when this version knows the type (it is in {@link #KNOWN}). */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
