package dev.accessgate.domain;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.accessgate.domain.delivery.EventTypePattern;
import dev.accessgate.domain.delivery.RetryData;
import dev.accessgate.domain.filter.ErrorCode;
import dev.accessgate.domain.filter.Evaluation;
import dev.accessgate.domain.filter.EventFilter;
import dev.accessgate.domain.filter.FilterDecision;
import dev.accessgate.domain.filter.FilterError;
import dev.accessgate.domain.filter.FilterException;
import dev.accessgate.domain.filter.FilterExpression;
import dev.accessgate.domain.filter.OnError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The domain as a published library (docs/decisions/0007-libraries-and-adapter-kit.md): it
 * depends on the JDK only, and what is internal stays package-private, so that japicmp only
 * has the deliberate API to guard.
 */
class LibraryBoundaryTest {

    /** The module's own main classes only: faster than scanning the class path. */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void the_domain_depends_on_nothing_but_the_jdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.accessgate.domain..")
                .check(MAIN);
    }

    @Test
    void the_filter_engine_is_internal_behind_its_small_api() {
        noClasses().that().resideInAPackage("dev.accessgate.domain.filter").and().areTopLevelClasses()
                .and(not(belongToAnyOf(FilterExpression.class, EventFilter.class, FilterDecision.class,
                        Evaluation.class, FilterError.class, ErrorCode.class, FilterException.class, OnError.class)))
                .should().bePublic()
                .because("the lexer, parser, tree and evaluator may change in any release")
                .check(MAIN);
    }

    @Test
    void helpers_of_one_package_stay_package_private() {
        noClasses().that().haveSimpleName("Checks").should().bePublic().check(MAIN);
        noMethods().that().areDeclaredIn(RetryData.class).and().haveName("fits").or().haveName("utf8Length")
                .should().bePublic().check(MAIN);
        noMethods().that().areDeclaredIn(EventTypePattern.class).and().haveName("isExact")
                .should().bePublic().check(MAIN);
    }
}
