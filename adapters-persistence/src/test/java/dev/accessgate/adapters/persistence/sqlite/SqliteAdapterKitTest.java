package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.AdapterKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SQLite adapter proves itself with the kit: each port its classes implement has its contract test here. */
class SqliteAdapterKitTest {

    // tag::kit-coverage[]
    @Test
    void every_port_the_sqlite_classes_implement_runs_its_kit_contract() {
        String sqlite = SqliteAdapterKitTest.class.getPackageName();

        assertThat(AdapterKit.missingContractTests(
                AdapterKit.concreteClasses(Path.of("target/classes"), sqlite),
                AdapterKit.concreteClasses(Path.of("target/test-classes"), sqlite))).isEmpty();
    }
    // end::kit-coverage[]
}
