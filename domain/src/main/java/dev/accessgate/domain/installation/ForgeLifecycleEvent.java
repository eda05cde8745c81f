package dev.accessgate.domain.installation;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One Forge lifecycle event: the app was installed ({@code accountId} = installer) or
 * upgraded ({@code accountId} = upgrader) in installation {@code installationId}.
 * An installed event must name its context; an upgraded one may not.
 *
 * <p>The same occurrence delivered twice differs at most in {@code receivedAt}:
 * {@link #sameOccurrence} ignores it.
 */
public record ForgeLifecycleEvent(LifecycleKind kind, String installationId, ForgeApp app,
                                  Optional<String> environmentId, Optional<InstallationContext> context,
                                  Optional<String> accountId, Instant receivedAt) {

    /**
     * History order: by app version, installed before upgraded, then by the remaining fields,
     * so that any set of events has exactly one order.
     */
    public static final Comparator<ForgeLifecycleEvent> HISTORY_ORDER = Comparator
            .comparing((ForgeLifecycleEvent e) -> e.app().version())
            .thenComparing(ForgeLifecycleEvent::kind)
            .thenComparing(ForgeLifecycleEvent::occurrenceKey, Text::compareCodePoints)
            .thenComparing(ForgeLifecycleEvent::receivedAt);

    public ForgeLifecycleEvent {
        Objects.requireNonNull(kind, "kind");
        Text.identifier("id", installationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        environmentId.ifPresent(id -> Text.identifier("environment.id", id));
        accountId.ifPresent(id -> Text.identifier(kind == LifecycleKind.INSTALLED ? "installerAccountId"
                : "upgraderAccountId", id));
        if (kind == LifecycleKind.INSTALLED && context.isEmpty()) {
            throw DomainException.invalid("context", "context is required for an installed event");
        }
    }

    /** True when both are deliveries of one occurrence: equal in everything but {@code receivedAt}. */
    public boolean sameOccurrence(ForgeLifecycleEvent other) {
        return occurrenceKey().equals(other.occurrenceKey());
    }

    /**
     * Everything but {@code receivedAt}, as one unambiguous text (each field length-prefixed):
     * equal keys mean the same occurrence. Stores may index it.
     */
    public String occurrenceKey() {
        StringBuilder key = new StringBuilder();
        append(key, kind.name());
        append(key, installationId);
        append(key, app.id());
        append(key, app.version().value());
        append(key, app.name().orElse(null));
        append(key, app.ownerAccountId().orElse(null));
        append(key, environmentId.orElse(null));
        append(key, context.map(InstallationContext::ari).orElse(null));
        append(key, accountId.orElse(null));
        return key.toString();
    }

    private static void append(StringBuilder key, String field) {
        if (field == null) {
            key.append("-;");
        } else {
            key.append(field.length()).append(':').append(field).append(';');
        }
    }

    /** This event received at the earlier of the two times (deliveries of one occurrence merge so). */
    ForgeLifecycleEvent receivedNoLaterThan(Instant other) {
        return other.isBefore(receivedAt)
                ? new ForgeLifecycleEvent(kind, installationId, app, environmentId, context, accountId, other)
                : this;
    }
}
