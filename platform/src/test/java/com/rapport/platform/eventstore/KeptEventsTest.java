package com.rapport.platform.eventstore;

import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.ContactLogged;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.rapport.platform.eventstore.FieldsAddedTest.ACCOUNT_ID;
import static com.rapport.platform.eventstore.FieldsAddedTest.AT;
import static com.rapport.platform.eventstore.FieldsAddedTest.CONTACT_ID;
import static org.assertj.core.api.Assertions.assertThat;

class KeptEventsTest {

    private final PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create();
    private final KeptEvents kept = new KeptEvents(serializer,
            new EventUpcasterChain(new FieldsAdded(ContactLogged.class, 2)));

    @Test
    void aCopyKeptInAnOlderRevisionIsReadInTheCurrentOne() {
        Object read = kept.read("event-1", "rapport.outreach.contact-logged", "1", FieldsAddedTest.contactLoggedInRevision1());

        assertThat(read).isInstanceOfSatisfying(ContactLogged.class, contact -> {
            assertThat(contact.contactId()).isEqualTo(CONTACT_ID);
            assertThat(contact.note()).isEqualTo("Quarterly review");
            assertThat(contact.durationMinutes()).isNull();
        });
    }

    @Test
    void aCopyKeptInTheCurrentRevisionIsReadAsItWasKept() {
        AccountWonBack wonBack = new AccountWonBack(ACCOUNT_ID, AT);
        var stored = serializer.serialize(wonBack, byte[].class);

        Object read = kept.read("event-2", stored.getType().getName(), stored.getType().getRevision(),
                new String(stored.getData(), StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(wonBack);
    }
}
