package dev.accessgate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain is a published library: every public type and member says what it is. */
class JavadocCoverageTest {

    @Test
    void every_public_declaration_of_the_domain_has_javadoc() {
        assertThat(JavadocCoverage.undocumented(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void the_check_finds_a_public_type_and_method_without_javadoc(@TempDir Path dir) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("sample"));
        Files.writeString(pkg.resolve("Sample.java"), """
                package sample;

                public class Sample {
                    /** Documented. */
                    public void documented() {
                    }

                    /**
                     * Its compact constructor is exempt.
                     * @param a first
                     * @param b second
                     */
                    public record Pair(int a, int b) {
                        public Pair {
                        }
                    }

                    public void undocumented() {
                    }

                    void packagePrivateNeedsNothing() {
                    }
                }
                """);

        assertThat(JavadocCoverage.undocumented(dir)).containsExactly(
                "Sample.java:18: public void undocumented() {", "Sample.java:3: public class Sample {");
    }
}
