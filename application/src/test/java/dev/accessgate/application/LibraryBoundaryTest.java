package dev.accessgate.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.accessgate.application.service.SubscriptionRouter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The application as a published library (docs/decisions/0007-libraries-and-adapter-kit.md):
 * it depends on the domain and the JDK only, and what is internal stays package-private.
 */
class LibraryBoundaryTest {

    /** The module's own main classes only: faster than scanning the class path. */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void the_application_depends_on_the_domain_and_the_jdk_only() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.accessgate.domain..", "dev.accessgate.application..")
                .check(MAIN);
    }

    @Test
    void logging_goes_through_the_jdk_if_anywhere() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..")
                .because("a library logs through System.Logger, which the embedding product routes")
                .check(MAIN);
    }

    @Test
    void helpers_of_one_package_stay_package_private() {
        noClasses().that().haveSimpleName("Digests").should().bePublic().check(MAIN);
        noClasses().that().haveFullyQualifiedName(SubscriptionRouter.class.getName() + "$Routing")
                .should().bePublic().check(MAIN);
        noMethods().that().areDeclaredIn(SubscriptionRouter.class)
                .and().haveName("route").or().haveName("reportFiltered")
                .should().bePublic().check(MAIN);
    }
}
