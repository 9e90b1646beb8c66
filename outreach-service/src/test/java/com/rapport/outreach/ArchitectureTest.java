package com.rapport.outreach;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries the design draws, kept by the build. */
class ArchitectureTest {

    private final JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.rapport.outreach");

    /** Aggregates, commands and the rules they share are plain code: no Spring, no SQL, no HTTP. */
    @Test
    void theCommandSideIsPlainCode() {
        noClasses().that().resideInAnyPackage("..contact..", "..pitch..", "..feedback..", "..need..", "..signal..",
                        "..interview..", "..call..")
                .and().haveSimpleNameNotEndingWith("Controller")
                .and().doNotHaveSimpleName("LoggedContacts")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..")
                .check(service);
        noClasses().that().haveSimpleName("AccountStanding").or().haveSimpleName("Recording")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..")
                .check(service);
    }

    @Test
    void nothingReachesIntoAnotherService() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.rapport.accounts..", "com.rapport.insights..", "com.rapport.gateway..")
                .check(service);
    }

    /** SQL lives in the projection that owns the table. */
    @Test
    void onlyProjectionsTouchTheDatabase() {
        noClasses().that().doNotHaveSimpleName("KnownAccounts").and().doNotHaveSimpleName("Timeline")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .check(service);
    }
}
