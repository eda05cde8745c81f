package dev.accessgate.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.domain.DocSnippets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/adapters.md is true: its code is the kit's real code, its paths exist, its port table is the kit's. */
class AdaptersGuideTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Path GUIDE = REPOSITORY.resolve("docs/adapters.md");
    private static final List<String> SOURCES = List.of(
            "application/src/test/java/dev/accessgate/application/testkit/InMemoryMigrationTransferStore.java",
            "application/src/test/java/dev/accessgate/application/testkit/InMemoryMigrationTransferStoreTest.java",
            "adapters-persistence/src/test/java/dev/accessgate/adapters/persistence/sqlite/SqliteMigrationTransferStoreTest.java",
            "adapters-persistence/src/test/java/dev/accessgate/adapters/persistence/sqlite/SqliteAdapterKitTest.java");

    @Test
    void the_guide_shows_exactly_the_marked_code_of_the_kit_and_the_sqlite_adapter() {
        Map<String, String> regions = new LinkedHashMap<>();
        SOURCES.forEach(source -> regions.putAll(DocSnippets.regions(REPOSITORY.resolve(source))));

        assertThat(DocSnippets.blocks(GUIDE)).isNotEmpty().isEqualTo(regions);
    }

    @Test
    void every_file_the_guide_names_exists() throws Exception {
        Matcher path = Pattern.compile("`((?:app|application|adapters-[a-z]+|domain)/[\\w/.-]+\\.java)`")
                .matcher(Files.readString(GUIDE));
        int named = 0;
        while (path.find()) {
            assertThat(REPOSITORY.resolve(path.group(1))).as(path.group(1)).isRegularFile();
            named++;
        }
        assertThat(named).isGreaterThanOrEqualTo(SOURCES.size());
    }

    @Test
    void the_port_table_is_the_kit_s_index() throws Exception {
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\| `(\\w+ContractTest)` \\|").matcher(Files.readString(GUIDE));
        Map<String, String> table = new LinkedHashMap<>();
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        Map<String, String> kit = new LinkedHashMap<>();
        AdapterKit.CONTRACTS.forEach((port, contract) -> kit.put(port.getSimpleName(), contract.getSimpleName()));

        assertThat(table).isEqualTo(kit);
    }
}
