package com.rapport.insights;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries the design draws, kept by the build. */
class ArchitectureTest {

    private final JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.rapport.insights");

    /**
     * The health model is a pure function of an account's folded state and the policy: the JDK,
     * the published events and the state, nothing else (no Spring, no SQL, no HTTP, no read model).
     * Its refusals of a span or a step are still platform's problem types; issue 12's domain errors
     * take that last one away.
     */
    @Test
    void theHealthModelIsPlainCodeOverTheFoldedState() {
        classes().that().resideInAPackage("com.rapport.insights.health..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.rapport.events..",
                        "com.rapport.insights.health..", "com.rapport.insights.account..",
                        "com.rapport.platform.problem..")
                .check(service);
    }

    /**
     * Capabilities depend on one another one way. The known exception: the account state and its
     * table ({@code account}) hold the policy and store the assessments, while the model and the
     * views read the state, so {@code account} and {@code health}/{@code assessment} refer to each
     * other; no other cycle is allowed.
     */
    @Test
    void capabilitiesDependOnEachOtherOneWay() {
        slices().matching("com.rapport.insights.(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("com.rapport.insights.account.."),
                        resideInAnyPackage("com.rapport.insights.health..", "com.rapport.insights.assessment.."))
                .check(service);
    }

    /** Controllers are the edge: named so, and nothing inside the service calls one. */
    @Test
    void controllersAreOnlyAtTheEdge() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().haveSimpleNameEndingWith("Controller")
                .check(service);
        noClasses().should().dependOnClassesThat().areAnnotatedWith(RestController.class)
                .check(service);
    }
}
