package dev.accessgate.domain.migration;

import dev.accessgate.domain.Text;
import java.util.Set;

/**
 * The {@code eventType} of a migration event. Five are known; the platform may add more,
 * which are kept (and reported as unknown), never refused.
 */
public record MigrationEventType(String name) {

    public static final MigrationEventType LISTENER_TRIGGERED = new MigrationEventType("listener-triggered");
    public static final MigrationEventType APP_DATA_UPLOADED = new MigrationEventType("app-data-uploaded");
    public static final MigrationEventType LISTENER_ERRORED = new MigrationEventType("listener-errored");
    public static final MigrationEventType TRANSFER_CANCELLATION_REQUESTED =
            new MigrationEventType("transfer-cancellation-requested");
    public static final MigrationEventType TRANSFER_SETTLED = new MigrationEventType("transfer-settled");

    public static final Set<MigrationEventType> KNOWN = Set.of(LISTENER_TRIGGERED, APP_DATA_UPLOADED,
            LISTENER_ERRORED, TRANSFER_CANCELLATION_REQUESTED, TRANSFER_SETTLED);

    public MigrationEventType {
        Text.identifier("eventType", name);
    }

    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
