package dev.accessgate.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.service.InProcessDeliveryChannel;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The kit is complete, and the in-memory adapters run all of it. */
class AdapterKitTest {

    private static final Path MAIN = Path.of("target/classes");
    private static final Path TESTS = Path.of("target/test-classes");

    @Test
    void every_outgoing_port_has_a_contract_test_or_a_stated_reason_not_to() {
        Set<Class<?>> ports = new HashSet<>();
        for (Class<?> type : AdapterKit.topLevelTypes(MAIN, "dev.accessgate.application.port.out")) {
            // A sealed interface there is a value (an outcome), not a port.
            if (type.isInterface() && !type.isSealed()) {
                ports.add(type);
            }
        }
        Set<Class<?>> indexed = new HashSet<>(AdapterKit.CONTRACTS.keySet());
        indexed.addAll(AdapterKit.WITHOUT_CONTRACT.keySet());

        assertThat(ports).isNotEmpty().isEqualTo(indexed);
        assertThat(AdapterKit.CONTRACTS.keySet()).doesNotContainAnyElementsOf(AdapterKit.WITHOUT_CONTRACT.keySet());
    }

    @Test
    void every_contract_is_an_abstract_test_of_the_kit() {
        for (Class<?> contract : AdapterKit.CONTRACTS.values()) {
            assertThat(Modifier.isAbstract(contract.getModifiers())).as(contract.getName()).isTrue();
            assertThat(contract.getPackageName()).isEqualTo(AdapterKit.class.getPackageName());
            assertThat(contract.getSimpleName()).endsWith("ContractTest");
        }
    }

    @Test
    void the_in_memory_adapters_and_the_in_process_channel_run_every_contract_they_owe() {
        List<Class<?>> adapters = AdapterKit.concreteClasses(TESTS, AdapterKit.class.getPackageName()).stream()
                .filter(c -> c.getSimpleName().startsWith("InMemory") && !c.getSimpleName().endsWith("Test"))
                .collect(Collectors.toCollection(ArrayList::new));
        adapters.add(InProcessDeliveryChannel.class);
        List<Class<?>> tests = new ArrayList<>(AdapterKit.concreteClasses(TESTS, AdapterKit.class.getPackageName()));
        tests.addAll(AdapterKit.concreteClasses(TESTS, InProcessDeliveryChannel.class.getPackageName()));

        assertThat(adapters).hasSizeGreaterThanOrEqualTo(6);
        assertThat(AdapterKit.missingContractTests(adapters, tests)).isEmpty();
    }

    @Test
    void a_missing_contract_test_is_reported() {
        assertThat(AdapterKit.missingContractTests(List.of(InMemoryMigrationTransferStore.class, InMemoryUnitOfWork.class),
                List.of(InMemoryUnitOfWorkTest.class)))
                .containsExactly(MigrationTransferStoreContractTest.class);
    }
}
