package com.rapport.events;

import com.rapport.events.account.AccountOpened;
import com.rapport.events.outreach.ContactLogged;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedLanguageTest {

    @Test
    void everyEventTypeHasAUniqueExternalNameUnderRapport() {
        Set<String> names = new HashSet<>();
        for (Class<? extends PublishedEvent> type : PublishedLanguage.eventTypes()) {
            EventType described = PublishedLanguage.describe(type).orElseThrow();
            assertThat(described.name()).as(type.getSimpleName()).matches("rapport\\.[a-z]+\\.[a-z-]+");
            assertThat(described.revision()).as(type.getSimpleName()).isPositive();
            assertThat(names.add(described.name())).as("unique name %s", described.name()).isTrue();
            assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isTrue();
        }
    }

    @Test
    void everyPublishedEventIsRegistered() {
        var events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.rapport.events");
        events.stream()
                .filter(type -> type.isAnnotatedWith(EventType.class))
                .forEach(type -> assertThat(PublishedLanguage.typeNamed(type.getAnnotationOfType(EventType.class).name()))
                        .as(type.getSimpleName()).isPresent());
    }

    @Test
    void namesResolveToTheirTypes() {
        assertThat(PublishedLanguage.typeNamed("rapport.accounts.account-opened"))
                .contains(com.rapport.events.account.AccountOpened.class);
        assertThat(PublishedLanguage.typeNamed("rapport.accounts.no-such-thing")).isEmpty();
    }

    @Test
    void everyFieldWasAddedInARevisionThatExists() {
        for (Class<? extends PublishedEvent> type : PublishedLanguage.eventTypes()) {
            int current = PublishedLanguage.describe(type).orElseThrow().revision();
            Arrays.stream(type.getRecordComponents())
                    .map(field -> field.getAnnotation(AddedIn.class))
                    .filter(added -> added != null)
                    .forEach(added -> assertThat(added.value()).as(type.getSimpleName()).isBetween(2, current));
        }
    }

    @Test
    void aRevisionsShapeLeavesOutTheFieldsAddedLater() {
        assertThat(PublishedLanguage.fieldsAt(ContactLogged.class, 1)).containsExactly("contactId", "accountId",
                "channel", "outcome", "direction", "staffId", "staffRole", "agenda", "note", "occurredAt");
        assertThat(PublishedLanguage.fieldsAt(ContactLogged.class, 2))
                .containsExactly(Arrays.stream(ContactLogged.class.getRecordComponents()).map(field -> field.getName())
                        .toArray(String[]::new))
                .contains("durationMinutes");
        assertThat(PublishedLanguage.fieldsAt(AccountOpened.class, 1)).hasSize(AccountOpened.class.getRecordComponents().length);
    }

    @Test
    void onlyPublishedRevisionsHaveAShape() {
        assertThatThrownBy(() -> PublishedLanguage.fieldsAt(ContactLogged.class, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishedLanguage.fieldsAt(ContactLogged.class, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishedLanguage.fieldsAt(String.class, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dependsOnNothingButTheJdk() {
        var events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.rapport.events");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "tools.jackson..", "com.fasterxml..")
                .check(events);
    }
}
