package dev.accessgate.domain.filter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The filter language is pure Java: its main code uses nothing outside the JDK and itself. */
class FilterDependenciesTest {

    @Test
    void mainCodeDependsOnlyOnTheJdk() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.accessgate.domain.filter");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.accessgate.domain.filter..")
                .check(main);
    }
}
