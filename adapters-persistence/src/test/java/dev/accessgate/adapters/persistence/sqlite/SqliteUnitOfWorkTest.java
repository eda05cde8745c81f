package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.port.in.ReceiveMigrationEventCommand;
import dev.accessgate.application.port.in.ReceiveMigrationEventUseCase.Result;
import dev.accessgate.application.port.out.UnitOfWork;
import dev.accessgate.application.service.MigrationIngestService;
import dev.accessgate.application.testkit.UnitOfWorkContractTest;
import dev.accessgate.application.testkit.UnitOfWorkStores;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationEvents;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.policy.EventId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite unit of work passes the kit's contract (the event store and the transfer store
 * commit together, or not at all), and what SQLite adds: readers on other connections never wait.
 */
class SqliteUnitOfWorkTest extends UnitOfWorkContractTest {

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private SqlitePolicyStore events;
    private SqliteMigrationTransferStore transfers;

    @AfterEach
    void close() {
        db.close();
    }

    /** Runs before each test (the contract's {@code @BeforeEach}); the tests below use the same file. */
    @Override
    protected UnitOfWorkStores newStores() {
        db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("uow.db")));
        events = new SqlitePolicyStore(db);
        transfers = new SqliteMigrationTransferStore(db);
        return new UnitOfWorkStores(new SqliteUnitOfWork(db), events, events, transfers);
    }

    private static final MigrationEvent EVENT = MigrationEvents.event("listener-triggered", Optional.of("m-1"), "fp", 1);

    @Test
    void a_migration_event_is_stored_with_its_transfer_in_one_transaction() {
        MigrationIngestService service = new MigrationIngestService(events, transfers, new SqliteUnitOfWork(db));

        assertThat(service.receive(new ReceiveMigrationEventCommand(EVENT, "{}"))).isInstanceOf(Result.Stored.class);
        assertThat(service.receive(new ReceiveMigrationEventCommand(EVENT, "{}"))).isInstanceOf(Result.Duplicate.class);

        assertThat(events.find(new EventId("migration:m-1"))).isPresent();
        assertThat(transfers.transfer(MigrationEvents.TRANSFER)).contains(MigrationTransfer.of(MigrationEvents.TRANSFER,
                List.of(EVENT)));
    }

    @Test
    void reads_inside_a_unit_of_work_see_its_writes_and_other_threads_see_them_after_the_commit() {
        UnitOfWork unitOfWork = new SqliteUnitOfWork(db);
        @SuppressWarnings("unchecked")
        Optional<MigrationTransfer>[] seenByOther = new Optional[1];
        unitOfWork.atomically(() -> {
            transfers.add(EVENT);
            assertThat(transfers.transfer(MigrationEvents.TRANSFER)).isPresent();
            Thread other = new Thread(() -> seenByOther[0] = transfers.transfer(MigrationEvents.TRANSFER));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });
        // A reader on another connection saw the state before the commit (WAL: readers never wait).
        assertThat(seenByOther[0]).isEmpty();
        assertThat(transfers.transfer(MigrationEvents.TRANSFER)).isPresent();
    }
}
