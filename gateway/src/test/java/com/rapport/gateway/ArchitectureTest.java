package com.rapport.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries the design draws, kept by the build. */
class ArchitectureTest {

    private final JavaClasses gateway = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.rapport.gateway");

    /** Security guards every route, the dashboard's included, without knowing how the dashboard is served. */
    @Test
    void securityKnowsNothingOfTheDashboard() {
        noClasses().that().resideInAPackage("com.rapport.gateway.security..")
                .should().dependOnClassesThat().resideInAPackage("com.rapport.gateway.dashboard..")
                .check(gateway);
    }

    /**
     * The gateway's concerns depend on one another one way. The known exception: the body-size
     * limit allows the import route its larger limit by the route's path, while the route reads
     * that limit from the body-size settings.
     */
    @Test
    void concernsDependOnEachOtherOneWay() {
        slices().matching("com.rapport.gateway.(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency("com.rapport.gateway.bodysize.BodySizeLimit", "com.rapport.gateway.imports.ImportRoute")
                .check(gateway);
    }
}
