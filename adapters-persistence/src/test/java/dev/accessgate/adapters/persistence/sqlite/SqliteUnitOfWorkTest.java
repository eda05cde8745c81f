package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.port.in.ReceiveMigrationEventCommand;
import dev.accessgate.application.port.in.ReceiveMigrationEventUseCase.Result;
import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.application.port.out.UnitOfWork;
import dev.accessgate.application.service.MigrationIngestService;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationEvents;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import dev.accessgate.domain.policy.EventId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event store and the transfer store commit together in a unit of work, or not at all. */
class SqliteUnitOfWorkTest {

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private SqlitePolicyStore events;
    private SqliteMigrationTransferStore transfers;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("uow.db")));
        events = new SqlitePolicyStore(db);
        transfers = new SqliteMigrationTransferStore(db);
    }

    @AfterEach
    void close() {
        db.close();
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
    void when_the_transfer_store_fails_the_stored_event_is_rolled_back_too() {
        MigrationTransferStore failing = new MigrationTransferStore() {
            @Override
            public void add(MigrationEvent event) {
                transfers.add(event);
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public Optional<MigrationTransfer> transfer(TransferId id) {
                return transfers.transfer(id);
            }

            @Override
            public List<MigrationTransfer> transfers(Optional<TransferId> after, int limit) {
                return transfers.transfers(after, limit);
            }
        };
        MigrationIngestService service = new MigrationIngestService(events, failing, new SqliteUnitOfWork(db));

        assertThatThrownBy(() -> service.receive(new ReceiveMigrationEventCommand(EVENT, "{}")))
                .hasMessage("disk on fire");

        assertThat(events.find(new EventId("migration:m-1"))).isEmpty();
        assertThat(transfers.transfer(MigrationEvents.TRANSFER)).isEmpty();
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
