package dev.accessgate.adapters.http.migration;

import dev.accessgate.adapters.http.fuzz.FuzzRun;
import dev.accessgate.adapters.http.fuzz.JsonMutator;
import dev.accessgate.application.port.in.ReceiveMigrationEventCommand;
import dev.accessgate.application.service.MigrationIngestService;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.InMemoryMigrationTransferStore;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.application.testkit.InMemoryUnitOfWork;
import dev.accessgate.domain.migration.MigrationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the app migration webhook's payload reading, and of storing what it accepts (the
 * in-memory stores of the adapter kit), on mutations of the documented examples. The JWT in
 * front of it is fuzzed by nothing here: a request without a valid one never reaches the reader.
 */
class MigrationFuzzTest {

    private static final int SLICE = 15_000;
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void hostile_migration_payloads_are_accepted_or_refused_with_a_4xx() {
        FuzzRun run = new FuzzRun("migration", 9_002L, SLICE);
        JsonMutator mutator = new JsonMutator(run.seed(), List.of(Fixtures.bytes("migration-listener-triggered.json"),
                Fixtures.bytes("migration-app-data-uploaded.json"),
                ("{\"eventType\":\"transfer-settled\",\"transferId\":\"t-2\",\"messageId\":\"m-1\","
                        + "\"originalTransferId\":\"t-1\",\"migrationDetails\":{}}").getBytes(StandardCharsets.UTF_8)));
        MigrationIngestService service = new MigrationIngestService(new InMemoryPolicyStore(),
                new InMemoryMigrationTransferStore(), new InMemoryUnitOfWork());
        for (int i = 0; i < run.inputs(); i++) {
            byte[] body = mutator.next();
            run.check(i, () -> FuzzRun.show(body), () -> {
                MigrationEvent event = MigrationEventReader.read(body, "client-key", NOW);
                service.receive(new ReceiveMigrationEventCommand(event, new String(body, StandardCharsets.UTF_8)));
            });
        }
        run.finish();
    }
}
