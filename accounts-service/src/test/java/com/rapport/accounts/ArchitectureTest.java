package com.rapport.accounts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries the design draws, kept by the build. */
class ArchitectureTest {

    private final JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.rapport.accounts");

    @Test
    void theAggregateAndItsCommandsArePlainCode() {
        noClasses().that().resideInAPackage("..accounts.account..")
                .and().haveSimpleNameNotEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..")
                .check(service);
    }

    @Test
    void nothingReachesIntoAnotherService() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.rapport.outreach..", "com.rapport.insights..", "com.rapport.gateway..")
                .check(service);
    }

    @Test
    void onlyTheDirectoryTouchesItsTable() {
        noClasses().that().resideOutsideOfPackage("..accounts.directory..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .check(service);
    }
}
