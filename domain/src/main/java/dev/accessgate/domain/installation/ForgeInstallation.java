package dev.accessgate.domain.installation;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.WorkspaceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Forge installation and its history: the distinct lifecycle events received for it, in
 * {@link ForgeLifecycleEvent#HISTORY_ORDER}. Deliveries of one occurrence count once (at the
 * earliest time received), so any order and any repetition of the same events gives an
 * equal installation. Everything else is derived from the history.
 */
public record ForgeInstallation(String installationId, List<ForgeLifecycleEvent> history) {

    public ForgeInstallation {
        Text.identifier("id", installationId);
        if (history.isEmpty()) {
            throw DomainException.invalid("history", "an installation has at least one lifecycle event");
        }
        Map<String, ForgeLifecycleEvent> distinct = new LinkedHashMap<>();
        for (ForgeLifecycleEvent event : history) {
            if (!event.installationId().equals(installationId)) {
                throw DomainException.invalid("id", "event of installation " + event.installationId()
                        + " does not belong to installation " + installationId);
            }
            distinct.merge(event.occurrenceKey(), event, (a, b) -> a.receivedNoLaterThan(b.receivedAt()));
        }
        List<ForgeLifecycleEvent> ordered = new ArrayList<>(distinct.values());
        ordered.sort(ForgeLifecycleEvent.HISTORY_ORDER);
        history = List.copyOf(ordered);
    }

    /** An installation known from one event. */
    public static ForgeInstallation of(ForgeLifecycleEvent event) {
        return new ForgeInstallation(event.installationId(), List.of(event));
    }

    /** This installation with one more event (or the same one again, which changes nothing). */
    public ForgeInstallation with(ForgeLifecycleEvent event) {
        List<ForgeLifecycleEvent> events = new ArrayList<>(history);
        events.add(event);
        return new ForgeInstallation(installationId, events);
    }

    /** True when an event of the same occurrence is already in the history. */
    public boolean contains(ForgeLifecycleEvent event) {
        return history.stream().anyMatch(event::sameOccurrence);
    }

    /** The latest event in history order: its app description is the current one. */
    public ForgeLifecycleEvent latest() {
        return history.get(history.size() - 1);
    }

    /** The app as the latest event describes it. */
    public ForgeApp app() {
        return latest().app();
    }

    /** The app version the latest event names. */
    public AppVersion currentVersion() {
        return latest().app().version();
    }

    /** The context of the latest event that names one (upgraded events may not). */
    public Optional<InstallationContext> context() {
        return latestWith(e -> e.context());
    }

    /** The cloudId of the site, when the latest context names one. */
    public Optional<WorkspaceId> workspace() {
        return context().flatMap(InstallationContext::workspace);
    }

    /** The Forge environment of the latest event that names one. */
    public Optional<String> environmentId() {
        return latestWith(ForgeLifecycleEvent::environmentId);
    }

    /** Who installed it: the account of the latest installed event that names one. */
    public Optional<String> installerAccountId() {
        return latestWith(e -> e.kind() == LifecycleKind.INSTALLED ? e.accountId() : Optional.empty());
    }

    /** Who upgraded it last: the account of the latest upgraded event that names one. */
    public Optional<String> upgraderAccountId() {
        return latestWith(e -> e.kind() == LifecycleKind.UPGRADED ? e.accountId() : Optional.empty());
    }

    private <T> Optional<T> latestWith(java.util.function.Function<ForgeLifecycleEvent, Optional<T>> field) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Optional<T> value = field.apply(history.get(i));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
