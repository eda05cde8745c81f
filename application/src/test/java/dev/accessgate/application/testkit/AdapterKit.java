package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.BaselineStore;
import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.ConnectInstallationStore;
import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.application.port.out.DeliveryFilterCompiler;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.application.port.out.EventHandler;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.IngestObserver;
import dev.accessgate.application.port.out.ForgeInstallationStore;
import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.application.port.out.MigrationWebhookApi;
import dev.accessgate.application.port.out.ObservationScope;
import dev.accessgate.application.port.out.OverviewStore;
import dev.accessgate.application.port.out.RetentionStore;
import dev.accessgate.application.port.out.SiteDirectory;
import dev.accessgate.application.port.out.UnitOfWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The index of the adapter kit: which abstract contract test proves an implementation of each
 * outgoing port, and which ports have none and why. docs/adapters.md is built on it, and
 * {@link #missingContractTests} lets an adapter module check that it runs every contract its
 * classes owe.
 */
public final class AdapterKit {

    private static final String PORTS = "dev.accessgate.application.port.out";

    /** The contract test of each outgoing port an adapter implements. */
    public static final Map<Class<?>, Class<?>> CONTRACTS = Map.ofEntries(
            Map.entry(EventStore.class, EventStoreContractTest.class),
            Map.entry(BlockLedgerStore.class, BlockLedgerStoreContractTest.class),
            Map.entry(BaselineStore.class, BaselineStoreContractTest.class),
            Map.entry(DeliveryStore.class, DeliveryStoreContractTest.class),
            // One contract for both: a Connect store is the site directory, and the SQLite store keeps both.
            Map.entry(ForgeInstallationStore.class, InstallationStoreContractTest.class),
            Map.entry(ConnectInstallationStore.class, InstallationStoreContractTest.class),
            Map.entry(SiteDirectory.class, InstallationStoreContractTest.class),
            Map.entry(MigrationTransferStore.class, MigrationTransferStoreContractTest.class),
            Map.entry(OverviewStore.class, OverviewStoreContractTest.class),
            Map.entry(RetentionStore.class, RetentionStoreContractTest.class),
            Map.entry(UnitOfWork.class, UnitOfWorkContractTest.class),
            Map.entry(DeliveryChannel.class, DeliveryChannelContractTest.class),
            Map.entry(DeliveryFilterCompiler.class, DeliveryFilterCompilerContractTest.class));

    /** Outgoing ports with no contract test of their own, and why. */
    public static final Map<Class<?>, String> WITHOUT_CONTRACT = Map.of(
            DeliveryFilter.class, "made by a DeliveryFilterCompiler and proved by its contract",
            EventHandler.class, "implemented by the embedding product; what a channel does with it is the DeliveryChannel contract",
            DeliveryObserver.class, "a callback of the embedding product (logs, metrics); the worker's tests check how it is called",
            ObservationScope.class, "what an observer keeps open around one event or attempt; part of the observer callbacks",
            IngestObserver.class, "a callback of the embedding product (logs, metrics); the ingest services' tests check how it is called",
            MigrationWebhookApi.class, "a client of Atlassian's Notification API; its adapter is tested against a fake site (not yet a kit contract)");

    private AdapterKit() {
    }

    /** The contract test for {@code port}, if it has one. */
    public static Optional<Class<?>> contractFor(Class<?> port) {
        return Optional.ofNullable(CONTRACTS.get(port));
    }

    /** The outgoing ports {@code adapter} implements, directly or through other interfaces or superclasses. */
    public static Set<Class<?>> portsOf(Class<?> adapter) {
        Set<Class<?>> ports = new LinkedHashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(adapter));
        while (!todo.isEmpty()) {
            Class<?> type = todo.remove(todo.size() - 1);
            if (type.isInterface() && type.getPackageName().equals(PORTS)) {
                ports.add(type);
            }
            todo.addAll(List.of(type.getInterfaces()));
            if (type.getSuperclass() != null) {
                todo.add(type.getSuperclass());
            }
        }
        return ports;
    }

    /**
     * For each port some class of {@code adapters} implements and the kit has a contract for, the
     * contract when none of {@code tests} extends it. Empty when the adapter module runs the whole kit.
     */
    public static Set<Class<?>> missingContractTests(Collection<Class<?>> adapters, Collection<Class<?>> tests) {
        Set<Class<?>> missing = new LinkedHashSet<>();
        for (Class<?> adapter : adapters) {
            for (Class<?> port : portsOf(adapter)) {
                contractFor(port).filter(contract -> tests.stream().noneMatch(contract::isAssignableFrom))
                        .ifPresent(missing::add);
            }
        }
        return missing;
    }

    /** The concrete top-level classes compiled under {@code classesRoot} (such as {@code target/classes}) in {@code packageName}. */
    public static List<Class<?>> concreteClasses(Path classesRoot, String packageName) {
        return topLevelTypes(classesRoot, packageName).stream()
                .filter(type -> !type.isInterface() && !Modifier.isAbstract(type.getModifiers()))
                .toList();
    }

    /** Every top-level class and interface compiled under {@code classesRoot} in {@code packageName}. */
    public static List<Class<?>> topLevelTypes(Path classesRoot, String packageName) {
        Path dir = classesRoot.resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            List<Class<?>> types = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.contains("$") && !name.equals("package-info.class")) {
                    types.add(Class.forName(packageName + "." + name.substring(0, name.length() - ".class".length())));
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
