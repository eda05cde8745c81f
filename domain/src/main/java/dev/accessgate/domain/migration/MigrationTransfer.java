package dev.accessgate.domain.migration;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The state of one transfer: the set of its distinct events, keyed by {@link MigrationEvent#key()}.
 * Everything else is derived from that set, so the state does not depend on the order in
 * which events arrived, and applying an event again changes nothing.
 *
 * <p>When two deliveries share a key, the one first in {@link #PRECEDENCE} is kept (the
 * earliest received; a redelivery only ever arrives later). Where events of one transfer
 * disagree (say two {@code serverAppVersion}s), the value of the event first in
 * {@link #PRECEDENCE} that carries one is shown.
 *
 * @param events by key, in code point order
 */
public record MigrationTransfer(TransferId id, SortedMap<String, MigrationEvent> events) {

    /** Earliest received first; ties broken by key, fingerprint and sender, so the order is total. */
    public static final Comparator<MigrationEvent> PRECEDENCE = Comparator
            .comparing(MigrationEvent::receivedAt)
            .thenComparing(MigrationEvent::key, Text::compareCodePoints)
            .thenComparing(MigrationEvent::fingerprint, Text::compareCodePoints)
            .thenComparing(MigrationEvent::sender, Text::compareCodePoints);

    /** An upload of app data: the first {@code app-data-uploaded} event of its {@code s3Key}. */
    public record Upload(String s3Key, Optional<String> label, Instant receivedAt) {
        public Upload {
            Objects.requireNonNull(s3Key, "s3Key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    public MigrationTransfer {
        Objects.requireNonNull(id, "id");
        TreeMap<String, MigrationEvent> copy = new TreeMap<>(Text::compareCodePoints);
        events.forEach((key, event) -> {
            if (!key.equals(event.key()) || !event.transferId().equals(Optional.of(id))) {
                throw new IllegalArgumentException("event " + event.key() + " is not keyed as an event of " + id);
            }
            copy.put(key, event);
        });
        events = Collections.unmodifiableSortedMap(copy);
    }

    /** A transfer with no events yet. */
    public static MigrationTransfer empty(TransferId id) {
        return new MigrationTransfer(id, new TreeMap<>());
    }

    /** The transfer made of {@code events}, in whatever order they come. */
    public static MigrationTransfer of(TransferId id, Collection<MigrationEvent> events) {
        TreeMap<String, MigrationEvent> kept = new TreeMap<>(Text::compareCodePoints);
        for (MigrationEvent event : events) {
            requireOwn(id, event);
            kept.merge(event.key(), event, MigrationTransfer::preferred);
        }
        return new MigrationTransfer(id, kept);
    }

    /** This transfer with {@code event} applied; {@code this} when it changes nothing. */
    public MigrationTransfer apply(MigrationEvent event) {
        requireOwn(id, event);
        MigrationEvent kept = events.get(event.key());
        if (kept != null && preferred(kept, event) == kept) {
            return this;
        }
        TreeMap<String, MigrationEvent> next = new TreeMap<>(events);
        next.put(event.key(), event);
        return new MigrationTransfer(id, next);
    }

    private static void requireOwn(TransferId id, MigrationEvent event) {
        if (!event.transferId().equals(Optional.of(id))) {
            throw DomainException.invalid("transferId", "the event belongs to another transfer");
        }
    }

    private static MigrationEvent preferred(MigrationEvent a, MigrationEvent b) {
        return PRECEDENCE.compare(a, b) <= 0 ? a : b;
    }

    /** The events in {@link #PRECEDENCE} order: when each arrived. */
    public List<MigrationEvent> timeline() {
        return events.values().stream().sorted(PRECEDENCE).toList();
    }

    /** When the earliest event of the transfer arrived; empty for an empty transfer. */
    public Optional<Instant> firstReceivedAt() {
        return events.values().stream().map(MigrationEvent::receivedAt).min(Comparator.naturalOrder());
    }

    /** When the latest event of the transfer arrived; empty for an empty transfer. */
    public Optional<Instant> lastReceivedAt() {
        return events.values().stream().map(MigrationEvent::receivedAt).max(Comparator.naturalOrder());
    }

    /** True when an event of this type is kept. */
    public boolean has(MigrationEventType type) {
        return events.values().stream().anyMatch(e -> e.type().equals(type));
    }

    /** True when the migration listener was triggered. */
    public boolean listenerTriggered() {
        return has(MigrationEventType.LISTENER_TRIGGERED);
    }

    /** True when the migration listener failed. */
    public boolean errored() {
        return has(MigrationEventType.LISTENER_ERRORED);
    }

    /** True when cancellation was requested. */
    public boolean cancellationRequested() {
        return has(MigrationEventType.TRANSFER_CANCELLATION_REQUESTED);
    }

    /** True when the transfer is settled. */
    public boolean settled() {
        return has(MigrationEventType.TRANSFER_SETTLED);
    }

    /** One per {@code s3Key}, in the order they arrived. */
    public List<Upload> uploads() {
        Map<String, Upload> byS3Key = new LinkedHashMap<>();
        for (MigrationEvent event : timeline()) {
            event.s3Key().ifPresent(key -> byS3Key.putIfAbsent(key,
                    new Upload(key, event.label(), event.receivedAt())));
        }
        return List.copyOf(byS3Key.values());
    }

    /** Types of events this version does not know, in code point order. */
    public SortedSet<String> unknownEventTypes() {
        TreeSet<String> unknown = new TreeSet<>(Text::compareCodePoints);
        events.values().stream().map(MigrationEvent::type).filter(t -> !t.isKnown())
                .forEach(t -> unknown.add(t.name()));
        return Collections.unmodifiableSortedSet(unknown);
    }

    /** The transfer this one reruns, when it is a rerun. */
    public Optional<TransferId> originalTransferId() {
        return first(MigrationEvent::originalTransferId);
    }

    /** The cloud app key, from the first event in {@link #PRECEDENCE} order that names one. */
    public Optional<String> cloudAppKey() {
        return first(MigrationEvent::cloudAppKey);
    }

    /** The server app version, from the first event in {@link #PRECEDENCE} order that names one. */
    public Optional<String> serverAppVersion() {
        return first(MigrationEvent::serverAppVersion);
    }

    /** The migration details, from the first event in {@link #PRECEDENCE} order that has them. */
    public Optional<MigrationDetails> details() {
        return first(MigrationEvent::details);
    }

    private <T> Optional<T> first(Function<MigrationEvent, Optional<T>> field) {
        return timeline().stream().map(field).flatMap(Optional::stream).findFirst();
    }
}
