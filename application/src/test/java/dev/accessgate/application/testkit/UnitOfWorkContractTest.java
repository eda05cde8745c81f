package dev.accessgate.application.testkit;

import static dev.accessgate.application.testkit.TestEvents.objectsBlocked;
import static dev.accessgate.application.testkit.TestEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.model.Processing;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationEvents;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.accessgate.application.port.out.UnitOfWork} must do over the stores of
 * its storage: their writes commit together, or, when the work throws, none stays. Extend it
 * with a fresh storage.
 */
public abstract class UnitOfWorkContractTest {

    private static final Instant T = Instant.parse("2024-03-01T00:00:00Z");
    private static final ObjectRef PAGE = ObjectRef.of("confluence", "page", "1");
    private static final ObjectsBlocked FIRST = objectsBlocked("e1", "abc", T, List.of(PAGE));
    private static final ObjectsBlocked SECOND = objectsBlocked("e2", "abc", T, List.of(ObjectRef.of("jira", "issue", "2")));
    private static final MigrationEvent TRANSFERRED = MigrationEvents.event("listener-triggered", Optional.of("m-1"), "fp", 1);

    private UnitOfWorkStores stores;

    /** A new, empty storage: a unit of work and stores it spans. */
    protected abstract UnitOfWorkStores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
    }

    @Test
    void the_work_s_result_is_returned_and_its_writes_to_two_stores_are_kept() {
        String result = stores.unitOfWork().atomically(() -> {
            stores.events().record(received(FIRST), new Processing.Applied(FIRST));
            stores.transfers().add(TRANSFERRED);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(stores.events().find(FIRST.id())).isPresent();
        assertThat(stores.ledger().objectBlock(FIRST.workspace(), PAGE)).contains(FIRST.block());
        assertThat(stores.transfers().transfer(MigrationEvents.TRANSFER)).isPresent();
    }

    @Test
    void reads_inside_the_work_see_its_own_writes() {
        boolean seen = stores.unitOfWork().atomically(() -> {
            stores.events().record(received(FIRST), new Processing.Applied(FIRST));
            stores.transfers().add(TRANSFERRED);
            return stores.events().find(FIRST.id()).isPresent()
                    && stores.transfers().transfer(MigrationEvents.TRANSFER).isPresent();
        });

        assertThat(seen).isTrue();
    }

    @Test
    void when_the_work_throws_none_of_its_writes_stays_and_the_caller_gets_the_exception() {
        stores.events().record(received(FIRST), new Processing.Applied(FIRST));
        IllegalStateException failure = new IllegalStateException("disk on fire");

        assertThatThrownBy(() -> stores.unitOfWork().atomically(() -> {
            stores.events().record(received(SECOND), new Processing.Applied(SECOND));
            stores.transfers().add(TRANSFERRED);
            throw failure;
        })).isSameAs(failure);

        assertThat(stores.events().find(SECOND.id())).isEmpty();
        assertThat(stores.ledger().objectBlock(SECOND.workspace(), SECOND.objects().get(0))).isEmpty();
        assertThat(stores.transfers().transfer(MigrationEvents.TRANSFER)).isEmpty();
        // What was committed before the unit of work is untouched.
        assertThat(stores.events().find(FIRST.id())).isPresent();
        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), PAGE)).contains(FIRST.block());
    }

    @Test
    void a_failed_unit_of_work_leaves_the_storage_usable() {
        assertThatThrownBy(() -> stores.unitOfWork().atomically(() -> {
            stores.events().record(received(FIRST), new Processing.Applied(FIRST));
            throw new IllegalStateException("first try fails");
        })).hasMessage("first try fails");

        stores.unitOfWork().atomically(() -> stores.events().record(received(FIRST), new Processing.Applied(FIRST)));

        assertThat(stores.events().find(new EventId("e1"))).isPresent();
    }
}
