package dev.accessgate.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.domain.JavadocCoverage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The application is a published library: every public type and member says what it is. */
class JavadocCoverageTest {

    @Test
    void every_public_declaration_of_the_application_has_javadoc() {
        assertThat(JavadocCoverage.undocumented(Path.of("src/main/java"))).isEmpty();
    }
}
