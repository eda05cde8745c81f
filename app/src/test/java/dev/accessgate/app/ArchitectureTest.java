package dev.accessgate.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The hexagon's boundaries, checked on every build. Rules are named as the sentences they enforce. */
@AnalyzeClasses(packages = "dev.accessgate",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Test-jars (the adapter kit, generators) are test code too, whatever their packages. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }


    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage("dev.accessgate.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.accessgate.domain..", "java..");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_the_jdk = classes()
            .that().resideInAPackage("dev.accessgate.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.accessgate.application..", "dev.accessgate.domain..", "java..");

    @ArchTest
    static final ArchRule adapters_never_depend_on_each_other = slices()
            .matching("dev.accessgate.adapters.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule nothing_depends_on_the_app = noClasses()
            .that().resideOutsideOfPackage("dev.accessgate.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.accessgate.app..");

    @ArchTest
    static final ArchRule the_inner_rings_never_reach_out_to_adapters = noClasses()
            .that().resideInAnyPackage("dev.accessgate.domain..", "dev.accessgate.application..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.accessgate.adapters..", "dev.accessgate.app..");

    @ArchTest
    static final ArchRule there_are_no_cycles_between_packages = slices()
            .matching("dev.accessgate.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule only_the_command_line_writes_to_standard_streams = noClasses()
            .that().resideOutsideOfPackage("dev.accessgate.app.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule persistence_adapters_use_no_web_framework = noClasses()
            .that().resideInAPackage("dev.accessgate.adapters.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta.inject..");
}
