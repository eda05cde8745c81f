package dev.accessgate.domain.migration;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Migration events for tests: examples and a QuickTheories generator over a small alphabet (so keys collide). */
public final class MigrationEvents {

    public static final Instant T0 = Instant.parse("2020-08-12T05:43:55Z");
    public static final TransferId TRANSFER = new TransferId("e4166374-2345-4c31-918c-83b14eb644f6");
    public static final TransferId ORIGINAL = new TransferId("0a1b2c3d-0000-4000-8000-000000000001");

    private MigrationEvents() {
    }

    public static MigrationDetails details(String migrationId) {
        return new MigrationDetails(Optional.of(migrationId), Optional.of("scope-1"), Optional.of("Migration"),
                Optional.of(Instant.ofEpochSecond(1597211035)), Optional.of("unknown"), Optional.of("conf-client"),
                Optional.of("https://cloud-site-under-migration.atlassian.net"));
    }

    /** An event of {@link #TRANSFER}: {@code s3Key} only when {@code type} is app-data-uploaded. */
    public static MigrationEvent event(String type, Optional<String> messageId, String fingerprint, int second) {
        boolean upload = type.equals(MigrationEventType.APP_DATA_UPLOADED.name());
        return new MigrationEvent(new MigrationEventType(type), Optional.of(TRANSFER), messageId, fingerprint,
                "client-1", Optional.of("my-cloud-app-key"), Optional.of("1.0"), Optional.of(details("m-1")),
                upload ? Optional.of("s3-" + fingerprint) : Optional.empty(),
                upload ? Optional.of("label-" + fingerprint) : Optional.empty(), Optional.empty(),
                T0.plusSeconds(second));
    }

    public static final List<String> TYPES = List.of("listener-triggered", "app-data-uploaded", "listener-errored",
            "transfer-cancellation-requested", "transfer-settled", "brand-new-type");

    /**
     * Events of one transfer over a small alphabet, so that keys collide. The fingerprint is made
     * from everything in the body, as the real digest is: equal fingerprints mean equal bodies.
     * Events with the same key then differ in when they were received (a redelivery) or, when
     * a messageId is reused with another body, in their fingerprint.
     */
    public static Gen<MigrationEvent> events() {
        return Generate.pick(TYPES).zip(Generate.pick(List.of("", "m1", "m2", "m3")), integers().between(1, 3),
                integers().between(0, 20), Generate.booleans(),
                (type, messageId, variant, second, rerun) -> {
                    String fingerprint = type + "." + messageId + "." + variant + "." + rerun;
                    MigrationEvent base = event(type, messageId.isEmpty() ? Optional.empty() : Optional.of(messageId),
                            fingerprint, second);
                    return rerun ? withOriginal(base, ORIGINAL) : base;
                });
    }

    public static MigrationEvent withOriginal(MigrationEvent e, TransferId original) {
        return new MigrationEvent(e.type(), e.transferId(), e.messageId(), e.fingerprint(), e.sender(), e.cloudAppKey(),
                e.serverAppVersion(), e.details(), e.s3Key(), e.label(), Optional.of(original), e.receivedAt());
    }

    public static MigrationEvent receivedAt(MigrationEvent e, Instant at) {
        return new MigrationEvent(e.type(), e.transferId(), e.messageId(), e.fingerprint(), e.sender(), e.cloudAppKey(),
                e.serverAppVersion(), e.details(), e.s3Key(), e.label(), e.originalTransferId(), at);
    }
}
